/**
 * Timing and memory measurement of whole commands, as a user runs them.
 *
 * Two harnesses, one result shape:
 *  - hyperfine (when installed): `hyperfine -N --warmup W --runs R --output=pipe --export-json F`;
 *  - a Node harness: child_process.spawn per run, wall time from spawn to 'close', output piped
 *    and discarded (as hyperfine's --output=pipe does).
 * Every result carries its median (the figure reported), mean, min, max and standard deviation.
 */
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

/** Shell-quotes one argument the POSIX way (for display and for hyperfine's command line). */
export function shellQuote(arg) {
  if (arg === '') return "''";
  if (/^[A-Za-z0-9_\-./=:@%+,]+$/.test(arg)) return arg;
  return `'${arg.replace(/'/g, `'\\''`)}'`;
}

export function commandLine(argv) {
  return argv.map(shellQuote).join(' ');
}

export function stats(times) {
  const sorted = [...times].sort((a, b) => a - b);
  const n = sorted.length;
  const median = n % 2 === 1 ? sorted[(n - 1) / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
  const mean = sorted.reduce((s, t) => s + t, 0) / n;
  const stddev = n > 1 ? Math.sqrt(sorted.reduce((s, t) => s + (t - mean) ** 2, 0) / (n - 1)) : 0;
  return { median, mean, min: sorted[0], max: sorted[n - 1], stddev, runs: n };
}

export function hyperfineVersion() {
  const r = spawnSync('hyperfine', ['--version'], { encoding: 'utf8' });
  return r.status === 0 ? r.stdout.trim() : undefined;
}

export function whichSync(program) {
  const r = spawnSync('sh', ['-c', `command -v ${shellQuote(program)}`], { encoding: 'utf8' });
  return r.status === 0 ? r.stdout.trim() : undefined;
}

/**
 * Runs one command `runs` times after `warmup` runs; `prepare` (an argv) runs before each run,
 * `cleanup` after each, both untimed (a command with a cleanup is measured with the Node harness:
 * hyperfine has no per-run cleanup before 1.19). Returns { command, times (s), ...stats, harness }.
 */
export async function measure({ argv, cwd, runs, warmup = 1, prepare, cleanup, ignoreFailure = false, harness = 'node', env }) {
  if (cleanup) return measureNode({ argv, cwd, runs, warmup, prepare, cleanup, ignoreFailure, env });
  if (harness === 'hyperfine') {
    try {
      return measureHyperfine({ argv, cwd, runs, warmup, prepare, ignoreFailure, env });
    } catch (error) {
      // a run failed under hyperfine, which does not keep the output: measure with the Node
      // harness instead, which does, and which throws with the failing run's stderr
      process.stderr.write(`warning: ${error.message.split('\n')[0]}; measuring it with the Node harness instead\n`);
      const result = await measureNode({ argv, cwd, runs, warmup, prepare, ignoreFailure, env });
      return { ...result, note: 'hyperfine run failed once; measured with the Node harness' };
    }
  }
  return measureNode({ argv, cwd, runs, warmup, prepare, ignoreFailure, env });
}

function measureHyperfine({ argv, cwd, runs, warmup, prepare, ignoreFailure, env }) {
  const dir = mkdtempSync(join(tmpdir(), 'ndraft-hf-'));
  const json = join(dir, 'out.json');
  const args = ['-N', '--style', 'none', '--output', 'pipe', '--warmup', String(warmup), '--runs', String(runs), '--export-json', json];
  if (prepare) args.push('--prepare', commandLine(prepare));
  if (ignoreFailure) args.push('-i');
  args.push('--', commandLine(argv));
  const r = spawnSync('hyperfine', args, { cwd, encoding: 'utf8', env: { ...process.env, ...env } });
  if (r.status !== 0 || !existsSync(json)) {
    rmSync(dir, { recursive: true, force: true });
    throw new Error(`hyperfine failed for ${commandLine(argv)}: ${r.stderr.trim().split('\n')[0]}`);
  }
  const result = JSON.parse(readFileSync(json, 'utf8')).results[0];
  rmSync(dir, { recursive: true, force: true });
  return { command: commandLine(argv), cwd, harness: 'hyperfine', times: result.times, ...stats(result.times) };
}

async function measureNode({ argv, cwd, runs, warmup, prepare, cleanup, ignoreFailure, env }) {
  const times = [];
  for (let i = 0; i < warmup + runs; i++) {
    if (prepare) spawnSync(prepare[0], prepare.slice(1), { cwd, stdio: 'ignore' });
    const t = await timeOnce(argv, cwd, ignoreFailure, env);
    if (cleanup) spawnSync(cleanup[0], cleanup.slice(1), { cwd, stdio: 'ignore' });
    if (i >= warmup) times.push(t);
  }
  return { command: commandLine(argv), cwd, harness: 'node', times, ...stats(times) };
}

/** Wall time of one run, in seconds: spawn to 'close', with its output piped and drained. */
export function timeOnce(argv, cwd, ignoreFailure = false, env) {
  return new Promise((resolvePromise, reject) => {
    const start = process.hrtime.bigint();
    const child = spawn(argv[0], argv.slice(1), { cwd, stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, ...env } });
    let stderr = '';
    child.stdout.on('data', () => {});
    child.stderr.on('data', (d) => {
      if (stderr.length < 4000) stderr += d;
    });
    child.on('error', reject);
    child.on('close', (code) => {
      const seconds = Number(process.hrtime.bigint() - start) / 1e9;
      if (code !== 0 && !ignoreFailure) reject(new Error(`${commandLine(argv)} exited ${code}:\n${stderr}`));
      else resolvePromise(seconds);
    });
  });
}

/**
 * Runs several commands round-robin (a, b, c, a, b, c, …) so that a burst of load on a shared
 * machine slows them alike; ratios between them stay meaningful. Node harness only. An entry's
 * `prepare` (an argv) runs, untimed, before each of its runs.
 */
export async function measureInterleaved(entries, { runs, warmup = 0 }) {
  const times = entries.map(() => []);
  for (let i = 0; i < warmup + runs; i++) {
    for (const [k, e] of entries.entries()) {
      // an entry with `warmup: false` skips the warm-up rounds (costly commands whose files are already cached)
      if (i < warmup && e.warmup === false) continue;
      // an entry with its own `runs` (fewer) sits out the last rounds
      if (e.runs !== undefined && i >= warmup + e.runs) continue;
      if (e.prepare) spawnSync(e.prepare[0], e.prepare.slice(1), { cwd: e.cwd, stdio: 'ignore' });
      const t = await timeOnce(e.argv, e.cwd, e.ignoreFailure, e.env);
      if (i >= warmup) times[k].push(t);
    }
  }
  return entries.map((e, k) => ({ command: commandLine(e.argv), cwd: e.cwd, harness: 'node-interleaved', times: times[k], ...stats(times[k]) }));
}

/**
 * Several commands measured in alternating batches (a: 5 runs, b: 5 runs, c: 5 runs, a: 5 runs …),
 * the times pooled: hyperfine's precision per run, and a change of load on a shared machine hits
 * every command about alike, so the ratios between them hold. Warm-up runs in the first round only.
 */
export async function measureRounds(entries, { rounds, runsPerRound, warmup = 1, harness = 'node' }) {
  const times = entries.map(() => []);
  for (let round = 0; round < rounds; round++) {
    for (const [k, e] of entries.entries()) {
      const m = await measure({ argv: e.argv, cwd: e.cwd, runs: runsPerRound, warmup: round === 0 ? warmup : 0, harness });
      times[k].push(...m.times);
    }
  }
  return entries.map((e, k) => ({ command: commandLine(e.argv), cwd: e.cwd, harness: `${harness}, ${rounds} alternating rounds of ${runsPerRound}`, times: times[k], ...stats(times[k]) }));
}

const RSS_REPORTER = pathToFileURL(fileURLToPath(new URL('./rss-reporter.mjs', import.meta.url))).href;

/**
 * Peak resident memory of a command, in MB: `/usr/bin/time -f %M` when present, else the
 * child's own `process.resourceUsage().maxRSS`, reported by a module preloaded with --import.
 * The median of `runs` runs.
 */
export function peakMemory({ argv, cwd, runs = 3, prepare }) {
  const values = [];
  const timeBin = existsSync('/usr/bin/time') ? '/usr/bin/time' : undefined;
  let method;
  for (let i = 0; i < runs; i++) {
    if (prepare) spawnSync(prepare[0], prepare.slice(1), { cwd, stdio: 'ignore' });
    const dir = mkdtempSync(join(tmpdir(), 'ndraft-rss-'));
    const out = join(dir, 'rss');
    let r;
    if (timeBin) {
      method = '/usr/bin/time -f %M';
      r = spawnSync(timeBin, ['-f', '%M', '-o', out, ...argv], { cwd, stdio: ['ignore', 'ignore', 'pipe'], maxBuffer: 1 << 26 });
    } else {
      method = 'process.resourceUsage().maxRSS (preloaded reporter)';
      const [first, ...rest] = argv;
      // bin/ndraft is a node script: run it under node with the reporter preloaded
      const nodeArgv = first.endsWith('ndraft') ? [process.execPath, '--import', RSS_REPORTER, first, ...rest] : argv;
      r = spawnSync(nodeArgv[0], nodeArgv.slice(1), { cwd, stdio: ['ignore', 'ignore', 'pipe'], env: { ...process.env, NDRAFT_BENCH_RSS_FILE: out } });
    }
    if (r.status !== 0) throw new Error(`${commandLine(argv)} exited ${r.status}: ${r.stderr}`);
    const kb = Number(readFileSync(out, 'utf8').trim().split('\n').pop());
    rmSync(dir, { recursive: true, force: true });
    values.push(kb / 1024);
  }
  return { command: commandLine(argv), method, valuesMB: values, medianMB: stats(values).median, maxMB: Math.max(...values) };
}
