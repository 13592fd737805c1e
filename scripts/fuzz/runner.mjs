// One fuzzing process: receives cases over IPC, runs each through the built CLI's own entry (runCli, as
// dist/cli/main.js does, with stdout and stderr captured) and answers with the exit status and the output.
// The parent kills it on a time limit, and Node's --max-old-space-size bounds its memory.
import { Buffer } from 'node:buffer';
import { cpSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const root = process.argv[2];
const { runCli } = await import(join(root, 'dist/cli/program.js'));

// The folder a case's preset is written to, beside a copy of the shipped price paths (path.file is confined).
const dir = mkdtempSync(join(tmpdir(), 'liqloop-fuzz-'));
cpSync(join(root, 'presets/paths'), join(dir, 'paths'), { recursive: true });
process.on('exit', () => rmSync(dir, { recursive: true, force: true }));
process.on('disconnect', () => process.exit(0));

const LIMIT = 256 * 1024;
let counter = 0;

process.on('message', async (task) => {
  counter += 1;
  const file = join(dir, `case-${counter}.json`);
  const out = join(dir, `out-${counter}`);
  if (task.file !== undefined)
    writeFileSync(file, task.binary ? Buffer.from(task.file, 'base64') : task.file);
  const args = task.args.map((a) => a.replace(/^FILE$/, file).replace(/^OUT\./, `${out}.`));
  let stdout = '';
  let stderr = '';
  // Only the start of a long output is kept: the checks read it whole, so cap what crosses the pipe.
  const io = {
    out: (text) => void (stdout.length < LIMIT && (stdout += text)),
    err: (text) => void (stderr.length < LIMIT && (stderr += text)),
    columns: task.columns,
  };
  let status;
  let thrown;
  try {
    status = await runCli(args, io, () => Promise.resolve(2));
  } catch (error) {
    // What main.js prints as "internal error" with the stack, exit 70.
    thrown = error instanceof Error ? (error.stack ?? error.message) : String(error);
    status = 70;
  }
  for (const f of [file, `${out}.json`, `${out}.csv`, `${out}.txt`]) rmSync(f, { force: true });
  process.send({ id: task.id, status, stdout, stderr, thrown, truncated: stdout.length >= LIMIT });
});
process.send({ ready: true });
