import { createRequire } from 'node:module';
import type { Script } from 'node:vm';

// The entry's builtins through require, not import: each builtin an ES module imports gets a module facade
// built over its exports, about 0.4 ms apiece at every start.
const builtin = createRequire(import.meta.url);
const { readFileSync, renameSync, writeFileSync } = builtin('node:fs') as typeof import('node:fs');
const { dirname } = builtin('node:path') as typeof import('node:path');
const { fileURLToPath } = builtin('node:url') as typeof import('node:url');
const vm = builtin('node:vm') as typeof import('node:vm');
const zlib = builtin('node:zlib') as typeof import('node:zlib');
const { isAscii } = builtin('node:buffer') as typeof import('node:buffer');

// Loads the headless commands' bundle (dist/bundle/cli.cjs, scripts/bundle.mjs) with V8's code cache.
//
// Why: Node 20 keeps no compile cache for modules (module.enableCompileCache came in Node 22), and a `run`
// spent about 25 ms compiling its modules (zod, the presets, the engine), more than a fifth of its fixed
// cost. A classic script compiled with vm.Script takes a code cache, and one made after the script has
// run (Script#createCachedData) holds every function that ran, not just the top level.
//
// Robust by construction: V8 rejects a cache made by another V8 or with other V8 flags
// (`script.cachedDataRejected`) and compiles the source as if there were none. V8 checks only the
// source's length, so the cache file starts with a CRC-32 of the source and of the V8 data: a cache of
// another text, or a damaged one, is not given to V8. Without zlib.crc32 (Node before 20.15) there is no
// cache. Any failure to read it is the same: the script compiles from its source, only slower.

/** The cache beside its script: `cli.cjs` -> `cli.cjs.v8cache`. */
export const cacheFileOf = (file: string): string => `${file}.v8cache`;

// Node's own CommonJS wrapper, so that the script reads `require`, `module` and `__filename` as it would there.
const wrap = (source: string) =>
  `(function (exports, require, module, __filename, __dirname) {${source}\n});`;

// The builtins only some commands use (crypto for writing --out files and the presets' digest,
// worker_threads for sweeps, child_process for commander's external subcommands, which liqloop has none
// of) cost 1-3 ms each to load: the script gets them on first use of one of their exports. The bundle
// reads each builtin's exports as properties (`node_crypto.randomBytes`), which a proxy serves.
const LAZY_BUILTINS = new Set([
  'node:crypto',
  'node:child_process',
  'node:worker_threads',
  'node:fs/promises',
]);

function lazyRequire(require: NodeJS.Require): (id: string) => unknown {
  return (id) => {
    if (!LAZY_BUILTINS.has(id)) return require(id);
    let loaded: Record<string | symbol, unknown> | undefined;
    return new Proxy({}, { get: (_target, key) => (loaded ??= require(id) as typeof loaded)![key] });
  };
}

const crc32 = (zlib as { crc32?: (data: Uint8Array) => number }).crc32;
const HEADER = 8;

/** The V8 data of `file`'s cache when it was made from this very source, else undefined. */
function readCache(file: string, source: Buffer): Buffer | undefined {
  if (!crc32) return undefined;
  let cache: Buffer;
  try {
    cache = readFileSync(cacheFileOf(file));
  } catch {
    return undefined;
  }
  if (cache.length <= HEADER) return undefined;
  const data = cache.subarray(HEADER);
  const fits = cache.readUInt32LE(0) === crc32(source) && cache.readUInt32LE(4) === crc32(data);
  return fits ? data : undefined;
}

export interface LoadedScript {
  /** What the bundle exports. */
  readonly exports: Record<string, unknown>;
  /** The compiled script (to make a cache from once it has run); undefined when Node's loader loaded it. */
  readonly script: Script | undefined;
  /** Whether V8 took the cache. */
  readonly cached: boolean;
}

/**
 * Runs the CommonJS bundle `file` and returns its exports. `useCache: false` compiles it from source (the
 * build does so before it makes the cache). With source maps on (--enable-source-maps), Node's own
 * loader loads it instead, since only that loader reads the bundle's map for stack traces.
 */
export function loadScript(where: string | URL, { useCache = true } = {}): LoadedScript {
  const file = typeof where === 'string' ? where : fileURLToPath(where);
  const require = createRequire(file);
  if (process.sourceMapsEnabled)
    return { exports: require(file) as Record<string, unknown>, script: undefined, cached: false };
  const bytes = readFileSync(file);
  const cachedData = useCache ? readCache(file, bytes) : undefined;
  // The build writes the script in ASCII (scripts/bundle.mjs), which Latin-1 decodes at twice UTF-8's speed.
  const source = bytes.toString(isAscii(bytes) ? 'latin1' : 'utf8');
  const script = new vm.Script(wrap(source), { filename: file, cachedData });
  const module = { exports: {} as Record<string, unknown> };
  const run = script.runInThisContext() as (...args: unknown[]) => void;
  run(module.exports, lazyRequire(require), module, file, dirname(file));
  return { exports: module.exports, script, cached: cachedData !== undefined && !script.cachedDataRejected };
}

/** Writes `file`'s cache from its script, after the script has run what the cache should hold. */
export function writeScriptCache(file: string, script: Script): void {
  if (!crc32) return;
  const data = script.createCachedData();
  const header = Buffer.alloc(HEADER);
  header.writeUInt32LE(crc32(readFileSync(file)), 0);
  header.writeUInt32LE(crc32(data), 4);
  const temporary = `${cacheFileOf(file)}.${process.pid}.tmp`;
  writeFileSync(temporary, Buffer.concat([header, data]));
  renameSync(temporary, cacheFileOf(file));
}
