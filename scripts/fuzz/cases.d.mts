/** Types of cases.mjs, for its tests. */
export function shippedPresets(dir: string): { id: string; text: string }[];
export function makeCase(
  presets: readonly { id: string; text: string }[],
  seed: number,
  index: number,
): { id: number; preset: string; file?: string | Uint8Array; args: string[] };
