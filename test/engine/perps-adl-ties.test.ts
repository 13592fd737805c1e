import { describe, expect, it } from 'vitest';
import { Cascade, type AdlRank, type PerpsSpec } from '../../src/engine/index.js';
import { IndexHeap } from '../../src/engine/heap.js';
import { perpScenario } from '../helpers/perp-scenario.js';

// One bankrupt long L (100 units, Pb = 1950) against shorts in profit: six identical ones (equal keys,
// where only a heap's shape orders them, so the ranking falls back to the heap) amid others of other
// margins, some ranked above them, some below; 110 units in all, 100 of them needed.
const positions: PerpsSpec['positions'] = [
  { id: 'L', side: 'long', size: 100, entry: 2000, margin: 5000 },
  ...[1000, 2000, 1500, 1700, 800, 3000, 1200, 2500, 1900, 1400].map((margin, k) => ({
    id: `D${k}`,
    side: 'short' as const,
    size: 8,
    entry: 2000,
    margin,
  })),
  ...Array.from({ length: 6 }, (_, k) => ({
    id: `T${k}`,
    side: 'short' as const,
    size: 5,
    entry: 2000,
    margin: 1000,
  })),
];

/**
 * The order the ranking gave before issue 15's RankQueue: every short in profit appended to an IndexHeap in
 * index order, keyed as `rankSide` keys it, heapified, popped.
 */
function heapOrder(price: number, adlRank: AdlRank): number[] {
  const heap = new IndexHeap(positions.length);
  positions.forEach((p, j) => {
    if (p.side !== 'short') return;
    const d = -1;
    const equity = p.margin + d * p.size * (price - p.entry);
    const leverage = (p.size * price) / equity;
    const key =
      adlRank === 'hyperliquid'
        ? (p.entry / price) * leverage
        : ((d * p.size * (price - p.entry)) / p.margin) * leverage;
    heap.append(j, key);
  });
  heap.heapify();
  const order: number[] = [];
  while (heap.top !== undefined) order.push(heap.pop());
  return order;
}

describe('auto-deleveraging with equal keys: the order of the heap the ranking used to be', () => {
  for (const adlRank of ['pnl-margin', 'hyperliquid'] as const)
    it(adlRank, () => {
      const { record, perps } = new Cascade(perpScenario({ adlRank, fill: 'oracle', positions }), {
        recordEvents: true,
      }).step();
      const matched = perps!.log.filter((e) => e.kind === 'deleveraged').map((e) => e.position);
      const expected = heapOrder(record.oraclePrice, adlRank);
      // Ties among the matched ones, so the heap's shape did decide: the test means something.
      expect(matched.filter((j) => positions[j]!.id.startsWith('T')).length).toBeGreaterThan(1);
      expect(matched.length).toBeGreaterThan(6);
      expect(matched).toEqual(expected.slice(0, matched.length));
    });
});
