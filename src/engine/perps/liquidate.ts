import type { PerpsSpec } from '../types.js';
import { IndexHeap } from '../heap.js';
import type { PerpBook } from './book.js';

/** What the perpetuals did in one round. */
export interface PerpRound {
  readonly liquidations: number;
  /** Notional closed by liquidation (quantity · P), and the part of it that was longs. */
  readonly notional: number;
  readonly longNotional: number;
  /** Asset the liquidation engine sold on the venue (negative: bought), after auto-deleveraging matched some. */
  readonly netSold: number;
  readonly fees: number;
  readonly drawn: number;
  readonly deleveraged: number;
  readonly adlCovered: number;
  readonly uncovered: number;
  /** Losses of the positions closed below their bankruptcy price, which the three above cover to the cent. */
  readonly losses: number;
  readonly fund: number;
  /** One line per liquidation and per deleveraged position, for the log (when the cascade records events). */
  readonly log: readonly PerpEvent[];
}

export interface PerpEvent {
  readonly kind: 'liquidated' | 'deleveraged';
  readonly position: number;
  readonly quantity: number;
  /** For a liquidation, the loss below bankruptcy (0 above it); for ADL, the profit given up. */
  readonly amount: number;
  /** The position's size and margin before, so that a viewer can step back exactly. */
  readonly sizeBefore: number;
  readonly marginBefore: number;
}

/**
 * Liquidates every liquidatable perpetual at the oracle price P, longs then shorts, each most under water
 * first. A position whose notional is above `sliceAbove` closes `sliceFraction` of its size a round.
 * Closing quantity q realises the slice's equity e_q = m·q/s + dir·q·(P − entry). The fee
 * min(max(e_q, 0), liquidationFee·q·P) goes to the insurance fund and the rest of a positive e_q to the
 * owner. A negative e_q is a loss: the fund pays what it can, and the remainder R is covered by
 * auto-deleveraging: the most profitable opposing positions, ranked by profit/margin × notional/equity,
 * are closed at the bankrupt position's bankruptcy price Pb instead of at P, which gives up |P − Pb| per
 * unit; u = R / |P − Pb| units are matched so, off the venue. What no opposing position can cover is
 * `uncovered`. The liquidation engine trades q − u on the venue: selling a long, buying a short.
 */
export function liquidatePerps(
  book: PerpBook,
  spec: PerpsSpec,
  price: number,
  fundBefore: number,
  recordLog = false,
): PerpRound {
  let fund = fundBefore;
  let liquidations = 0;
  let notional = 0;
  let longNotional = 0;
  let netSold = 0;
  let fees = 0;
  let drawn = 0;
  let deleveraged = 0;
  let adlCovered = 0;
  let uncovered = 0;
  let losses = 0;
  const log: PerpEvent[] = [];
  const taken = book.takeLiquidatable(price);
  // The ranking of opposing positions for auto-deleveraging, built once per side per round (P is fixed).
  const rankings: (IndexHeap | undefined)[] = [undefined, undefined];
  for (const i of taken) {
    const size = book.size[i]!;
    if (!(size > 0) || !book.open[i]) continue;
    const direction = book.direction(i);
    const slice = spec.sliceAbove !== undefined && size * price > spec.sliceAbove ? spec.sliceFraction : 1;
    const quantity = slice * size;
    const bankruptcy = book.bankruptcyPrice(i);
    const marginBefore = book.margin[i]!;
    const equity = (book.margin[i]! * quantity) / size + direction * quantity * (price - book.entry[i]!);
    const fee = Math.min(Math.max(equity, 0), spec.liquidationFee * quantity * price);
    fund += fee;
    fees += fee;
    let matched = 0;
    let loss = 0;
    if (equity < 0) {
      loss = -equity;
      losses += loss;
      const draw = Math.min(fund, loss);
      fund -= draw;
      drawn += draw;
      const remaining = loss - draw;
      if (remaining > 0) {
        const opposing = book.long[i] ? 0 : 1;
        rankings[opposing] ??= rank(book, opposing, price);
        const adl = deleverage(book, rankings[opposing]!, price, bankruptcy, remaining, quantity, recordLog);
        matched = adl.units;
        adlCovered += adl.covered;
        // What ADL could not match; a residue of rounding (a billionth of the remainder) is not a loss.
        const gap = remaining - adl.covered;
        if (gap > remaining * 1e-9) uncovered += gap;
        deleveraged += adl.count;
        for (const p of adl.positions) log.push({ kind: 'deleveraged', ...p });
      }
    }
    book.reduce(i, quantity);
    book.markLiquidated(i);
    liquidations++;
    notional += quantity * price;
    if (book.long[i]) longNotional += quantity * price;
    netSold += direction * (quantity - matched);
    if (recordLog)
      log.push({ kind: 'liquidated', position: i, quantity, amount: loss, sizeBefore: size, marginBefore });
  }
  for (const i of taken) book.file(i);
  return {
    liquidations,
    notional,
    longNotional,
    netSold,
    fees,
    drawn,
    deleveraged,
    adlCovered,
    uncovered,
    losses,
    fund,
    log,
  };
}

export interface Deleveraging {
  readonly units: number;
  readonly covered: number;
  /** Positions deleveraged; listed one by one only when the cascade records events. */
  readonly count: number;
  readonly positions: {
    position: number;
    quantity: number;
    amount: number;
    sizeBefore: number;
    marginBefore: number;
  }[];
}

/**
 * The positions on one side (1 long, 0 short) in profit at `price`, as a heap with the most deserving of
 * deleveraging on top: ranked by profit/margin × notional/equity, as Binance and Hyperliquid rank by
 * profit and leverage. Built in O(n) once per side per round; each deleveraged position costs O(log n).
 */
function rank(book: PerpBook, long: 0 | 1, price: number): IndexHeap {
  const heap = new IndexHeap(book.count);
  for (let j = 0; j < book.count; j++) {
    if (!book.open[j] || book.long[j] !== long || !(book.size[j]! > 0)) continue;
    const equity = book.equity(j, price);
    const profit = book.direction(j) * book.size[j]! * (price - book.entry[j]!);
    if (profit <= 0 || equity <= 0) continue;
    heap.append(j, (profit / book.margin[j]!) * ((book.size[j]! * price) / equity));
  }
  heap.heapify();
  return heap;
}

/**
 * Auto-deleveraging for `remaining` of a bankrupt position's loss, matching at most `quantity` units from
 * the ranked opposing positions at the bankruptcy price; a position used up leaves the ranking.
 */
function deleverage(
  book: PerpBook,
  ranked: IndexHeap,
  price: number,
  bankruptcy: number,
  remaining: number,
  quantity: number,
  list: boolean,
): Deleveraging {
  const perUnit = Math.abs(price - bankruptcy);
  const wanted = Math.min(quantity, remaining / perUnit);
  let units = 0;
  const positions: Deleveraging['positions'] = [];
  let count = 0;
  while (units < wanted && ranked.top !== undefined) {
    const index = ranked.top;
    if (!(book.size[index]! > 0)) {
      ranked.pop();
      continue;
    }
    const take = Math.min(book.size[index]!, wanted - units);
    const sizeBefore = book.size[index]!;
    const marginBefore = book.margin[index]!;
    book.reduce(index, take);
    if (!(book.size[index]! > 0)) ranked.pop();
    units += take;
    count++;
    if (list)
      positions.push({ position: index, quantity: take, amount: take * perUnit, sizeBefore, marginBefore });
  }
  return { units, covered: units * perUnit, count, positions };
}
