import { DecimalPipe } from '@angular/common';
import { ChangeDetectionStrategy, Component, computed, input } from '@angular/core';
import { linePoints, type ChartBox } from './line-points';

const BOX: ChartBox = { width: 600, height: 200, inset: 6 };

/** A line chart of the values it is given, oldest left, with the range printed beside it. */
@Component({
  selector: 'app-sentiment-chart',
  imports: [DecimalPipe],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <figure>
      <svg
        [attr.viewBox]="'0 0 ' + box.width + ' ' + box.height"
        role="img"
        [attr.aria-label]="label() + ': ' + values().length + ' readings'"
      >
        <rect [attr.width]="box.width" [attr.height]="box.height" class="frame" />
        @if (values().length > 0) {
          <polyline [attr.points]="points()" class="line" />
        }
      </svg>
      <figcaption>
        @if (range(); as r) {
          {{ label() }} · last {{ values().length }} · low {{ r.low | number: '1.4-4' }} · high
          {{ r.high | number: '1.4-4' }}
        } @else {
          {{ label() }} · waiting for data…
        }
      </figcaption>
    </figure>
  `,
  styles: `
    svg {
      width: 100%;
      height: auto;
      display: block;
    }
    .frame {
      fill: #fafafa;
      stroke: #ddd;
    }
    .line {
      fill: none;
      stroke: #2962ff;
      stroke-width: 2;
      stroke-linejoin: round;
    }
    figure {
      margin: 0;
    }
    figcaption {
      color: #666;
      font-variant-numeric: tabular-nums;
    }
  `,
})
export class SentimentChartComponent {
  readonly values = input.required<readonly number[]>();
  readonly label = input('');

  protected readonly box = BOX;
  protected readonly points = computed(() => linePoints(this.values(), BOX));
  protected readonly range = computed(() => {
    const values = this.values();
    return values.length === 0 ? undefined : { low: Math.min(...values), high: Math.max(...values) };
  });
}
