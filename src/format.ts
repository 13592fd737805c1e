/** Number formatting shared by the command line and the dashboard. Pure. */

const grouped = (digits: number) =>
  new Intl.NumberFormat('en-US', { minimumFractionDigits: digits, maximumFractionDigits: digits });
const twoDecimals = grouped(2);
const noDecimals = grouped(0);
const compact = new Intl.NumberFormat('en-US', { notation: 'compact', maximumFractionDigits: 2 });

/** An amount or price: 1,234.57; 0.6781; 12.3M for very large values. */
export function formatNumber(value: number): string {
  if (!Number.isFinite(value)) return String(value);
  const abs = Math.abs(value);
  if (abs === 0) return '0';
  if (abs >= 1e9) return compact.format(value);
  if (abs >= 1e5) return noDecimals.format(value);
  if (abs >= 1) return twoDecimals.format(value);
  return value.toPrecision(4);
}

/** A short amount for tight columns: 1.23M, 45.6K, 789.12, 0.1234. */
export function formatCompact(value: number): string {
  const abs = Math.abs(value);
  if (abs >= 1e4) return compact.format(value);
  return formatNumber(value);
}

/** A fraction as a percentage: 0.0812 → "8.1%". */
export function formatPct(fraction: number, digits = 1): string {
  return `${(fraction * 100).toFixed(digits)}%`;
}

/** A signed change as a percentage: -0.0812 → "−8.1%", 0.02 → "+2.0%". */
export function formatChange(fraction: number, digits = 1): string {
  const text = formatPct(Math.abs(fraction), digits);
  if (Math.abs(fraction) < 0.5 * 10 ** -(digits + 2)) return `±${formatPct(0, digits)}`;
  return fraction < 0 ? `−${text}` : `+${text}`;
}

/** A count with thousands separators. */
export function formatCount(value: number): string {
  return noDecimals.format(value);
}
