/**
 * Positions grouped by a non-negative key into buckets of about `bucketSize`, in key order: the buckets
 * `HealthIndex` counts health bands by. Two linear passes and a counting sort, no comparison sort, so
 * that a million-position book is bucketed in about the time of one pass over it.
 */
export interface KeyBuckets {
  /** The bucket of each position; −1 for a position without a key. */
  readonly bucketOf: Int32Array;
  /** Bucket b's positions are members[start[b]] … members[start[b + 1] − 1], in index order. */
  readonly start: Int32Array;
  readonly members: Int32Array;
  /** The smallest and largest key in each bucket. */
  readonly minKey: Float64Array;
  readonly maxKey: Float64Array;
  /** How many positions each bucket holds. */
  readonly sizes: Int32Array;
}

/** Slots a key's range is cut into before slots are joined into buckets. */
const SLOTS = 1 << 16;

/** Where a double's high 32 bits (sign, exponent, top of the mantissa) sit in its pair of 32-bit words. */
/** The high word of the smallest normal double (2^−1022). */
const SMALLEST_NORMAL = 0x00100000;
const HIGH_WORD = new Uint8Array(new Float64Array([1]).buffer)[7] === 0x3f ? 1 : 0;

/**
 * Buckets the positions whose `keyed` flag is 1 by `key` (finite, ≥ 0). A non-negative double's high
 * word grows with its value, about logarithmically, so slots of equal high-word width are equal slices of
 * the key's octaves: a counting pass over the slots, then slots joined in order until a bucket holds
 * `bucketSize` positions. Positions whose keys share a slot (within about 1e-6 of each other, relatively,
 * when the keys span a few octaves) share a bucket whatever `bucketSize` says.
 */
export function bucketByKey(key: Float64Array, keyed: Uint8Array, bucketSize: number): KeyBuckets {
  const n = key.length;
  const words = new Uint32Array(key.buffer, key.byteOffset, n * 2);
  // The range of the normal keys' high words; 0 and subnormal keys go to the first slot, so that a key
  // of 0 (no collateral) does not stretch the range over a thousand octaves.
  let lowest = 0xffffffff;
  let highest = 0;
  let any = false;
  for (let i = 0; i < n; i++) {
    if (!keyed[i]) continue;
    any = true;
    const w = words[2 * i + HIGH_WORD]!;
    if (w >= SMALLEST_NORMAL && w < lowest) lowest = w;
    if (w > highest) highest = w;
  }
  if (highest < lowest) lowest = highest;
  let shift = 0;
  while ((highest - lowest) >>> shift >= SLOTS) shift++;
  const slotOf = (i: number) => {
    const w = words[2 * i + HIGH_WORD]!;
    return w < lowest ? 0 : (w - lowest) >>> shift;
  };
  const slots = any ? ((highest - lowest) >>> shift) + 1 : 0;
  const perSlot = new Int32Array(slots);
  for (let i = 0; i < n; i++) if (keyed[i]) perSlot[slotOf(i)]!++;
  // Slots joined in key order: a bucket closes once it holds `bucketSize` positions.
  const slotBucket = new Int32Array(slots);
  let buckets = 0;
  let filling = 0;
  for (let s = 0; s < slots; s++) {
    if (filling >= bucketSize && perSlot[s]! > 0) {
      buckets++;
      filling = 0;
    }
    slotBucket[s] = buckets;
    filling += perSlot[s]!;
  }
  if (slots > 0) buckets++;
  const bucketOf = new Int32Array(n).fill(-1);
  const sizes = new Int32Array(buckets);
  for (let i = 0; i < n; i++) {
    if (!keyed[i]) continue;
    const b = slotBucket[slotOf(i)]!;
    bucketOf[i] = b;
    sizes[b]!++;
  }
  const start = new Int32Array(buckets + 1);
  for (let b = 0; b < buckets; b++) start[b + 1] = start[b]! + sizes[b]!;
  const members = new Int32Array(start[buckets]!);
  const fill = start.slice(0, buckets);
  const minKey = new Float64Array(buckets).fill(Infinity);
  const maxKey = new Float64Array(buckets).fill(-Infinity);
  for (let i = 0; i < n; i++) {
    const b = bucketOf[i]!;
    if (b < 0) continue;
    members[fill[b]!++] = i;
    const k = key[i]!;
    if (k < minKey[b]!) minKey[b] = k;
    if (k > maxKey[b]!) maxKey[b] = k;
  }
  return { bucketOf, start, members, minKey, maxKey, sizes };
}
