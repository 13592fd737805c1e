import { describe, expect, it } from 'vitest';
import { formatNumber } from '../../src/format.js';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT, liqloop, tempFile } from '../helpers/cli.js';

interface Summary {
  totalLoss: number;
  badDebt: number;
  shortfall: number;
  fundDrawn: number;
  adlCovered: number;
  uncoveredLoss: number;
  perpLiquidatedNotional: number;
  liquidatorProfit: number;
}

function run(preset: string): { text: string; m: Summary } {
  const text = liqloop(['run', preset]);
  const json = liqloop(['run', preset, '--json']);
  expect(text.status).toBe(0);
  expect(json.status).toBe(0);
  return { text: text.stdout, m: (JSON.parse(json.stdout) as { summary: Summary }).summary };
}

const line = (text: string, label: string) => text.split('\n').find((l) => l.startsWith(`  ${label}`)) ?? '';

describe('run: the total loss counts every loss the run books', () => {
  it('a book of perpetuals only: the total is the fund paid + ADL covered + uncovered, the loans left out', () => {
    const { text, m } = run('perps-fund-empty');
    // The fixture's point: nothing is lent, so the loans' total is 0 while the perpetuals lose money.
    expect(m.totalLoss).toBe(0);
    expect(m.uncoveredLoss).toBeGreaterThan(0);
    const total = line(text, 'total loss');
    expect(total).toContain(`${formatNumber(m.fundDrawn + m.adlCovered + m.uncoveredLoss)} USD`);
    expect(total).toContain(`uncovered ${formatNumber(m.uncoveredLoss)}`);
    expect(total).not.toContain('shortfall');
    // No line or column of the loans' zeros reads as an outcome.
    expect(line(text, 'bad debt')).toBe('');
    expect(line(text, 'liquidators')).toBe('');
    expect(text).not.toContain('repaid (USD)');
    expect(text).toContain('uncovered (USD)');
    expect(line(text, 'liquidated')).toContain(`${formatNumber(m.perpLiquidatedNotional)} USD of notional`);
    expect(text.split('\n')[0]).toContain('perpetuals only');
    expect(text.split('\n')[0]).not.toContain('LT ');
  });

  it('loans alone: the total is totalLoss, bad debt + shortfall, as before', () => {
    const { text, m } = run('black-thursday-2020');
    const total = line(text, 'total loss');
    expect(total).toContain(
      `total loss   ${formatNumber(m.totalLoss)} DAI: bad debt ${formatNumber(m.badDebt)}`,
    );
    expect(total).not.toContain('perpetuals');
    expect(line(text, 'bad debt')).not.toBe('');
  });

  it("the liquidators' result is worded by its sign: a loss is a loss, not a negative profit", () => {
    const lost = run('usde-binance-2025');
    expect(lost.m.liquidatorProfit).toBeLessThan(0);
    expect(line(lost.text, 'liquidators')).toContain(
      `liquidators  loss ${formatNumber(-lost.m.liquidatorProfit)} USD`,
    );
    const gained = run('compound-dai-2020');
    expect(gained.m.liquidatorProfit).toBeGreaterThan(0);
    expect(line(gained.text, 'liquidators')).toContain(
      `liquidators  profit ${formatNumber(gained.m.liquidatorProfit)} DAI`,
    );
  });

  it('compare: a perpetuals-only book has no loans rows, and its total loss row is the whole loss', () => {
    const args = ['compare', 'perps-fund-empty', '--set', 'perps.insuranceFund=4000000'];
    const text = liqloop(args);
    const json = liqloop([...args, '--json']);
    expect(text.status).toBe(0);
    const { baseline, variant } = JSON.parse(json.stdout) as {
      baseline: { summary: Summary };
      variant: { summary: Summary };
    };
    const whole = (m: Summary) => m.fundDrawn + m.adlCovered + m.uncoveredLoss + m.totalLoss;
    const row = text.stdout.split('\n').find((l) => l.startsWith('total loss (USD)')) ?? '';
    expect(row.split(/\s{2,}/).slice(1, 3)).toEqual([
      formatNumber(whole(baseline.summary)),
      formatNumber(whole(variant.summary)),
    ]);
    expect(whole(baseline.summary)).toBeGreaterThan(0);
    expect(text.stdout).not.toMatch(/^(bad debt|debt repaid|shortfall|liquidator profit)/m);
  });

  it("loans beside perpetuals: run's total adds both, compare keeps the loans' rows and names their loss", () => {
    const read = (id: string) =>
      JSON.parse(readFileSync(join(ROOT, 'presets', `${id}.json`), 'utf8')) as Record<string, unknown>;
    const both: Record<string, unknown> = {
      ...read('perps-long-cascade'),
      generate: read('thin-pool').generate,
    };
    delete both.$schema;
    const file = tempFile('both.json', both);
    const { text, m } = run(file);
    expect(m.fundDrawn + m.adlCovered + m.uncoveredLoss).toBeGreaterThan(0);
    expect(line(text, 'total loss')).toContain(
      `${formatNumber(m.totalLoss + m.fundDrawn + m.adlCovered + m.uncoveredLoss)} USD: bad debt`,
    );
    expect(line(text, 'bad debt')).not.toBe('');
    const compared = liqloop(['compare', file, '--set', 'shock.pct=0.1']).stdout;
    expect(compared).toMatch(/^bad debt \(USD\)/m);
    expect(compared).toMatch(/^loans' loss \(USD\)/m);
    expect(compared).toMatch(/^total loss \(USD\)/m);
  });
});
