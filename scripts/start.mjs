// `npm start`: builds only when a source file is newer than the build, then opens the app in this process,
// so that an up-to-date checkout opens at once (a build costs seconds). The build is `npm run build`'s:
// tsc, then scripts/bundle.mjs (the bundled dist/cli/main.js and the presets' index).
import { spawnSync } from 'node:child_process';
import { mkdirSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const entry = join(root, 'dist', 'cli', 'main.js');
// tsc leaves an output file alone when its text is unchanged: the stamp records when the build last ran.
// Kept out of dist, which is packaged.
const stamp = join(root, 'node_modules', '.cache', 'liqloop-build-stamp');

/** The newest modification time of any file under `dir`. */
function newest(dir) {
  let latest = 0;
  for (const item of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, item.name);
    latest = Math.max(latest, item.isDirectory() ? newest(path) : statSync(path).mtimeMs);
  }
  return latest;
}

const built = (() => {
  try {
    statSync(entry);
    return statSync(stamp).mtimeMs;
  } catch {
    return -1;
  }
})();
const sources = Math.max(
  newest(join(root, 'src')),
  statSync(join(root, 'tsconfig.build.json')).mtimeMs,
  statSync(join(root, 'package.json')).mtimeMs,
  statSync(join(root, 'scripts', 'bundle.mjs')).mtimeMs,
);
if (built < sources) {
  const tsc = join(root, 'node_modules', 'typescript', 'bin', 'tsc');
  for (const step of [
    [tsc, '-p', join(root, 'tsconfig.build.json')],
    [join(root, 'scripts', 'bundle.mjs')],
  ]) {
    const result = spawnSync(process.execPath, step, { stdio: 'inherit' });
    if (result.status !== 0) process.exit(result.status ?? 1);
  }
  mkdirSync(dirname(stamp), { recursive: true });
  writeFileSync(stamp, `${new Date().toISOString()}\n`);
}
await import(pathToFileURL(entry).href);
