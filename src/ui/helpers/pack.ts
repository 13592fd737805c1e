/**
 * Packs parts into lines of at most `width` columns, two spaces apart, in order; a part longer than a
 * line gets a line of its own, cut with … (or, with `wrap`, wrapped onto as many lines as it needs), and a
 * part marked `alone` has its line (or lines) to itself. Pure.
 */
export function packParts<T extends { readonly text: string; readonly alone?: boolean }>(
  parts: readonly T[],
  width: number,
  options: { readonly wrap?: boolean } = {},
): T[][] {
  const lines: T[][] = [];
  let used = 0;
  let closed = false;
  for (const part of parts) {
    const length = Array.from(part.text).length;
    const line = lines.at(-1);
    const fits = line !== undefined && !closed && !part.alone && used + 2 + length <= width;
    closed = part.alone === true;
    if (fits) {
      line.push(part);
      used += 2 + length;
      continue;
    }
    if (length > width && options.wrap) {
      const pieces = wrapText(part.text, width);
      for (const piece of pieces) lines.push([{ ...part, text: piece }]);
      used = Array.from(pieces.at(-1)!).length;
      continue;
    }
    const fitted = length > width ? { ...part, text: cut(part.text, width) } : part;
    lines.push([fitted]);
    used = Math.min(length, width);
  }
  return lines;
}

/**
 * Text wrapped at spaces into lines of at most `width` columns, the lines after the first indented by two;
 * a line breaks after a dash (—) when one is on it, so "… — try x" keeps "try x" together. A word longer
 * than a line is cut with …. Pure.
 */
export function wrapText(text: string, width: number): string[] {
  const words = text.split(' ').filter((w) => w !== '');
  const lines: string[] = [];
  let line: string[] = [];
  const room = () => (lines.length === 0 ? width : width - 2);
  const flush = (words: string[]) => lines.push(`${lines.length === 0 ? '' : '  '}${words.join(' ')}`);
  for (const word of words) {
    const next = [...line, word];
    if (Array.from(next.join(' ')).length <= room() || line.length === 0) {
      line = next.length === 1 ? [cut(word, room())] : next;
      continue;
    }
    const dash = line.lastIndexOf('—');
    if (dash > 0 && dash < line.length - 1) {
      flush(line.slice(0, dash + 1));
      line = [...line.slice(dash + 1), word];
      if (Array.from(line.join(' ')).length > room()) {
        flush(line.slice(0, -1));
        line = [cut(word, room())];
      }
    } else {
      flush(line);
      line = [cut(word, room())];
    }
  }
  if (line.length > 0) flush(line);
  return lines;
}

/** Text cut to `width` columns, ending in … when cut. */
export function cut(text: string, width: number): string {
  const chars = Array.from(text);
  return chars.length > width ? `${chars.slice(0, Math.max(0, width - 1)).join('')}…` : text;
}

/** Lines of plain text parts. */
export function packLines(parts: readonly string[], width: number): string[] {
  return packParts(
    parts.map((text) => ({ text })),
    width,
  ).map((line) => line.map((p) => p.text).join('  '));
}
