// liqloop against the numpy peer at larger books than the bench's 1,000,000 (informational, not part of
// `npm run bench`: the 10,000,000-position peer alone takes seconds a run). The bench's lending book at each
// count (the pool scaled with it), `liqloop run --json` and bench/peers/lending_numpy.py each a whole process
// timed from spawn to exit, alternating, a warm-up pair discarded, then medians of 3, the peer through its
// interpreter (see numpy.mjs).
//
//   node bench/peers/numpy-scale.mjs [count ...]     (after npm run build; default 2000000 10000000)

import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CLI, WARMUP_RUNS, cascadePreset, expectSuccess, fmt, list, median, ms, runNode } from '../lib.mjs';
import { findNumpy, runPeer } from './numpy.mjs';

const RUNS = 3;

async function main() {
  const counts = process.argv.slice(2).map(Number);
  const numpy = findNumpy();
  if (!numpy.ok) {
    console.log(`SKIPPED: ${numpy.why}; the numpy comparison needs python3 with numpy`);
    return 0;
  }
  const workDir = mkdtempSync(join(tmpdir(), 'liqloop-numpy-scale-'));
  try {
    console.log(
      `liqloop against numpy ${numpy.version} (${numpy.executable}), medians of ${RUNS} after a warm-up, alternating`,
    );
    for (const count of counts.length > 0 ? counts : [2_000_000, 10_000_000]) {
      const file = join(workDir, `bench-${count}.json`);
      writeFileSync(file, `${JSON.stringify(cascadePreset(count), null, 2)}\n`);
      const subject = [];
      const peer = [];
      for (let i = 0; i < WARMUP_RUNS + RUNS; i++) {
        const run = await runNode([CLI, 'run', file, '--json']);
        expectSuccess(`liqloop run ${file} --json`, run);
        const peerMs = runPeer(numpy.executable, file).ms;
        if (i < WARMUP_RUNS) continue;
        subject.push(run.ms);
        peer.push(peerMs);
      }
      const ratio = median(subject) / median(peer);
      console.log(
        `   ${fmt(count)} positions: liqloop ${ms(median(subject))} (runs ${list(subject)}), ` +
          `numpy ${ms(median(peer))} (runs ${list(peer)}); liqloop / numpy = ${fmt(ratio, 2)}`,
      );
    }
    return 0;
  } finally {
    rmSync(workDir, { recursive: true, force: true });
  }
}

process.exitCode = await main();
