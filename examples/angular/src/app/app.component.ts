import { ChangeDetectionStrategy, Component } from '@angular/core';
import { SentimentWidgetComponent } from './sentiment-widget/sentiment-widget.component';

@Component({
  selector: 'app-root',
  imports: [SentimentWidgetComponent],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <h1>Live crowd sentiment</h1>
    <app-sentiment-widget />
  `,
})
export class AppComponent {}
