#!/usr/bin/env node
/**
 * In-process timings from ndraft's built modules (dist/), without process start-up: where a
 * command's time goes, phase by phase, and the cost of the merge/diff algorithms alone.
 * Run as its own process (fresh heap, no JIT state shared with the harness):
 *
 *   node bench/lib/in-process.mjs --root <ndraft checkout> [--draft DIR] [--long DIR --long-number 10] [--repeat 5]
 *
 * Prints one JSON object:
 *   imports:   ms to import each dependency and ndraft module, first import in this process
 *   phases:    for --draft: read files, YAML parse (parseYamlFile), zod (checkSchema), loadDraft
 *              as a whole, checkDraft, computeStatus, renderText; each the median of --repeat runs
 *              after one warm-up run (so these are warm-JIT figures, lower than a CLI run's)
 *   algorithms: for --long: mergeAlternatives (all alternatives) and compareWordings (each
 *              alternative vs the first), medians of 20 runs after 3 warm-ups
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { performance } from 'node:perf_hooks';
import { pathToFileURL } from 'node:url';
import { option } from './options.mjs';

const root = resolve(option('--root', '.'));
const draftDir = option('--draft');
const longDir = option('--long');
const longNumber = option('--long-number', '10');
const repeat = Number(option('--repeat', '5'));

const dist = (p) => pathToFileURL(join(root, 'dist', p)).href;
const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};
// fn may return a promise (loadDraft and checkDraft are async): it is awaited inside the timing
const time = async (fn) => {
  const t = performance.now();
  const value = await fn();
  return { ms: performance.now() - t, value };
};
const timeMedian = async (fn, n, warm = 0) => {
  for (let i = 0; i < warm; i++) await fn();
  const ts = [];
  let value;
  for (let i = 0; i < n; i++) {
    const r = await time(fn);
    ts.push(r.ms);
    value = r.value;
  }
  return { ms: median(ts), runs: ts.map((x) => Math.round(x * 10) / 10), value };
};

const out = { root, imports: {}, phases: {}, algorithms: {} };

// Imports, each the first time in this process (dependencies first, so each figure is its own)
for (const [name, spec] of [
  ['commander', 'commander'],
  ['chalk', 'chalk'],
  ['yaml', 'yaml'],
  ['zod', 'zod'],
  ['diff', 'diff'],
  ['dist/model/schemas.js (zod schemas built)', dist('model/schemas.js')],
  ['dist/store/load-draft.js', dist('store/load-draft.js')],
  ['dist/validate/check-draft.js', dist('validate/check-draft.js')],
  ['dist/cli.js', dist('cli.js')],
]) {
  const t = performance.now();
  // resolve bare names from the ndraft checkout, not from bench/
  const target = spec.startsWith('file:') ? spec : pathToFileURL(join(root, 'node_modules', spec, 'package.json')).href;
  if (spec.startsWith('file:')) await import(target);
  else {
    const { createRequire } = await import('node:module');
    const req = createRequire(target);
    await import(pathToFileURL(req.resolve(spec)).href);
  }
  out.imports[name] = Math.round((performance.now() - t) * 10) / 10;
}

const { loadDraft } = await import(dist('store/load-draft.js'));
const { parseYamlFile } = await import(dist('store/yaml-file.js'));
const { checkSchema } = await import(dist('store/schema-issues.js'));
const { paragraphSchema } = await import(dist('model/schemas.js'));
const { checkDraft } = await import(dist('validate/check-draft.js'));
const { computeStatus } = await import(dist('report/compute-status.js'));
const { renderText } = await import(dist('render/render-text.js'));

if (draftDir) {
  const pdir = join(draftDir, 'paragraphs');
  const names = readdirSync(pdir).filter((n) => n.endsWith('.yaml')).sort();
  // each phase: one untimed warm-up run, then the median of `repeat`
  const read = await timeMedian(() => names.map((n) => readFileSync(join(pdir, n), 'utf8')), repeat, 1);
  const sources = read.value;
  const yaml = await timeMedian(() => sources.map((s, i) => parseYamlFile(join(pdir, names[i]), s)), repeat, 1);
  const files = yaml.value;
  const zod = await timeMedian(() => files.map((f) => checkSchema(paragraphSchema, f)), repeat, 1);
  const load = await timeMedian(() => loadDraft(draftDir), repeat, 1);
  const check = await timeMedian(() => checkDraft(load.value), repeat, 1);
  const status = await timeMedian(() => computeStatus(check.value.draft), repeat, 1);
  const render = await timeMedian(() => renderText(check.value.draft), repeat, 1);
  out.phases = {
    draft: draftDir,
    paragraphFiles: names.length,
    repeat,
    'read paragraph files (readFileSync)': read.ms,
    'YAML parse (parseYamlFile, all files)': yaml.ms,
    'zod (checkSchema paragraphSchema, all files)': zod.ms,
    'loadDraft (as the CLI runs it: with the parse cache when the draft has one)': load.ms,
    'checkDraft (parseNotation, rules, outline)': check.ms,
    computeStatus: status.ms,
    renderText: render.ms,
  };
}

if (longDir) {
  const { mergeAlternatives } = await import(dist('resolve/merge-alternatives.js'));
  const { compareWordings } = await import(dist('diff/compare-wordings.js'));
  const loaded = await loadDraft(longDir);
  const paragraph = loaded.paragraphs.map((p) => p.paragraph).find((p) => p?.number === longNumber);
  if (!paragraph) throw new Error(`no paragraph ${longNumber} in ${longDir}`);
  const merge = await timeMedian(() => mergeAlternatives(paragraph, { labels: [] }), 20, 3);
  const diffAll = await timeMedian(() => compareWordings(paragraph), 20, 3);
  const diffTwo = await timeMedian(() => compareWordings(paragraph, { labels: ['Alt 1', 'Alt 3'] }), 20, 3);
  out.algorithms = {
    paragraph: longNumber,
    alternatives: paragraph.alternatives.length,
    words: paragraph.alternatives.map((a) => a.text.split(/\s+/).length),
    'mergeAlternatives (all alternatives) ms': merge.ms,
    'compareWordings (each alternative vs Alt 1) ms': diffAll.ms,
    'compareWordings (Alt 1 vs Alt 3) ms': diffTwo.ms,
    mergeBrackets: merge.value.result.brackets,
    mergeIssues: merge.value.result.issues.length,
  };
}

process.stdout.write(`${JSON.stringify(out, null, 2)}\n`);
