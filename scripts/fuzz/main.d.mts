/** Types of main.mjs, for the test that runs a bounded campaign. */
export interface FuzzTask {
  readonly id: number;
  readonly preset: string;
  readonly file?: string | Uint8Array;
  readonly args: readonly string[];
}
export interface FuzzResult {
  readonly outcome: string;
  readonly why?: string;
}
export function fuzz(options?: {
  seed?: number;
  cases?: number;
  seconds?: number;
  jobs?: number;
  timeoutMs?: number;
  memoryMb?: number;
  onResult?: (task: FuzzTask, result: FuzzResult, tried: number) => void;
}): Promise<{
  tried: number;
  counts: Record<string, number>;
  failures: { task: FuzzTask; result: FuzzResult }[];
}>;
