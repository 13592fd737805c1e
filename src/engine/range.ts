import type { RoundRecord } from './types.js';

/**
 * The model left the range in which its arithmetic holds: a figure of a round is not a finite number, or
 * a price is not above 0. The run stops at that round rather than print NaN (README, "Ranges").
 */
export class ModelRangeError extends Error {
  constructor(
    readonly round: number,
    readonly field: string,
    readonly value: number,
  ) {
    super(
      `the model left its numeric range at round ${round} (field ${field} = ${String(value)}); ` +
        'the preset is valid but too extreme for the model: bring its sizes, prices or depths closer together',
    );
    this.name = 'ModelRangeError';
  }
}

const PRICES = new Set(['oraclePrice', 'startPrice', 'price']);

/**
 * Checks a round's record and the attack's running figures: every number finite, every price above 0.
 * It runs once per round over a few dozen fields, so it costs nothing beside the round itself.
 */
export function checkRound(record: RoundRecord, attack: Readonly<Record<string, number>>): void {
  for (const [field, value] of Object.entries(record)) {
    if (typeof value === 'number') {
      if (!Number.isFinite(value) || (PRICES.has(field) && !(value > 0)))
        throw new ModelRangeError(record.round, field, value);
    } else if (Array.isArray(value)) {
      (value as readonly number[]).forEach((price, i) => {
        if (!(Number.isFinite(price) && price > 0))
          throw new ModelRangeError(record.round, `${field}[${i}]`, price);
      });
    }
  }
  for (const [field, value] of Object.entries(attack))
    if (!Number.isFinite(value)) throw new ModelRangeError(record.round, `attack.${field}`, value);
}
