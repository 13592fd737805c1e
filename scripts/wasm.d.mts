/** Types of wasm.mjs, for the test that checks the committed kernel bytes. */
export const WAT: string;
export const BYTES: string;
export function assembledModule(): Promise<string>;
