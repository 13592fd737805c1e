// The second half of `npm run build` (after tsc): bundles the command into dist/cli/main.js with rolldown.
//
// Why: started from tsc's output, `liqloop list` spent most of its time resolving, reading and compiling
// about 200 module files (zod alone is 95). One file per lazily loaded part starts in a fraction of that.
// tsc still builds dist/ (the engine, the presets, the UI as modules: the bench, the worker under vitest
// and anyone importing them use that tree); tsconfig.build.json leaves out src/cli/main.ts so that tsc
// never writes the bundle's entry.
//
// The commands but the dashboard are one CommonJS script, dist/bundle/cli.cjs, that the entry loads with
// V8's code cache, dist/bundle/cli.cjs.v8cache (src/cli/script-cache.ts: Node 20 caches no module's
// compilation, and compiling was a fifth of a `run`). The cache is made here, by this Node, after the
// script has run a few commands (scripts/code-cache.mjs), so that it holds the functions they ran;
// another Node rejects it and compiles the script from source, as before.
//
// Layout: the entry dist/cli/main.js, every other chunk (the sweep worker, the commands, the UI) in
// dist/bundle/. Both are two folders below the package root, so `new URL('../../presets/',
// import.meta.url)` and friends resolve as they do from tsc's tree, and the sweep pool's './worker.js'
// finds dist/bundle/worker.js. Nothing is minified and each chunk has a source map beside it
// (`node --enable-source-maps` reads it).
//
// Then dist/preset-index.json: the catalogue of the shipped presets and a digest of presets/, so that
// `liqloop list` and the picker need not check every file at each start (src/presets/shipped-index.ts).
// It also holds what `liqloop validate` says of each (src/presets/counts.ts), so that validating a
// shipped preset by name need not build the schema either. It is made with tsc's build of the same
// sources, so it says what this build's validator says.
import { spawnSync } from 'node:child_process';
import { rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { build } from 'rolldown';
import { textWidthPlugin } from './text-width.mjs';

const root = fileURLToPath(new URL('..', import.meta.url));
const dist = join(root, 'dist');

rmSync(join(dist, 'bundle'), { recursive: true, force: true });
for (const file of ['main.js', 'main.js.map']) rmSync(join(dist, 'cli', file), { force: true });

const shared = {
  cwd: root,
  platform: 'node',
  tsconfig: join(root, 'tsconfig.build.json'),
  resolve: {
    // The sources import './x.js' for './x.ts', as NodeNext wants.
    extensionAlias: { '.js': ['.ts', '.tsx', '.js'] },
    // jsonc-parser's "main" is a UMD build whose require() calls a bundler cannot follow; its ESM build is not.
    mainFields: ['module', 'main'],
  },
  // Ink imports React's developer tools only when DEV=true, and they are not installed: left to Node.
  external: ['react-devtools-core'],
  logLevel: 'warn',
};

// The entry, and the dashboard's modules that it imports when the app opens. Ink measures its text with
// src/ui/text-width.ts, string-width with a fast path for the dashboard's glyphs (scripts/text-width.mjs).
await build({
  ...shared,
  input: { main: 'src/cli/main.ts' },
  plugins: [textWidthPlugin(join(root, 'src', 'ui', 'text-width.ts'))],
  output: {
    dir: dist,
    format: 'esm',
    entryFileNames: 'cli/main.js',
    chunkFileNames: 'bundle/[name].js',
    // src/cli/main.ts's shebang is kept at the top of dist/cli/main.js (npm's bin link runs it).
    sourcemap: true,
  },
});

// The commands, one script: the sources' dynamic imports of each command's modules become functions that
// evaluate those modules when the command runs, so a command still evaluates only what it uses.
await build({
  ...shared,
  input: { cli: 'src/cli/headless.ts' },
  output: {
    dir: join(dist, 'bundle'),
    format: 'cjs',
    entryFileNames: '[name].cjs',
    codeSplitting: false,
    // Pure ASCII (non-ASCII characters in strings as \u escapes, no comments, which the source map
    // keeps): the entry reads it as Latin-1, quicker to decode than UTF-8 (src/cli/script-cache.ts).
    charset: 'ascii',
    comments: { legal: true, annotation: false, jsdoc: false },
    sourcemap: true,
  },
});

// The sweep worker, in one file of its own: a worker thread starts without the command's chunks.
await build({
  ...shared,
  input: { worker: 'src/whatif/worker.ts' },
  output: { dir: join(dist, 'bundle'), format: 'esm', codeSplitting: false, sourcemap: true },
});

const { INDEX_FILE, libraryDigest } = await import(
  pathToFileURL(join(dist, 'presets', 'shipped-index.js')).href
);
const { catalogue, loadLibrary } = await import(pathToFileURL(join(dist, 'presets', 'index.js')).href);
const { presetCounts } = await import(pathToFileURL(join(dist, 'presets', 'counts.js')).href);
rmSync(INDEX_FILE, { force: true });
const digest = libraryDigest();
const library = loadLibrary();
// A broken shipped preset gets no index: every start then loads the files and reports it.
if (library.every((l) => l.ok) && libraryDigest() === digest) {
  const counts = Object.fromEntries(library.map((l) => [l.id, presetCounts(l.preset)]));
  writeFileSync(INDEX_FILE, `${JSON.stringify({ digest, entries: catalogue(library), counts })}\n`);
}

// The code cache, made by a child process that runs a few commands first (the same Node as this one).
const made = spawnSync(process.execPath, [join(root, 'scripts', 'code-cache.mjs')], { stdio: 'inherit' });
if (made.status !== 0) throw new Error(`scripts/code-cache.mjs exited with ${made.status}`);
