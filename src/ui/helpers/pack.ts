/**
 * Packs parts into lines of at most `width` columns, two spaces apart, in order; a part longer than a
 * line gets a line of its own, cut with …. Pure.
 */
export function packParts<T extends { readonly text: string }>(parts: readonly T[], width: number): T[][] {
  const lines: T[][] = [];
  let used = 0;
  for (const part of parts) {
    const length = Array.from(part.text).length;
    const line = lines.at(-1);
    if (line && used + 2 + length <= width) {
      line.push(part);
      used += 2 + length;
      continue;
    }
    const fitted = length > width ? { ...part, text: cut(part.text, width) } : part;
    lines.push([fitted]);
    used = Math.min(length, width);
  }
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
