// Bad input in `oracle.floor` (the price an oracle never reports below), through `liqloop validate FILE`:
// exit 1, the file and the field named, what was expected and what was found, and no stack trace.
import { describe, expect, it } from 'vitest';
import { liqloop, tempFile, expectOneProblem } from '../helpers/cli.js';

/** A valid preset with a floored spot oracle; each case below breaks it in one place. */
const valid = {
  name: 'oracle floor bad-input base',
  description: 'A valid preset with an oracle floor that each case below breaks in one place.',
  asset: { symbol: 'LUNA', quote: 'USD', price: 80 },
  market: { model: 'orderbook', depth2pct: 1e7 },
  oracle: { model: 'spot', floor: 0.107 },
  liquidation: { mechanism: 'partial', closeFactor: 0.5, bonus: 0.1, threshold: 0.55 },
  shock: { pct: 0.5 },
  positions: [{ id: 'a', collateral: 10, debt: 300 }],
};

type Edit = (preset: Record<string, any>) => void; // eslint-disable-line @typescript-eslint/no-explicit-any

const expected = 'expected a price > 0 (the oracle never reports below it)';

const cases: { what: string; edit: Edit; path: string; message: string }[] = [
  {
    what: 'a floor of 0',
    edit: (p) => (p.oracle.floor = 0),
    path: 'oracle.floor',
    message: `${expected}, got 0`,
  },
  {
    what: 'a negative floor',
    edit: (p) => (p.oracle.floor = -0.107),
    path: 'oracle.floor',
    message: `${expected}, got -0.107`,
  },
  {
    what: 'a floor as a string',
    edit: (p) => (p.oracle.floor = '0.107'),
    path: 'oracle.floor',
    message: `${expected}, got "0.107"`,
  },
  {
    what: 'a floor of null',
    edit: (p) => (p.oracle.floor = null),
    path: 'oracle.floor',
    message: `${expected}, got null`,
  },
  {
    what: 'a bad floor on a TWAP oracle',
    edit: (p) => (p.oracle = { model: 'twap', window: 3, floor: false }),
    path: 'oracle.floor',
    message: `${expected}, got false`,
  },
  {
    what: 'a bad floor on a feed beside a breaker',
    edit: (p) => (p.oracle = { model: 'feed', deviation: 0.01, heartbeat: 4, maxChange: 0.2, floor: [0.1] }),
    path: 'oracle.floor',
    message: `${expected}, got an array`,
  },
  {
    what: 'a misspelt floor',
    edit: (p) => {
      delete p.oracle.floor;
      p.oracle.flor = 0.107;
    },
    path: 'oracle.flor',
    message: 'unknown field; did you mean "floor"?',
  },
];

describe('validate: a bad oracle.floor gets exit 1, the file, the field and what was expected', () => {
  it('the base preset is valid, on every oracle model', () => {
    for (const oracle of [
      { model: 'spot', floor: 0.107 },
      { model: 'twap', window: 3, floor: 0.107 },
      { model: 'lagged', delay: 2, floor: 0.107 },
      { model: 'feed', deviation: 0.01, heartbeat: 4, maxChange: 0.2, floor: 0.107 },
    ]) {
      const file = tempFile('floor-base.json', { ...valid, oracle });
      const result = liqloop(['validate', file]);
      expect(result.stderr).toBe('');
      expect(result.status).toBe(0);
    }
  });

  for (const c of cases) {
    it(c.what, () => {
      const preset = structuredClone(valid) as Record<string, unknown>;
      c.edit(preset);
      expectOneProblem(preset, c.path, c.message);
    });
  }

  it('a floor outside the oracle is an unknown top-level field', () => {
    const preset = structuredClone(valid) as Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any
    delete preset.oracle.floor;
    preset.floor = 0.107;
    const file = tempFile('bad-floor-top.json', preset);
    const result = liqloop(['validate', file]);
    expect(result.status).toBe(1);
    expect(result.stderr).toContain(`${file}: floor: unknown field`);
  });

  it('--set oracle.floor=0 is refused the same way, marked as from --set', () => {
    const file = tempFile('floor-set.json', valid);
    const result = liqloop(['run', file, '--set', 'oracle.floor=0']);
    expect(result.status).toBe(1);
    expect(result.stderr).toContain(`oracle.floor: ${expected}, got 0 (from --set)`);
  });
});
