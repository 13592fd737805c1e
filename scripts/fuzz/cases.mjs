// The fuzzer's inputs: seeded mutations of every shipped preset and of the `--set` paths and values, each
// made into one command line (validate, run, sweep or compare). Pure: the same seed gives the same cases.
import { Buffer } from 'node:buffer';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { xoroshiro128plus } from 'pure-rand/generator/xoroshiro128plus';
import { uniformFloat64 } from 'pure-rand/distribution/uniformFloat64';

/** A seeded source: `next()` in [0, 1), and the helpers the mutations draw with. */
export function random(seed) {
  const generator = xoroshiro128plus(seed | 0);
  generator.jump();
  const next = () => uniformFloat64(generator);
  const int = (n) => Math.floor(next() * n);
  return { next, int, pick: (items) => items[int(items.length)], chance: (p) => next() < p };
}

/** The shipped presets, by id, as text. */
export function shippedPresets(dir) {
  return readdirSync(dir)
    .filter((f) => f.endsWith('.json'))
    .sort()
    .map((f) => ({ id: f.slice(0, -5), text: readFileSync(join(dir, f), 'utf8') }));
}

const ESCAPES = [
  '\u001b]2;owned\u0007',
  '\u001b[2J',
  '\u001b]52;c;cm0gLXJmIH4=\u0007',
  '\u202eevil',
  '\u0085',
  '\u0000',
  '\u009b31m',
  '\u2028',
];

/** Numbers at and past the edges of every range: zero of both signs, tiny, huge, unsafe integers. */
const EXTREME_NUMBERS = [
  0,
  -0,
  -1,
  1e-300,
  5e-324,
  1e300,
  -1e300,
  1e21,
  2 ** 31,
  2 ** 53 + 2,
  0.5,
  1,
  1e9,
  1e-9,
  123456789.123,
];

/** Factors that move a number a little or a lot, keeping most presets valid. */
const SCALES = [0, 0.001, 0.1, 0.5, 0.9, 1.1, 2, 10, 1000, 1e6];

/** Values of other types, and texts that look like numbers or are hostile. */
function otherValue(r) {
  switch (r.int(12)) {
    case 0:
      return r.pick(EXTREME_NUMBERS);
    case 1:
      return r.pick(['NaN', 'Infinity', '-Infinity', '1e999', '0x10', '', ' ', '1,5', 'null']);
    case 2:
      return r.pick([true, false, null]);
    case 3:
      return [];
    case 4:
      return {};
    case 5:
      return 'x'.repeat(r.pick([100, 10_000, 200_000]));
    case 6:
      return `name${r.pick(ESCAPES)}tail`;
    case 7:
      return nested(r.pick([10, 63, 65, 200]), r.chance(0.5));
    case 8:
      return [r.pick(EXTREME_NUMBERS), r.pick(EXTREME_NUMBERS)];
    case 9:
      return { __proto__: null, ['__proto__']: { polluted: true } };
    case 10:
      return -r.pick(EXTREME_NUMBERS);
    default:
      return r.next() * 10 ** (r.int(40) - 20);
  }
}

/** Arrays (or objects) nested `depth` deep. */
function nested(depth, arrays) {
  let value = 1;
  for (let i = 0; i < depth; i++) value = arrays ? [value] : { a: value };
  return value;
}

/** Every path to a value inside `root`, as segment lists (at most a few thousand, spread over the tree). */
function paths(root) {
  const out = [];
  const walk = (node, path) => {
    out.push(path);
    if (out.length > 4000 || node === null || typeof node !== 'object') return;
    const keys = Array.isArray(node) ? node.map((_, i) => i).slice(0, 6) : Object.keys(node);
    for (const key of keys) walk(node[key], [...path, key]);
  };
  walk(root, []);
  return out;
}

const get = (root, path) => path.reduce((node, key) => node?.[key], root);

/** One structural mutation of the parsed preset, in place. */
function mutateValue(r, root) {
  const all = paths(root).filter((p) => p.length > 0);
  const numbers = all.filter((p) => typeof get(root, p) === 'number');
  const path = r.pick(numbers.length && r.chance(0.5) ? numbers : all);
  const parent = get(root, path.slice(0, -1));
  const key = path.at(-1);
  if (typeof parent[key] === 'number' && r.chance(0.5)) {
    // A number moved within or just past its range: valid presets the model must still hold on.
    parent[key] *= r.pick(SCALES);
    return;
  }
  switch (r.int(6)) {
    case 0: // delete a field (or an array entry)
      if (Array.isArray(parent)) parent.splice(key, 1);
      else delete parent[key];
      return;
    case 1: // an extreme number where a number is
      parent[key] = r.pick(EXTREME_NUMBERS) * (r.chance(0.2) ? -1 : 1);
      return;
    case 2: // an unknown field beside it
      if (!Array.isArray(parent))
        parent[r.pick(['extra', 'constructor', 'prototype', `k${r.pick(ESCAPES)}`])] = 1;
      return;
    case 3: // grow an array: the same entry again, or many
      if (Array.isArray(parent)) {
        // Copies, and no more than about 200 KB of them: copies of one shared entry, grown again by a later
        // mutation, multiplied (seed 28: an entry of 5,000 rows, 5,000 times, past the longest string
        // JSON.stringify can make, and the campaign stopped).
        const text = JSON.stringify(parent[key]) ?? 'null';
        const copies = Math.min(r.pick([1, 100, 5000]), Math.max(1, Math.floor(200_000 / (text.length + 1))));
        parent.push(...Array.from({ length: copies }, () => JSON.parse(text)));
      } else parent[key] = otherValue(r);
      return;
    default: // another type, a hostile text, deep nesting
      parent[key] = otherValue(r);
  }
}

/** Mutations of the text itself: duplicate keys, random bytes, cuts, deep brackets, a BOM. */
function mutateText(r, text) {
  switch (r.int(7)) {
    case 0: {
      const at = text.indexOf('"market"');
      return at < 0 ? text : `${text.slice(0, at)}"market": null, ${text.slice(at)}`;
    }
    case 1: {
      const bytes = Buffer.from(text);
      for (let i = 0, n = 1 + r.int(8); i < n; i++) bytes[r.int(bytes.length)] = r.int(256);
      return bytes;
    }
    case 2:
      return text.slice(0, r.int(text.length));
    case 3:
      return '['.repeat(r.pick([100, 10_000])) + (r.chance(0.5) ? ']'.repeat(10) : '');
    case 4:
      return `\ufeff${text}`;
    case 5:
      return text.replace(/"name": "/, `"name": "${JSON.stringify(r.pick(ESCAPES)).slice(1, -1)}`);
    default:
      return Buffer.concat([
        Buffer.from(text.slice(0, 200)),
        Buffer.from([0xc3, 0x28, 0xff, 0xfe]),
        Buffer.from(text.slice(200)),
      ]);
  }
}

/** A `--set` argument: a real field of the preset or a junk path, with an extreme or hostile value. */
function setArg(r, root) {
  const real = paths(root).filter((p) => p.length > 0);
  const dotted = (p) => p.join('.');
  const numeric = real.filter((p) => typeof get(root, p) === 'number');
  const path = r.chance(0.75)
    ? dotted(r.pick(r.chance(0.6) && numeric.length ? numeric : real))
    : r.pick([
        '__proto__.polluted',
        'constructor.prototype.x',
        'positions.999999.debt',
        'positions[0][0]',
        'a..b',
        '.x',
        'market.',
        'x'.repeat(300),
        Array.from({ length: 70 }, () => 'a').join('.'),
        `name${r.pick(ESCAPES)}`,
        'positions.-1.debt',
        'positions.1e3.debt',
      ]);
  const at = get(
    root,
    path.split('.').map((k) => (/^\d+$/.test(k) ? Number(k) : k)),
  );
  if (typeof at === 'number' && r.chance(0.6)) return `${path}=${at * r.pick(SCALES)}`;
  const value = r.chance(0.3)
    ? r.pick([
        '{"a":',
        '[[[[',
        '['.repeat(5000),
        '"\\u001b]2;x\\u0007"',
        'NaN',
        '1e999',
        '-0',
        '0x1f',
        '',
        '{}',
        '[]',
        'null',
      ])
    : (JSON.stringify(otherValue(r)) ?? 'null');
  return `${path}=${value}`;
}

/** The numeric leaves, as --param candidates for a sweep. */
const numericPaths = (root) =>
  paths(root)
    .filter((p) => p.length > 0 && typeof get(root, p) === 'number')
    .map((p) => p.join('.'));

/**
 * Case `index` of the campaign with `seed`: `{ id, preset, file?, args }`. `file` is the preset's text (or bytes)
 * to write as FILE; `args` the command line, with FILE (and OUT, a fresh file name) to be filled in.
 */
export function makeCase(presets, seed, index) {
  const r = random((seed * 1_000_003 + index) | 0);
  const base = r.pick(presets);
  const root = JSON.parse(base.text);
  const sets = [];
  let file;
  const kind = r.int(10);
  if (kind < 5) {
    for (let i = 0, n = 1 + r.int(3); i < n; i++) mutateValue(r, root);
    file = JSON.stringify(root, null, r.chance(0.5) ? 2 : 0);
  } else if (kind < 7) {
    file = mutateText(r, base.text);
  } else {
    // The shipped file as it is, made hostile through the command line.
    for (let i = 0, n = 1 + r.int(3); i < n; i++) sets.push('--set', setArg(r, root));
  }
  const ref = file === undefined && r.chance(0.5) ? base.id : 'FILE';
  if (file === undefined && ref === 'FILE') file = base.text;
  const command = r.pick(['validate', 'run', 'run', 'sweep', 'compare']);
  let args;
  if (command === 'validate') args = ['validate', ref, ...(r.chance(0.05) ? ['extra'] : [])];
  else if (command === 'run') {
    args = ['run', ref, ...sets];
    if (r.chance(0.5)) args.push('--json');
    if (r.chance(0.2))
      args.push('--rounds', String(r.chance(0.8) ? r.pick([1, 2, 50, 100_000]) : r.pick([0, -1, 1.5, 1e9])));
    if (r.chance(0.15)) args.push('--out', r.pick(['OUT.json', 'OUT.csv', '/proc/x.json', 'OUT.txt']));
  } else if (command === 'compare') {
    args = ['compare', ref, ...(sets.length ? sets : ['--set', setArg(r, root)])];
    if (r.chance(0.5)) args.push('--json');
  } else {
    const numeric = numericPaths(JSON.parse(base.text));
    const param = r.chance(0.8) && numeric.length ? r.pick(numeric) : setArg(r, root).split('=')[0];
    const ends = () => String(r.chance(0.7) ? r.next() * 2 : r.pick(EXTREME_NUMBERS));
    args = [
      'sweep',
      ref,
      '--param',
      param,
      '--from',
      ends(),
      '--to',
      ends(),
      '--steps',
      String(r.chance(0.9) ? r.pick([2, 3]) : r.pick([1, 1001])),
    ];
    args.push(...sets);
    if (r.chance(0.3)) args.push('--json');
    if (r.chance(0.1)) args.push('--out', 'OUT.csv');
  }
  return { id: index, preset: base.id, file, args };
}
