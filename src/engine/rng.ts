import { xoroshiro128plus } from 'pure-rand/generator/xoroshiro128plus';

/** A source of uniform doubles in [0, 1). */
export type UniformSource = () => number;

/** Doubles a `UniformStream` draws at a time. */
export const BATCH = 4096;

/**
 * The engine's one seeded generator: pure-rand's xoroshiro128+ seeded with a 32-bit integer and then
 * jumped 2^64 steps ahead, because its first outputs straight after seeding follow the seed almost
 * linearly (seed 0…99 would all start at the top of the range). Each draw is a double in [0, 1) built
 * from 53 random bits (two 32-bit outputs), as pure-rand's `uniformFloat64` builds it.
 *
 * The draws are made in batches by `drawBatch`, with the generator's state in locals: a book of a million
 * positions takes two million draws, and one call and two generator steps through an object each was a
 * large share of building it. pure-rand still seeds and jumps; the draws are the same, bit for bit
 * (test/engine/rng.test.ts).
 */
export class UniformStream {
  private readonly state: Int32Array;
  private readonly batch = new Float64Array(BATCH);
  private at = BATCH;

  constructor(seed: number) {
    this.state = seededState(seed);
  }

  /**
   * The next `BATCH` doubles at once, in the array returned (valid until the next draw): for a loop that
   * maps draws in blocks, with no call per draw. Only where the stream stands at a batch's boundary.
   */
  nextBatch(): Float64Array {
    if (this.at !== BATCH) throw new Error('nextBatch only at a batch boundary');
    drawBatch(this.state, this.batch);
    return this.batch;
  }

  /** The next double in [0, 1). */
  next(): number {
    if (this.at === BATCH) {
      drawBatch(this.state, this.batch);
      this.at = 0;
    }
    return this.batch[this.at++]!;
  }
}

/**
 * The generator's state for `seed`, seeded and jumped as `UniformStream` says: [s01, s00, s11, s10], the
 * high and low 32 bits of xoroshiro128+'s s0, then of s1 (pure-rand's getState).
 */
export function seededState(seed: number): Int32Array {
  const generator = xoroshiro128plus(seed | 0);
  generator.jump();
  return Int32Array.from(generator.getState());
}

export function seededUniform(seed: number): UniformSource {
  const stream = new UniformStream(seed);
  return () => stream.next();
}

/**
 * Fills `out` with doubles, two xoroshiro128+ steps each, advancing `state` ([s01, s00, s11, s10] as
 * pure-rand's getState gives it). One loop over locals with no calls: V8 keeps the state in registers.
 */
function drawBatch(state: Int32Array, out: Float64Array): void {
  let s01 = state[0]!;
  let s00 = state[1]!;
  let s11 = state[2]!;
  let s10 = state[3]!;
  for (let k = 0; k < out.length; k++) {
    const high = (s00 + s10) | 0;
    let a0 = s10 ^ s00;
    let a1 = s11 ^ s01;
    let x00 = s00;
    let x01 = s01;
    s00 = (x00 << 24) ^ (x01 >>> 8) ^ a0 ^ (a0 << 16);
    s01 = (x01 << 24) ^ (x00 >>> 8) ^ a1 ^ ((a1 << 16) | (a0 >>> 16));
    s10 = (a1 << 5) ^ (a0 >>> 27);
    s11 = (a0 << 5) ^ (a1 >>> 27);
    const low = (s00 + s10) | 0;
    a0 = s10 ^ s00;
    a1 = s11 ^ s01;
    x00 = s00;
    x01 = s01;
    s00 = (x00 << 24) ^ (x01 >>> 8) ^ a0 ^ (a0 << 16);
    s01 = (x01 << 24) ^ (x00 >>> 8) ^ a1 ^ ((a1 << 16) | (a0 >>> 16));
    s10 = (a1 << 5) ^ (a0 >>> 27);
    s11 = (a0 << 5) ^ (a1 >>> 27);
    // uniformFloat64: 26 bits of the first output, 27 of the second.
    out[k] = (high & 0x3ffffff) * 2 ** -26 + (low & 0x7ffffff) * 2 ** -53;
  }
  state[0] = s01;
  state[1] = s00;
  state[2] = s11;
  state[3] = s10;
}

// One short draw at load, on a throwaway state, so that V8 has type feedback for the whole of `drawBatch`
// before it first compiles it. The first real batch runs long enough for the loop to be compiled mid-way
// (on-stack replacement) before the four stores after it ever ran; that code then gave up at the loop's
// end for want of feedback there, and was entered again by the next batch: 22 times in a 1M lending run,
// 732 in the 1M perpetuals book (node --trace-deopt). 64 draws, not 2: V8 gives a function somewhere to
// keep feedback only after it has run a little. The 1M lending bench book: 242.5 -> 233.2 ms a run
// (medians of 10 interleaved runs); the perpetuals books no faster. (The lending book has since been drawn
// by src/engine/wasm/book-kernel.wat; the perpetuals' book and the other streams still draw here.)
drawBatch(new Int32Array(4), new Float64Array(64));
