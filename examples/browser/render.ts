import type { ClientState } from 'marketprophit-rx';

/** One crowd-sentiment reading, as the page shows it. */
export interface Reading {
  readonly value: number;
  readonly timestamp: Date;
}

const element = (id: string): HTMLElement => {
  const found = document.getElementById(id);
  if (found === null) throw new Error(`index.html has no #${id}`);
  return found;
};

/** The connection badge: its text and `data-state` (which the stylesheet colours). */
export const renderState = (state: ClientState): void => {
  const badge = element('state');
  badge.textContent = state;
  badge.dataset['state'] = state;
};

/** The latest reading large, the ones before it in a list, newest first. */
export const renderReadings = (readings: readonly Reading[], count: number): void => {
  const [latest, ...earlier] = readings;
  if (latest === undefined) return;
  element('value').textContent = latest.value.toFixed(4);
  element('updated').textContent = `${latest.timestamp.toLocaleTimeString()} · update ${count}`;
  element('history').replaceChildren(
    ...earlier.map(({ value, timestamp }) => {
      const item = document.createElement('li');
      item.textContent = `${timestamp.toLocaleTimeString()}  ${value.toFixed(4)}`;
      return item;
    }),
  );
};

export const renderError = (error: unknown): void => {
  element('error').textContent = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
};
