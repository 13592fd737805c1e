// The build's catalogue of the shipped presets (src/presets/shipped-index.ts), which lets `liqloop list`
// and the picker start without loading and checking every file: it must say exactly what loading says,
// and be ignored as soon as anything under presets/ differs from what the build saw.
import { appendFileSync, cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { presetCounts } from '../../src/presets/counts.js';
import { PRESETS_DIR, catalogue, loadLibrary, presetIds } from '../../src/presets/index.js';
import {
  INDEX_FILE,
  libraryDigest,
  readShippedIndex,
  shippedCounts,
} from '../../src/presets/shipped-index.js';
import { liqloopHere } from '../cli/in-process.js';
import { liqloop, tempFile } from '../helpers/cli.js';

const work = mkdtempSync(join(tmpdir(), 'liqloop-index-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

describe('the build writes the index of the presets it checked', () => {
  it('dist/preset-index.json has the digest of presets/, and the catalogue and counts that loading gives', () => {
    const index = JSON.parse(readFileSync(INDEX_FILE, 'utf8')) as {
      digest: string;
      entries: unknown;
      counts: unknown;
    };
    expect(index.digest).toBe(libraryDigest());
    const library = loadLibrary();
    expect(index.entries).toEqual(catalogue(library));
    expect(index.counts).toEqual(
      Object.fromEntries(library.flatMap((l) => (l.ok ? [[l.id, presetCounts(l.preset)]] : []))),
    );
  });

  it('the built `liqloop validate <shipped name>` prints what the sources print when they check the file', async () => {
    for (const id of presetIds()) {
      const built = liqloop(['validate', id]);
      const checked = await liqloopHere(['validate', id]);
      expect(checked.stdout).toMatch(/: valid preset "/);
      expect(built).toEqual(checked);
    }
  });

  it('the built `liqloop list` prints what the sources print when they load every file', async () => {
    for (const args of [['list'], ['list', '--json']]) {
      const built = liqloop(args);
      const loaded = await liqloopHere(args);
      expect(built.stderr).toBe('');
      expect(built.status).toBe(0);
      expect(built.stdout).toBe(loaded.stdout);
    }
  });

  it('with a user preset, the built `liqloop list` loads the files and shows it', () => {
    const file = tempFile('mine.json', JSON.parse(readFileSync(join(PRESETS_DIR, 'thin-pool.json'), 'utf8')));
    const result = liqloop(['list', '--json'], { env: { LIQLOOP_PRESETS: join(file, '..') } });
    expect(result.status).toBe(0);
    const ids = (JSON.parse(result.stdout) as { id: string; source?: string }[]).map((p) => p.id);
    expect(ids).toContain('mine');
    expect(ids).toContain('thin-pool');
  });
});

describe('readShippedIndex', () => {
  const dir = join(work, 'presets');
  const file = join(work, 'index.json');
  const write = () => {
    const entries = catalogue(loadLibrary(dir));
    writeFileSync(file, JSON.stringify({ digest: libraryDigest(dir), entries }));
    return entries;
  };
  cpSync(PRESETS_DIR, dir, { recursive: true });

  it('gives the catalogue while every file is as it was, from built code only', () => {
    const entries = write();
    expect(readShippedIndex(dir, file, false)).toEqual(entries);
    expect(readShippedIndex(dir, file, true)).toBeUndefined();
  });

  it('is ignored once a preset, a price path file or the folder changes', () => {
    const changes = [
      () => appendFileSync(join(dir, 'thin-pool.json'), ' '),
      () => appendFileSync(join(dir, 'paths', 'eth-2020-03-12-synthetic.csv'), '\n'),
      () => writeFileSync(join(dir, 'new-one.json'), '{}'),
      () => rmSync(join(dir, 'deep-pool.json')),
    ];
    for (const change of changes) {
      write();
      expect(readShippedIndex(dir, file, false)).toBeDefined();
      change();
      expect(readShippedIndex(dir, file, false)).toBeUndefined();
    }
  });

  it("gives validate's counts for a shipped name only, while every file is as it was, from built code only", () => {
    write();
    writeFileSync(
      file,
      JSON.stringify({
        ...JSON.parse(readFileSync(file, 'utf8')),
        counts: { 'thin-pool': { name: 'n', positions: 2, perpetuals: 0 } },
      }),
    );
    expect(shippedCounts('thin-pool', dir, file, false)).toEqual({ name: 'n', positions: 2, perpetuals: 0 });
    // A name the index does not hold, a path, standard input, the sources: loaded and checked instead.
    expect(shippedCounts('deep-pool', dir, file, false)).toBeUndefined();
    expect(shippedCounts('constructor', dir, file, false)).toBeUndefined();
    expect(shippedCounts('./thin-pool', dir, file, false)).toBeUndefined();
    expect(shippedCounts('thin-pool.json', dir, file, false)).toBeUndefined();
    expect(shippedCounts('-', dir, file, false)).toBeUndefined();
    expect(shippedCounts('thin-pool', dir, file, true)).toBeUndefined();
    appendFileSync(join(dir, 'paths', 'eth-2020-03-12-synthetic.csv'), '\n');
    expect(shippedCounts('thin-pool', dir, file, false)).toBeUndefined();
  });

  it('is ignored when missing or unreadable', () => {
    expect(readShippedIndex(dir, join(work, 'missing.json'), false)).toBeUndefined();
    writeFileSync(join(work, 'bad.json'), '{not json');
    expect(readShippedIndex(dir, join(work, 'bad.json'), false)).toBeUndefined();
  });
});
