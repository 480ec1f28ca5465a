#!/usr/bin/env node
/**
 * CPU profile of one ndraft command, summarised: where does the time go?
 *
 *   node bench/profile.mjs [--root <ndraft checkout>] [--top 25] [--keep] -- status --draft DIR
 *
 * Runs `node --cpu-prof --cpu-prof-interval 200 <root>/bin/ndraft <args>` (a 200 µs sampling
 * interval), reads the .cpuprofile and prints:
 *  - self time by area: each npm package (node_modules/<name>), each dist/ folder, Node's own
 *    module loader and fs, the garbage collector, (program);
 *  - the top functions by self time (name, file:line, ms, share).
 * With --json, prints the same as JSON. The .cpuprofile is kept (and its path printed) with --keep,
 * to open in Chrome DevTools or speedscope.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));

/** Self time (ms) per profile node, from the samples and their time deltas. */
export function selfTimes(profile) {
  const self = new Map();
  const { samples, timeDeltas } = profile;
  for (let i = 0; i < samples.length; i++) {
    // timeDeltas[i] is the time before sample i; attribute it to that sample's node
    const dt = (timeDeltas[i] ?? 0) / 1000;
    self.set(samples[i], (self.get(samples[i]) ?? 0) + dt);
  }
  return self;
}

/** The area a function belongs to, from its script URL. */
export function areaOf(callFrame) {
  const url = callFrame.url ?? '';
  const name = callFrame.functionName;
  if (url === '') {
    if (name === '(garbage collector)') return 'GC';
    if (name === '(program)' || name === '(idle)' || name === '(root)') return name;
    return 'native / builtins';
  }
  const nm = /node_modules\/((?:@[^/]+\/)?[^/]+)\//.exec(url);
  if (nm) return `npm:${nm[1]}`;
  const d = /\/dist\/(.+)$/.exec(url);
  if (d) return `ndraft dist/${d[1].includes('/') ? d[1].split('/')[0] + '/' : d[1]}`;
  if (url.startsWith('node:internal/modules') || url.startsWith('node:internal/vm')) return 'node: module loading';
  if (url.startsWith('node:internal/fs') || url === 'node:fs') return 'node: fs';
  if (url.startsWith('node:')) return `node: ${url.replace(/^node:(internal\/)?/, '').split('/')[0]}`;
  return url;
}

function functionKey(cf) {
  const file = (cf.url ?? '').replace(/^file:\/\/.*?\/(node_modules|dist)\//, '$1/');
  return `${cf.functionName || '(anonymous)'}  ${file}${file ? `:${cf.lineNumber + 1}` : ''}`;
}

/** Inclusive (total) time per function: each sample counts once for every distinct function on its stack. */
export function inclusiveTimes(profile, self, byId) {
  const parent = new Map();
  for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
  const totals = new Map();
  for (const [id, ms] of self) {
    const seen = new Set();
    for (let cur = id; cur !== undefined; cur = parent.get(cur)) {
      const node = byId.get(cur);
      if (!node) break;
      const key = functionKey(node.callFrame);
      if (seen.has(key)) continue;
      seen.add(key);
      totals.set(key, (totals.get(key) ?? 0) + ms);
    }
  }
  return [...totals.entries()].sort((a, b) => b[1] - a[1]).map(([fn, ms]) => ({ function: fn, ms }));
}

export function summarise(profile, top = 25) {
  const self = selfTimes(profile);
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const total = [...self.values()].reduce((s, x) => s + x, 0);
  const areas = new Map();
  const functions = new Map();
  for (const [id, ms] of self) {
    const node = byId.get(id);
    if (!node) continue;
    const cf = node.callFrame;
    const area = areaOf(cf);
    areas.set(area, (areas.get(area) ?? 0) + ms);
    const key = functionKey(cf);
    functions.set(key, (functions.get(key) ?? 0) + ms);
  }
  const sorted = (m) => [...m.entries()].sort((a, b) => b[1] - a[1]);
  return {
    totalMs: total,
    inclusive: inclusiveTimes(profile, self, byId)
      .filter((f) => /dist\/|parseDocument|safeParse|readFileSync|toJS|import\(|ModuleJob/.test(f.function))
      .slice(0, top)
      .map((f) => ({ ...f, share: f.ms / total })),
    areas: sorted(areas).map(([area, ms]) => ({ area, ms, share: ms / total })),
    functions: sorted(functions)
      .slice(0, top)
      .map(([fn, ms]) => ({ function: fn, ms, share: ms / total })),
  };
}

function format(summary, command) {
  const pct = (x) => `${(x * 100).toFixed(1).padStart(5)} %`;
  const ms = (x) => `${x.toFixed(0).padStart(6)} ms`;
  const lines = [`CPU profile of: ${command}`, `sampled CPU time: ${summary.totalMs.toFixed(0)} ms`, '', 'Self time by area:'];
  for (const a of summary.areas) if (a.share >= 0.002) lines.push(`  ${ms(a.ms)}  ${pct(a.share)}  ${a.area}`);
  lines.push('', 'Inclusive time of ndraft functions and library entry points (a caller includes its callees):');
  for (const f of summary.inclusive) lines.push(`  ${ms(f.ms)}  ${pct(f.share)}  ${f.function}`);
  lines.push('', `Top ${summary.functions.length} functions by self time:`);
  for (const f of summary.functions) lines.push(`  ${ms(f.ms)}  ${pct(f.share)}  ${f.function}`);
  return lines.join('\n');
}

async function main() {
  const argv = process.argv.slice(2);
  const dash = argv.indexOf('--');
  const own = dash >= 0 ? argv.slice(0, dash) : argv;
  const cmdArgs = dash >= 0 ? argv.slice(dash + 1) : [];
  const opt = (name, fallback) => {
    const i = own.indexOf(`--${name}`);
    return i >= 0 ? own[i + 1] : fallback;
  };
  if (cmdArgs.length === 0) {
    process.stderr.write('usage: node bench/profile.mjs [--root DIR] [--top N] [--keep] [--json] -- <ndraft args>\n');
    process.exitCode = 2;
    return;
  }
  const root = resolve(opt('root', join(here, '..')));
  const top = Number(opt('top', '25'));
  const dir = mkdtempSync(join(tmpdir(), 'ndraft-prof-'));
  const nodeArgs = ['--cpu-prof', '--cpu-prof-dir', dir, '--cpu-prof-interval', '200', join(root, 'bin', 'ndraft'), ...cmdArgs];
  const started = process.hrtime.bigint();
  const r = spawnSync(process.execPath, nodeArgs, { stdio: ['ignore', 'ignore', 'pipe'], encoding: 'utf8', maxBuffer: 1 << 28 });
  const wall = Number(process.hrtime.bigint() - started) / 1e6;
  if (r.status !== 0) process.stderr.write(`note: ndraft exited ${r.status}\n${r.stderr.slice(0, 2000)}\n`);
  const file = readdirSync(dir).find((f) => f.endsWith('.cpuprofile'));
  if (!file) throw new Error('no .cpuprofile written');
  const profile = JSON.parse(readFileSync(join(dir, file), 'utf8'));
  const summary = summarise(profile, top);
  const command = `node ${nodeArgs.map((a) => (/\s/.test(a) ? JSON.stringify(a) : a)).join(' ')}`;
  if (own.includes('--json')) process.stdout.write(`${JSON.stringify({ command, wallMs: wall, ...summary }, null, 2)}\n`);
  else process.stdout.write(`${format(summary, command)}\nwall time (with profiling overhead): ${wall.toFixed(0)} ms\n`);
  if (own.includes('--keep')) process.stderr.write(`profile kept: ${join(dir, file)}\n`);
  else rmSync(dir, { recursive: true, force: true });
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) await main();
