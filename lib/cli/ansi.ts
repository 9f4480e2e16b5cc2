const ESC = '\u001b[';

export const hideCursor = `${ESC}?25l`;
export const showCursor = `${ESC}?25h`;

/**
 * Text that replaces the last frame (`previousLines` lines, each ended by a newline) with `lines`:
 * back to the frame's first line, clear to the end of the screen, write the new one.
 */
export const redraw = (previousLines: number, lines: readonly string[]): string =>
  `${previousLines > 0 ? `${ESC}${previousLines}F${ESC}J` : ''}${lines.map((line) => `${line}\n`).join('')}`;
