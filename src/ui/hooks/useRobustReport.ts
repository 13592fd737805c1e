import { useEffect, useState } from 'react';
import type { Scenario } from '../../engine/index.js';
import { robustReport, robustRuns, type RobustReport } from '../../whatif/report.js';

/** Where a preset's robustness report is: running (runs done of all), done, or failed. */
export interface RobustView {
  readonly done: number;
  readonly total: number;
  readonly report?: RobustReport;
  readonly error?: string;
}

/** Reports already computed, by preset: reopening the panel, or the preset, shows them at once. */
const finished = new WeakMap<Scenario, RobustReport>();

/** Two threads: the bands come in the background, and the machine stays free for the dashboard. */
const BACKGROUND_WORKERS = 2;

/**
 * A history preset's robustness bands and loop's share, computed on worker threads in the background so
 * that keys keep working; undefined for a preset without a record. A preset closed before its report
 * finishes is abandoned.
 */
export function useRobustReport(preset: Scenario): RobustView | undefined {
  const wanted = (preset.record ?? []).length > 0;
  const cached = finished.get(preset);
  const [view, setView] = useState<{ preset: Scenario; view: RobustView } | undefined>(undefined);
  useEffect(() => {
    if (!wanted || finished.has(preset)) return;
    let live = true;
    const total = robustRuns(preset);
    setView({ preset, view: { done: 0, total } });
    robustReport(preset, {
      workers: BACKGROUND_WORKERS,
      onProgress: (done) => {
        if (live) setView({ preset, view: { done, total } });
      },
    }).then(
      (report) => {
        finished.set(preset, report);
        if (live) setView({ preset, view: { done: total, total, report } });
      },
      (error: unknown) => {
        if (live)
          setView({
            preset,
            view: { done: 0, total, error: error instanceof Error ? error.message : String(error) },
          });
      },
    );
    return () => {
      live = false;
    };
  }, [preset, wanted]);
  if (!wanted) return undefined;
  if (cached) return { done: 1, total: 1, report: cached };
  return view?.preset === preset ? view.view : { done: 0, total: robustRuns(preset) };
}
