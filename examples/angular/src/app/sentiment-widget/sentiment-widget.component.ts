import {
  ChangeDetectionStrategy,
  Component,
  DestroyRef,
  afterNextRender,
  computed,
  effect,
  inject,
  signal,
  untracked,
} from '@angular/core';
import { injectConnectionStatus, injectLatest } from 'marketprophit-rx/angular';
import { PLOT, VIEW, Y_TICKS, clock, linePoints, signed, yOf, type Reading } from './chart-geometry';
import { statusText } from './status-text';

const TICKER = 'AAPL';
const WINDOW_MS = 60_000;

/**
 * One ticker's live crowd sentiment: the last value large, its change over the window, when it was
 * measured, and a chart of the last minute on a fixed −1…+1 axis that slides with time. While the
 * connection is not live the figures stay, greyed, under a status line that says why.
 */
@Component({
  selector: 'app-sentiment-widget',
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <section class="widget" [class.stale]="!live()" [attr.data-state]="status().state">
      <header>
        <span class="ticker">{{ ticker }}</span>
        <span class="label">crowd sentiment</span>
        <span class="status" role="status" [attr.data-state]="badge()">{{ statusLine() }}</span>
      </header>
      <div class="figures">
        <span class="value">{{ valueText() }}</span>
        <span class="change" [class.up]="change() > 0" [class.down]="change() < 0">
          @if (changeText(); as change) {
            {{ change }} <small>over {{ windowSeconds }} s</small>
          }
        </span>
      </div>
      <p class="as-of">{{ asOf() }}</p>
      <svg
        [attr.viewBox]="'0 0 ' + view.width + ' ' + view.height"
        role="img"
        [attr.aria-label]="ticker + ' crowd sentiment over the last ' + windowSeconds + ' seconds'"
      >
        @for (tick of yTicks; track tick) {
          <line
            [attr.x1]="plot.left"
            [attr.x2]="plot.left + plot.width"
            [attr.y1]="y(tick)"
            [attr.y2]="y(tick)"
            [class.zero]="tick === 0"
            class="grid"
          />
          <text [attr.x]="plot.left - 6" [attr.y]="y(tick) + 4" text-anchor="end" class="tick">
            {{ tickLabel(tick) }}
          </text>
        }
        @for (tick of xTicks; track tick.label) {
          <text [attr.x]="tick.x" [attr.y]="view.height - 6" text-anchor="middle" class="tick">
            {{ tick.label }}
          </text>
        }
        <polyline [attr.points]="points()" class="line" />
      </svg>
    </section>
  `,
  styles: `
    .widget {
      max-width: 38rem;
      padding: 1rem 1.25rem;
      border: 1px solid #d0d7de;
      border-radius: 0.75rem;
      background: #fff;
    }
    header {
      display: flex;
      flex-wrap: wrap;
      align-items: baseline;
      gap: 0.5rem;
    }
    .ticker {
      font-size: 1.5rem;
      font-weight: 700;
    }
    .label {
      color: #57606a;
    }
    .status {
      margin-left: auto;
      padding: 0.1rem 0.7rem;
      border-radius: 1rem;
      background: #eaeef2;
      font-size: 0.9rem;
    }
    .status[data-state='connected'] {
      background: #dafbe1;
      color: #116329;
    }
    .status[data-state='failed'],
    .status[data-state='stopped'] {
      flex-basis: 100%;
      margin-left: 0;
      border-radius: 0.5rem;
      padding: 0.4rem 0.7rem;
      background: #ffebe9;
      color: #a40e26;
    }
    .figures {
      display: flex;
      align-items: baseline;
      gap: 1rem;
      margin-top: 0.5rem;
    }
    .value {
      font-size: 3rem;
      font-weight: 700;
      font-variant-numeric: tabular-nums;
    }
    .change {
      font-size: 1.25rem;
      font-variant-numeric: tabular-nums;
    }
    .change.up {
      color: #1a7f37;
    }
    .change.down {
      color: #cf222e;
    }
    .as-of {
      margin: 0.25rem 0 0.75rem;
      color: #57606a;
    }
    .stale .figures,
    .stale .as-of,
    .stale svg {
      opacity: 0.45;
      filter: grayscale(1);
    }
    .grid {
      stroke: #eaeef2;
    }
    .grid.zero {
      stroke: #8c959f;
    }
    .tick {
      font-size: 11px;
      fill: #57606a;
    }
    .line {
      fill: none;
      stroke: #0969da;
      stroke-width: 2;
    }
  `,
})
export class SentimentWidgetComponent {
  protected readonly ticker = TICKER;
  protected readonly windowSeconds = WINDOW_MS / 1000;
  protected readonly view = VIEW;
  protected readonly plot = PLOT;
  protected readonly yTicks = Y_TICKS;
  protected readonly xTicks = [
    { label: `−${WINDOW_MS / 1000} s`, x: PLOT.left },
    { label: `−${WINDOW_MS / 2000} s`, x: PLOT.left + PLOT.width / 2 },
    { label: 'now', x: PLOT.left + PLOT.width },
  ];
  protected readonly y = yOf;

  private readonly latest = injectLatest('/real-time/crowd-sentiment', { ticker: TICKER });
  protected readonly status = injectConnectionStatus();
  private readonly readings = signal<readonly Reading[]>([]);
  /** The clock of the sliding window: ticks every second in the browser (not while rendering on a server). */
  private readonly now = signal(Date.now());

  /** The client's state, or `stopped` when this widget's own stream ended with an error. */
  protected readonly badge = computed(() => {
    const { state, problem } = this.status();
    return problem?.kind === 'subscription' ? 'stopped' : state;
  });
  protected readonly live = computed(() => this.badge() === 'connected');
  private readonly last = computed(() => this.readings().at(-1));
  private readonly inWindow = computed(() =>
    this.readings().filter(({ at }) => this.now() - at <= WINDOW_MS),
  );
  protected readonly change = computed(() => {
    const shown = this.inWindow();
    const first = shown[0];
    const last = shown.at(-1);
    return first === undefined || last === undefined ? 0 : last.value - first.value;
  });
  protected readonly valueText = computed(() => {
    const last = this.last();
    return last === undefined ? '—' : signed(last.value);
  });
  protected readonly changeText = computed(() => {
    const shown = this.inWindow().length;
    return shown === 0 ? '' : shown === 1 ? '±0.000' : signed(this.change());
  });
  protected readonly asOf = computed(() => {
    const last = this.last();
    if (last === undefined) return 'waiting for the first reading…';
    const ago = Math.max(0, Math.round((this.now() - last.at) / 1000));
    return `as of ${clock(last.at)} · ${ago} s ago`;
  });
  protected readonly statusLine = computed(() => statusText(this.status(), this.last() !== undefined));
  protected readonly points = computed(() => linePoints(this.inWindow(), this.now(), WINDOW_MS));

  constructor() {
    effect(() => {
      const event = this.latest();
      const record = event?.results.find((result) => result.ticker === TICKER);
      if (event === undefined || record === undefined) return;
      const at = event.timestamp.getTime();
      untracked(() => {
        this.now.set(Math.max(this.now(), at));
        this.readings.update((readings) => [
          ...readings.filter((reading) => at - reading.at <= WINDOW_MS * 1.5),
          { at, value: record.crowd_sentiment },
        ]);
      });
    });
    const destroyRef = inject(DestroyRef);
    afterNextRender(() => {
      const timer = setInterval(() => this.now.set(Date.now()), 1_000);
      destroyRef.onDestroy(() => clearInterval(timer));
    });
  }

  protected tickLabel(tick: number): string {
    return tick === 0 ? '0' : signed(tick, 1);
  }
}
