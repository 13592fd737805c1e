// The entry of the headless commands' bundle, dist/bundle/cli.cjs (scripts/bundle.mjs): the command line's
// parser and every command but the dashboard, as one CommonJS script that src/cli/main.ts loads with V8's
// code cache (src/cli/script-cache.ts). The dashboard stays an ES module (Ink's layout engine needs
// top-level await); the parser reaches it through the `openApp` it is given.
export { runCli } from './program.js';
export { processIo } from './io.js';
export { terminalText } from '../presets/describe.js';
