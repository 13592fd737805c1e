import { describe, expect, it } from 'vitest';
import { basesFirst, catalogue, loadLibrary, type CatalogueEntry } from '../../src/presets/index.js';
import { liqloop } from '../helpers/cli.js';

describe('the catalogue: how the picker and liqloop list order the library', () => {
  const entries = catalogue(loadLibrary());

  it('history first, then lessons; every lesson belongs to a set of at least two, shown side by side', () => {
    const kinds = entries.map((e) => e.kind);
    expect(kinds.indexOf('lesson')).toBe(kinds.lastIndexOf('history') + 1);
    // History in the order it happened.
    const dates = entries.filter((e) => e.kind === 'history').map((e) => e.date!);
    expect(dates).toEqual([...dates].sort());
    // Two events share a day only as one set of twins (or one beside a set).
    const days = entries.filter((e) => e.kind === 'history').map((e) => `${e.date} ${e.group ?? e.id}`);
    expect(new Set(days).size).toBe(
      new Set(entries.filter((e) => e.kind === 'history').map((e) => e.group ?? e.id)).size,
    );
    const lessons = entries.filter((e) => e.kind === 'lesson');
    for (const e of entries.filter((e) => e.kind === 'history' && e.group))
      expect(e.id, e.group).toMatch(/-20\d\d$/);
    for (const e of lessons) expect(e.group, e.id).toBeTruthy();
    const sets = new Map<string, number[]>();
    entries.forEach((e, i) => {
      if (e.group) sets.set(e.group, [...(sets.get(e.group) ?? []), i]);
    });
    for (const [group, at] of sets) {
      expect(at.length, group).toBeGreaterThanOrEqual(2);
      // Contiguous: the last index is the first plus the count less one.
      expect(at.at(-1)! - at[0]!, group).toBe(at.length - 1);
    }
  });

  it('at least 14 presets: the history events and the lesson sets the library promises', () => {
    expect(entries.length).toBeGreaterThanOrEqual(14);
    expect(
      entries
        .filter((e) => e.kind === 'history')
        .map((e) => e.id)
        .sort(),
    ).toEqual([
      'aave-crv-2022',
      'black-thursday-2020',
      'compound-dai-2020',
      'luna-oracle-floor-2022',
      'mango-markets-2022',
      'may-19-2021',
      'perps-october-2025',
      'steth-june-2022',
      'usde-binance-2025',
      'usde-binance-index-2025',
    ]);
  });

  it('every description says which key to press, in at most three sentences (some 600 characters)', () => {
    for (const e of entries) {
      expect(e.description, e.id).toMatch(/\b(space|End|[Pp]ress)\b|←/);
      expect(e.description.length, e.id).toBeLessThanOrEqual(620);
    }
  });

  it('liqloop list prints each set under its heading, and --json carries kind and group', () => {
    const text = liqloop(['list']);
    expect(text.status).toBe(0);
    const firstLesson = entries.find((e) => e.kind === 'lesson')!;
    const heading = text.stdout.indexOf(`\n  ${firstLesson.group}\n`);
    expect(heading).toBeGreaterThan(text.stdout.indexOf('Lessons: twins that isolate one lever'));
    expect(text.stdout.indexOf(`\n${firstLesson.id} `)).toBeGreaterThan(heading);
    // The list agrees with the catalogue's base-first order.
    const listed = [...text.stdout.matchAll(/^([a-z0-9-]+) {2,}/gm)].map((m) => m[1]);
    expect(listed).toEqual(entries.map((e) => e.id));
    const json = JSON.parse(liqloop(['list', '--json']).stdout);
    expect(json.map((e: { id: string }) => e.id)).toEqual(entries.map((e) => e.id));
    expect(json.find((e: { id: string }) => e.id === firstLesson.id)).toMatchObject({
      kind: 'lesson',
      group: firstLesson.group,
    });
  });
  it('within a set the base comes first: every variant after the preset it varies, which is in its set', () => {
    const at = new Map(entries.map((e, i) => [e.id, i]));
    const variants = entries.filter((e) => e.variantOf !== undefined);
    expect(variants.length).toBeGreaterThanOrEqual(15);
    for (const v of variants) {
      const base = entries[at.get(v.variantOf!)!];
      expect(base, `${v.id} varies ${v.variantOf}`).toBeDefined();
      expect(base!.group, v.id).toBe(v.group);
      expect(at.get(v.id)!, v.id).toBeGreaterThan(at.get(v.variantOf!)!);
    }
    // Each set opens on a preset that varies no other (the case: the empty fund after the fund).
    const firsts = entries.filter((e, i) => e.group !== undefined && entries[i - 1]?.group !== e.group);
    for (const e of firsts) expect(e.variantOf, e.id).toBeUndefined();
    const ids = entries.map((e) => e.id);
    expect(ids.indexOf('perps-long-cascade')).toBeLessThan(ids.indexOf('perps-fund-empty'));
    expect(ids.indexOf('gain-below-one')).toBeLessThan(ids.indexOf('gain-above-one'));
  });

  it('basesFirst: a base, then its variants depth first; unknown bases and cycles never drop a preset', () => {
    const e = (id: string, variantOf?: string): CatalogueEntry => ({
      id,
      name: id,
      description: '',
      kind: 'lesson',
      group: 'g',
      ...(variantOf ? { variantOf } : {}),
    });
    const order = (set: CatalogueEntry[]) => basesFirst(set).map((x) => x.id);
    expect(order([e('a', 'c'), e('b', 'a'), e('c'), e('d', 'c')])).toEqual(['c', 'a', 'b', 'd']);
    // A base outside the set, or itself: a base of its own.
    expect(order([e('a', 'elsewhere'), e('b', 'b'), e('c', 'a')])).toEqual(['a', 'c', 'b']);
    // A cycle: both still listed, once each.
    expect(order([e('a', 'b'), e('b', 'a'), e('c')])).toEqual(['c', 'a', 'b']);
    // A long chain, deeper than any call stack would allow.
    const chain = Array.from({ length: 20_000 }, (_, i) =>
      e(`p${String(i).padStart(5, '0')}`, i ? `p${String(i - 1).padStart(5, '0')}` : undefined),
    );
    expect(order([...chain].reverse())).toEqual(chain.map((x) => x.id));
  });
});
