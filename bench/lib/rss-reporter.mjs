/**
 * Preloaded with `node --import` when /usr/bin/time is missing: at exit, writes this process's
 * peak resident set size (KB, as /usr/bin/time's %M) to the file named by NDRAFT_BENCH_RSS_FILE.
 */
import { writeFileSync } from 'node:fs';

const file = process.env.NDRAFT_BENCH_RSS_FILE;
if (file) {
  process.on('exit', () => {
    writeFileSync(file, `${process.resourceUsage().maxRSS}\n`);
  });
}
