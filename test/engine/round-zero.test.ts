import { describe, expect, it } from 'vitest';
import { Cascade } from '../../src/engine/index.js';
import { keepGeneratedDraws } from '../../src/engine/kept-draws.js';
import { scenario } from '../helpers/scenario.js';

/** Round 0's arrays against those of a book that has run no round. */
function expectRoundZero(s: Parameters<typeof scenario>[0], rounds: number) {
  const fresh = new Cascade(scenario(s)).book;
  const cascade = new Cascade(scenario(s), { maxRounds: rounds });
  while (!cascade.done) cascade.step();
  const { book } = cascade;
  // The run changed positions: otherwise the comparison says nothing.
  expect(book.liquidatedCount).toBeGreaterThan(0);
  if (book.count > 50_000) expect(book.liquidatedCount).toBeGreaterThan(40_000);
  expect([...book.collateral, ...book.debt]).not.toEqual([...fresh.collateral, ...fresh.debt]);
  expect(book.initialCollateral).toEqual(fresh.collateral);
  expect(book.initialDebt).toEqual(fresh.debt);
  // Made once: the same arrays after further rounds.
  expect(book.initialDebt).toBe(book.initialDebt);
}

describe('a book gives round 0 after the rounds changed it', () => {
  it('after partial liquidations that change a position several times', () => {
    expectRoundZero(
      {
        liquidation: { mechanism: 'partial', closeFactor: 0.3, bonus: 0.08, threshold: 0.8 },
        market: { model: 'constant-product', depth2pct: 2e5, fee: 0, recovery: 0 },
        shock: { pct: 0.15 },
        generate: {
          count: 400,
          seed: 11,
          collateral: { min: 1, max: 20 },
          healthFactor: { min: 1.0, max: 1.6 },
        },
      },
      50,
    );
  });

  it('after more liquidations than one chunk of notes holds', () => {
    expectRoundZero(
      {
        shock: { pct: 0.4 },
        generate: {
          count: 80_000,
          seed: 3,
          collateral: { min: 1, max: 20 },
          healthFactor: { min: 1.0, max: 1.6 },
        },
      },
      50,
    );
  });

  it("with an attacker's loan (debt from none) that is then liquidated", () => {
    expectRoundZero(
      {
        market: { model: 'orderbook', depth2pct: 1e6, fee: 0, recovery: 0 },
        shock: { pct: 0 },
        liquidation: { mechanism: 'full', bonus: 0, threshold: 0.8 },
        positions: [{ id: 'a', collateral: 1, debt: 1 }],
        attacker: { round: 1, trade: 100, collateral: 10, unwindRound: 2 },
      },
      3,
    );
  });

  it('asked for before any round, and still round 0 after them', () => {
    const s = scenario({
      shock: { pct: 0.2 },
      generate: {
        count: 300,
        seed: 5,
        collateral: { min: 1, max: 20 },
        healthFactor: { min: 1.0, max: 1.5 },
      },
    });
    const cascade = new Cascade(s);
    const before = cascade.book.initialDebt.slice();
    while (!cascade.done) cascade.step();
    expect(cascade.book.liquidatedCount).toBeGreaterThan(0);
    expect(cascade.book.initialDebt).toEqual(before);
  });
});

describe('round 0 drawn again from the book', () => {
  const spec = {
    shock: { pct: 0.3 },
    generate: {
      count: 2_000,
      seed: 9,
      collateral: { min: 1, max: 50, scale: 'log' as const },
      healthFactor: { min: 1.0, max: 1.8, mode: 1.2 },
    },
    positions: [{ id: 'given', collateral: 3, debt: 4_000 }],
  };

  it('gives the given positions and the draws, whichever way the draws were made', () => {
    const fresh = new Cascade(scenario(spec)).book;
    for (const memo of [false, true]) {
      keepGeneratedDraws(memo);
      try {
        // With the memo on, a second cascade copies the kept draws instead of drawing them.
        new Cascade(scenario(spec));
        const cascade = new Cascade(scenario(spec));
        while (!cascade.done) cascade.step();
        const { book } = cascade;
        expect(book.liquidated[0]).toBe(1);
        expect(book.collateral[0]).not.toBe(3);
        expect(book.initialCollateral).toEqual(fresh.collateral);
        expect(book.initialDebt).toEqual(fresh.debt);
      } finally {
        keepGeneratedDraws(false);
      }
    }
  });
});
