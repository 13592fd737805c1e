// Child of bench/run.mjs: how long a step takes to reach the screen on a generated preset (100,000 or
// 1,000,000 positions).
// Usage: node bench/render.mjs <dist URL> <preset file> — prints JSON {steps: [ms…], backs: [ms…], rounds}.
//
// The app renders into fake 120x36 terminal streams (Ink's debug mode writes every frame at once, so no
// frame-rate throttle hides the cost). Each measurement is from the key reaching stdin to the first frame
// that shows the new round: reducer, the health panel (from the positions the rounds changed), layout and
// output. Keys come 150 ms apart, as a person steps; the app computes the next round in that pause (and,
// in the first, indexes the book for the health panel).
import { EventEmitter } from 'node:events';
import { register } from 'node:module';

const [distUrl, presetFile] = process.argv.slice(2);
// Ink measures its text with the build's text-width, as in the app's bundle (scripts/text-width.mjs).
register(new URL('./text-width-loader.mjs', import.meta.url), {
  data: { textWidth: `${distUrl}/ui/text-width.js` },
});
// As the CLI does before it loads the UI (src/cli/open-app.ts): React's production build.
process.env.NODE_ENV ??= 'production';
const { createElement } = await import('react');
const { render } = await import('ink');
const { App } = await import(`${distUrl}/ui/App.js`);
const { initialState } = await import(`${distUrl}/ui/state/reducer.js`);
const { openSession } = await import(`${distUrl}/ui/state/session.js`);
const { loadPreset, loadPresetFile } = await import(`${distUrl}/presets/index.js`);

class FakeStdout extends EventEmitter {
  columns = 120;
  rows = 36;
  isTTY = true;
  last = '';
  write = (frame) => {
    this.last = frame;
    return true;
  };
}

class FakeStdin extends EventEmitter {
  isTTY = true;
  data = null;
  write(data) {
    this.data = data;
    this.emit('readable');
  }
  read = () => {
    const { data } = this;
    this.data = null;
    return data;
  };
  setEncoding() {}
  setRawMode() {}
  resume() {}
  pause() {}
  ref() {}
  unref() {}
}

const loaded = loadPresetFile(presetFile);
if (!loaded.ok) throw new Error(JSON.stringify(loaded.problems));
const stdout = new FakeStdout();
const stdin = new FakeStdin();
const app = render(
  createElement(App, { initial: initialState([], openSession(loaded)), loadPreset, theme: {} }),
  { stdout, stdin, stderr: new FakeStdout(), debug: true, exitOnCtrlC: false, patchConsole: false },
);

const nextTick = () => new Promise((resolve) => setImmediate(resolve));
/** A person stepping reads each round before the next key: the app uses that pause to compute ahead. */
const PAUSE_MS = 150;
async function timeKey(key, round) {
  await new Promise((resolve) => setTimeout(resolve, PAUSE_MS));
  const start = performance.now();
  stdin.write(key);
  const deadline = start + 10_000;
  while (!new RegExp(`Round ${round}\\b`).test(stdout.last)) {
    if (performance.now() > deadline) throw new Error(`round ${round} never reached the screen`);
    await nextTick();
  }
  return performance.now() - start;
}

await timeKey('', 0);
const steps = [];
let round = 0;
while (!/converged|stopped at/.test(stdout.last) && round < 60) {
  round++;
  steps.push(await timeKey('n', round));
}
const backs = [];
for (let r = round - 1; r >= Math.max(0, round - 10); r--) backs.push(await timeKey('b', r));
app.unmount();
process.stdout.write(JSON.stringify({ steps, backs, rounds: round }));
