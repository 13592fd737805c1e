import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { cacheFileOf, loadScript } from '../../src/cli/script-cache.js';
import { ROOT, liqloop } from '../helpers/cli.js';

// The commands' script and its V8 code cache, as the build leaves them (scripts/bundle.mjs).
const SCRIPT = join(ROOT, 'dist/bundle/cli.cjs');
const work = mkdtempSync(join(tmpdir(), 'liqloop-script-cache-'));
// The script reads the package's version from ../../package.json, as in dist/bundle/.
copyFileSync(join(ROOT, 'package.json'), join(work, 'package.json'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

/** A copy of the built script and its cache in a folder of its own, the cache's bytes changed by `edit`. */
function copy(name: string, edit: (cache: Buffer) => Buffer | undefined = (cache) => cache): string {
  const dir = join(work, name, 'bundle');
  mkdirSync(dir, { recursive: true });
  const file = join(dir, 'cli.cjs');
  copyFileSync(SCRIPT, file);
  const cache = edit(readFileSync(cacheFileOf(SCRIPT)));
  if (cache) writeFileSync(cacheFileOf(file), cache);
  return file;
}

/** The loaded script works: its text guard strips a control character, as the real one does. */
function works(exports: Record<string, unknown>) {
  const terminalText = exports.terminalText as (text: string) => string;
  expect(terminalText('a\u0007b')).not.toContain('\u0007');
  expect(typeof exports.runCli).toBe('function');
}

describe("the commands' script", () => {
  it('loads with the code cache the build made for this Node', () => {
    const loaded = loadScript(copy('fresh'));
    expect(loaded.cached).toBe(true);
    works(loaded.exports);
  });

  it('compiles from source, and works, with no cache, a damaged one or one of another text', () => {
    const none = loadScript(copy('none', () => undefined));
    const damaged = loadScript(
      copy('damaged', (cache) => {
        const bytes = Buffer.from(cache);
        const middle = bytes.length >> 1;
        bytes.writeUInt8(bytes.readUInt8(middle) ^ 0xff, middle);
        return bytes;
      }),
    );
    const truncated = loadScript(copy('truncated', (cache) => cache.subarray(0, 100)));
    // A text of the same length, as V8 alone would take it: one character of the copy's source changed.
    const other = copy('other');
    const source = readFileSync(other, 'utf8');
    expect(source).toContain('Watch liquidation feedback loops');
    writeFileSync(
      other,
      source.replace('Watch liquidation feedback loops', 'Watcx liquidation feedback loops'),
    );
    expect(readFileSync(other).length).toBe(readFileSync(SCRIPT).length);
    const edited = loadScript(other);
    for (const loaded of [none, damaged, truncated, edited]) {
      expect(loaded.cached).toBe(false);
      works(loaded.exports);
    }
  });

  it('is rejected by V8 under other V8 flags, and the script compiles from source instead', () => {
    const probe = (flags: string[]) =>
      spawnSync(
        process.execPath,
        [
          ...flags,
          '--input-type=module',
          '-e',
          `import { loadScript } from ${JSON.stringify(pathToFileURL(join(ROOT, 'dist/cli/script-cache.js')).href)};
           const loaded = loadScript(${JSON.stringify(SCRIPT)});
           console.log(loaded.cached, loaded.exports.terminalText('ok'));`,
        ],
        { encoding: 'utf8' },
      ).stdout;
    expect(probe([])).toBe('true ok\n');
    expect(probe(['--max-old-space-size=3000'])).toBe('false ok\n');
  });

  it('is what `liqloop` runs: the same output with and without source maps (which bypass the cache)', () => {
    const plain = liqloop(['run', 'thin-pool', '--json']);
    const mapped = liqloop(['run', 'thin-pool', '--json'], { nodeArgs: ['--enable-source-maps'] });
    expect(plain.status).toBe(0);
    expect(mapped).toEqual(plain);
    expect((JSON.parse(plain.stdout) as { summary: { positions: number } }).summary.positions).toBe(10_000);
  });
});
