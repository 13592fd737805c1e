import { xoroshiro128plus } from 'pure-rand/generator/xoroshiro128plus';
import { uniformFloat64 } from 'pure-rand/distribution/uniformFloat64';

/** A source of uniform doubles in [0, 1). */
export type UniformSource = () => number;

/**
 * The engine's one seeded generator: pure-rand's xoroshiro128+ seeded with a 32-bit integer,
 * each draw a double in [0, 1) built from 53 random bits (two 32-bit outputs).
 */
export function seededUniform(seed: number): UniformSource {
  const generator = xoroshiro128plus(seed | 0);
  return () => uniformFloat64(generator);
}
