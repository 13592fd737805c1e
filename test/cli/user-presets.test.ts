import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { configPresetsDir, userPresetDirs } from '../../src/presets/index.js';
import { initialState, reducer } from '../../src/ui/state/reducer.js';
import { ROOT, liqloop } from '../helpers/cli.js';

const thinPool = JSON.parse(readFileSync(join(ROOT, 'presets/thin-pool.json'), 'utf8')) as Record<
  string,
  unknown
>;

/** A fresh config home and a LIQLOOP_PRESETS folder, with presets written into them. */
function folders(own: Record<string, string>, config: Record<string, string> = {}) {
  const base = mkdtempSync(join(tmpdir(), 'liqloop-user-'));
  const listed = join(base, 'listed');
  const xdg = join(base, 'config');
  const xdgPresets = join(xdg, 'liqloop', 'presets');
  mkdirSync(listed, { recursive: true });
  mkdirSync(xdgPresets, { recursive: true });
  const write = (dir: string, presets: Record<string, string>) => {
    for (const [id, name] of Object.entries(presets)) {
      const { $schema: _s, ...rest } = thinPool;
      writeFileSync(join(dir, `${id}.json`), JSON.stringify({ ...rest, name, description: `${name}, mine` }));
    }
  };
  write(listed, own);
  write(xdgPresets, config);
  return { listed, xdgPresets, env: { LIQLOOP_PRESETS: listed, XDG_CONFIG_HOME: xdg } };
}

describe('the folders of user presets', () => {
  it('LIQLOOP_PRESETS (":"-separated) first, then $XDG_CONFIG_HOME/liqloop/presets, else ~/.config', () => {
    expect(userPresetDirs({ LIQLOOP_PRESETS: '/a:/b::', XDG_CONFIG_HOME: '/x' })).toEqual([
      '/a',
      '/b',
      '/x/liqloop/presets',
    ]);
    expect(configPresetsDir({ HOME: '/h' })).toMatch(/\.config\/liqloop\/presets$/);
  });
});

describe('user presets in list and run', () => {
  it('list shows them after the shipped ones under their own heading; --json marks them', () => {
    const { env, listed, xdgPresets } = folders({ 'my-pool': 'My pool' }, { 'xdg-pool': 'XDG pool' });
    const text = liqloop(['list'], { env });
    expect(text.status).toBe(0);
    const heading = text.stdout.indexOf('Your presets');
    expect(heading).toBeGreaterThan(text.stdout.indexOf('thin-pool-partial'));
    expect(text.stdout.indexOf('my-pool')).toBeGreaterThan(heading);
    expect(text.stdout.indexOf('xdg-pool')).toBeGreaterThan(text.stdout.indexOf('my-pool'));
    const json = JSON.parse(liqloop(['list', '--json'], { env }).stdout) as Record<string, unknown>[];
    expect(json.slice(-2)).toEqual([
      expect.objectContaining({
        id: 'my-pool',
        name: 'My pool',
        source: 'user',
        file: join(listed, 'my-pool.json'),
      }),
      expect.objectContaining({ id: 'xdg-pool', source: 'user', file: join(xdgPresets, 'xdg-pool.json') }),
    ]);
    expect(json.filter((e) => e.source === undefined).map((e) => e.id)).toContain('thin-pool');
  });

  it('run NAME finds a user preset in either folder; validate and completion know it too', () => {
    const { env } = folders({ 'my-pool': 'My pool' }, { 'xdg-pool': 'XDG pool' });
    for (const [id, name] of [
      ['my-pool', 'My pool'],
      ['xdg-pool', 'XDG pool'],
    ]) {
      const run = liqloop(['run', id!, '--json'], { env });
      expect(run.status, run.stderr).toBe(0);
      expect(JSON.parse(run.stdout)).toMatchObject({ preset: name, presetId: id });
    }
    expect(liqloop(['validate', 'my-pool'], { env }).status).toBe(0);
    expect(liqloop(['__complete', 'run', 'my-'], { env }).stdout).toBe('my-pool\n:files\n');
    expect(liqloop(['run', 'my-pol'], { env }).stderr).toMatch(/did you mean "my-pool"\?/);
  });

  it('a user preset with a shipped id is reported, and the name runs the shipped preset', () => {
    const { env, listed } = folders({ 'thin-pool': 'My thin pool' });
    const list = liqloop(['list', '--json'], { env });
    expect(list.status).toBe(0);
    expect(list.stderr).toBe(
      `liqloop: ${join(listed, 'thin-pool.json')} has the id "thin-pool" of a shipped preset, ` +
        'so liqloop thin-pool opens that one; rename the file to use it by name\n',
    );
    const ids = (JSON.parse(list.stdout) as { id: string }[]).map((e) => e.id);
    expect(ids.filter((id) => id === 'thin-pool')).toHaveLength(1);
    expect(JSON.parse(liqloop(['run', 'thin-pool', '--json'], { env }).stdout).preset).toBe(
      'Thin pool: a 10% shock runs away',
    );
  });
});

describe('the picker', () => {
  it('lists a variant the dashboard wrote at once, after the others', () => {
    const state = initialState([{ id: 'thin-pool', name: 'Thin pool', description: 'd' }]);
    const entry = {
      id: 'thin-pool-variant',
      name: 'thin-pool with …',
      description: 'x',
      source: 'user' as const,
    };
    const next = reducer(state, { type: 'written', text: 'wrote x', entry });
    expect(next.entries.map((e) => e.id)).toEqual(['thin-pool', 'thin-pool-variant']);
    expect(next.message).toBe('wrote x');
  });
});
