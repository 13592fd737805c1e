import { z } from 'zod';
import { MAX_ROUNDS, expecting, fraction01, nonEmptyText, object, positive, venueName } from './common.js';

export const asset = object(
  {
    symbol: nonEmptyText('a non-empty string (the asset, e.g. "ETH")'),
    quote: nonEmptyText('a non-empty string (the quote currency, e.g. "USD")'),
    price: positive(),
  },
  'an object {symbol, quote, price}',
);

const marketModel = z.enum(['constant-product', 'orderbook'], {
  error: expecting('one of "constant-product", "orderbook"'),
});

export const market = object(
  {
    name: venueName.optional(),
    model: marketModel,
    depth2pct: positive(),
    fee: fraction01('[0, 1)').default(0),
    recovery: fraction01('[0, 1]').default(0),
  },
  'an object {model, depth2pct, fee?, recovery?, name?}',
);

export const venue = object(
  { name: venueName, model: marketModel, depth2pct: positive(), fee: fraction01('[0, 1)').default(0) },
  'an object {name, model, depth2pct, fee?}',
);

export const arbitrage = object({ rate: fraction01('[0, 1]') }, 'an object {rate}');

export const path = object(
  {
    prices: z
      .array(positive(), {
        error: expecting('an array of prices > 0 (or "file": a CSV beside the preset)'),
      })
      .min(1, { error: 'expected at least one price' })
      .max(MAX_ROUNDS, { error: `expected at most ${MAX_ROUNDS} prices` }),
    follow: fraction01('(0, 1]').optional(),
  },
  'an object {prices, follow?} or {file, follow?}',
);
