// Without the validator (user.ts loads the files): `liqloop list` and the picker report these.

/** A user preset file that is not run by its name, because an earlier preset has that id. */
export interface ShadowedPreset {
  readonly id: string;
  readonly file: string;
  /** The file that has the id: a shipped preset's, or an earlier user folder's. */
  readonly by: string;
  readonly shipped: boolean;
}

/** How a shadowed file is reported (list, the picker's message). */
export function describeShadowed(s: ShadowedPreset): string {
  return (
    `${s.file} has the id "${s.id}" of ${s.shipped ? 'a shipped preset' : `an earlier user preset (${s.by})`}, ` +
    `so liqloop ${s.id} opens that one; rename the file to use it by name`
  );
}
