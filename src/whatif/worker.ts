/**
 * A sweep's (and a robustness run's) worker thread: receives a validated preset, runs it, returns its
 * summary and the shortfall of loans left under water. It loads the engine and nothing else (no Ink, no
 * React, no file I/O). The generated book a run draws is kept for the next run that would draw the same.
 */
import { parentPort } from 'node:worker_threads';
import { keepGeneratedDraws, ModelRangeError, runCascade, summarize } from '../engine/index.js';
import { STOP, type SweepReply, type SweepTask } from './worker-protocol.js';

export type { SweepReply, SweepTask } from './worker-protocol.js';

// A sweep runs one book many times: drawn once per thread, copied for every later run that draws the same.
keepGeneratedDraws(true);

parentPort?.on('message', (task: SweepTask | typeof STOP) => {
  if (task === STOP) {
    // Nothing else keeps this thread alive: it exits once the port is closed.
    parentPort!.close();
    return;
  }
  let reply: SweepReply;
  try {
    const run = runCascade(task.preset, { maxRounds: task.maxRounds });
    const summary = summarize(run);
    reply = { index: task.index, summary, shortfall: summary.shortfall };
  } catch (error) {
    reply =
      error instanceof ModelRangeError
        ? { index: task.index, outOfRange: error.message }
        : {
            index: task.index,
            error: error instanceof Error ? (error.stack ?? error.message) : String(error),
          };
  }
  parentPort!.postMessage(reply);
});
