import { describe, expect, it } from 'vitest';
import {
  article,
  formatAmount,
  formatChange,
  formatCompact,
  formatCount,
  formatDiff,
  formatHealth,
  formatLabels,
  formatNumber,
  formatPct,
  formatPoints,
  formatSigned,
  formatTimes,
  plural,
} from '../src/format.js';

describe('the one number formatter', () => {
  it('amounts and prices: compact from 1e9, whole from 1e5, two decimals from 1, four significant digits below', () => {
    expect(formatNumber(1_234_567_890)).toBe('1.23B');
    expect(formatNumber(122_000)).toBe('122,000');
    expect(formatNumber(103_915.4)).toBe('103,915');
    expect(formatNumber(1769.172)).toBe('1,769.17');
    expect(formatNumber(966.864)).toBe('966.86');
    expect(formatNumber(0.038)).toBe('0.03800');
    expect(formatNumber(0.90712)).toBe('0.9071');
    expect(formatNumber(0)).toBe('0');
    expect(formatNumber(-12.5)).toBe('−12.50');
    expect(formatAmount(15467.339, 'USD')).toBe('15,467.34 USD');
  });

  it('tight columns go compact from 1e4; counts are whole and grouped', () => {
    expect(formatCompact(1_750_000)).toBe('1.75M');
    expect(formatCompact(45_600)).toBe('45.6K');
    expect(formatCompact(789.123)).toBe('789.12');
    expect(formatCount(1024)).toBe('1,024');
    expect(formatCount(5)).toBe('5');
  });

  it('percents: one decimal, more only where one would say 0% or 100% of something that is not', () => {
    expect(formatPct(0.0812)).toBe('8.1%');
    expect(formatPct(0.1, 0)).toBe('10%');
    expect(formatPct(0.999875)).toBe('99.99%');
    expect(formatPct(1)).toBe('100.0%');
    expect(formatPct(0.0003)).toBe('0.03%');
    expect(formatPct(0)).toBe('0.0%');
    expect(formatChange(-0.999875)).toBe('−99.99%');
    expect(formatChange(0.02)).toBe('+2.0%');
    expect(formatChange(0)).toBe('±0.0%');
    expect(formatChange(1e-12)).toBe('±0.0%');
  });

  it('multiples, points and signed differences: a non-zero difference never reads as zero', () => {
    expect(formatTimes(1.3449)).toBe('1.34×');
    expect(formatPoints(0.032)).toBe('+3.2 pts');
    expect(formatPoints(-0.0001)).toBe('−<0.1 pts');
    expect(formatSigned(0, formatCount)).toBe('±0');
    expect(formatSigned(-64.35, formatNumber)).toBe('−64.35');
    expect(formatSigned(268, formatCount)).toBe('+268');
    expect(formatSigned(-0.001, (v) => formatTimes(v).slice(0, -1))).toBe('−<0.01');
  });

  it('axis labels take the fewest digits that keep neighbours apart', () => {
    expect(formatLabels([0.0383, 0.0384, 0.0385])).toEqual(['0.0383', '0.0384', '0.0385']);
    expect(formatLabels([2000, 1900, 1800])).toEqual(['2,000', '1,900', '1,800']);
    expect(formatLabels([122_000, 121_000])).toEqual(['122,000', '121,000']);
    expect(formatLabels([1_750_000, 1_500_000])).toEqual(['1.75M', '1.50M']);
    const labels = formatLabels([0.907, 0.774, 0.64, 0.507, 0.373, 0.24, 0.106, 0.038]);
    expect(new Set(labels).size).toBe(labels.length);
  });

  it('negatives take the minus sign −, and a zero is never signed', () => {
    for (const text of [
      formatNumber(-0.5),
      formatNumber(-1234.5),
      formatNumber(-2e9),
      formatCompact(-45_600),
      formatCount(-3),
      formatHealth(-0.42),
      formatTimes(-1.2),
      formatPct(-0.25),
      ...formatLabels([-1, -2]),
    ])
      expect(text, text).toMatch(/^−\d/);
    expect(formatHealth(-0.42)).toBe('−0.42');
    expect(formatNumber(-12.5)).toBe('−12.50');
    for (const text of [
      formatHealth(-0),
      formatHealth(-0.001),
      formatTimes(-0.001),
      formatPct(-1e-9),
      formatCount(-0),
    ])
      expect(text, text).not.toMatch(/[-−]/);
    expect(formatHealth(-0.001)).toBe('0.00');
  });

  it('one format per range: a figure just under 1 is written as the figures from 1 are', () => {
    expect(formatNumber(0.99999)).toBe('1.00');
    expect(formatNumber(0.99994)).toBe('0.9999');
    expect(formatNumber(1)).toBe('1.00');
    // A percent still 0 at four decimals is noise, written as a plain zero.
    expect(formatPct(1e-9)).toBe('0.0%');
    expect(formatPct(0.00004)).toBe('0.004%');
  });

  it('a difference between two figures within a billionth of them is noise: ±0', () => {
    expect(formatDiff(1.0000000000001, 1, formatNumber)).toBe('±0');
    expect(formatDiff(2439 + 1e-10, 2439, formatNumber)).toBe('±0');
    expect(formatDiff(1951.2, 2439, formatNumber)).toBe('−487.80');
    expect(formatDiff(1.001, 1, formatNumber)).toBe('+0.001000');
    expect(formatDiff(1000.4, 1000, formatCount)).toBe('+<1');
    expect(formatDiff(0, 0, formatCount)).toBe('±0');
  });

  it('a count beside its noun, singular for one', () => {
    expect(plural(1, 'round')).toBe('1 round');
    expect(plural(5, 'round')).toBe('5 rounds');
    expect(plural(1024, 'liquidation')).toBe('1,024 liquidations');
    expect(plural(0, 'round')).toBe('0 rounds');
  });

  it('a or an, as the number is read aloud', () => {
    expect(`${article('8.0%')} 8.0% shock`).toBe('an 8.0% shock');
    expect(article('10.0%')).toBe('a');
    expect(article('11%')).toBe('an');
    expect(article('18.5%')).toBe('an');
    expect(article('80%')).toBe('an');
    expect(article('1.0%')).toBe('a');
    expect(article('110%')).toBe('a');
  });
});
