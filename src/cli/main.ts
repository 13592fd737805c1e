#!/usr/bin/env node
import { terminalText } from '../presets/describe.js';
import { processIo } from './io.js';
import { runCli } from './program.js';
import { openApp } from './open-app.js';

// A reader that stops early (`liqloop list | head`) closes the pipe: stop quietly, as other tools do.
process.stdout.on('error', (error: NodeJS.ErrnoException) => {
  if (error.code !== 'EPIPE') throw error;
  process.exit(0);
});

/** The `liqloop` entry: parse, run, exit with the command's status. */
runCli(process.argv.slice(2), processIo, openApp).then(
  (status) => {
    process.exitCode = status;
  },
  (error: unknown) => {
    process.stderr.write(
      terminalText(
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
