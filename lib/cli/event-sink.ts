import { type Observable, interval, merge } from 'rxjs';
import type { ClientStatus } from '../lifecycle/client-state';
import { describeStatus } from './describe-error';
import type { RealTimePath } from '../endpoints/real-time-specs';
import type { DataEvent } from '../subscription/data-event';
import type { CliStream } from './cli-environment';
import { rateMeter } from './rate-meter';
import { latestByTicker, renderTable, type Row } from './render-table';
import type { SafeOutput } from './safe-output';

const ESC = '\u001b[';

export const hideCursor = `${ESC}?25l`;
export const showCursor = `${ESC}?25h`;

/**
 * Text that replaces the last frame (`previousLines` lines, each ended by a newline) with `lines`:
 * back to the frame's first line, clear to the end of the screen, write the new one.
 */
export const redraw = (previousLines: number, lines: readonly string[]): string =>
  `${previousLines > 0 ? `${ESC}${previousLines}F${ESC}J` : ''}${lines.map((line) => `${line}\n`).join('')}`;

/** One event as one line of JSON, in the protocol's shape (`Date`s as ISO-8601). */
export const ndjsonLine = (event: DataEvent<unknown, unknown>): string =>
  `${JSON.stringify({
    path: event.path,
    params: event.params,
    results: event.results,
    timestamp: event.timestamp,
  })}\n`;

/** Where `stream` puts the events it receives. */
export interface EventSink {
  next(event: DataEvent<unknown, unknown>): void;
  /** Writes whatever is left (the last frame) and stops its timers. */
  end(): void;
}

/** One decoded event a line. */
export const ndjsonSink = (output: SafeOutput): EventSink => ({
  next: (event) => output.write(ndjsonLine(event)),
  end: () => undefined,
});

export interface TableSinkOptions {
  readonly path: RealTimePath;
  readonly ticker: string | undefined;
  readonly status$: Observable<ClientStatus>;
  readonly terminal: CliStream;
}

/**
 * A live table redrawn in place: on every event, every change of state (with the reason while the client
 * retries), and twice a second for the rate.
 */
export const tableSink = (output: SafeOutput, options: TableSinkOptions): EventSink => {
  const rows = new Map<string, Row>();
  const rate = rateMeter(Date.now);
  let state = 'idle';
  let total = 0;
  let drawn = 0;

  const draw = () => {
    const lines = renderTable(
      { path: options.path, ticker: options.ticker, state, perSecond: rate.perSecond(), total, rows },
      // A pseudo-terminal without a size reports 0 columns.
      options.terminal.columns || undefined,
    );
    output.write(redraw(drawn, lines));
    drawn = lines.length;
  };

  output.write(hideCursor);
  const redraws = merge(options.status$, interval(500)).subscribe((value) => {
    if (typeof value !== 'number') state = describeStatus(value);
    draw();
  });

  return {
    next(event) {
      total += 1;
      rate.record();
      latestByTicker(rows, event.results);
      draw();
    },
    end() {
      redraws.unsubscribe();
      draw();
      output.write(showCursor);
    },
  };
};
