// The floor bench/run.mjs measures liqloop against: what plain Node, with no libraries, takes to draw
// 2,000,000 seeded random numbers and sort 1,000,000 doubles. run.mjs times this file as a whole child
// process, from spawn to exit, so Node's start-up counts here as it does for the CLI.

const DRAWS = 2_000_000;
const SORTED = 1_000_000;

// mulberry32: a small seeded 32-bit generator, each draw a double in [0, 1).
let state = 42;
function next() {
  state = (state + 0x6d2b79f5) | 0;
  let t = Math.imul(state ^ (state >>> 15), 1 | state);
  t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
  return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
}

const values = new Float64Array(DRAWS);
for (let i = 0; i < DRAWS; i++) values[i] = next();
const sorted = values.subarray(0, SORTED).sort();

// The median, so that the work has an observable result, and the CPU time the process used (for the report).
const { userCPUTime, systemCPUTime } = process.resourceUsage();
process.stdout.write(
  `${JSON.stringify({ median: sorted[SORTED >> 1], cpuMs: (userCPUTime + systemCPUTime) / 1000 })}\n`,
);
