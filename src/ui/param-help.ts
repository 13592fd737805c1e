/**
 * The what-if panel's help line for a lever: the field's description from the preset schema (one source:
 * the same text `liqloop schema` ships), with its range, in the preset's own currency and asset.
 */
import wrapAnsi from 'wrap-ansi';
import type { Scenario } from '../engine/index.js';
import { presetJsonSchema } from '../presets/index.js';
import { rangeNumber } from '../presets/schema/common.js';
import type { Param } from './param-lever.js';
import { pct } from './param-steps.js';

type Node = Record<string, unknown>;
let schema: { root: Node; defs: Record<string, Node> } | undefined;

function root() {
  if (!schema) {
    const s = presetJsonSchema();
    schema = { root: s, defs: (s.definitions ?? s.$defs ?? {}) as Record<string, Node> };
  }
  return schema;
}

const resolve = (node: Node): Node => {
  const ref = node.$ref;
  return typeof ref === 'string'
    ? resolve(root().defs[ref.replace(/^#\/(definitions|\$defs)\//, '')] ?? {})
    : node;
};

/** Whether every constant of `node`'s properties (an oracle's `model`) matches `value`. */
function matches(node: Node, value: unknown): boolean {
  const properties = (resolve(node).properties ?? {}) as Record<string, Node>;
  return Object.entries(properties).every(([key, p]) => {
    const constant = resolve(p).const;
    return constant === undefined || (value as Record<string, unknown> | undefined)?.[key] === constant;
  });
}

/**
 * The schema node of `path` in `preset`: through a union (the oracle's models), the branch that matches
 * the preset's value there, else the first branch that has the field.
 */
function nodeAt(preset: Scenario, path: string): Node | undefined {
  let node: Node | undefined = resolve(root().root);
  let value: unknown = preset;
  for (const part of path.split('.')) {
    if (!node) return undefined;
    const branches: Node[] = [node, ...((node.anyOf ?? node.oneOf ?? []) as Node[]).map(resolve)];
    const having: Node[] = branches.filter((b) => ((b.properties ?? {}) as Node)[part] !== undefined);
    const branch: Node | undefined = having.find((b) => matches(b, value)) ?? having[0];
    const child: Node | undefined = branch ? (branch.properties as Record<string, Node>)[part] : undefined;
    node = child ? resolve(child) : undefined;
    value = (value as Record<string, unknown> | undefined)?.[part];
  }
  return node;
}

/** A description in the preset's units: "quote" is its currency, "asset units" its asset; 1e15, not 1000000000000000. */
function inUnits(text: string, preset: Scenario): string {
  const { quote, symbol } = preset.asset;
  return text
    .replace(/\bquote per asset unit\b/g, `${quote} per ${symbol}`)
    .replace(/\basset units\b/g, symbol)
    .replace(/\bquote\b/g, quote)
    .replace(/\b\d{7,}\b/g, (n) => rangeNumber(Number(n)))
    .replace(/^true: /, 'yes: ');
}

/** The range part of a description: "from 1e-6 to 1e15 USD", "in [0, 1)", "a whole number from 1 to 100000". */
const RANGE =
  /(?:a whole number )?from -?[\d.e+-]+ to -?[\d.,e+-]*\d(?: (?![a-z]{4,})[^\s,;:()]+(?: per [^\s,;:()]+)?)?|in [[(][^\])]*[\])]/;

/** The lever's help in full, and the schema's description of its field alone. */
function helpTexts(preset: Scenario, param: Param): { full: string; described: string } {
  const node = nodeAt(preset, param.path);
  const described = typeof node?.description === 'string' ? inUnits(node.description, preset) : '';
  const typing =
    param.kind === 'number'
      ? param.format === pct
        ? 'type 25% or 0.25'
        : 'type a number (1e6 works)'
      : param.kind === 'toggle'
        ? 'type yes or no'
        : `type ${(param.choicesFor?.(preset) ?? param.choices ?? []).join(', ')}`;
  // An optional lever (stepping down from off stays off) takes `off` too.
  const optional = param.kind === 'number' && param.step?.(undefined, -1) === undefined;
  const full = [described, `${typing}${optional ? ', or off' : ''}`].filter(Boolean).join(' · ');
  return { full, described };
}

/** The lever's help: the schema's description of its field, shortened to `width` keeping its range. */
export function paramHelp(preset: Scenario, param: Param, width: number): string {
  const { full, described } = helpTexts(preset, param);
  return fit(full, described, width);
}

/**
 * The lever's help in at most `lines` lines of `width`, wrapped at words: whole when it fits, else the
 * field's description alone, without its asides, and last the one line paramHelp shortens.
 */
export function paramHelpLines(preset: Scenario, param: Param, width: number, lines = 2): string[] {
  const { full, described } = helpTexts(preset, param);
  for (const text of [full, described, bare(described)]) {
    // The range ("from 1e-6 to 1e15 USD") is never broken across two rows: its spaces do not break.
    const range = RANGE.exec(text)?.[0];
    const kept = range ? text.replace(range, range.replace(/ /g, NO_BREAK)) : text;
    const wrapped = wrapAnsi(kept, Math.max(1, width), { hard: true, trim: true })
      .split('\n')
      .map((line) => line.replaceAll(NO_BREAK, ' '));
    if (text !== '' && wrapped.length <= lines) return wrapped;
  }
  return [fit(full, described, width)];
}

const NO_BREAK = '\u00a0';

/** Without its asides: "(default 0)", "(x * y = k)", nested ones too; not an interval like "(0, 1]". */
function bare(text: string): string {
  const aside = /\s?\((?!\d+(?:\.\d+)?, )[^()]*\)/g;
  let out = text;
  for (let before = ''; before !== out;) {
    before = out;
    out = out.replace(aside, '');
  }
  return out;
}

function fit(full: string, described: string, width: number): string {
  if (full.length <= width) return full;
  if (described.length <= width) return described;
  const short = bare(described);
  if (short.length <= width) return short;
  // The range first, then what the field is, cut: the label beside the value already names the field.
  const range = RANGE.exec(short)?.[0];
  const text = range
    ? `${range} · ${short
        .replace(range, '')
        .replace(/\s*,\s*([;:,]|$)/g, '$1')
        .replace(/\s+([;:,])/g, '$1')
        .replace(/[;:,]\s*$/, '')
        .trim()}`
    : short;
  return text.length <= width ? text : `${text.slice(0, Math.max(0, width - 1))}…`;
}
