#!/usr/bin/env node
/**
 * Import of the benchmark draft by this checkout and by an earlier revision, in one run, runs
 * interleaved (A B A B …) so that a shared, noisy machine weighs on both alike. Prints each
 * side's median and fastest time and the ratio of medians.
 *
 *   node bench/compare-import.mjs --ref a140b7e [--paragraphs 5000] [--runs 7]
 *
 * The earlier revision is extracted with `git archive` and built with its own build script,
 * as `bench/run.mjs --ref` does.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildRef } from './lib/build-ref.mjs';
import { option } from './lib/options.mjs';

const REPO = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const ref = option('--ref');
if (!ref) throw new Error('give --ref REV, the revision to compare with');
const paragraphs = Number(option('--paragraphs', '5000'));
const runs = Number(option('--runs', '7'));

const work = mkdtempSync(join(tmpdir(), 'ndraft-compare-import-'));
const base = buildRef(REPO, ref).root;
const gen = spawnSync(process.execPath, [join(REPO, 'bench', 'generate-draft.mjs'), '--paragraphs', String(paragraphs), '--seed', '1', '--out', join(work, 'text')], { encoding: 'utf8' });
if (gen.status !== 0) throw new Error(gen.stderr);
const input = join(work, 'text', 'rev1.txt');

const sides = { [ref]: base, current: REPO };
const times = Object.fromEntries(Object.keys(sides).map((k) => [k, []]));
for (let run = 0; run <= runs; run++) {
  for (const [name, root] of Object.entries(sides)) {
    const out = join(work, `out-${name}-${run}`);
    const started = process.hrtime.bigint();
    const r = spawnSync(process.execPath, [join(root, 'bin', 'ndraft'), 'import', input, '--out', out], { encoding: 'utf8' });
    const seconds = Number(process.hrtime.bigint() - started) / 1e9;
    if (r.status !== 0) throw new Error(`${name}: import failed: ${r.stderr}`);
    if (run > 0) times[name].push(seconds); // the first round warms the disk cache
  }
}
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const ms = (s) => `${(s * 1000).toFixed(0)} ms`;
for (const [name, xs] of Object.entries(times)) console.log(`import ${paragraphs} paragraphs, ${name.padEnd(8)} median ${ms(median(xs))}, fastest ${ms(Math.min(...xs))} (${xs.length} runs)`);
console.log(`ratio current ÷ ${ref}: ${(median(times.current) / median(times[ref])).toFixed(2)}×`);
rmSync(work, { recursive: true, force: true });
rmSync(base, { recursive: true, force: true });
