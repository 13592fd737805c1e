// Section 1b of `npm run bench`: liqloop against a vectorised numpy implementation of the same round
// contract (bench/peers/lending_numpy.py) on the bench's 1,000,000-position book. Both are whole processes
// timed from spawn to exit, alternating, medians compared. Bound (issue 15): liqloop <= 0.75x numpy.
// The peer draws the same kind of book with another generator, so the two agree on the summary only
// approximately; the check below says how closely.
//
// The peer is timed through the interpreter `python3` resolves to (sys.executable), not through the name:
// on a machine where `python3` is a version manager's shim (pyenv's is a bash script that runs pyenv
// first), every run timed through the name also timed the shim, about 55 ms on the project's machine,
// a fifth of the peer's time, which made liqloop look faster against numpy than it is.
//
//   node bench/peers/numpy.mjs     (after npm run build) runs this section alone

import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  BenchError,
  MEASURED_RUNS,
  WARMUP_RUNS,
  cascadePreset,
  fmt,
  list,
  median,
  ms,
  runCli,
  verdict,
} from '../lib.mjs';

export const NUMPY_RATIO_BOUND = 0.75;
const PEER = fileURLToPath(new URL('./lending_numpy.py', import.meta.url));
/** How far apart the two summaries may be: same distributions, different draws. */
const CLOSE = { finalPrice: 0.002, liquidatedShare: 0.005 };

/** The python3 with numpy (its interpreter's path and numpy's version), or why there is none. */
export function findNumpy() {
  const probe = spawnSync(
    'python3',
    ['-c', 'import sys, numpy; print(sys.executable); print(numpy.__version__)'],
    {
      encoding: 'utf8',
    },
  );
  if (probe.error) return { ok: false, why: 'python3 is not installed' };
  if (probe.status !== 0) return { ok: false, why: 'python3 has no numpy (pip install numpy)' };
  const [executable, version] = probe.stdout.trim().split('\n');
  return { ok: true, executable: executable || 'python3', version };
}

/** One run of the peer, timed from spawn to exit (as runNode times the CLI). */
export function runPeer(python, presetFile) {
  const start = process.hrtime.bigint();
  const child = spawnSync(python, [PEER, presetFile], { encoding: 'utf8' });
  const elapsed = Number(process.hrtime.bigint() - start) / 1e6;
  if (child.status !== 0) throw new BenchError(`the numpy peer failed: ${child.stderr}`);
  return { ms: elapsed, summary: JSON.parse(child.stdout) };
}

/** Prints the section; returns its failures. */
export async function numpyRows(presetFile, rssFile) {
  console.log('');
  console.log('1b. The same book against a vectorised numpy implementation of the round contract');
  console.log(`   peer:    python3 bench/peers/lending_numpy.py ${presetFile}`);
  console.log('            (numpy draws, one argsort of the liquidation prices, searchsorted per round,');
  console.log('            cumulative sums; the same round contract for the base model)');
  const numpy = findNumpy();
  if (!numpy.ok) {
    console.log(`   SKIPPED: ${numpy.why}; the numpy comparison needs python3 with numpy`);
    return [];
  }
  console.log(`            timed through ${numpy.executable}, the interpreter python3 resolves to`);
  console.log("            (not through a version manager's shim, whose start-up is not numpy's)");
  const peerMs = [];
  const subjectMs = [];
  let peer;
  let subject;
  for (let i = 0; i < WARMUP_RUNS + MEASURED_RUNS; i++) {
    const p = runPeer(numpy.executable, presetFile);
    const s = await runCli(presetFile, rssFile);
    peer = p.summary;
    subject = s.summary;
    if (i >= WARMUP_RUNS) {
      peerMs.push(p.ms);
      subjectMs.push(s.ms);
    }
  }
  const share = (x) => x.positionsLiquidated / x.positions;
  const priceGap = Math.abs(peer.finalPrice / subject.finalPrice - 1);
  const shareGap = Math.abs(share(peer) - share(subject));
  const agree = priceGap <= CLOSE.finalPrice && shareGap <= CLOSE.liquidatedShare;
  console.log(
    `   numpy ${numpy.version}: ${fmt(peer.positionsLiquidated)} liquidated over ${peer.rounds} rounds, ` +
      `price -> $${fmt(peer.finalPrice, 2)}; liqloop: ${fmt(subject.positionsLiquidated)} over ` +
      `${subject.rounds} rounds, -> $${fmt(subject.finalPrice, 2)}`,
  );
  console.log(
    `   agreement: final price within ${fmt(100 * priceGap, 3)}%, liquidated share within ` +
      `${fmt(100 * shareGap, 3)} points (bounds ${100 * CLOSE.finalPrice}%, ${100 * CLOSE.liquidatedShare} points)   ` +
      `${agree ? 'CLOSE' : 'APART'}`,
  );
  const ratio = median(subjectMs) / median(peerMs);
  const ok = ratio <= NUMPY_RATIO_BOUND;
  console.log(`   numpy    runs ${list(peerMs)} ms; median ${ms(median(peerMs))}`);
  console.log(`   liqloop  runs ${list(subjectMs)} ms; median ${ms(median(subjectMs))}`);
  console.log(
    `   time:    liqloop / numpy = ${fmt(ratio, 2)}   bound <= ${NUMPY_RATIO_BOUND}   ${verdict(ok)}`,
  );
  const failures = [];
  if (!agree) failures.push('the numpy peer and liqloop disagree on the bench book');
  if (!ok) failures.push(`liqloop / numpy ${fmt(ratio, 2)} > ${NUMPY_RATIO_BOUND}`);
  return failures;
}

async function main() {
  const workDir = mkdtempSync(join(tmpdir(), 'liqloop-numpy-'));
  try {
    const file = join(workDir, 'bench-1m.json');
    writeFileSync(file, `${JSON.stringify(cascadePreset(1_000_000), null, 2)}\n`);
    const failures = await numpyRows(file, join(workDir, 'peak-rss.json'));
    return failures.length ? 1 : 0;
  } finally {
    rmSync(workDir, { recursive: true, force: true });
  }
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) process.exitCode = await main();
