import { xoroshiro128plus } from 'pure-rand/generator/xoroshiro128plus';
import { uniformFloat64 } from 'pure-rand/distribution/uniformFloat64';

/** A source of uniform doubles in [0, 1). */
export type UniformSource = () => number;

/**
 * The engine's one seeded generator: pure-rand's xoroshiro128+ seeded with a 32-bit integer and then
 * jumped 2^64 steps ahead, because its first outputs straight after seeding follow the seed almost
 * linearly (seed 0…99 would all start at the top of the range). Each draw is a double in [0, 1) built
 * from 53 random bits (two 32-bit outputs).
 */
export function seededUniform(seed: number): UniformSource {
  const generator = xoroshiro128plus(seed | 0);
  generator.jump();
  return () => uniformFloat64(generator);
}
