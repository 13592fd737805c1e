/** Types of pool.mjs's classifier, for its tests. */
export const OUTCOMES: readonly string[];
export const FAILURES: readonly string[];
export function classify(
  task: { readonly args: readonly string[] },
  answer: { status: number; stdout: string; stderr: string; thrown?: string; truncated?: boolean },
): { outcome: string; why?: string };
