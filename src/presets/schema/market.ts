import { z } from 'zod';
import {
  MAX_ROUNDS,
  PRICE,
  QUOTE,
  TEXT_RULE,
  expecting,
  fraction01,
  nonEmptyText,
  object,
  positive,
  rangeText,
  venueName,
} from './common.js';

export const asset = object(
  {
    symbol: nonEmptyText('a non-empty string (the asset, e.g. "ETH")').describe(
      `the asset's symbol, e.g. "ETH"; ${TEXT_RULE}`,
    ),
    quote: nonEmptyText('a non-empty string (the quote currency, e.g. "USD")').describe(
      `the quote currency, e.g. "USD", in which prices, debt and depth are counted; ${TEXT_RULE}`,
    ),
    price: positive(PRICE).describe(
      `p0, the venue price before round 1, ${rangeText(PRICE)}; the shock and the path start from it`,
    ),
  },
  'an object {symbol, quote, price}',
).describe('the collateral asset and the currency its debt is in');

const marketModel = z
  .enum(['constant-product', 'orderbook'], {
    error: expecting('one of "constant-product", "orderbook"'),
  })
  .describe(
    'the price impact: "constant-product" (x * y = k) or "orderbook" (selling q multiplies the price by exp(-q / Q))',
  );

const depth2pct = () =>
  positive(QUOTE).describe(
    `the quote value that moves the venue's price 2% when sold at p0, ${rangeText(QUOTE)}: the venue's depth`,
  );
const fee = () =>
  fraction01('[0, 1)').describe(
    'the venue fee, a share of each sale in [0, 1) (default 0): kept by the pool, or off a book seller',
  );

export const market = object(
  {
    name: venueName().describe(`the main venue's name (default "main"); ${TEXT_RULE}`).optional(),
    model: marketModel,
    depth2pct: depth2pct(),
    fee: fee().default(0),
    recovery: fraction01('[0, 1]')
      .describe('the share of the gap to p0 the venue closes each round, in [0, 1] (default 0)')
      .default(0),
  },
  'an object {model, depth2pct, fee?, recovery?, name?}',
).describe('the main venue, where seized collateral is sold by default and the oracle reads by default');

export const venue = object(
  {
    name: venueName().describe(`the venue's name, unique among venues; ${TEXT_RULE}`),
    model: marketModel,
    depth2pct: depth2pct(),
    fee: fee().default(0),
  },
  'an object {name, model, depth2pct, fee?}',
).describe('another venue, linked to the main one by arbitrage');

export const arbitrage = object(
  {
    rate: fraction01('[0, 1]').describe(
      'the share of each gap between venues closed each round by arbitrage, in [0, 1]',
    ),
  },
  'an object {rate}',
).describe('how quickly arbitrage closes the gaps between venues');

export const path = object(
  {
    prices: z
      .array(positive(PRICE).describe(`an outside price, ${rangeText(PRICE)}`), {
        error: expecting('an array of prices > 0 (or "file": a CSV beside the preset)'),
      })
      .min(1, { error: 'expected at least one price' })
      .max(MAX_ROUNDS, { error: `expected at most ${MAX_ROUNDS} prices` })
      .describe(`the outside price in rounds 1, 2, …: 1 to ${MAX_ROUNDS} prices`),
    follow: fraction01('(0, 1]')
      .describe('the share of the gap to the outside price the venue closes each round, in (0, 1]')
      .optional(),
  },
  'an object {prices, follow?} or {file, follow?}',
).describe(
  'an outside price per round, as "prices" or as "file": a CSV in the preset\'s own folder (one header line allowed)',
);
