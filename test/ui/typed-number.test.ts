import { describe, expect, it } from 'vitest';
import { loadPreset } from '../../src/presets/index.js';
import { PARAMS, typeParam, type Param } from '../../src/ui/params.js';

const loaded = loadPreset('dutch-auction');
if (!loaded.ok) throw new Error('dutch-auction did not load');
const BASE = loaded.preset;

const param = (path: string): Param => {
  const found = PARAMS.find((p) => p.path === path);
  if (!found) throw new Error(`no parameter ${path}`);
  return found;
};

describe('typed numbers: no digits is no number', () => {
  // Seen in the walk: after `20` was refused, typing `%` replaced the field, and Enter set the shock to 0.0%.
  it('refuses a lone % on a percent field instead of reading it as 0', () => {
    for (const typed of ['%', ' %', '% ', ' % ']) {
      const change = typeParam(BASE, param('shock.pct'), typed);
      expect(change.ok, JSON.stringify(typed)).toBe(false);
      if (!change.ok) expect(change.reason).toMatch(/^shock\.pct: expected a number/);
    }
  });

  it('still reads 20%, 20 % and 0% as shares', () => {
    const at = (typed: string) => {
      const change = typeParam(BASE, param('shock.pct'), typed);
      if (!change.ok) throw new Error(change.reason);
      return change.preset.shock.pct;
    };
    expect(at('20%')).toBe(0.2);
    expect(at('20 %')).toBe(0.2);
    expect(at('0%')).toBe(0);
    expect(at('0')).toBe(0);
  });
});
