/**
 * A plain-text table: a header, a rule, then the rows. Columns are right-aligned (numbers) except those
 * listed in `left`.
 */
export function textTable(
  header: readonly string[],
  rows: readonly (readonly string[])[],
  left: number[] = [],
): string {
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? '').length)));
  const line = (cells: readonly string[]) =>
    cells
      .map((c, i) => (left.includes(i) ? c.padEnd(widths[i]!) : c.padStart(widths[i]!)))
      .join('  ')
      .trimEnd();
  return [line(header), widths.map((w) => '─'.repeat(w)).join('  '), ...rows.map(line)].join('\n');
}
