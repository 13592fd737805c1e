import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { Timeline, type Scenario } from '../../src/engine/index.js';
import { loadPreset, presetIds } from '../../src/presets/index.js';
import { healthSnapshot } from '../../src/ui/helpers/health.js';
import {
  HealthIndex,
  healthAt,
  prefetchHealth,
  prepareHealthIndex,
} from '../../src/ui/helpers/health-index.js';
import { scenario } from '../helpers/scenario.js';

/** The price the dashboard reads the panel at after `round`: the round's price, p0 before the first. */
const priceAt = (timeline: Timeline, round: number) =>
  timeline.record(round)?.price ?? timeline.scenario.asset.price;

/**
 * Visits `rounds` in order and, at each, checks that the index's snapshot is the full pass's, figure for
 * figure (numbers compared with Object.is, so to the last bit).
 */
function expectSameAsFullPass(
  timeline: Timeline,
  rounds: readonly number[],
  k: number,
  label: string,
  bucketSize?: number,
) {
  const index = bucketSize === undefined ? undefined : new HealthIndex(timeline, bucketSize);
  if (!index) prepareHealthIndex(timeline);
  for (const round of rounds) {
    const at = timeline.reach(round);
    const price = priceAt(timeline, at);
    const fast = index
      ? index.snapshot(timeline, timeline.positionsAt(at), price, k)
      : healthAt(timeline, at, price, k);
    const full = healthSnapshot(timeline.positionsAt(at), price, k);
    expect(fast, `${label} round ${at}`).toStrictEqual(full);
  }
}

/** Every round forwards, then back to 0 in one jump, a few jumps about, and forwards again. */
function visits(timeline: Timeline): number[] {
  const last = timeline.finish();
  const forwards = Array.from({ length: last + 1 }, (_, r) => r);
  return [...forwards, 0, last, Math.floor(last / 2), 1, ...forwards.slice().reverse(), ...forwards];
}

/** A generated book: the bench's shape, at a size that fills a few hundred buckets. */
const generatedBook = (over: Parameters<typeof scenario>[0] = {}): Scenario =>
  scenario({
    market: { model: 'constant-product', depth2pct: 2000 * 10_000 },
    liquidation: { mechanism: 'full', bonus: 0.05, threshold: 0.825 },
    generate: {
      count: 10_000,
      seed: 42,
      collateral: { min: 1, max: 50 },
      healthFactor: { min: 1.02, max: 1.8 },
    },
    ...over,
  });

describe('the health index gives the full pass’s snapshot', () => {
  it('on every shipped lending preset, stepping forwards and back', () => {
    let checked = 0;
    for (const id of presetIds()) {
      const loaded = loadPreset(id);
      if (!loaded.ok) throw new Error(`${id} did not load`);
      if (loaded.preset.perps) continue;
      const timeline = new Timeline(loaded.preset);
      const last = timeline.finish();
      const forwards = Array.from({ length: last + 1 }, (_, r) => r);
      expectSameAsFullPass(timeline, [...forwards, 0, last, Math.floor(last / 2), 1], 17, id);
      checked++;
    }
    expect(checked).toBeGreaterThan(20);
  });

  it('on generated books under each mechanism and lever', () => {
    const books: [string, Scenario][] = [
      ['full', generatedBook()],
      ['partial', generatedBook({ liquidation: { mechanism: 'partial', closeFactor: 0.5 } })],
      ['sale cap', generatedBook({ liquidation: { maxSellPerRound: 400 } })],
      ['big shock', generatedBook({ shock: { pct: 0.45 } })],
      ['no shock', generatedBook({ shock: { pct: 0 } })],
    ];
    for (const [label, preset] of books) {
      const timeline = new Timeline(preset);
      for (const k of [0, 30]) expectSameAsFullPass(timeline, visits(timeline), k, `${label} k=${k}`);
    }
  });

  it('on books with loans exactly on the band edges, identical loans, zero collateral and no debt', () => {
    const p0 = 2000;
    const lt = 0.8;
    const edges = [1, 1.05, 1.1, 1.25, 1.5, 2];
    const positions = [
      // collateral * p0 * LT / debt = the edge exactly where the division is exact, a rounding off elsewhere.
      ...edges.flatMap((e, j) =>
        Array.from({ length: 300 }, (_, i) => ({
          id: `e${j}-${i}`,
          collateral: 1 + (i % 3),
          debt: ((1 + (i % 3)) * p0 * lt) / e,
        })),
      ),
      // Health a few rounding errors either side of each edge: buckets that end just past an edge.
      ...edges.flatMap((e, j) =>
        Array.from({ length: 41 }, (_, i) => ({
          id: `near${j}-${i}`,
          collateral: 1,
          debt: (p0 * lt) / (e * (1 + (i - 20) * 1e-14)),
        })),
      ),
      ...Array.from({ length: 700 }, (_, i) => ({ id: `same${i}`, collateral: 2, debt: 2600 })),
      ...Array.from({ length: 50 }, (_, i) => ({ id: `zero${i}`, collateral: 0, debt: 100 + i })),
      ...Array.from({ length: 50 }, (_, i) => ({ id: `free${i}`, collateral: 1 + i, debt: 0 })),
    ];
    for (const pct of [0, 0.05, 0.2]) {
      const timeline = new Timeline(
        scenario({
          shock: { pct },
          market: { model: 'constant-product', depth2pct: 3e6 },
          liquidation: { mechanism: 'full', bonus: 0.05, threshold: lt },
          positions,
        }),
      );
      for (const size of [undefined, 3, 1])
        expectSameAsFullPass(timeline, visits(timeline), 25, `edges, shock ${pct}, buckets of ${size}`, size);
    }
  });

  it('on loans whose health and price × key fall either side of a band edge', () => {
    // The index orders loans by key = (c · LT) / d and bounds a bucket's health by P · key; the panel
    // shows (c · P · LT) / d. Find loans where the two round to opposite sides of an edge, and fill a
    // bucket with each: the bucket's bounds must not put them in the wrong band.
    const p0 = 2000;
    const lt = 0.8;
    const found = new Map<string, { collateral: number; debt: number }>();
    for (const e of [1.05, 1.1, 1.25, 1.5, 2]) {
      for (let c = 1; c < 400; c += 0.37) {
        const d0 = (c * p0 * lt) / e;
        for (const debt of [d0 * (1 - 2e-16), d0, d0 * (1 + 2e-16), d0 * (1 + 4e-16)]) {
          const exact = (c * p0 * lt) / debt;
          const approx = p0 * ((c * lt) / debt);
          const side = `${e} ${exact < e ? 'below' : 'above'}`;
          if (exact < e !== approx < e && !found.has(side)) found.set(side, { collateral: c, debt });
        }
      }
    }
    expect(found.size).toBeGreaterThan(3);
    for (const [side, loan] of found) {
      const positions = Array.from({ length: 300 }, (_, i) => ({ id: `f${i}`, ...loan }));
      const timeline = new Timeline(
        scenario({
          shock: { pct: 0 },
          market: { model: 'constant-product', depth2pct: 3e6 },
          liquidation: { mechanism: 'full', bonus: 0.05, threshold: lt },
          positions: [...positions, { id: 'low', collateral: 1, debt: 1580 }],
        }),
      );
      for (const size of [undefined, 1])
        expectSameAsFullPass(timeline, [0], 1, `${side}, buckets of ${size}`, size);
    }
  });

  it('on random books, rounds visited in a random order (property)', () => {
    const loan = fc.record({
      collateral: fc.oneof(fc.constant(0), fc.double({ min: 0.01, max: 100, noNaN: true })),
      hf: fc.oneof(
        fc.constantFrom(0.5, 1, 1.05, 1.1, 1.25, 1.5, 2),
        fc.double({ min: 0.3, max: 3, noNaN: true }),
      ),
      debtFree: fc.boolean(),
      copies: fc.integer({ min: 1, max: 40 }),
    });
    fc.assert(
      fc.property(
        fc.array(loan, { minLength: 1, maxLength: 40 }),
        fc.double({ min: 0, max: 0.5, noNaN: true }),
        fc.constantFrom('full', 'partial'),
        fc.array(fc.nat(40), { minLength: 1, maxLength: 12 }),
        fc.integer({ min: 0, max: 12 }),
        fc.constantFrom(undefined, 1, 4),
        (loans, pct, mechanism, rounds, k, bucketSize) => {
          const positions = loans.flatMap((l, j) =>
            Array.from({ length: l.copies }, (_, i) => ({
              id: `p${j}-${i}`,
              collateral: l.collateral,
              debt: l.debtFree ? 0 : (Math.max(l.collateral, 0.01) * 2000 * 0.8) / l.hf,
            })),
          );
          const timeline = new Timeline(
            scenario({
              shock: { pct },
              market: { model: 'constant-product', depth2pct: 1e6 },
              liquidation:
                mechanism === 'full'
                  ? { mechanism: 'full', bonus: 0.05, threshold: 0.8 }
                  : { mechanism: 'partial', bonus: 0.05, threshold: 0.8, closeFactor: 0.5 },
              positions,
              rounds: 40,
            }),
          );
          const label = JSON.stringify({ pct, mechanism, rounds, k, bucketSize });
          expectSameAsFullPass(timeline, rounds, k, label, bucketSize);
        },
      ),
      { numRuns: 60 },
    );
  });

  it('computed ahead in the pause, and kept, it is still the full pass’s snapshot of each round', () => {
    const timeline = new Timeline(generatedBook());
    const last = timeline.finish();
    const shown: number[] = [];
    // As the app does: a frame asks for round r, the pause computes r + 1 ahead; then a step or a step back.
    for (const round of [0, 1, 2, 3, 2, 1, 2, 3, 4, last, last - 1, 0]) {
      const price = priceAt(timeline, round);
      const snapshot = healthAt(timeline, round, price, 20);
      expect(snapshot, `round ${round}`).toStrictEqual(
        healthSnapshot(timeline.positionsAt(round), price, 20),
      );
      shown.push(snapshot.open);
      prepareHealthIndex(timeline);
      prefetchHealth(timeline, round + 1);
    }
    // A prefetched snapshot is the one the next frame gets, not one computed again.
    prefetchHealth(timeline, 3);
    const ahead = healthAt(timeline, 3, priceAt(timeline, 3), 20);
    expect(healthAt(timeline, 3, priceAt(timeline, 3), 20)).toBe(ahead);
    expect(new Set(shown).size).toBeGreaterThan(3);
  });
});
