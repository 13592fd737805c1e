import wrapAnsi from 'wrap-ansi';
// Not the presets' index module: `list` must not load the validator unless a preset file needs checking.
import { userTitle, type CatalogueEntry } from '../presets/catalogue.js';
import { KIND_TITLES, PRESET_KINDS } from '../presets/kinds.js';
import { describeShadowed } from '../presets/shadowed.js';
import { loadCatalogue } from '../presets/shipped-index.js';
import { EXIT_BAD_INPUT, EXIT_OK, type CliIo } from './io.js';
import { formatLoadFailure } from './problems.js';

/** Below this many columns for the text, the descriptions start under the id instead of beside it. */
const MIN_TEXT_WIDTH = 40;

/**
 * `text` indented by `indent`, wrapped at word boundaries to `columns` when stdout is a terminal
 * (a pipe gets one line per paragraph, for grep and the like).
 */
function block(text: string, indent: number, columns: number | undefined): string {
  const pad = ' '.repeat(indent);
  if (columns === undefined) return `${pad}${text}`;
  return wrapAnsi(text, Math.max(20, columns - indent - 1), { hard: true, trim: true })
    .split('\n')
    .map((line) => `${pad}${line}`)
    .join('\n');
}

function entryText(p: CatalogueEntry, idWidth: number, columns: number | undefined): string {
  const indent = columns === undefined || columns - idWidth - 2 >= MIN_TEXT_WIDTH ? idWidth + 2 : 4;
  const name = block(p.name, indent, columns).slice(indent);
  const head =
    indent === idWidth + 2 ? `${p.id.padEnd(idWidth)}  ${name}` : `${p.id}\n${' '.repeat(indent)}${name}`;
  return `${head}\n${block(p.description, indent, columns)}\n\n`;
}

/** `liqloop list`: the shipped presets, by kind and lesson set, then the user's own. */
export async function listCommand(options: { json?: boolean }, io: CliIo): Promise<number> {
  const { entries: presets, failures: broken, shadowed } = await loadCatalogue();
  for (const failure of broken) io.err(formatLoadFailure(failure));
  for (const s of shadowed) io.err(`liqloop: ${describeShadowed(s)}\n`);
  if (options.json) io.out(`${JSON.stringify(presets, null, 2)}\n`);
  else {
    const width = Math.max(0, ...presets.map((p) => p.id.length));
    const shipped = presets.filter((p) => p.source !== 'user');
    const own = presets.filter((p) => p.source === 'user');
    for (const kind of PRESET_KINDS) {
      const ofKind = shipped.filter((p) => p.kind === kind);
      if (ofKind.length === 0) continue;
      io.out(`${block(KIND_TITLES[kind], 0, io.columns)}\n\n`);
      let group: string | undefined;
      for (const p of ofKind) {
        if (p.group !== undefined && p.group !== group) io.out(`${block(p.group, 2, io.columns)}\n\n`);
        group = p.group;
        io.out(entryText(p, width, io.columns));
      }
    }
    if (own.length > 0) {
      io.out(`${block(userTitle(), 0, io.columns)}\n\n`);
      for (const p of own) io.out(entryText(p, width, io.columns));
    }
  }
  return broken.length ? EXIT_BAD_INPUT : EXIT_OK;
}
