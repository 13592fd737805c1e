import type { Scenario } from '../../src/engine/index.js';

/** Overrides for `scenario`: top-level fields replace, object fields are merged one level deep. */
export type ScenarioOverrides = {
  readonly [K in keyof Scenario]?: NonNullable<Scenario[K]> extends readonly unknown[]
    ? Scenario[K]
    : NonNullable<Scenario[K]> extends object
      ? Partial<NonNullable<Scenario[K]>>
      : Scenario[K];
};

/** The defaults every engine test starts from. */
export const baseScenario: Scenario = {
  name: 'test',
  description: 'engine unit test scenario',
  asset: { symbol: 'ETH', quote: 'USD', price: 2000 },
  market: { model: 'constant-product', depth2pct: 1e6, fee: 0, recovery: 0 },
  oracle: { model: 'spot' },
  liquidation: { mechanism: 'full', bonus: 0.05, threshold: 0.8 },
  shock: { pct: 0.1 },
  rounds: 500,
  positions: [],
};

const isPlainObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/**
 * A full `Scenario` built from `baseScenario` and `overrides`: an object-valued field (asset, market, oracle,
 * liquidation, shock, generate) is merged one level deep with the default, anything else (positions, rounds,
 * name, …) replaces it. The oracle is a tagged union, so an override naming a different model replaces it.
 */
export function scenario(overrides: ScenarioOverrides = {}): Scenario {
  const result: Record<string, unknown> = { ...baseScenario };
  for (const [key, value] of Object.entries(overrides) as [string, unknown][]) {
    if (value === undefined) continue;
    const current = result[key];
    const sameOracleModel =
      key !== 'oracle' || (isPlainObject(current) && isPlainObject(value) && current.model === value.model);
    result[key] =
      isPlainObject(current) && isPlainObject(value) && sameOracleModel ? { ...current, ...value } : value;
  }
  return result as unknown as Scenario;
}
