import type { Page } from 'playwright-core';

export interface ZoneTaskCount {
  /** Tasks (event listeners, timers, XHR callbacks…) zone.js ran in the named zone. */
  readonly tasks: number;
  /** Their sources, e.g. `WebSocket.addEventListener:message`, for a readable failure. */
  readonly sources: readonly string[];
}

/**
 * Counts the tasks zone.js runs in `zoneName` for `ms`. Angular runs change detection after every task
 * of its zone (`angular`), so work kept outside it counts zero here; values brought in with
 * `zone.run()` are not tasks and do not count either.
 */
export const countZoneTasks = (page: Page, zoneName: string, ms: number): Promise<ZoneTaskCount> =>
  page.evaluate(
    async ({ zoneName: name, ms: duration }) => {
      interface ZoneLike {
        readonly name: string;
        runTask(task: { source: string }, ...rest: unknown[]): unknown;
      }
      const zone = (window as unknown as { Zone?: { prototype: ZoneLike } }).Zone;
      if (zone === undefined) throw new Error('zone.js is not loaded in the page');
      const original = zone.prototype.runTask;
      const sources: string[] = [];
      zone.prototype.runTask = function (this: ZoneLike, task, ...rest) {
        if (this.name === name) sources.push(task.source);
        return original.call(this, task, ...rest);
      };
      try {
        await new Promise((resolve) => setTimeout(resolve, duration));
      } finally {
        zone.prototype.runTask = original;
      }
      return { tasks: sources.length, sources: [...new Set(sources)] };
    },
    { zoneName, ms },
  );
