import type { PositionsView, Timeline } from '../../engine/index.js';
import { bucketByKey, type KeyBuckets } from './health-buckets.js';
import {
  BAND_EDGES,
  bandOf,
  healthSnapshot,
  NearestList,
  snapshotOf,
  type HealthSnapshot,
} from './health.js';

/**
 * The dashboard's health panel without a pass over the whole book each round.
 *
 * A loan's health at price P is (collateral · P · LT) / debt, so its order among loans is that of its key
 * collateral · LT / debt, whatever the price. The positions a round has never changed (most of a book)
 * keep their round-0 key: they are put once into buckets of about BUCKET_SIZE positions by key, and each
 * bucket keeps how many of its positions are still untouched. A snapshot then counts a whole bucket into
 * its band without reading it when its smallest and largest keys fall in one band, and reads a bucket
 * position by position only where that is not so: a bucket across a band edge, the buckets that may hold
 * the nearest positions, the next liquidation price or a loan under water. The positions some round did
 * change (liquidated, in part or whole, up to the round shown) and are still open are read one by one,
 * as the full pass does. So a snapshot costs the buckets, a few bucket reads and the open positions the
 * rounds so far have changed, not the book.
 *
 * Every figure is computed by the same expression as `healthSnapshot` on the same numbers, and the one
 * sum (debt under water) is added in index order as there, so the panel shows exactly the same figures.
 */

/** Positions per bucket, about: a bucket read costs this much, the count pass n / this. */
const BUCKET_SIZE = 256;
/**
 * Relative slack on P · key against the health computed exactly: the two differ by a few rounding
 * errors (about 1e-16 each), so a bucket whose bounds clear an edge by this much is on one side of it.
 */
const SLACK = 1e-12;

export class HealthIndex {
  private readonly buckets: KeyBuckets;
  /** 1 while a bucketed position is untouched, and how many of each bucket's are. */
  private readonly active: Uint8Array;
  private readonly activeCount: Int32Array;
  private activeTotal = 0;
  /** Untouched open positions with no debt, which are never bucketed. */
  private untouchedDebtFree = 0;
  private readonly maxThreshold: number;
  /** Times each position appears in the events of rounds 1 … `round`. */
  private readonly touches: Int32Array;
  /** 1 once an event of rounds 1 … `round` closed the position (as the timeline's view says). */
  private readonly closed: Uint8Array;
  /**
   * Positions read one by one: the open ones a round has touched, and those with no usable key (the
   * attacker's loan, whose debt appears in its borrow round, outside the events).
   */
  private scanned: Int32Array;
  private scannedSize = 0;
  private readonly slot: Int32Array;
  private readonly permanent: Uint8Array;
  private round = 0;

  /** `bucketSize`: positions per bucket, about (tests make it tiny, so that bucket bounds fall everywhere). */
  constructor(timeline: Timeline, bucketSize = BUCKET_SIZE) {
    const { collateral, debt, threshold } = timeline.initialPositions();
    const n = collateral.length;
    const borrower = timeline.scenario.attacker ? n - 1 : -1;
    this.touches = new Int32Array(n);
    this.closed = new Uint8Array(n);
    this.slot = new Int32Array(n).fill(-1);
    this.permanent = new Uint8Array(n);
    this.scanned = new Int32Array(64);
    this.active = new Uint8Array(n);
    const key = new Float64Array(n);
    let maxThreshold = 0;
    for (let i = 0; i < n; i++) {
      const c = collateral[i]!;
      const d = debt[i]!;
      const t = threshold[i]!;
      // Health at P is (c · P · t) / d, so P · key with key = (c · t) / d, up to rounding.
      const k = (c * t) / d;
      if (i !== borrower && d <= 0) this.untouchedDebtFree++;
      else if (
        i !== borrower &&
        Number.isFinite(c) &&
        Number.isFinite(d) &&
        Number.isFinite(t) &&
        Number.isFinite(k) &&
        k >= 0
      ) {
        key[i] = k + 0; // −0 as 0: its bits would sort it last
        this.active[i] = 1;
        this.activeTotal++;
        if (t > maxThreshold) maxThreshold = t;
      } else {
        // NaN, infinite or negative figures, and the attacker's loan: read every time, as the full pass.
        this.permanent[i] = 1;
        this.addScanned(i);
      }
    }
    this.maxThreshold = maxThreshold;
    this.buckets = bucketByKey(key, this.active, bucketSize);
    this.activeCount = this.buckets.sizes.slice();
  }

  private addScanned(i: number): void {
    if (this.scannedSize === this.scanned.length) {
      const grown = new Int32Array(this.scanned.length * 2);
      grown.set(this.scanned);
      this.scanned = grown;
    }
    this.slot[i] = this.scannedSize;
    this.scanned[this.scannedSize++] = i;
  }

  private removeScanned(i: number): void {
    const at = this.slot[i]!;
    const last = this.scanned[--this.scannedSize]!;
    this.scanned[at] = last;
    this.slot[last] = at;
    this.slot[i] = -1;
  }

  /**
   * Puts position `i` where its touches and its closing say: untouched, in its bucket (or among the
   * untouched debt-free); touched (or permanent) and open, among the positions read one by one.
   */
  private place(i: number, wasTouched: boolean): void {
    const touched = this.touches[i]! > 0;
    if (touched !== wasTouched && !this.permanent[i]) {
      const b = this.buckets.bucketOf[i]!;
      const delta = touched ? -1 : 1;
      if (b >= 0) {
        this.active[i] = touched ? 0 : 1;
        this.activeCount[b]! += delta;
        this.activeTotal += delta;
      } else this.untouchedDebtFree += delta;
    }
    const read = (touched || this.permanent[i] === 1) && !this.closed[i];
    if (read && this.slot[i]! < 0) this.addScanned(i);
    else if (!read && this.slot[i]! >= 0) this.removeScanned(i);
  }

  /**
   * Follows the timeline's view to `round`, through the events of the rounds in between, as the view
   * does: an event that closes a position closes it; undoing any event leaves it open.
   */
  private moveTo(timeline: Timeline, round: number): void {
    while (this.round < round) {
      const events = timeline.events(this.round + 1)!;
      for (let e = 0; e < events.length; e++) {
        const i = events.position[e]!;
        if (events.closed[e]) this.closed[i] = 1;
        this.place(i, this.touches[i]!++ > 0);
      }
      this.round++;
    }
    while (this.round > round) {
      const events = timeline.events(this.round)!;
      for (let e = events.length - 1; e >= 0; e--) {
        const i = events.position[e]!;
        this.closed[i] = 0;
        this.place(i, this.touches[i]!-- > 0);
      }
      this.round--;
    }
  }

  /** As `healthSnapshot(view, price, k)`, for a view of this index's timeline. */
  snapshot(timeline: Timeline, view: PositionsView, price: number, k: number): HealthSnapshot {
    if (view.perps || !(price > 0) || !Number.isFinite(price)) return healthSnapshot(view, price, k);
    this.moveTo(timeline, view.round);
    const counts = new Array<number>(BAND_EDGES.length - 1).fill(0);
    const nearest = new NearestList(k);
    const underWater: number[] = [];
    let open = this.activeTotal + this.untouchedDebtFree;
    let debtFree = this.untouchedDebtFree;
    let safe = Infinity;
    const { collateral, debt, threshold } = view;
    /** One position read exactly as the full pass reads it; false on a NaN health (the full pass decides). */
    const read = (i: number): boolean => {
      const value = collateral[i]! * price;
      if (debt[i]! > value) underWater.push(i);
      const hf = (value * threshold[i]!) / debt[i]!;
      if (hf !== hf) return false;
      if (hf >= 1 && hf < safe) safe = hf;
      counts[bandOf(hf)]!++;
      nearest.offer(i, hf);
      return true;
    };
    for (let s = 0; s < this.scannedSize; s++) {
      const i = this.scanned[s]!;
      if (!view.open[i]) continue;
      open++;
      if (debt[i]! <= 0) {
        debtFree++;
        continue;
      }
      if (!read(i)) return healthSnapshot(view, price, k);
    }
    const underWaterBelow = this.maxThreshold * (1 + SLACK);
    const { start, members, minKey, maxKey } = this.buckets;
    for (let b = 0; b < this.activeCount.length; b++) {
      const left = this.activeCount[b]!;
      if (left === 0) continue;
      const lo = price * minKey[b]! * (1 - SLACK);
      const hi = price * maxKey[b]! * (1 + SLACK);
      const band = bandOf(lo);
      const whole =
        band === bandOf(hi) && lo >= underWaterBelow && lo > nearest.bar && !(hi >= 1 && lo < safe);
      if (whole) {
        counts[band]! += left;
        continue;
      }
      for (let m = start[b]!; m < start[b + 1]!; m++) {
        const i = members[m]!;
        if (this.active[i]) read(i);
      }
    }
    // Added in index order, as the full pass adds them, so that the sum is the same to the last bit.
    underWater.sort((a, b) => a - b);
    let owed = 0;
    for (const i of underWater) owed += debt[i]! - collateral[i]! * price;
    return snapshotOf(view, price, {
      nearest,
      counts,
      open,
      debtFree,
      underWater: owed,
      nearestSafeHf: safe,
    });
  }
}

const indexes = new WeakMap<Timeline, HealthIndex>();

/**
 * Builds `timeline`'s `HealthIndex` unless it has one (or has perpetuals, which the full pass reads).
 * Building costs about two full passes, so the app calls this in the pause after a frame, not before one.
 */
export function prepareHealthIndex(timeline: Timeline): void {
  if (indexes.has(timeline) || timeline.scenario.perps) return;
  indexes.set(timeline, new HealthIndex(timeline));
}

/** The last snapshots a timeline's panel asked for, and the number of nearest positions it shows. */
interface Recent {
  k: number;
  readonly snapshots: { round: number; price: number; k: number; snapshot: HealthSnapshot }[];
}
const recent = new WeakMap<Timeline, Recent>();
/** Snapshots kept per timeline: the round shown, the one computed ahead, the one before. */
const KEPT = 3;

/**
 * The health snapshot of `timeline` after `round` at `price`, with the `k` nearest positions: through the
 * timeline's `HealthIndex` once `prepareHealthIndex` has built it, by the full pass until then. A snapshot
 * is a pure function of these four, so the last few are kept and one computed ahead is used as is.
 */
export function healthAt(timeline: Timeline, round: number, price: number, k: number): HealthSnapshot {
  let memo = recent.get(timeline);
  if (!memo) {
    memo = { k, snapshots: [] };
    recent.set(timeline, memo);
  }
  memo.k = k;
  const kept = memo.snapshots.find((s) => s.round === round && Object.is(s.price, price) && s.k === k);
  if (kept) return kept.snapshot;
  const view = timeline.positionsAt(round);
  const index = indexes.get(timeline);
  const snapshot = index ? index.snapshot(timeline, view, price, k) : healthSnapshot(view, price, k);
  memo.snapshots.push({ round, price, k, snapshot });
  if (memo.snapshots.length > KEPT) memo.snapshots.shift();
  return snapshot;
}

/**
 * Computes ahead, in the pause while the current round is read, the snapshot the panel will ask for after
 * `round` (at that round's price, with as many nearest positions as it last showed), so that the step
 * key finds it ready: the positions the round changes are crossed now, not on the key. Nothing to do
 * before the panel has asked for one.
 */
export function prefetchHealth(timeline: Timeline, round: number): void {
  const memo = recent.get(timeline);
  if (!memo) return;
  const at = timeline.reach(round);
  healthAt(timeline, at, timeline.record(at)?.price ?? timeline.scenario.asset.price, memo.k);
}
