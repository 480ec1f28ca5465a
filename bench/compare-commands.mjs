#!/usr/bin/env node
/**
 * Commands timed with this checkout and with an earlier revision in one run, the two sides
 * interleaved (ref, current, current, ref, …: the order swaps each round) so that a shared,
 * noisy machine weighs on both alike. Prints each side's median and fastest time, and the ratio
 * of the medians; with /usr/bin/time, also each side's median CPU time (user + system), which a
 * busy machine disturbs far less than the wall time. How a change meant to make commands faster
 * is shown to do so.
 *
 *   node bench/compare-commands.mjs --ref <rev> [--paragraphs 5000] [--runs 5] [--only id,id]
 *
 * Rows: `import` of the generated draft (the previous run's output moved aside first, see
 * lib/move-aside.mjs), `status`, `show`, `export` (text), `validate`, `positions`, the same
 * three with no parse cache (`<draft>/.ndraft/` removed first), and every writer of lib/writers.mjs
 * (each run taken back by its untimed cleanup). Each side works on a draft it imported itself.
 * The earlier revision is built from `git archive` (lib/build-ref.mjs); nothing in the
 * repository changes.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildRef } from './lib/build-ref.mjs';
import { stats, timeOnce } from './lib/harness.mjs';
import { writerRows } from './lib/writers.mjs';

const HERE = dirname(fileURLToPath(import.meta.url));
const REPO = resolve(HERE, '..');
const args = process.argv.slice(2);
const option = (name, fallback) => {
  const i = args.indexOf(name);
  return i >= 0 ? args[i + 1] : fallback;
};
const ref = option('--ref');
if (!ref) throw new Error('give --ref REV, the revision to compare with');
const paragraphs = Number(option('--paragraphs', '5000'));
const runs = Number(option('--runs', '5'));
const only = option('--only')?.split(',');

const work = mkdtempSync(join(tmpdir(), 'ndraft-compare-'));
const base = buildRef(REPO, ref).root;
const gen = spawnSync(process.execPath, [join(HERE, 'generate-draft.mjs'), '--paragraphs', String(paragraphs), '--seed', '1', '--out', join(work, 'text')], { encoding: 'utf8' });
if (gen.status !== 0) throw new Error(gen.stderr);
const input = join(work, 'text', 'rev1.txt');
const manifest = JSON.parse(readFileSync(join(work, 'text', 'manifest.json'), 'utf8'));

const run = (argv, what) => {
  const r = spawnSync(argv[0], argv.slice(1), { encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`${what ?? argv.join(' ')} failed: ${r.stderr}`);
};

/** Each side's rows, by id, on a draft of its own. */
const sides = [
  { name: ref, root: base },
  { name: 'current', root: REPO },
].map(({ name, root }, k) => {
  const bin = join(root, 'bin', 'ndraft');
  const draft = join(work, `draft-${k}`);
  run([process.execPath, bin, 'import', input, '--out', draft], `${name}: import`);
  const imported = join(work, `imported-${k}`);
  const rows = [
    {
      id: 'import',
      label: `import (${(manifest.bytes.rev1 / 1e6).toFixed(1)} MB)`,
      argv: [bin, 'import', input, '--out', imported],
      prepare: [process.execPath, join(HERE, 'lib', 'move-aside.mjs'), imported, join(work, 'trash')],
    },
    { id: 'status', label: 'status', argv: [bin, 'status', '--draft', draft] },
    { id: 'show', label: `show ${manifest.showParagraph}`, argv: [bin, 'show', manifest.showParagraph, '--draft', draft] },
    { id: 'export', label: 'export (text)', argv: [bin, 'export', '--draft', draft, '-o', join(work, `export-${k}.txt`), '--force'] },
    { id: 'validate', label: 'validate', argv: [bin, 'validate', '--draft', draft] },
    { id: 'positions', label: 'positions', argv: [bin, 'positions', '--draft', draft] },
    // A fresh clone: the parse cache removed before each run (`.ndraft/` holds nothing else the commands need).
    ...['validate', 'status', 'export'].map((command) => ({
      id: `${command}-no-cache`,
      label: `${command}, no parse cache`,
      argv: [bin, command, '--draft', draft, ...(command === 'export' ? ['-o', join(work, `export-${k}.txt`), '--force'] : [])],
      prepare: ['rm', '-rf', join(draft, '.ndraft')],
    })),
    ...writerRows(bin, draft, manifest),
  ];
  return { name, rows: new Map(rows.filter((r) => !only || only.includes(r.id)).map((r) => [r.id, r])) };
});

process.stderr.write(`load average at the start: ${loadavg().map((x) => x.toFixed(2)).join(' ')}\n`);
const TIME = existsSync('/usr/bin/time') ? '/usr/bin/time' : undefined;
const cpuFile = join(work, 'cpu');
/** The command's wall time (s), and its CPU time (s) when /usr/bin/time is there to tell it. */
async function timed(argv) {
  const seconds = await timeOnce(TIME ? [TIME, '-f', '%U %S', '-o', cpuFile, ...argv] : argv, work);
  if (!TIME) return { seconds };
  const [user, system] = readFileSync(cpuFile, 'utf8').trim().split('\n').pop().split(' ').map(Number);
  return { seconds, cpu: user + system };
}

const results = [];
for (const id of sides[1].rows.keys()) {
  const times = sides.map(() => []);
  const cpus = sides.map(() => []);
  for (let round = 0; round <= runs; round++) {
    const order = round % 2 === 0 ? [0, 1] : [1, 0];
    for (const k of order) {
      const row = sides[k].rows.get(id);
      if (!row) continue;
      if (row.prepare) run(row.prepare);
      const { seconds, cpu } = await timed(row.argv);
      if (row.cleanup) spawnSync(row.cleanup[0], row.cleanup.slice(1), { stdio: 'ignore' });
      // the first round warms the disk cache and the parse cache
      if (round > 0) {
        times[k].push(seconds);
        if (cpu !== undefined) cpus[k].push(cpu);
      }
    }
  }
  const [a, b] = times.map((t) => (t.length ? stats(t) : undefined));
  const [ca, cb] = cpus.map((t) => (t.length ? stats(t) : undefined));
  const label = sides[1].rows.get(id).label;
  const ms = (s) => (s === undefined ? '—' : `${(s * 1000).toFixed(0)} ms`);
  const ratio = (x, y) => (x && y ? `${(y.median / x.median).toFixed(2)}×` : '');
  const cpu = cb ? `   CPU ${ms(ca?.median)} → ${ms(cb.median)} ${ratio(ca, cb)}` : '';
  const line = `${label.padEnd(42)} ${ref}: ${ms(a?.median)} (fastest ${ms(a?.min)})   current: ${ms(b.median)} (fastest ${ms(b.min)})   ${ratio(a, b)}${cpu}`;
  process.stdout.write(`${line}\n`);
  results.push({ id, label, ref: a, current: b, cpuRef: ca, cpuCurrent: cb });
}
process.stderr.write(`load average at the end: ${loadavg().map((x) => x.toFixed(2)).join(' ')}\n`);
const json = join(tmpdir(), `ndraft-compare-${Date.now()}.json`);
writeFileSync(json, `${JSON.stringify({ ref, paragraphs, runs, results }, null, 2)}\n`);
process.stderr.write(`every time: ${json}\n`);
rmSync(work, { recursive: true, force: true });
rmSync(base, { recursive: true, force: true });
