/**
 * How long a round stands for, as a preset writes it (`roundLength`): "1 hour", "10 minutes", "1 block".
 * Pure; shared by the schema, `liqloop run` and the dashboard.
 *
 * The grammar, strict: a number, one space, a unit.
 * - the number: digits with at most three decimals ("1", "10", "0.5", "12.25"), above 0 and below
 *   1,000,000, no sign, exponent, grouping or leading zeros ("01");
 * - the unit: second, minute, hour, day or block, lower case, singular or plural ("1 hours" is accepted).
 */

export const ROUND_UNITS = ['second', 'minute', 'hour', 'day', 'block'] as const;
export type RoundUnit = (typeof ROUND_UNITS)[number];

export interface RoundLength {
  /** Units per round, > 0. */
  readonly amount: number;
  readonly unit: RoundUnit;
}

/** The grammar as one regular expression (also the JSON Schema's `pattern`). */
export const ROUND_LENGTH_PATTERN = `^(?!0+(?:\\.0+)? )(?:0|[1-9]\\d{0,5})(?:\\.\\d{1,3})? (?:${ROUND_UNITS.join('|')})s?$`;
const GRAMMAR = new RegExp(ROUND_LENGTH_PATTERN, 'u');

/** What a valid round length is, for messages and the schema's description. */
export const ROUND_LENGTH_RULE =
  'a number above 0 and below 1,000,000 with at most 3 decimals, one space, and a unit: ' +
  `${ROUND_UNITS.slice(0, -1).join(', ')} or ${ROUND_UNITS.at(-1)!} (singular or plural), e.g. "1 hour" or "10 minutes"`;

/** The round length a text writes, or null when it does not follow the grammar. */
export function parseRoundLength(text: string): RoundLength | null {
  if (!GRAMMAR.test(text)) return null;
  const [number, word] = text.split(' ') as [string, string];
  const unit = (word.endsWith('s') ? word.slice(0, -1) : word) as RoundUnit;
  return { amount: Number(number), unit };
}

// Made on first use: the first Intl.NumberFormat of a process loads ICU's locale data (about 15 ms),
// and this module is loaded with the schema by every `run`, most of which never print a round length.
let amountFormatter: Intl.NumberFormat | undefined;
const amountFormat = {
  format: (value: number) =>
    (amountFormatter ??= new Intl.NumberFormat('en-US', { maximumFractionDigits: 3 })).format(value),
};

/** A number of units with the unit's name: "1 hour", "12 hours", "1.5 minutes", "1,440 minutes". */
export function unitsText(value: number, unit: RoundUnit): string {
  const text = amountFormat.format(value);
  return `${text} ${text === '1' ? unit : `${unit}s`}`;
}

/** The time `rounds` rounds stand for: "12 hours" after round 12 of "1 hour" rounds. */
export function elapsedText(length: RoundLength, rounds: number): string {
  return unitsText(length.amount * rounds, length.unit);
}

/** A chart tick's figure for a round: the units elapsed, without the unit ("12", "1.5"). */
export function elapsedFigure(length: RoundLength, rounds: number): string {
  return amountFormat.format(length.amount * rounds);
}
