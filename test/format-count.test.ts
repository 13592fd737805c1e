import { describe, expect, it } from 'vitest';
import { formatCount } from '../src/format.js';

// formatCount groups safe integers by hand (no ICU at start-up): it must print what Intl prints.
describe('formatCount', () => {
  const intlText = new Intl.NumberFormat('en-US', { maximumFractionDigits: 0, signDisplay: 'negative' });
  // Intl's digits and grouping, with the formatter's minus sign − for Intl's hyphen and no sign on a zero.
  const intl = { format: (v: number) => intlText.format(v).replace(/^-/, '−') };
  it('groups whole numbers exactly as Intl does, signs and powers of ten included', () => {
    const values = [0, -0, 1, -1, 12, 123, 999, 1000, -1000, 1024, 12_345, 999_999, 1_000_000, -2_000_000];
    for (let k = 0; k <= 15; k++) values.push(10 ** k, 10 ** k - 1, -(10 ** k) + 1, 7 * 10 ** k + 3);
    values.push(Number.MAX_SAFE_INTEGER, Number.MIN_SAFE_INTEGER);
    for (const v of values) expect(formatCount(v), String(v)).toBe(intl.format(v));
  });
  it('still rounds fractions and big numbers through Intl', () => {
    expect(formatCount(1234.5)).toBe('1,235');
    expect(formatCount(-0.4)).toBe('0');
    expect(formatCount(-0)).toBe('0');
    expect(formatCount(-1024)).toBe('−1,024');
    expect(formatCount(1e21)).toBe(intl.format(1e21));
  });
});

describe('rangeNumber', () => {
  it('prints a range bound as toLocaleString with six decimals would', async () => {
    const { rangeNumber } = await import('../src/presets/schema/common.js');
    const intl = new Intl.NumberFormat('en-US', { maximumFractionDigits: 6 });
    const values = [0, 1, -1, 0.5, 0.825, 0.001, 1000, 1e3 + 0.25, 999_999.5, 123_456.789, -0.05, 0.1 + 0.2];
    values.push(1 / 3, 2 / 3, -2 / 3, 12.3456785, 0.0123456789, 54_321.000001);
    for (const v of values) expect(rangeNumber(v), String(v)).toBe(intl.format(v));
  });
});
