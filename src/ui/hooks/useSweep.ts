import { useEffect } from 'react';
import { runInWorkers } from '../../whatif/pool.js';
import { tippingPoint } from '../../whatif/sweep.js';
import type { Action } from '../state/reducer.js';
import type { SweepState } from '../state/whatif.js';

/**
 * Runs a sweep that has no results yet in worker threads, reporting progress, so that the dashboard
 * keeps answering keys while it runs. A sweep closed before it finishes is abandoned.
 */
export function useSweep(sweep: SweepState | undefined, dispatch: (action: Action) => void): void {
  const pending = sweep && !sweep.summaries && !sweep.error && sweep.presets.length > 0 ? sweep : undefined;
  // Progress replaces the sweep's state but not its presets: they identify the sweep, so the run is not restarted.
  const presets = pending?.presets;
  const values = pending?.values;
  useEffect(() => {
    if (!presets || !values) return;
    let live = true;
    runInWorkers(presets, undefined, undefined, (done) => {
      if (live) dispatch({ type: 'sweepProgress', done });
    }).then(
      (summaries) => {
        if (!live) return;
        const tipping = tippingPoint(
          values,
          summaries.map((s) => s.amplification),
        );
        dispatch({ type: 'sweepDone', summaries, tipping });
      },
      (error: unknown) => {
        if (live)
          dispatch({ type: 'sweepFailed', message: error instanceof Error ? error.message : String(error) });
      },
    );
    return () => {
      live = false;
    };
  }, [presets, values, dispatch]);
}
