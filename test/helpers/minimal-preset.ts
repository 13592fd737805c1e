/** The smallest valid preset: one loan on a deep pool, spot oracle, full liquidation. Tests vary one field. */
export const minimal = {
  name: 'm',
  description: '',
  asset: { symbol: 'ETH', quote: 'USD', price: 2000 },
  market: { model: 'constant-product', depth2pct: 1e6 },
  oracle: { model: 'spot' },
  liquidation: { mechanism: 'full', threshold: 0.8 },
  shock: { pct: 0.1 },
  positions: [{ id: 'a', collateral: 1, debt: 1000 }],
};
