// The last step of scripts/bundle.mjs: dist/bundle/cli.cjs.v8cache, V8's code cache of the commands'
// script (src/cli/script-cache.ts says why and how it is checked).
//
// A cache made after the script has run holds every function that ran, so this first runs the commands
// whose start-up counts (`list`, `validate`, `run` of a shipped preset and of generated lending and
// perpetuals books, as the bench's are, text and JSON, `compare`) in this process, their output
// discarded. What they did not run compiles on first use, as without a cache. Run by the same Node as
// the build, in a process of its own, so that no other code shares the script's heap.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const file = join(root, 'dist', 'bundle', 'cli.cjs');
const { loadScript, writeScriptCache } = await import(
  pathToFileURL(join(root, 'dist', 'cli', 'script-cache.js')).href
);

const { exports, script } = loadScript(file, { useCache: false });
// With --enable-source-maps (NODE_OPTIONS), Node's own loader loaded the script: no cache, as without zlib.crc32.
if (!script) process.exit(0);
const silent = { out: () => {}, err: () => {}, redraw: () => {}, columns: undefined, errIsTTY: false };
const noApp = async () => {
  throw new Error('scripts/code-cache.mjs opens no dashboard');
};

const book = {
  asset: { symbol: 'ETH', quote: 'USD', price: 2000 },
  oracle: { model: 'spot' },
  liquidation: { mechanism: 'full', bonus: 0.05, threshold: 0.825 },
  shock: { pct: 0.1 },
};
const lending = {
  ...book,
  name: 'code cache: generated lending',
  description: 'Written by scripts/code-cache.mjs and removed afterwards.',
  market: { model: 'constant-product', depth2pct: 2e9 },
  generate: { count: 2000, seed: 42, collateral: { min: 1, max: 50 }, healthFactor: { min: 1.02, max: 1.8 } },
};
const perps = {
  ...book,
  name: 'code cache: generated perpetuals',
  description: 'Written by scripts/code-cache.mjs and removed afterwards.',
  market: { model: 'orderbook', depth2pct: 2e9 },
  perps: {
    insuranceFund: 1e6,
    maintenance: 0.01,
    generate: {
      longs: 1000,
      shorts: 1000,
      seed: 3,
      size: { min: 1, max: 50 },
      leverage: { min: 2, max: 25 },
      entrySpread: 0.05,
    },
  },
};

const work = mkdtempSync(join(tmpdir(), 'liqloop-code-cache-'));
try {
  const lendingFile = join(work, 'lending.json');
  const perpsFile = join(work, 'perps.json');
  writeFileSync(lendingFile, JSON.stringify(lending));
  writeFileSync(perpsFile, JSON.stringify(perps));
  const commands = [
    ['list'],
    ['list', '--json'],
    ['validate', 'black-thursday-2020'],
    ['validate', lendingFile],
    ['run', lendingFile, '--json'],
    ['run', perpsFile, '--json'],
    ['run', 'black-thursday-2020'],
    ['run', 'black-thursday-2020', '--json'],
    ['compare', 'black-thursday-2020', '--set', 'shock.pct=0.2'],
  ];
  for (const argv of commands) {
    const status = await exports.runCli(argv, silent, noApp);
    if (status !== 0)
      throw new Error(`liqloop ${argv.join(' ')} exited ${status} while making the code cache`);
  }
  writeScriptCache(file, script);
} finally {
  rmSync(work, { recursive: true, force: true });
}
