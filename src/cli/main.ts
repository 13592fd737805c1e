#!/usr/bin/env node
import type * as Headless from './headless.js';
import type { OpenApp } from './program.js';
import { loadScript } from './script-cache.js';

// The commands are a classic script beside this entry (dist/bundle/cli.cjs), loaded with V8's code cache
// (src/cli/script-cache.ts); only the dashboard is loaded as ES modules, when it opens.
const cli = loadScript(new URL('../bundle/cli.cjs', import.meta.url)).exports as unknown as typeof Headless;
const openApp: OpenApp = async (ref) => (await import('./open-app.js')).openApp(ref);

// A reader that stops early (`liqloop list | head`) closes the pipe: stop quietly, as other tools do.
process.stdout.on('error', (error: NodeJS.ErrnoException) => {
  if (error.code !== 'EPIPE') throw error;
  process.exit(0);
});

/** The `liqloop` entry: parse, run, exit with the command's status. */
cli.runCli(process.argv.slice(2), cli.processIo, openApp).then(
  (status) => {
    process.exitCode = status;
  },
  (error: unknown) => {
    process.stderr.write(
      cli.terminalText(
        `liqloop: internal error: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n` +
          'This is a bug in liqloop, not in your input; please report it with the command you ran.\n' +
          // The command is a bundle (scripts/bundle.mjs) with source maps beside it.
          (process.sourceMapsEnabled
            ? ''
            : '(NODE_OPTIONS=--enable-source-maps prints the stack with the lines of the TypeScript sources.)\n'),
      ),
    );
    process.exitCode = 70;
  },
);
