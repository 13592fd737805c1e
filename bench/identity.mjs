// Bench books give the same results, bit for bit, as when bench/identity.json was recorded (issue 15: the
// engine is made faster without changing a result). Each book runs once through the CLI
// (`run <book> --json`) and the SHA-256 of its `rounds` and `summary` (the results; not the preset id or
// the version) is compared with the recorded one.
//
//   node bench/identity.mjs            check (exit 1 on a difference)
//   node bench/identity.mjs --record   rewrite bench/identity.json (only when a result changes on purpose,
//                                      saying why in the commit message)
//
// bench/run.mjs runs the check as its last section.

import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { CLI, adlPerpsPreset, cascadePreset, expectSuccess, mixedPerpsPreset, runNode } from './lib.mjs';

const RECORD = fileURLToPath(new URL('./identity.json', import.meta.url));

export const IDENTITY_BOOKS = {
  'lending-1m': () => cascadePreset(1_000_000),
  'perps-1m': () => mixedPerpsPreset(),
  'perps-1m-adl': () => adlPerpsPreset(),
};

/** The SHA-256 of the results `run --json` printed for each bench book. */
export async function identityHashes(workDir) {
  const hashes = {};
  for (const [name, preset] of Object.entries(IDENTITY_BOOKS)) {
    const file = join(workDir, `identity-${name}.json`);
    writeFileSync(file, `${JSON.stringify(preset(), null, 2)}\n`);
    const result = await runNode([CLI, 'run', file, '--json'], { keepStdout: true });
    expectSuccess(`node dist/cli/main.js run ${file} --json`, result);
    const { rounds, summary } = JSON.parse(result.stdout);
    hashes[name] = createHash('sha256').update(JSON.stringify({ rounds, summary })).digest('hex');
  }
  return hashes;
}

/** Prints one line per book; returns the failures (books whose results changed). */
export async function identityRows(workDir) {
  console.log('');
  console.log('7. The bench books give the recorded results, bit for bit (bench/identity.json)');
  const recorded = JSON.parse(readFileSync(RECORD, 'utf8'));
  const hashes = await identityHashes(workDir);
  const failures = [];
  for (const [name, hash] of Object.entries(hashes)) {
    const same = recorded[name] === hash;
    console.log(`   ${name.padEnd(13)} sha256 ${hash.slice(0, 16)}…  ${same ? 'SAME' : 'CHANGED'}`);
    if (!same) failures.push(`${name}'s results changed (bench/identity.json)`);
  }
  return failures;
}

async function main() {
  const workDir = mkdtempSync(join(tmpdir(), 'liqloop-identity-'));
  try {
    if (process.argv.includes('--record')) {
      const hashes = await identityHashes(workDir);
      writeFileSync(RECORD, `${JSON.stringify(hashes, null, 2)}\n`);
      console.log(`recorded ${RECORD}`);
      return 0;
    }
    const failures = await identityRows(workDir);
    return failures.length ? 1 : 0;
  } finally {
    rmSync(workDir, { recursive: true, force: true });
  }
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) process.exitCode = await main();
