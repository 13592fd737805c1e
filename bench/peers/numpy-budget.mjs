// Where the 1,000,000-position run's time goes against the numpy bound (informational, not part of
// `npm run bench`): whole processes timed from spawn to exit, in turn (the order reversed every other
// round), a warm-up round discarded, then medians of 9:
//   node -e 0; liqloop validate and run of the bench's 1M preset; run of the same book at 1,000 positions
//   (a run's fixed cost: Node, the CLI's modules, the preset, the scenario, the output); the numpy peer,
//   and its interpreter importing numpy alone.
// Then the engine alone, first and fourth run in one process (bench/engine-time.mjs), three processes.
// It prints what the bound leaves the engine: 0.75 x numpy's median, less the run's fixed cost.
//
//   node bench/peers/numpy-budget.mjs     (after npm run build)

import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { CLI, cascadePreset, expectSuccess, fmt, list, median, ms, runNode } from '../lib.mjs';
import { NUMPY_RATIO_BOUND, findNumpy } from './numpy.mjs';

const RUNS = 9;
const PEER = fileURLToPath(new URL('./lending_numpy.py', import.meta.url));
const ENGINE_TIME = fileURLToPath(new URL('../engine-time.mjs', import.meta.url));

async function timed(command, args) {
  if (command === process.execPath) {
    const run = await runNode(args);
    expectSuccess(`node ${args.join(' ')}`, run);
    return run.ms;
  }
  const start = process.hrtime.bigint();
  const child = spawnSync(command, args, { stdio: 'ignore' });
  if (child.status !== 0) throw new Error(`${command} ${args.join(' ')} failed`);
  return Number(process.hrtime.bigint() - start) / 1e6;
}

async function main() {
  const numpy = findNumpy();
  if (!numpy.ok) {
    console.log(`SKIPPED: ${numpy.why}; the numpy budget needs python3 with numpy`);
    return 0;
  }
  const workDir = mkdtempSync(join(tmpdir(), 'liqloop-numpy-budget-'));
  try {
    const big = join(workDir, 'bench-1m.json');
    const small = join(workDir, 'bench-1k.json');
    writeFileSync(big, `${JSON.stringify(cascadePreset(1_000_000), null, 2)}\n`);
    writeFileSync(small, `${JSON.stringify(cascadePreset(1_000), null, 2)}\n`);
    const node = process.execPath;
    const cases = [
      ['node -e 0', node, ['-e', '0']],
      ['liqloop validate, 1M preset', node, [CLI, 'validate', big]],
      ['liqloop run, 1,000 positions', node, [CLI, 'run', small, '--json']],
      ['liqloop run, 1M positions', node, [CLI, 'run', big, '--json']],
      [`numpy peer, 1M (numpy ${numpy.version})`, numpy.executable, [PEER, big]],
      ['python3 -c "import numpy"', numpy.executable, ['-c', 'import numpy']],
    ];
    const times = cases.map(() => []);
    for (let round = 0; round <= RUNS; round++) {
      const order = cases.map((_, i) => i);
      if (round % 2 === 1) order.reverse();
      for (const i of order) {
        const [, command, args] = cases[i];
        const t = await timed(command, args);
        if (round > 0) times[i].push(t);
      }
    }
    console.log(`Whole processes, in turn, medians of ${RUNS} after a warm-up round:`);
    for (const [i, [name]] of cases.entries())
      console.log(`   ${name.padEnd(38)} ${ms(median(times[i])).padStart(7)}   (runs ${list(times[i])})`);
    const fixed = median(times[2]);
    const whole = median(times[3]);
    const peer = median(times[4]);
    const allowed = NUMPY_RATIO_BOUND * peer;
    console.log(
      `   liqloop / numpy = ${fmt(whole / peer, 2)}; the bound (<= ${NUMPY_RATIO_BOUND}) allows ${ms(allowed)}: ` +
        `after the run's fixed cost (${ms(fixed)}), ${ms(allowed - fixed)} for the engine's million ` +
        `positions, which take ${ms(whole - fixed)}`,
    );
    console.log('The engine alone (node bench/engine-time.mjs lending 1000000 4), first and fourth run:');
    for (let p = 0; p < 3; p++) {
      const run = await runNode([ENGINE_TIME, 'lending', '1000000', '4'], { keepStdout: true });
      expectSuccess('node bench/engine-time.mjs lending 1000000 4', run);
      const t = JSON.parse(run.stdout).times;
      console.log(`   process ${p + 1}: first ${ms(t[0])}, fourth ${ms(t[3])}`);
    }
    return 0;
  } finally {
    rmSync(workDir, { recursive: true, force: true });
  }
}

process.exitCode = await main();
