/** What {@link findInWindow} saw. */
export interface WindowScan {
  /** Property paths (and storage, cookies) whose string value contains the needle. */
  readonly found: string[];
  /** How many values it looked at. */
  readonly visited: number;
  /** Whether it stopped early at its budget (then the scan is incomplete). */
  readonly exhausted: boolean;
}

/**
 * Runs in the page (pass it to `page.evaluate`): walks the page's globals breadth-first, through data
 * properties only (getters could have effects; the DOM is checked as HTML), skipping built-in
 * functions, plus storage and cookies, for strings that contain `needle`.
 * Self-contained on purpose: Playwright sends its source to the page.
 */
export const findInWindow = (needle: string): WindowScan => {
  const found: string[] = [];
  const seen = new Set<unknown>();
  const queue: [value: unknown, path: string][] = [[window, 'window']];
  const budget = 200_000;
  let visited = 0;
  while (queue.length > 0 && visited < budget) {
    const [value, path] = queue.shift() as [unknown, string];
    visited += 1;
    if (typeof value === 'string') {
      if (value.includes(needle)) found.push(path);
      continue;
    }
    const isObject = (typeof value === 'object' && value !== null) || typeof value === 'function';
    if (!isObject || seen.has(value) || value instanceof Node) continue;
    seen.add(value);
    if (
      typeof value === 'function' &&
      /\{\s*\[native code\]\s*\}$/.test(Function.prototype.toString.call(value))
    )
      continue;
    for (const key of Object.getOwnPropertyNames(value)) {
      const descriptor = Object.getOwnPropertyDescriptor(value, key);
      if (descriptor !== undefined && 'value' in descriptor) queue.push([descriptor.value, `${path}.${key}`]);
    }
  }
  const stores: [string, Storage][] = [
    ['localStorage', localStorage],
    ['sessionStorage', sessionStorage],
  ];
  for (const [name, store] of stores) {
    for (let index = 0; index < store.length; index += 1) {
      const key = store.key(index) ?? '';
      if (`${key}=${store.getItem(key) ?? ''}`.includes(needle)) found.push(`${name}.${key}`);
    }
  }
  if (document.cookie.includes(needle)) found.push('document.cookie');
  return { found, visited, exhausted: queue.length > 0 };
};
