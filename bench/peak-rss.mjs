// Preloaded by bench/run.mjs with `node --import`: when the process exits, records its peak resident set size.
// process.resourceUsage().maxRSS is getrusage()'s ru_maxrss, in kilobytes (KiB) on Linux; checked on Node 20
// against GNU time's %M and process.memoryUsage().rss. The resident set at exit (bytes) goes along with it,
// so that run.mjs can check the unit, and so does the CPU time (user + system) the process used.
// Written to the file named by LIQLOOP_BENCH_RSS_FILE, else to stderr.
import { writeFileSync } from 'node:fs';

const file = process.env.LIQLOOP_BENCH_RSS_FILE;

process.on('exit', () => {
  const usage = process.resourceUsage();
  const line = JSON.stringify({
    maxRssKiB: usage.maxRSS,
    rssAtExitBytes: process.memoryUsage().rss,
    cpuMs: (usage.userCPUTime + usage.systemCPUTime) / 1000,
  });
  if (file) writeFileSync(file, `${line}\n`);
  else process.stderr.write(`peak-rss ${line}\n`);
});
