import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import type { Scenario as Preset } from '../engine/index.js';
import type { Summary } from '../engine/index.js';
import type { SweepReply, SweepTask } from './worker.js';

type SummaryJson = Summary;

/**
 * The compiled worker script beside this one (dist/whatif/worker.js). Loaded from the TypeScript sources
 * (under vitest) there is no .js beside it, so the built copy is used: `npm test` builds before it tests.
 */
const WORKER_URL = import.meta.url.endsWith('.ts')
  ? new URL('../../dist/whatif/worker.js', import.meta.url)
  : new URL('./worker.js', import.meta.url);

/**
 * How many workers a sweep of `tasks` runs uses: min(tasks, availableParallelism()). The environment
 * variable LIQLOOP_SWEEP_WORKERS (a whole number ≥ 1) caps it instead, for tests of determinism.
 */
export function workerCount(tasks: number, env: NodeJS.ProcessEnv = process.env): number {
  const asked = Number(env.LIQLOOP_SWEEP_WORKERS);
  const cap = Number.isInteger(asked) && asked >= 1 ? asked : availableParallelism();
  return Math.max(1, Math.min(tasks, cap));
}

/**
 * Runs every preset in a pool of worker threads and resolves to their summaries in the presets' order,
 * whatever order the workers finish in. Each worker takes the next preset when it returns one.
 */
export async function runInWorkers(
  presets: readonly Preset[],
  maxRounds: number | undefined,
  workers = workerCount(presets.length),
  onProgress?: (done: number) => void,
): Promise<SummaryJson[]> {
  return (await runOutcomesInWorkers(presets, maxRounds, workers, onProgress)).map((o) => o.summary);
}

/** What a worker returns for one preset: its summary and the shortfall of loans left under water. */
export interface RunOutcome {
  readonly summary: Summary;
  readonly shortfall: number;
}

/** As runInWorkers, with each run's shortfall beside its summary. */
export function runOutcomesInWorkers(
  presets: readonly Preset[],
  maxRounds: number | undefined,
  workers = workerCount(presets.length),
  onProgress?: (done: number) => void,
): Promise<RunOutcome[]> {
  if (presets.length === 0) return Promise.resolve([]);
  const results: RunOutcome[] = new Array<RunOutcome>(presets.length);
  const pool: Worker[] = [];
  let next = 0;
  let done = 0;
  let settled = false;

  return new Promise<RunOutcome[]>((resolve, reject) => {
    const finish = (error?: Error) => {
      if (settled) return;
      settled = true;
      void Promise.all(pool.map((w) => w.terminate())).then(() => (error ? reject(error) : resolve(results)));
    };
    const feed = (worker: Worker) => {
      if (next >= presets.length) return;
      const task: SweepTask = { index: next, preset: presets[next]!, maxRounds };
      next += 1;
      worker.postMessage(task);
    };
    for (let i = 0; i < workers; i++) {
      const worker = new Worker(WORKER_URL);
      pool.push(worker);
      worker.on('message', (reply: SweepReply) => {
        if ('error' in reply) {
          finish(new Error(`sweep run ${reply.index + 1} failed: ${reply.error}`));
          return;
        }
        results[reply.index] = { summary: reply.summary, shortfall: reply.shortfall };
        done += 1;
        onProgress?.(done);
        if (done === presets.length) finish();
        else feed(worker);
      });
      worker.on('error', (error) => finish(error));
      worker.on('exit', (code) => {
        if (!settled) finish(new Error(`a sweep worker stopped early (exit code ${code})`));
      });
      feed(worker);
    }
  });
}
