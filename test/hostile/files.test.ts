import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadPresetFile, parseJson } from '../../src/presets/index.js';
import { MAX_JSON_DEPTH } from '../../src/presets/json-check.js';
import { firstInvalidUtf8 } from '../../src/presets/utf8.js';
import { liqloop } from '../helpers/cli.js';
import { minimal } from '../helpers/minimal-preset.js';

const FIXTURES = join(import.meta.dirname, '../fixtures/hostile');

const messageOf = (file: string): string => {
  const loaded = loadPresetFile(file);
  expect(loaded.ok).toBe(false);
  return loaded.ok ? '' : loaded.problems.map((p) => `${p.path}: ${p.message}`).join('\n');
};

const folder = () => mkdtempSync(join(tmpdir(), 'liqloop-hostile-'));

describe('preset files are untrusted (issue 16, items 2, 3, 7, 12)', () => {
  it('refuses deep nesting with a syntax error without overflowing the stack (item 2)', () => {
    const result = parseJson('['.repeat(10_000));
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.problems[0]!.message).toBe(
      `invalid JSON at line 1, column ${MAX_JSON_DEPTH + 1}: nested deeper than ${MAX_JSON_DEPTH} levels, far deeper than a preset needs`,
    );
  });

  it('refuses a repeated key, naming it and both lines (item 7)', () => {
    expect(messageOf(join(FIXTURES, 'duplicate-market.json'))).toBe(
      ': invalid preset at line 6: the key "market" appears twice in one object (lines 5 and 6); JSON parsers disagree on which one wins',
    );
  });

  it('accepts a UTF-8 byte-order mark (item 12)', () => {
    const dir = folder();
    writeFileSync(join(dir, 'bom.json'), `\ufeff${JSON.stringify(minimal)}`);
    expect(loadPresetFile(join(dir, 'bom.json')).ok).toBe(true);
  });

  it('refuses invalid UTF-8 with the byte offset (item 12)', () => {
    const dir = folder();
    const bytes = Buffer.concat([Buffer.from('{"name": "'), Buffer.from([0xc3, 0x28]), Buffer.from('"}')]);
    writeFileSync(join(dir, 'bad.json'), bytes);
    expect(messageOf(join(dir, 'bad.json'))).toBe(
      ': is not UTF-8 text: an invalid byte at offset 10 (counting from 0)',
    );
    expect(firstInvalidUtf8(Buffer.from([0x61, 0xed, 0xa0, 0x80]))).toBe(1); // a surrogate
    expect(firstInvalidUtf8(Buffer.from('é€😀', 'utf8'))).toBe(-1);
  });

  it('refuses a FIFO and a device by name instead of blocking or filling memory (items 3, 4)', () => {
    const dir = folder();
    execFileSync('mkfifo', [join(dir, 'fifo.json')]);
    expect(messageOf(join(dir, 'fifo.json'))).toMatch(/is not a regular file/);
    expect(messageOf('/dev/zero')).toMatch(/is not a regular file/);
  });

  it('refuses a file above the size cap before reading it (item 3)', () => {
    const dir = folder();
    const file = join(dir, 'huge.json');
    execFileSync('truncate', ['-s', `${64 * 1024 * 1024 + 1}`, file]);
    expect(messageOf(file)).toBe(': is larger than 64 MB, the most a preset or price file may be');
  });
});

describe('path.file stays in the preset folder (item 4)', () => {
  const withPath = (dir: string, file: string) => {
    writeFileSync(join(dir, 'p.json'), JSON.stringify({ ...minimal, path: { file } }));
    return join(dir, 'p.json');
  };

  it.each([
    ['an absolute path', '/etc/hostname'],
    ['a path up and out', '../secret.csv'],
  ])('refuses %s', (_what, file) => {
    const dir = folder();
    mkdirSync(join(dir, 'inner'));
    writeFileSync(join(dir, 'secret.csv'), '1\n2\n');
    expect(messageOf(withPath(join(dir, 'inner'), file))).toMatch(
      /^path\.file: .*: expected a file in the preset's own folder/,
    );
  });

  it('refuses a link pointing out of the folder', () => {
    const dir = folder();
    mkdirSync(join(dir, 'inner'));
    writeFileSync(join(dir, 'secret.csv'), '1\n2\n');
    symlinkSync(join(dir, 'secret.csv'), join(dir, 'inner', 'link.csv'));
    expect(messageOf(withPath(join(dir, 'inner'), 'link.csv'))).toMatch(
      /expected a file in the preset's own folder/,
    );
  });

  it('never echoes a line of the file that failed to parse', () => {
    const dir = folder();
    writeFileSync(join(dir, 'prices.csv'), 'price\n100\nsk-live-SECRETTOKEN\n');
    const message = messageOf(withPath(dir, 'prices.csv'));
    expect(message).toBe(
      'path.file: prices.csv: line 3: expected a price (a finite number > 0); the line is not one (its text is not shown)',
    );
    expect(message).not.toContain('SECRET');
  });

  it('allows one header line, not two', () => {
    const dir = folder();
    writeFileSync(join(dir, 'prices.csv'), 'day,price\n1,100\n2,90\n');
    expect(loadPresetFile(withPath(dir, 'prices.csv')).ok).toBe(true);
    writeFileSync(join(dir, 'prices.csv'), 'title\nday,price\n1,100\n');
    expect(messageOf(withPath(dir, 'prices.csv'))).toMatch(/line 2: expected a price/);
  });
});

describe('text from a preset never drives the terminal (item 5)', () => {
  it('refuses control characters in text fields, and escapes a field name in the message', () => {
    const result = liqloop(['validate', join(FIXTURES, 'escape-sequences.json')]);
    expect(result.status).toBe(1);
    expect(result.stdout).toBe('');
    expect(result.stderr).toContain('name: expected printable text');
    expect(result.stderr).toContain('got a string with U+001B at character 1');
    // The unknown field's name holds ESC ] 52: shown escaped, never raw.
    expect(result.stderr).toContain('\\u001b]52');
    expect(result.stderr.replace(/\n/g, '')).not.toMatch(/\p{Cc}/u);
  });
});
