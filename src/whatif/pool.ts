import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import type { Scenario as Preset } from '../engine/index.js';
import type { Summary } from '../engine/index.js';
import { STOP, type SweepReply, type SweepTask } from './worker-protocol.js';

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

/** The presets a sweep runs, made one at a time as a worker asks (an array is one). */
export interface PresetSource {
  readonly length: number;
  at(index: number): Preset | undefined;
}

/** A run of a sweep left the model's numeric range (README, "Ranges"): `index` is the run, from 0. */
export class SweepRangeError extends Error {
  constructor(
    readonly index: number,
    message: string,
  ) {
    super(message);
    this.name = 'SweepRangeError';
  }
}

/**
 * Runs every preset in a pool of worker threads and resolves to their summaries in the presets' order,
 * whatever order the workers finish in. Each worker holds two presets and takes the next when it returns
 * one; a preset is asked of `presets` only then, so a sweep's memory does not grow with its steps.
 */
export async function runInWorkers(
  presets: PresetSource,
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
  presets: PresetSource,
  maxRounds: number | undefined,
  workers = workerCount(presets.length),
  onProgress?: (done: number) => void,
): Promise<RunOutcome[]> {
  return new WorkerPool(presets.length === 0 ? 0 : workers).run(presets, maxRounds, onProgress);
}

/**
 * Worker threads started before their work is ready: each loads the engine while the caller still
 * validates its presets, so that the start-up of the threads does not add to the time both cores are
 * busy. Used once: `run` gives it its presets and stops the threads when they are done; `close` stops
 * them when the caller gives up first.
 */
export class WorkerPool {
  private readonly workers: Worker[] = [];
  /** The first thing that went wrong with a thread, before or during `run`. */
  private failure: Error | undefined;
  private onFailure: ((error: Error) => void) | undefined;
  private closed = false;

  constructor(count: number) {
    for (let i = 0; i < count; i++) {
      const worker = new Worker(WORKER_URL);
      this.workers.push(worker);
      worker.on('error', (error) => this.fail(error));
      worker.on('exit', (code) => {
        if (!this.closed) this.fail(new Error(`a sweep worker stopped early (exit code ${code})`));
      });
    }
  }

  private fail(error: Error): void {
    this.failure ??= error;
    this.onFailure?.(error);
  }

  /**
   * Lets every idle thread end itself: it closes its port and exits, tearing its heap down on its own
   * core. `terminate` would instead have this thread wait about 4 ms a worker for that, after the last
   * result, when nothing else runs beside it.
   */
  private release(): void {
    this.closed = true;
    for (const worker of this.workers) worker.postMessage(STOP);
  }

  /** Stops every thread now. */
  close(): Promise<void> {
    this.closed = true;
    return Promise.all(this.workers.map((w) => w.terminate())).then(() => undefined);
  }

  /**
   * Runs every preset and resolves to their outcomes in the presets' order, whatever order the workers
   * finish in. Each worker holds two presets and takes the next when it returns one; a preset is asked of
   * `presets` only then, so a sweep's memory does not grow with its steps.
   */
  run(
    presets: PresetSource,
    maxRounds: number | undefined,
    onProgress?: (done: number) => void,
  ): Promise<RunOutcome[]> {
    if (presets.length === 0) return this.close().then(() => []);
    const results: RunOutcome[] = new Array<RunOutcome>(presets.length);
    let next = 0;
    let done = 0;
    let settled = false;

    return new Promise<RunOutcome[]>((resolve, reject) => {
      // The caller has its answer at once: the threads stop while it writes it (the process waits for them).
      const finish = (error?: Error) => {
        if (settled) return;
        settled = true;
        if (error) {
          reject(error);
          void this.close();
        } else {
          resolve(results);
          this.release();
        }
      };
      if (this.failure) {
        finish(this.failure);
        return;
      }
      this.onFailure = finish;
      const feed = (worker: Worker) => {
        if (next >= presets.length) return;
        const task: SweepTask = { index: next, preset: presets.at(next)!, maxRounds };
        next += 1;
        worker.postMessage(task);
      };
      for (const worker of this.workers) {
        worker.on('message', (reply: SweepReply) => {
          if ('outOfRange' in reply) {
            finish(new SweepRangeError(reply.index, reply.outOfRange));
            return;
          }
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
        // Two tasks each: a thread starts its next run as soon as it posts a result, instead of waiting
        // for the message to reach this thread, the next preset to be built and sent back (about a tenth
        // of a millisecond of a 6 ms run, a hundred times a sweep). Results are kept by index, so the
        // order they arrive in does not matter; one thread alone still runs the presets in order.
        feed(worker);
        feed(worker);
      }
    });
  }
}
