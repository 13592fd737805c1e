/**
 * The one number formatter of the command line and the dashboard. Pure; components never call toFixed.
 *
 * The rules, fixed:
 * - amounts and prices (`formatNumber`): 1e9 and above compact to 3 significant digits (1.23B); 1e5 and
 *   above whole, grouped (122,000); 1 and above two decimals, grouped (1,769.17); below 1 four significant
 *   digits (0.03830); 0 is "0".
 * - tight columns (`formatCompact`): 1e4 and above compact (1.75M, 45.6K), below as `formatNumber`.
 * - counts and other whole numbers (`formatCount`): whole, grouped (1,024).
 * - percents (`formatPct`): one decimal by default, with more (up to four) only when one decimal would
 *   round a non-zero figure to 0% or a figure short of 100% up to 100% (−99.99%, not −100.0%).
 * - multiples (`formatTimes`): two decimals and ×.
 * - differences (`formatSigned`): +, − or, when the difference is exactly 0, ±; a non-zero difference
 *   that the format would show as zero shows as "<" the smallest step (−<0.01). Between two figures
 *   (`formatDiff`), a difference within a billionth of their size is float noise and reads ±0.
 * - every negative figure is written with the minus sign − (U+2212), never the ASCII hyphen, and a zero is
 *   never signed (no "-0.00").
 * - a count beside its noun (`plural`): "1 round", "5 rounds".
 */

/**
 * A formatter made on first use. The first Intl.NumberFormat of a process loads ICU's locale data, a
 * noticeable part of start-up that `liqloop list` and `validate` need not pay.
 */
const lazy = (make: () => Intl.NumberFormat) => {
  let made: Intl.NumberFormat | undefined;
  return { format: (value: number) => (made ??= make()).format(value) };
};
/**
 * One formatter per digit count, made on first use and kept: building an Intl.NumberFormat costs far more
 * than formatting with one, and the dashboard formats percents and axis labels on every step.
 */
const perDigits = (make: (digits: number) => Intl.NumberFormat) => {
  const made = new Map<number, Intl.NumberFormat>();
  return (digits: number) => {
    let formatter = made.get(digits);
    if (formatter === undefined) {
      formatter = make(digits);
      made.set(digits, formatter);
    }
    return formatter;
  };
};
const grouped = perDigits(
  (digits) =>
    new Intl.NumberFormat('en-US', {
      minimumFractionDigits: digits,
      maximumFractionDigits: digits,
      signDisplay: 'negative',
    }),
);
const twoDecimals = lazy(() => grouped(2));
const noDecimals = lazy(() => grouped(0));
const compact = lazy(
  () =>
    new Intl.NumberFormat('en-US', {
      notation: 'compact',
      maximumFractionDigits: 2,
      signDisplay: 'negative',
    }),
);
const significant = perDigits(
  (digits) =>
    new Intl.NumberFormat('en-US', {
      minimumSignificantDigits: digits,
      maximumSignificantDigits: digits,
      signDisplay: 'negative',
    }),
);
const compactSignificant = perDigits(
  (digits) =>
    new Intl.NumberFormat('en-US', {
      notation: 'compact',
      minimumSignificantDigits: digits,
      maximumSignificantDigits: digits,
      signDisplay: 'negative',
    }),
);

/** The minus sign − for the ASCII hyphen Intl writes before a negative figure. */
const minus = (text: string) => (text.startsWith('-') ? `−${text.slice(1)}` : text);
const fourSignificant = lazy(() => significant(4));

/** An amount or price: 1,234.57; 0.06781; 12.3M for very large values. */
export function formatNumber(value: number): string {
  if (!Number.isFinite(value)) return String(value);
  const abs = Math.abs(value);
  if (abs === 0) return '0';
  if (abs >= 1e9) return minus(compact.format(value));
  if (abs >= 1e5) return minus(noDecimals.format(value));
  // A figure that four significant digits round up to 1 (0.99996) is written as the figures from 1 are.
  if (abs >= 0.99995) return minus(twoDecimals.format(value));
  return minus(fourSignificant.format(value));
}

/** An amount with its unit: "1,234.57 USD". */
export function formatAmount(value: number, unit: string): string {
  return `${formatNumber(value)} ${unit}`;
}

/** A short amount for tight columns: 1.23M, 45.6K, 789.12, 0.1234. */
export function formatCompact(value: number): string {
  if (!Number.isFinite(value)) return String(value);
  const abs = Math.abs(value);
  if (abs >= 1e4) return minus(compact.format(value));
  return formatNumber(value);
}

/** A count or other whole number, grouped: 1,024. */
export function formatCount(value: number): string {
  // A safe integer is grouped by hand, with the output Intl gives, so that a count needs no ICU.
  if (Number.isSafeInteger(value) && !Object.is(value, -0))
    return minus(String(value).replace(/\B(?=(\d{3})+$)/g, ','));
  return minus(noDecimals.format(value));
}

/** A fraction as a percentage: 0.0812 → "8.1%"; 0.99987 → "99.99%" (never rounded up to 100%). */
export function formatPct(fraction: number, digits = 1): string {
  if (!Number.isFinite(fraction)) return `${String(fraction)}%`;
  const abs = Math.abs(fraction * 100);
  let d = digits;
  const misleading = (text: number) => (abs > 0 && text === 0) || (abs < 100 && text >= 100);
  while (d < 4 && misleading(Number(abs.toFixed(d)))) d++;
  // Still 0 at four decimals of a percent: float noise, written as a plain zero.
  if (Number(abs.toFixed(d)) === 0) d = digits;
  return `${minus(grouped(d).format(fraction * 100))}%`;
}

/** A signed change as a percentage: -0.0812 → "−8.1%", 0.02 → "+2.0%", 0 → "±0.0%". */
export function formatChange(fraction: number, digits = 1): string {
  // Below what four decimals of a percent show, a change is float noise, not a move.
  if (Math.abs(fraction) < 5e-7) return `±${formatPct(0, digits)}`;
  return formatSigned(fraction, (v) => formatPct(v, digits));
}

/** A health factor: two decimals (1.02), so that the liquidation line at 1 reads exactly. */
export function formatHealth(value: number): string {
  return Number.isFinite(value) ? minus(twoDecimals.format(value)) : '∞';
}

/** A multiple: 1.3449 → "1.34×". */
export function formatTimes(value: number): string {
  return `${minus(twoDecimals.format(value))}×`;
}

/** Percentage points between two fractions: 0.032 → "+3.2 pts". */
export function formatPoints(fractionDifference: number): string {
  return formatSigned(fractionDifference * 100, (v) => `${grouped(1).format(v)} pts`);
}

/**
 * A difference with its sign, its size written by `format` (given a non-negative value): "+268", "−64.35",
 * "±0" when it is exactly 0, and "−<0.01" when it is not 0 but `format` would write it as zero.
 */
export function formatSigned(difference: number, format: (value: number) => string): string {
  if (difference === 0 || !Number.isFinite(difference)) return `±${format(Math.abs(difference) || 0)}`;
  const sign = difference < 0 ? '−' : '+';
  const text = format(Math.abs(difference));
  if (/[1-9]/.test(text)) return `${sign}${text}`;
  // The smallest step the format shows: the last digit of its zero, set to 1.
  const step = text.replace(/0(?=\D*$)/, '1');
  return `${sign}<${step}`;
}

/**
 * The difference `now − was`, signed as `formatSigned` signs it, except that a difference within a
 * billionth of the larger figure is float noise (two runs that agree) and reads as exactly 0: "±0".
 */
export function formatDiff(now: number, was: number, format: (value: number) => string): string {
  const difference = now - was;
  const noise = Math.abs(difference) <= 1e-9 * Math.max(Math.abs(now), Math.abs(was));
  return formatSigned(noise ? 0 : difference, format);
}

/** A count and its noun, singular for one: "1 round", "5 rounds", "1,024 liquidations". */
export function plural(count: number, noun: string, nouns = `${noun}s`): string {
  return `${formatCount(count)} ${count === 1 ? noun : nouns}`;
}

/**
 * Axis labels for `values`: the fewest significant digits (from 3) at which no two neighbouring labels read
 * the same, grouped; compact from 1e6.
 */
export function formatLabels(values: readonly number[]): string[] {
  for (let digits = 3; digits <= 8; digits++) {
    const texts = values.map((v) => label(v, digits));
    if (texts.every((t, i) => i === 0 || t !== texts[i - 1] || values[i] === values[i - 1])) return texts;
  }
  return values.map((v) => label(v, 8));
}

function label(value: number, digits: number): string {
  if (Math.abs(value) >= 1e6) return minus(compactSignificant(digits).format(value));
  if (Math.abs(value) >= 10 ** digits) return minus(noDecimals.format(value));
  return minus(significant(digits).format(value));
}

/** "a" or "an" before a number as it is read aloud: "an 8.0% shock", "an 11% shock", "a 10% shock". */
export function article(numberText: string): 'a' | 'an' {
  const whole = /^[−+-]?([\d,]+)/.exec(numberText)?.[1]?.replace(/,/g, '') ?? '';
  if (whole.startsWith('8')) return 'an';
  // Eleven and eighteen, and their thousands and millions (11,000; 18,000,000).
  const lead = whole.length % 3 === 2 ? whole.slice(0, 2) : '';
  return lead === '11' || lead === '18' ? 'an' : 'a';
}
