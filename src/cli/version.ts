import { readFileSync } from 'node:fs';

/** liqloop's version, from the package.json that ships beside `dist/` (one source for --version and --json). */
export const LIQLOOP_VERSION: string = (
  JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { version: string }
).version;
