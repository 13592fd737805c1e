/** `k`: the variant becomes the baseline, and its title says what was kept. */
import type { Scenario } from '../../engine/index.js';
import type { Session } from './session.js';
import { NO_LEVER_CHANGED, describeChanges } from './write-variant.js';

/** What stands between a preset's name and the levers kept since it was opened. */
export const KEPT = ' · kept: ';

/**
 * The variant as the new baseline: the baseline's id, the variant's run, and a title that carries every
 * lever kept since the preset was opened ("Thin pool · kept: shock size 10.0% → 20.0%"), counted from the
 * preset as opened, so that keeping twice names both changes once. The name is presentation only: the run
 * is the variant's, unchanged.
 */
export function keptSession(baseline: Session, variant: Session): { session: Session; changes: string } {
  const origin: Scenario = baseline.origin ?? baseline.preset;
  const changes = describeChanges(origin, variant.preset);
  const name = changes === NO_LEVER_CHANGED ? origin.name : `${origin.name}${KEPT}${changes}`;
  return {
    session: { ...variant, id: baseline.id, preset: { ...variant.preset, name }, origin },
    changes: describeChanges(baseline.preset, variant.preset),
  };
}
