import { describe, expect, it } from 'vitest';
import { liqloop, tempFile } from '../helpers/cli.js';

const valid = {
  name: 'bad-input base',
  description: 'A valid preset that each case below breaks in one place.',
  asset: { symbol: 'ETH', quote: 'USD', price: 2000 },
  market: { model: 'constant-product', depth2pct: 1e6 },
  oracle: { model: 'spot' },
  liquidation: { mechanism: 'full', bonus: 0.05, threshold: 0.8 },
  shock: { pct: 0.1 },
  positions: [{ id: 'a', collateral: 10, debt: 15000 }],
  generate: { count: 10, seed: 1, collateral: { min: 1, max: 2 }, healthFactor: { min: 1.1, max: 2 } },
};

type Edit = (preset: Record<string, any>) => void; // eslint-disable-line @typescript-eslint/no-explicit-any

const cases: { what: string; edit?: Edit; text?: string; path: string; expected: RegExp }[] = [
  {
    what: 'invalid JSON',
    text: '{\n  "name": "x",\n}\n',
    path: '',
    expected: /invalid JSON at line 3, column 1: expected a field name in double quotes/,
  },
  { what: 'an empty file', text: '', path: '', expected: /invalid JSON: the file is empty/ },
  {
    what: 'a JSON array',
    text: '[]',
    path: '',
    expected: /expected a JSON object \(a preset\), got an array/,
  },
  {
    what: 'a missing field',
    edit: (p) => delete p.shock,
    path: 'shock',
    expected: /expected an object \{pct\}, got nothing \(the field is missing\)/,
  },
  {
    what: 'a mistyped field',
    edit: (p) => {
      p.market.depth = p.market.depth2pct;
      delete p.market.depth2pct;
    },
    path: 'market.depth',
    expected: /unknown field; did you mean "depth2pct"\?/,
  },
  {
    what: 'a field of the wrong type',
    edit: (p) => (p.asset.price = '2000'),
    path: 'asset.price',
    expected: /expected a finite number > 0, got "2000"/,
  },
  {
    what: 'a negative depth',
    edit: (p) => (p.market.depth2pct = -1),
    path: 'market.depth2pct',
    expected: /expected a finite number > 0, got -1/,
  },
  {
    what: 'pct >= 1',
    edit: (p) => (p.shock.pct = 1),
    path: 'shock.pct',
    expected: /expected a number in \[0, 1\), got 1/,
  },
  {
    what: 'a non-finite number',
    text: JSON.stringify(valid).replace('"depth2pct":1000000', '"depth2pct":1e400'),
    path: 'market.depth2pct',
    expected: /got Infinity \(a number too large to be finite, like 1e400\)/,
  },
  {
    what: 'an unknown mechanism',
    edit: (p) => (p.liquidation.mechanism = 'english-auction'),
    path: 'liquidation.mechanism',
    expected: /"full", "partial", "auction"/,
  },
  {
    what: 'an unknown oracle model',
    edit: (p) => (p.oracle.model = 'twpa'),
    path: 'oracle.model',
    expected: /expected one of "spot", "twap", "lagged", "feed", got "twpa"; did you mean "twap"\?/,
  },
  {
    what: 'a threshold above 1',
    edit: (p) => (p.liquidation.threshold = 1.2),
    path: 'liquidation.threshold',
    expected: /expected a number in \(0, 1\], got 1.2/,
  },
  {
    what: 'a threshold of 0',
    edit: (p) => (p.positions[0].threshold = 0),
    path: 'positions[0].threshold',
    expected: /expected a number in \(0, 1\], got 0/,
  },
  {
    what: 'a fractional count',
    edit: (p) => (p.generate.count = 2.5),
    path: 'generate.count',
    expected: /expected a whole number from 1 to 10,000,000, got 2.5/,
  },
  {
    what: 'a count above the bound',
    edit: (p) => (p.generate.count = 10_000_001),
    path: 'generate.count',
    expected: /expected a whole number from 1 to 10,000,000, got 10000001/,
  },
  {
    what: 'partial without a close factor',
    edit: (p) => (p.liquidation.mechanism = 'partial'),
    path: 'liquidation.closeFactor',
    expected: /partial liquidation needs a closeFactor/,
  },
  {
    what: 'a range with max below min',
    edit: (p) => (p.generate.healthFactor = { min: 2, max: 1 }),
    path: 'generate.healthFactor.max',
    expected: /with max >= min/,
  },
  {
    what: 'no positions at all',
    edit: (p) => {
      p.positions = [];
      delete p.generate;
    },
    path: 'positions',
    expected: /expected at least one position/,
  },
  {
    what: 'a duplicate id',
    edit: (p) => p.positions.push({ id: 'a', collateral: 1, debt: 1 }),
    path: 'positions[1].id',
    expected: /expected a unique id, got "a" \(also positions\[0\]\)/,
  },
  {
    what: 'an id that collides with a generated one',
    edit: (p) => (p.positions[0].id = 'g3'),
    path: 'positions[0].id',
    expected: /other than the generated ids g0…g9/,
  },
];

describe('a bad preset gets a clear message, exit 1 and no stack trace', () => {
  for (const c of cases) {
    it(c.what, () => {
      let content: string;
      if (c.text !== undefined) content = c.text;
      else {
        const preset = structuredClone(valid) as Record<string, unknown>;
        c.edit!(preset);
        content = JSON.stringify(preset, null, 2);
      }
      const file = tempFile('bad.json', content);
      for (const args of [
        ['run', file],
        ['validate', file],
      ]) {
        const result = liqloop(args);
        expect(result.status).toBe(1);
        expect(result.stdout).toBe('');
        expect(result.stderr).toContain(file);
        if (c.path) expect(result.stderr).toContain(`${c.path}: `);
        expect(result.stderr).toMatch(c.expected);
        expect(result.stderr).not.toMatch(/\n\s+at /);
      }
    });
  }

  it('a missing file', () => {
    const result = liqloop(['run', './no/such/preset.json']);
    expect(result.status).toBe(1);
    expect(result.stderr).toBe('liqloop: ./no/such/preset.json: no such file\n');
  });

  it('a directory', () => {
    const result = liqloop(['validate', 'presets/']);
    expect(result.status).toBe(1);
    expect(result.stderr).toMatch(/presets\/: is a directory, expected a preset JSON file/);
  });

  it('an unknown preset name suggests the closest one', () => {
    const result = liqloop(['run', 'thin-pol']);
    expect(result.status).toBe(1);
    expect(result.stderr).toBe(
      'liqloop: no preset named "thin-pol" and no such file; did you mean "thin-pool"?\n' +
        '(liqloop list shows the presets; a path to a .json file, or - for stdin, works too)\n',
    );
  });
});
