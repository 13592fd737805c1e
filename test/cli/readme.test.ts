import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'jsonc-parser';
import { describe, expect, it } from 'vitest';
import { ROOT, liqloop } from '../helpers/cli.js';

const readme = readFileSync(join(ROOT, 'README.md'), 'utf8');

/** Every number in `shown` matches `actual` to the digits shown (the README rounds). */
function expectShownMatches(shown: Record<string, unknown>, actual: Record<string, unknown>, where: string) {
  for (const [key, value] of Object.entries(shown)) {
    if (typeof value === 'number') {
      expect(Math.abs((actual[key] as number) - value), `${where}.${key}`).toBeLessThanOrEqual(
        Math.max(0.006, Math.abs(value) * 1e-3),
      );
    } else expect(actual[key], `${where}.${key}`).toEqual(value);
  }
}

describe('README', () => {
  it('gives a newcomer exactly the two quick-start commands', () => {
    const start = readme.indexOf('## Quick start');
    const quickStart = readme.slice(start, readme.indexOf('\n## ', start));
    const commands = [...quickStart.matchAll(/^(npm [^#\n]*?)\s*(#.*)?$/gm)].map((m) => m[1]);
    expect(commands).toEqual(['npm install && npm start', 'npm test']);
  });

  it('shows `run --json` output that the command really prints', () => {
    const block = /```jsonc\n\/\/ liqloop (run [^\n]*?) --json[^\n]*\n([\s\S]*?)```/.exec(readme);
    expect(block).not.toBeNull();
    const shown = parse(block![2]!);
    const actual = JSON.parse(liqloop([...block![1]!.split(' '), '--json']).stdout);
    expect(shown.preset).toBe(actual.preset);
    expectShownMatches(shown.rounds[0], actual.rounds[0], 'rounds[0]');
    expectShownMatches(shown.summary, actual.summary, 'summary');
  });
});
