#!/usr/bin/env node
/**
 * ndraft's benchmark (issue #5): every figure in one run, against the issue's targets.
 *
 *   npm run bench                 build, then the full run (5,000 and 10,000 paragraphs)
 *   npm run bench:quick           build, then the quick run (1,000 and 2,000 paragraphs; used by test/bench)
 *   node bench/run.mjs [options]
 *
 * Options:
 *   --quick               the quick variant (ratios only, node harness, interleaved runs)
 *   --runs N              timed runs per command (default 5 full, 3 quick); a warm-up run comes first
 *   --harness H           auto (hyperfine when installed), hyperfine, node
 *   --root DIR            the ndraft checkout to measure (default: this one); needs bin/ and dist/
 *   --ref REV             measure a committed revision instead: `git archive REV` into a temp dir,
 *                         node_modules linked from this checkout, built with its `npm run build`
 *                         (read-only for the repository)
 *   --sizes A,B           paragraph counts (default 5000,10000; quick 1000,2000)
 *   --seed S              generator seed (default 1)
 *   --json FILE           where to write the results (default: <os.tmpdir()>/ndraft-bench-<time>.json)
 *   --keep                keep the generated drafts (their folder is printed)
 *   --no-profile          skip the CPU profiles (full run)
 *
 * All commands run the real CLI (<root>/bin/ndraft) as a user would, each several times; the
 * median is reported. Results go to a JSON file in os.tmpdir(), never into the repository.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync, mkdirSync, readFileSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { writeDraftFiles } from './generate-draft.mjs';
import { commandLine, hyperfineVersion, measure, measureInterleaved, measureRounds, peakMemory, timeOnce, whichSync } from './lib/harness.mjs';
import { summarise } from './profile.mjs';
import { buildRef } from './lib/build-ref.mjs';
import { writerRows } from './lib/writers.mjs';
import { commitBothRevisions } from './lib/commit-both-revisions.mjs';
import { EXPORT_FORMAT_ROWS } from './lib/export-formats.mjs';

const HERE = dirname(fileURLToPath(import.meta.url));
/** ndraft's parse cache inside a draft folder (since cd8e891); removed for the "no cache" rows. */
const CACHE_DIR = '.ndraft';
const REPO = resolve(HERE, '..');

/**
 * Bounds of the quick run, checked by test/bench/regression.test.ts. They catch a GROSS
 * regression only: each is several times the ratio measured on the 2-core machine the day the
 * benchmark was written (see bench/README.md), so noise and a busy machine do not trip them.
 */
/** The long-lived draft of the full run: history entries and revisions (bench/lib/make-history.mjs). */
const HISTORY = { entries: 10_000, revisions: 50 };

export const QUICK_BOUNDS = {
  /** status on the 1,000-paragraph draft (parse cache warm) ÷ `node -e ''` (min of the runs); see bench/README.md. */
  statusOverNode: 6,
  /** validate on 2,000 ÷ on 1,000 paragraphs, without the parse cache (min of the runs); see bench/README.md. */
  validate2kOver1k: 3,
};

// ---------------------------------------------------------------------------------------------
// Options

function parseOptions(argv) {
  const o = { quick: false, harness: 'auto', seed: 1, keep: false, profile: true };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    const v = () => argv[++i];
    if (a === '--quick') o.quick = true;
    else if (a === '--runs') o.runs = Number(v());
    else if (a === '--harness') o.harness = v();
    else if (a === '--root') o.root = resolve(v());
    else if (a === '--ref') o.ref = v();
    else if (a === '--sizes') o.sizes = v().split(',').map(Number);
    else if (a === '--seed') o.seed = Number(v());
    else if (a === '--json') o.json = resolve(v());
    else if (a === '--keep') o.keep = true;
    else if (a === '--no-profile') o.profile = false;
    else if (a === '--help' || a === '-h') o.help = true;
    else throw new Error(`unknown option ${a} (see the top of bench/run.mjs)`);
  }
  o.runs ??= o.quick ? 3 : 5;
  o.sizes ??= o.quick ? [1000, 2000] : [5000, 10000];
  return o;
}

// ---------------------------------------------------------------------------------------------
// Formatting

const fmtTime = (s) => (s === undefined ? '—' : s >= 1 ? `${s.toFixed(2)} s` : `${(s * 1000).toFixed(s < 0.1 ? 1 : 0)} ms`);
const fmtRatio = (r) => (r === undefined ? '—' : `${r.toFixed(2)}×`);
const sizeLabel = (n) => (n % 1000 === 0 ? `${n / 1000}k` : String(n));

function table(rows) {
  const head = ['Measurement', 'Median', 'Min', 'Ratio', 'to baseline', 'Target', 'Result'];
  const body = rows.map((r) => [
    r.label,
    r.unit === 'MB' ? `${r.median.toFixed(0)} MB` : fmtTime(r.median),
    r.unit === 'MB' ? `${r.max.toFixed(0)} MB max` : fmtTime(r.min),
    fmtRatio(r.ratio),
    r.baselineLabel ?? '—',
    r.target?.text ?? '—',
    `${r.ok === undefined ? (r.note ?? 'info') : r.ok ? 'OK' : 'MISS'}${r.beyond !== undefined ? ` (+${fmtTime(r.beyond)})` : ''}`,
  ]);
  const widths = head.map((h, i) => Math.max(h.length, ...body.map((b) => String(b[i]).length)));
  const line = (cells) => cells.map((c, i) => (i === 0 || i === 4 || i === 5 ? String(c).padEnd(widths[i]) : String(c).padStart(widths[i]))).join('  ');
  return [line(head), widths.map((w) => '-'.repeat(w)).join('  '), ...body.map(line)].join('\n');
}

function log(text) {
  process.stderr.write(`${text}\n`);
}

// ---------------------------------------------------------------------------------------------
// The checkout to measure

function prepareRef(ref) {
  return buildRef(REPO, ref, log);
}

function describeRoot(root) {
  const commit = spawnSync('git', ['rev-parse', 'HEAD'], { cwd: root, encoding: 'utf8' });
  const dirty = spawnSync('git', ['status', '--porcelain', '--untracked-files=no'], { cwd: root, encoding: 'utf8' });
  return commit.status === 0 ? { commit: commit.stdout.trim(), modifiedFiles: dirty.stdout.split('\n').filter(Boolean).length } : {};
}

// ---------------------------------------------------------------------------------------------
// Runs

async function main() {
  const o = parseOptions(process.argv.slice(2));
  if (o.help) {
    process.stdout.write(readFileSync(fileURLToPath(import.meta.url), 'utf8').split('*/')[0]);
    return;
  }
  let root = o.root ?? REPO;
  let refInfo;
  if (o.ref) {
    refInfo = prepareRef(o.ref);
    root = refInfo.root;
  }
  const BIN = join(root, 'bin', 'ndraft');
  if (!existsSync(join(root, 'dist', 'cli.js'))) throw new Error(`${root}/dist/cli.js is missing: run "npm run build" first`);

  const hf = hyperfineVersion();
  const harness = o.quick ? 'node' : o.harness === 'auto' ? (hf ? 'hyperfine' : 'node') : o.harness;
  if (harness === 'hyperfine' && !hf) throw new Error('hyperfine is not installed (apt-get install -y hyperfine)');

  const work = mkdtempSync(join(tmpdir(), 'ndraft-bench-'));
  const started = new Date();
  const meta = {
    started: started.toISOString(),
    mode: o.quick ? 'quick' : 'full',
    root,
    ...(refInfo ? { ref: o.ref, commit: refInfo.commit } : describeRoot(root)),
    node: process.version,
    cpus: cpus().length,
    cpuModel: cpus()[0]?.model,
    loadavgStart: loadavg(),
    harness,
    hyperfine: hf ?? 'not installed',
    runs: o.runs,
    sizes: o.sizes,
    seed: o.seed,
    work,
  };
  log(`ndraft bench (${meta.mode}): ${root}${meta.commit ? ` @ ${meta.commit.slice(0, 10)}` : ''}${meta.modifiedFiles ? ` (+${meta.modifiedFiles} modified files)` : ''}, harness ${harness}, ${o.runs} runs each, node ${process.version}, ${meta.cpus} CPUs`);
  log(`work folder: ${work}`);

  // Generate
  const gen = {};
  for (const size of o.sizes) {
    const dir = join(work, `gen-${size}`);
    const t = Date.now();
    gen[size] = { dir, manifest: writeDraftFiles(dir, { paragraphs: size, seed: o.seed }), draft: join(work, `draft-${size}`) };
    log(`generated ${size} paragraphs (${(gen[size].manifest.bytes.rev1 / 1e6).toFixed(2)} MB rev1.txt) in ${Date.now() - t} ms`);
  }

  const results = o.quick ? await quickRun({ o, BIN, gen, work, root }) : await fullRun({ o, BIN, gen, work, root, harness });
  meta.loadavgEnd = loadavg();
  meta.seconds = (Date.now() - started.getTime()) / 1000;
  const output = { meta, ...results };
  const jsonPath = o.json ?? join(tmpdir(), `ndraft-bench-${o.quick ? 'quick-' : ''}${started.toISOString().replace(/[:.]/g, '-')}.json`);
  mkdirSync(dirname(jsonPath), { recursive: true });
  writeFileSync(jsonPath, `${JSON.stringify(output, null, 2)}\n`);

  process.stdout.write(`\n${table(results.rows)}\n`);
  if (results.notes?.length) process.stdout.write(`\n${results.notes.join('\n')}\n`);
  process.stdout.write(`\nCommands (exact; $W = ${work}):\n`);
  for (const r of results.rows) if (r.command) process.stdout.write(`  ${r.label}: ${r.command.split(work).join('$W')}\n`);
  process.stdout.write(`\nResults: ${jsonPath}\n`);
  process.stdout.write(`Took ${meta.seconds.toFixed(0)} s; load average ${meta.loadavgStart.map((x) => x.toFixed(2)).join(' ')} → ${meta.loadavgEnd.map((x) => x.toFixed(2)).join(' ')}\n`);
  if (!o.keep) rmSync(work, { recursive: true, force: true });
  if (refInfo && !o.keep) rmSync(refInfo.root, { recursive: true, force: true });
  if (results.failed) process.exitCode = 1;
}

/**
 * `import draft.pdf` (issue 10): the 1,000-paragraph draft's text printed to PDF by LibreOffice
 * (some 130 pages: a PDF as a secretariat's word processor makes it), imported. Full run only:
 * LibreOffice takes seconds, Chromium minutes, for a PDF of this size. pdf.js parses every page
 * (~8 ms of CPU a page, cold), so a PDF import costs more than a text one of the same draft.
 */
async function importPdf({ o, BIN, work, time, moveAside, notes, abs }) {
  if (whichSync('soffice') === undefined) return void notes.push('import of a PDF not measured: no soffice (LibreOffice) on the PATH.');
  const dir = join(work, 'pdf-1000');
  writeDraftFiles(join(dir, 'gen'), { paragraphs: 1000, seed: o.seed });
  const profile = `file://${join(dir, 'profile')}`;
  spawnSync('soffice', ['--headless', '--norestore', `-env:UserInstallation=${profile}`, '--convert-to', 'pdf', '--outdir', dir, join(dir, 'gen', 'rev1.txt')], { stdio: 'ignore', timeout: 600_000 });
  const pdf = join(dir, 'rev1.pdf');
  if (!existsSync(pdf)) return void notes.push('import of a PDF not measured: LibreOffice did not print the 1k draft to PDF.');
  const pages = /\/Type\s*\/Page[^s]/g[Symbol.match](readFileSync(pdf, 'latin1'))?.length ?? 0;
  const out = join(dir, 'draft');
  await time('import-pdf-1000', `import 1k PDF (${pages} pages, LibreOffice)`, [BIN, 'import', pdf, '--out', out], {
    prepare: moveAside(out),
    baseline: 'node-e',
    target: abs(1.5, '< 1.5 s (standing budget)'),
  });
}

/** Imports a generated text with the CLI, untimed (or timed once). */
async function importOnce(BIN, file, out, cwd) {
  rmSync(out, { recursive: true, force: true });
  return timeOnce([BIN, 'import', file, '--out', out], cwd);
}

// ---------------------------------------------------------------------------------------------
// Quick run: ratios that catch a gross regression, for npm test

async function quickRun({ o, BIN, gen, work }) {
  const [small, large] = o.sizes;
  const imports = {};
  for (const size of o.sizes) imports[size] = await importOnce(BIN, join(gen[size].dir, 'rev1.txt'), gen[size].draft, work);
  const entries = [
    { id: 'node-e', label: "node -e ''", argv: ['node', '-e', ''], cwd: work },
    { id: `status-${small}`, label: `status ${sizeLabel(small)}`, argv: [BIN, 'status', '--draft', gen[small].draft], cwd: work, warmup: false },
    // validate without ndraft's parse cache (<draft>/.ndraft/, removed before each run): every file
    // parsed, the path whose cost grows with the draft, as after pulling a new revision
    ...[small, large].map((size) => ({
      id: `validate-${size}`,
      label: `validate ${sizeLabel(size)} (no cache)`,
      argv: [BIN, 'validate', '--draft', gen[size].draft],
      prepare: ['rm', '-rf', join(gen[size].draft, CACHE_DIR)],
      cwd: work,
      warmup: false,
      // the costliest rows: one round fewer keeps the quick run near 10 s
      runs: Math.max(2, o.runs - 1),
    })),
  ];
  // node -e '' gets one untimed round first (the drafts' files are cached already: the imports just wrote them)
  const measured = await measureInterleaved(entries, { runs: o.runs, warmup: 1 });
  const byId = Object.fromEntries(entries.map((e, k) => [e.id, { ...e, ...measured[k] }]));
  const node = byId['node-e'];
  const status = byId[`status-${small}`];
  const v1 = byId[`validate-${small}`];
  const v2 = byId[`validate-${large}`];
  const checks = [
    { name: 'statusOverNode', what: `status ${sizeLabel(small)} ÷ node -e ''`, ratio: status.min / node.min, medianRatio: status.median / node.median, bound: QUICK_BOUNDS.statusOverNode },
    { name: 'validate2kOver1k', what: `validate ${sizeLabel(large)} ÷ validate ${sizeLabel(small)} (no cache)`, ratio: v2.min / v1.min, medianRatio: v2.median / v1.median, bound: QUICK_BOUNDS.validate2kOver1k },
  ].map((c) => ({ ...c, ok: c.ratio < c.bound }));
  const rows = [
    { ...node, baselineLabel: '', note: 'baseline' },
    { ...status, ratio: checks[0].ratio, baselineLabel: "node -e '' (min/min)", target: { text: `< ${QUICK_BOUNDS.statusOverNode}× (gross)` }, ok: checks[0].ok },
    { ...v1, ratio: v1.min / node.min, baselineLabel: "node -e '' (min/min)" },
    { ...v2, ratio: checks[1].ratio, baselineLabel: `validate ${sizeLabel(small)} (min/min)`, target: { text: `< ${QUICK_BOUNDS.validate2kOver1k}× (gross)` }, ok: checks[1].ok },
    ...o.sizes.map((s) => ({ label: `import ${sizeLabel(s)} (1 run)`, median: imports[s], min: imports[s], note: 'info' })),
  ];
  return {
    rows: rows.map(clean),
    quick: { bounds: QUICK_BOUNDS, checks, imports },
    notes: [`Quick run: ratios of the minimum times of interleaved runs (${o.runs} of node -e '' and status, ${Math.max(2, o.runs - 1)} of each validate); bounds catch gross regressions only.`],
    failed: checks.some((c) => !c.ok),
  };
}

function clean(r) {
  const { argv, env, ...rest } = r;
  void argv;
  void env;
  return rest;
}

// ---------------------------------------------------------------------------------------------
// Full run

async function fullRun({ o, BIN, gen, work, root, harness }) {
  const rows = [];
  const notes = [];
  const byId = {};
  const runs = o.runs;
  const add = (row) => {
    byId[row.id] = row;
    rows.push(row);
    const r = row.ratio !== undefined ? `  ${fmtRatio(row.ratio)}` : '';
    log(`  ${row.label.padEnd(44)} ${row.unit === 'MB' ? `${row.median.toFixed(0)} MB` : fmtTime(row.median)}${r}${row.ok === undefined ? (row.note === 'FAILED' ? '  FAILED' : '') : row.ok ? '  OK' : '  MISS'}`);
    return row;
  };
  const time = async (id, label, argv, extra = {}) => {
    let m;
    try {
      m = await measure({ argv, cwd: extra.cwd ?? work, runs: extra.runs ?? runs, warmup: extra.warmup ?? 1, prepare: extra.prepare, cleanup: extra.cleanup, ignoreFailure: extra.ignoreFailure, harness });
    } catch (error) {
      // one failing command must not lose the rest of the run: it is a row of its own
      const row = { id, label, command: commandLine(argv), median: undefined, min: undefined, error: error.message, note: 'FAILED' };
      notes.push(`${label} FAILED: ${error.message.slice(0, 1500)}`);
      return add(row);
    }
    const row = { id, label, ...m };
    if (extra.baseline) {
      const base = byId[extra.baseline];
      row.baseline = extra.baseline;
      row.baselineLabel = base.label;
      row.ratio = base.median ? m.median / base.median : undefined;
    }
    if (extra.target) {
      row.target = extra.target;
      if (extra.target.kind === 'ratio') row.ok = row.ratio !== undefined && row.ratio <= extra.target.value;
      else if (extra.target.kind === 'beyond') {
        // time beyond a baseline's (node -e ''): what the command costs on top of Node starting
        row.beyond = m.median - byId[extra.target.baseline].median;
        row.ok = row.beyond < extra.target.value;
      } else row.ok = m.median < extra.target.value;
    }
    if (extra.note) row.note = extra.note;
    return add(row);
  };
  const [first, second] = o.sizes;
  const L = sizeLabel;
  const wdiff = whichSync('wdiff');
  let coldCache = false;

  // 1. Start-up: short commands, measured in alternating rounds so that the ratios to
  // `node -e ''` survive a neighbour's burst of load
  log('start-up …');
  writeFileSync(join(work, 'empty.mjs'), '');
  const startup = [
    { id: 'node-e', label: "node -e ''", argv: ['node', '-e', ''], cwd: work, note: 'baseline' },
    { id: 'version', label: 'ndraft --version', argv: [BIN, '--version'], cwd: work, target: { kind: 'ratio', value: 1.3, text: "≤ 1.3× node -e ''" } },
    { id: 'help', label: 'ndraft --help', argv: [BIN, '--help'], cwd: work, target: { kind: 'ratio', value: 1.3, text: "≤ 1.3× node -e ''" } },
    // the floor for an ES-module program: node starting its ESM loader on an empty module
    { id: 'node-empty-esm', label: 'node empty.mjs (ESM floor)', argv: ['node', join(work, 'empty.mjs')], cwd: work, note: 'info' },
    ...['commander', 'chalk', 'yaml', 'zod'].map((dep) => ({ id: `import-${dep}`, label: `node -e "import('${dep}')"`, argv: ['node', '-e', `import('${dep}')`], cwd: root, note: 'info' })),
  ];
  const rounds = Math.max(4, Math.ceil(runs * 1.2));
  const startupResults = await measureRounds(startup, { rounds, runsPerRound: 5, warmup: 2, harness });
  startup.forEach((e, k) => {
    const m = startupResults[k];
    const row = { id: e.id, label: e.label, ...m };
    if (e.id !== 'node-e') {
      row.baseline = 'node-e';
      row.baselineLabel = "node -e ''";
      row.ratio = m.median / startupResults[0].median;
      row.ratioOfMins = m.min / startupResults[0].min;
    }
    if (e.target) {
      row.target = e.target;
      row.ok = row.ratio <= e.target.value;
    }
    if (e.note) row.note = e.note;
    add(row);
  });
  notes.push(
    `Start-up, ${rounds} alternating rounds of 5 runs: ratio of the minimum times to node -e '': ` +
      startupResults
        .slice(1)
        .map((m, k) => `${startup[k + 1].label} ${(m.min / startupResults[0].min).toFixed(2)}×`)
        .join(', ') +
      '.',
  );

  // 2. The commands on each size
  for (const size of o.sizes) {
    const g = gen[size];
    const d = g.draft;
    const isFirst = size === first;
    const rel = (cmd) => (isFirst ? undefined : `${cmd}-${first}`);
    const abs = (value, text) => (isFirst ? { kind: 'abs', value, text } : undefined);
    const lin = isFirst ? undefined : { kind: 'ratio', value: 2.2, text: `≤ 2.2× ${L(first)} (linear)` };
    log(`${L(size)} paragraphs …`);
    // The previous run's output is moved aside, not deleted, before each run (see lib/move-aside.mjs).
    const moveAside = (path) => ['node', join(HERE, 'lib', 'move-aside.mjs'), path, join(work, 'trash')];
    await time(`import-${size}`, `import ${L(size)} (${(g.manifest.bytes.rev1 / 1e6).toFixed(1)} MB)`, [BIN, 'import', join(g.dir, 'rev1.txt'), '--out', d], {
      prepare: moveAside(d),
      baseline: rel('import') ?? 'node-e',
      target: abs(1.5, '< 1.5 s (standing budget)') ?? lin,
    });
    await time(`disk-floor-${size}`, `floor: node copies the ${L(size)} draft's files`, ['node', join(HERE, 'lib', 'copy-files.mjs'), d, `${d}-copy`], {
      prepare: moveAside(`${d}-copy`),
      baseline: `import-${size}`,
      note: 'info (÷ import)',
    });
    await time(`validate-${size}`, `validate ${L(size)}`, [BIN, 'validate', '--draft', d], { baseline: rel('validate') ?? 'node-e', target: abs(0.5, '< 0.5 s') ?? lin });
    await time(`status-${size}`, `status ${L(size)}`, [BIN, 'status', '--draft', d], { baseline: rel('status') ?? 'node-e', target: abs(0.5, '< 0.5 s') ?? lin });
    await time(`show-${size}`, `show ${g.manifest.showParagraph} ${L(size)}`, [BIN, 'show', g.manifest.showParagraph, '--draft', d], {
      baseline: rel('show') ?? 'node-e',
      target: abs(0.5, '< 0.5 s (implied)') ?? lin,
    });
    await time(`export-${size}`, `export ${L(size)}`, [BIN, 'export', '--draft', d], { baseline: rel('export') ?? 'node-e', target: abs(0.5, '< 0.5 s') ?? lin });
    // The Word export (the docx circulated to delegations), under the import's budget: a whole document is written.
    await time(`export-docx-${size}`, `export --format docx ${L(size)}`, [BIN, 'export', '--draft', d, '--format', 'docx', '-o', join(work, `export-${size}.docx`), '--force'], {
      baseline: rel('export-docx') ?? 'node-e',
      target: abs(1.5, '< 1.5 s (standing budget)') ?? lin,
    });
    // The PDF, laid out and written by ndraft itself (src/render/pdf/), under the same standing budget.
    await time(`export-pdf-${size}`, `export --format pdf ${L(size)}`, [BIN, 'export', '--draft', d, '--format', 'pdf', '-o', join(work, `export-${size}.pdf`), '--force'], {
      baseline: rel('export-pdf') ?? 'node-e',
      target: abs(1.5, '< 1.5 s (standing budget)') ?? lin,
    });
    // Every other format users export, and the line-numbered ones: the text export's budget, the
    // whole documents (docx, pdf) the standing 1.5 s; on the larger draft, fewer runs (each is linear).
    for (const f of EXPORT_FORMAT_ROWS) {
      const file = join(work, `export-${size}.${f.ext}`);
      const fewer = isFirst ? {} : { runs: Math.max(3, runs - 2) };
      await time(`${f.id}-${size}`, `${f.label} ${L(size)}`, [BIN, 'export', '--draft', d, ...f.args, '-o', file, '--force'], {
        ...fewer,
        baseline: rel(f.id) ?? 'node-e',
        target: abs(f.budget, f.budget === 0.5 ? '< 0.5 s' : '< 1.5 s (standing budget)') ?? lin,
      });
    }
    await time(`positions-${size}`, `positions ${L(size)}`, [BIN, 'positions', '--draft', d], { baseline: rel('positions') ?? 'node-e', target: abs(0.5, '< 0.5 s') ?? lin });
    // A writer: lock, journal, paragraph file and history entry. Each run scopes the long
    // paragraph's alternatives; the untimed prepare step puts them back to whole-text first.
    const long = g.manifest.longParagraph.inDraft;
    await time(`scope-${size}`, `scope ${long} --insert-at end (a write) ${L(size)}`, [BIN, 'scope', long, '--insert-at', 'end', '--draft', d], {
      prepare: [BIN, 'scope', long, '--whole', '--draft', d],
      baseline: rel('scope') ?? 'node-e',
      target: abs(0.5, '< 0.5 s') ?? lin,
    });
    // Revisions: the draft imported (revision "import"), then its files replaced by the reworded
    // revision's (rev2.txt, ~20 % of the paragraphs reworded), as `import --into` or hand edits would.
    const dr = `${d}-revisions`;
    await importOnce(BIN, join(g.dir, 'rev1.txt'), dr, work);
    await importOnce(BIN, join(g.dir, 'rev2.txt'), `${d}-rev2`, work);
    spawnSync('node', [join(HERE, 'lib', 'apply-revision.mjs'), `${d}-rev2`, dr], { stdio: 'inherit' });
    await time(`compare-${size}`, `compare import (20 % reworded) ${L(size)}`, [BIN, 'compare', 'import', '--format', 'plain', '--draft', dr], {
      baseline: rel('compare') ?? 'node-e',
      target: abs(0.5, '< 0.5 s') ?? lin,
    });
    // The first snapshot stores the reworded files (one pack); a run then records it again, storing nothing new.
    const firstSnapshot = await timeOnce([BIN, 'snapshot', 'Rev.2', '--draft', dr], work);
    add({ id: `snapshot-first-${size}`, label: `snapshot Rev.2, 20 % changed (1 run) ${L(size)}`, median: firstSnapshot, min: firstSnapshot, note: 'info' });
    await time(`snapshot-${size}`, `snapshot Rev.2 --force (a write) ${L(size)}`, [BIN, 'snapshot', 'Rev.2', '--force', '--draft', dr], {
      baseline: rel('snapshot') ?? 'node-e',
      target: abs(0.5, '< 0.5 s') ?? lin,
    });
    await time(`compare-revisions-${size}`, `compare import Rev.2 ${L(size)}`, [BIN, 'compare', 'import', 'Rev.2', '--format', 'plain', '--draft', dr], {
      baseline: rel('compare-revisions') ?? 'node-e',
      target: abs(0.5, '< 0.5 s') ?? lin,
    });
    // Tracked changes since the import: every word of the reworded paragraphs marked, attributed (issue 11, part 3).
    await time(`export-changes-${size}`, `export --format md --changes-since import (20 % reworded) ${L(size)}`, [BIN, 'export', '--format', 'md', '--changes-since', 'import', '--draft', dr, '-o', join(work, `changes-${size}.md`), '--force'], {
      baseline: rel('export-changes') ?? 'node-e',
      target: abs(0.5, '< 0.5 s') ?? lin,
    });
    // compare --git: the same two texts committed one after the other in a repository of their
    // own, both read through git (ls-tree, cat-file); the older side's reworded files are new to the cache.
    const dg = join(work, `git-${size}`, 'draft');
    await importOnce(BIN, join(g.dir, 'rev1.txt'), dg, work);
    if (commitBothRevisions(dg, `${d}-rev2`)) {
      await time(`compare-git-${size}`, `compare --git HEAD~1 HEAD (20 % reworded) ${L(size)}`, [BIN, 'compare', '--git', 'HEAD~1', 'HEAD', '--format', 'plain', '--draft', dg], {
        baseline: rel('compare-git') ?? 'node-e',
        target: abs(0.5, '< 0.5 s') ?? lin,
      });
    } else notes.push(`compare --git ${L(size)} not measured: git failed (see above).`);
    // The same reworded revision imported into a copy of the draft as the chair's Rev.2 (import
    // --into): ~1,000 paragraphs updated in one change. An untimed undo before each run takes the
    // previous run's change back, revision Rev.2 with it.
    const di = `${d}-into`;
    await importOnce(BIN, join(g.dir, 'rev1.txt'), di, work);
    await time(`import-into-${size}`, `import --into (20 % reworded) ${L(size)}`, [BIN, 'import', join(g.dir, 'rev2.txt'), '--into', di, '--as', 'Rev.2'], {
      prepare: ['sh', '-c', `${JSON.stringify(BIN)} undo --draft ${JSON.stringify(di)} >/dev/null 2>&1 || true`],
      baseline: rel('import-into') ?? 'node-e',
      target: abs(1.5, '< 1.5 s (as import)') ?? lin,
    });
    // A delegation's Word copy coming back (import their.docx --into): the draft exported to
    // DOCX (untimed) and read back into a fresh copy of itself; the whole document is read and
    // matched, and as the copy proposes nothing, nothing is written.
    const dw = `${d}-word`;
    const docx = join(work, `circulated-${size}.docx`);
    await importOnce(BIN, join(g.dir, 'rev1.txt'), dw, work);
    spawnSync(BIN, ['export', '--format', 'docx', '--draft', dw, '-o', docx], { stdio: 'ignore' });
    await time(`import-word-into-${size}`, `import their.docx --into (Word copy back) ${L(size)}`, [BIN, 'import', docx, '--into', dw], {
      baseline: rel('import-word-into') ?? 'node-e',
      target: abs(1.5, '< 1.5 s (as import)') ?? lin,
    });
    // reconcile: this copy (20 % reworded since "import") and the first draft (rev1 as imported,
    // then the scope runs above) share revision "import"; the whole three-way merge is computed
    // and shown, nothing written, so each run does the same work.
    await time(`reconcile-${size}`, `reconcile (dry run, base "import") ${L(size)}`, [BIN, 'reconcile', d, '--dry-run', '--draft', dr], {
      baseline: rel('reconcile') ?? 'node-e',
      target: abs(0.5, '< 0.5 s') ?? lin,
    });
    // The same two texts through whole-document word diffs, right after, under the same load
    // (issue 11: compare no slower than wdiff; git's word diff for reference).
    const r1 = join(g.dir, 'rev1.txt');
    const r2 = join(g.dir, 'rev2.txt');
    await time(`git-word-diff-${size}`, `git diff --no-index --word-diff rev1 rev2 ${L(size)}`, ['git', 'diff', '--no-index', '--word-diff', r1, r2], { ignoreFailure: true, baseline: `compare-${size}`, note: 'reference (÷ compare)' });
    if (wdiff) {
      await time(`wdiff-${size}`, `wdiff rev1 rev2 ${L(size)}`, [wdiff, r1, r2], { ignoreFailure: true, baseline: `compare-${size}`, note: 'reference (÷ compare)' });
      for (const id of [`compare-${size}`, `compare-revisions-${size}`]) {
        if (!byId[id]?.median || !byId[`wdiff-${size}`]?.median) continue;
        const ratio = byId[id].median / byId[`wdiff-${size}`].median;
        add({ id: `${id}-over-wdiff`, label: `${byId[id].label} ÷ wdiff`, median: undefined, min: undefined, ratio, baselineLabel: `wdiff rev1 rev2 ${L(size)}`, target: { text: '≤ 1× (target)' }, ok: ratio <= 1 });
      }
    } else rows.push({ id: `wdiff-${size}`, label: `wdiff rev1 rev2 ${L(size)}`, median: undefined, min: undefined, note: 'not installed (apt-get install wdiff)' });

    // A long life: 10,000 history entries and 50 revisions (bench/lib/make-history.mjs), the
    // commands that read them. undo takes back one more change each run (the next older one).
    const dh = `${d}-history`;
    await importOnce(BIN, join(g.dir, 'rev1.txt'), dh, work);
    const made = spawnSync(process.execPath, [join(HERE, 'lib', 'make-history.mjs'), '--root', root, '--draft', dh, '--entries', String(HISTORY.entries), '--revisions', String(HISTORY.revisions)], { encoding: 'utf8' });
    if (made.status !== 0) notes.push(`make-history FAILED: ${made.stderr.slice(0, 1500)}`);
    else {
      log(`  history draft: ${made.stdout.trim()}`);
      const last = `Rev.${HISTORY.revisions}`;
      const hist = (id, label, args, extra = {}) =>
        time(`${id}-${size}`, `${label} (${HISTORY.entries / 1000}k entries, ${HISTORY.revisions} revisions) ${L(size)}`, [BIN, ...args, '--draft', dh], { baseline: rel(id) ?? 'node-e', target: abs(0.5, '< 0.5 s') ?? lin, ...extra });
      await hist('log', 'log', ['log']);
      await hist('log-n', 'log -n 20', ['log', '-n', '20']);
      await hist('revisions', 'revisions', ['revisions']);
      await hist('status-revisions', 'status --revisions', ['status', '--revisions']);
      await hist('compare-first-last', `compare Rev.1 ${last}`, ['compare', 'Rev.1', last, '--format', 'plain']);
      await hist('compare-last-two', `compare Rev.${HISTORY.revisions - 1} ${last}`, ['compare', `Rev.${HISTORY.revisions - 1}`, last, '--format', 'plain']);
      await hist('log-revisions', `log ${g.manifest.showParagraph} --revisions`, ['log', g.manifest.showParagraph, '--revisions'], { target: undefined, note: 'info' });
      // --force: the generated entries are signed by eight authors, and undo asks whose change it is.
      await hist('undo', 'undo --force (a write)', ['undo', '--force']);
    }
    if (existsSync(join(d, CACHE_DIR))) {
      // ndraft keeps a parse cache in the draft (import seeds it): the rows above are warm. The same
      // commands without it, as on a fresh clone or after pulling a new revision:
      const cold = { prepare: ['rm', '-rf', join(d, CACHE_DIR)] };
      coldCache = true;
      await time(`validate-cold-${size}`, `validate ${L(size)} (no cache)`, [BIN, 'validate', '--draft', d], {
        ...cold,
        baseline: rel('validate-cold') ?? 'node-e',
        target: abs(0.5, '< 0.5 s') ?? lin,
      });
      await time(`status-cold-${size}`, `status ${L(size)} (no cache)`, [BIN, 'status', '--draft', d], { ...cold, baseline: rel('status-cold') ?? 'node-e', target: abs(0.5, '< 0.5 s') ?? lin });
      await time(`export-cold-${size}`, `export ${L(size)} (no cache)`, [BIN, 'export', '--draft', d], { ...cold, baseline: rel('export-cold') ?? 'node-e', target: abs(0.5, '< 0.5 s') ?? lin });
    }
    if (isFirst) {
      // Every other command that changes the draft (lib/writers.mjs): lock, journal, the files
      // changed, a history entry; each run taken back by an untimed cleanup (an `undo`).
      for (const w of writerRows(BIN, d, g.manifest)) {
        if (w.id === 'scope' || w.id === 'snapshot') continue; // rows of their own above
        await time(`${w.id}-${size}`, `${w.label} ${L(size)}`, w.argv, { prepare: w.prepare, cleanup: w.cleanup, baseline: 'node-e', target: abs(0.5, '< 0.5 s') });
      }
    }
    if (isFirst) {
      await time(`merge-in-${size}`, `merge ${g.manifest.longParagraph.inDraft} (long) in the ${L(size)} draft`, [BIN, 'merge', g.manifest.longParagraph.inDraft, '--draft', d], {
        baseline: 'node-e',
        note: 'info',
      });
      // Word import (issue 10): the draft as ndraft's DOCX export writes it (the export-docx row), imported back.
      const docx = join(work, `export-${size}.docx`);
      const fromDocx = join(work, `from-docx-${size}`);
      await time(`import-docx-${size}`, `import ${L(size)} from .docx (the compilation export)`, [BIN, 'import', docx, '--out', fromDocx], {
        prepare: moveAside(fromDocx),
        baseline: 'node-e',
        target: abs(1.5, '< 1.5 s (Word import)'),
      });
      if (!o.quick) await importPdf({ o, BIN, work, time, moveAside, notes, abs });
    }
  }

  // 3. diff and merge on the long paragraph (a one-paragraph draft: start-up + the algorithm)
  log('long paragraph (five alternatives) …');
  const g0 = gen[first];
  const dl = join(work, 'draft-long');
  await importOnce(BIN, join(g0.dir, 'long.txt'), dl, work);
  const n = g0.manifest.longParagraph.inLong;
  const words = g0.manifest.longParagraph.words;
  await time('validate-long', 'validate (1-paragraph draft)', [BIN, 'validate', '--draft', dl], { baseline: 'node-e', note: 'info' });
  if (second !== undefined) {
    const fixed = byId['validate-long'].median;
    const marginal = (byId[`validate-${second}`].median - fixed) / (byId[`validate-${first}`].median - fixed);
    add({
      id: 'validate-marginal',
      label: `validate ${L(second)}/${L(first)}, fixed cost taken off`,
      median: undefined,
      min: undefined,
      ratio: marginal,
      baselineLabel: '(v10k − v1p) ÷ (v5k − v1p)'.replace('10k', L(second)).replace('5k', L(first)),
      note: 'info (linear: 2)',
    });
  }
  await time('show-long', `show ${n} (1-paragraph draft)`, [BIN, 'show', n, '--draft', dl], { baseline: 'node-e', note: 'info' });
  await time('diff-long-all', `diff ${n}: Alt 2–${words.length} vs Alt 1 (${Math.min(...words)}–${Math.max(...words)} words each)`, [BIN, 'diff', n, '--draft', dl, '--format', 'plain'], { baseline: 'show-long', note: 'info' });
  await time('diff-long-two', `diff ${n} "Alt 1" "Alt 3"`, [BIN, 'diff', n, 'Alt 1', 'Alt 3', '--draft', dl, '--format', 'plain'], { baseline: 'show-long', note: 'info' });
  // Through the CLI Node's own start-up (~110 ms here) is more than the 100 ms target, so the
  // target is held to the time beyond `node -e ''`; the algorithm alone is the in-process row below.
  await time('merge-long', `merge ${n}: 5 alternatives (CLI)`, [BIN, 'merge', n, '--draft', dl], {
    baseline: 'show-long',
    target: { kind: 'beyond', baseline: 'node-e', value: 0.1, text: "< 100 ms beyond node -e ''" },
  });

  // 4. In-process: phases of status, and the algorithms without start-up
  log('in-process phases and algorithms …');
  const inproc = spawnSync(process.execPath, [join(HERE, 'lib', 'in-process.mjs'), '--root', root, '--draft', g0.draft, '--long', dl, '--long-number', n, '--repeat', '3'], {
    encoding: 'utf8',
    maxBuffer: 1 << 26,
  });
  let inProcess;
  if (inproc.status === 0) {
    inProcess = JSON.parse(inproc.stdout);
    const mergeMs = inProcess.algorithms['mergeAlternatives (all alternatives) ms'] / 1000;
    add({ id: 'merge-algo', label: 'merge algorithm alone (in-process)', median: mergeMs, min: undefined, target: { text: '< 100 ms' }, ok: mergeMs < 0.1, command: `node bench/lib/in-process.mjs --root ${root} --long ${dl}` });
    add({ id: 'diff-algo', label: 'diff algorithm alone, 4 pairs (in-process)', median: inProcess.algorithms['compareWordings (each alternative vs Alt 1) ms'] / 1000, min: undefined, note: 'info' });
  } else notes.push(`in-process timings failed: ${inproc.stderr.slice(0, 500)}`);

  // 5. Peak memory
  log('peak memory …');
  for (const size of o.sizes) {
    const g = gen[size];
    const target = size === first ? { text: '< 200 MB' } : undefined;
    const mem = (id, label, argv, prepare) => {
      let m;
      try {
        m = peakMemory({ argv, cwd: work, runs: 3, prepare });
      } catch (error) {
        notes.push(`${label} FAILED: ${error.message.slice(0, 1500)}`);
        return add({ id, label, unit: 'MB', median: NaN, max: NaN, command: commandLine(argv), error: error.message, note: 'FAILED' });
      }
      const row = { id, label, unit: 'MB', median: m.medianMB, max: m.maxMB, command: m.command, method: m.method, values: m.valuesMB };
      if (target) {
        row.target = target;
        row.ok = m.maxMB < 200;
      } else row.note = 'info';
      add(row);
    };
    mem(`mem-import-${size}`, `peak RSS import ${L(size)}`, [BIN, 'import', join(g.dir, 'rev1.txt'), '--out', g.draft], ['rm', '-rf', g.draft]);
    mem(`mem-validate-${size}`, `peak RSS validate ${L(size)}`, [BIN, 'validate', '--draft', g.draft]);
    mem(`mem-status-${size}`, `peak RSS status ${L(size)}`, [BIN, 'status', '--draft', g.draft]);
    mem(`mem-export-${size}`, `peak RSS export ${L(size)}`, [BIN, 'export', '--draft', g.draft]);
    mem(`mem-export-docx-${size}`, `peak RSS export --format docx ${L(size)}`, [BIN, 'export', '--draft', g.draft, '--format', 'docx', '-o', join(work, `mem-${size}.docx`), '--force']);
    mem(`mem-export-pdf-${size}`, `peak RSS export --format pdf ${L(size)}`, [BIN, 'export', '--draft', g.draft, '--format', 'pdf', '-o', join(work, `mem-${size}.pdf`), '--force']);
    if (size === first) {
      // The Word and PDF imports (issue 10), on the files their timed rows read, where those were made.
      const docx = join(work, `export-${size}.docx`);
      if (existsSync(docx)) mem(`mem-import-docx-${size}`, `peak RSS import ${L(size)} from .docx`, [BIN, 'import', docx, '--out', join(work, `mem-from-docx-${size}`)], ['rm', '-rf', join(work, `mem-from-docx-${size}`)]);
      const pdf = join(work, 'pdf-1000', 'rev1.pdf');
      if (existsSync(pdf)) mem('mem-import-pdf-1000', 'peak RSS import 1k PDF', [BIN, 'import', pdf, '--out', join(work, 'mem-from-pdf')], ['rm', '-rf', join(work, 'mem-from-pdf')]);
      for (const f of EXPORT_FORMAT_ROWS) mem(`mem-${f.id}-${size}`, `peak RSS ${f.label} ${L(size)}`, [BIN, 'export', '--draft', g.draft, ...f.args, '-o', join(work, `mem-${size}.${f.ext}`), '--force']);
    }
    mem(`mem-compare-${size}`, `peak RSS compare import Rev.2 ${L(size)}`, [BIN, 'compare', 'import', 'Rev.2', '--format', 'plain', '--draft', `${g.draft}-revisions`]);
    if (byId[`compare-git-${size}`]) mem(`mem-compare-git-${size}`, `peak RSS compare --git HEAD~1 HEAD ${L(size)}`, [BIN, 'compare', '--git', 'HEAD~1', 'HEAD', '--format', 'plain', '--draft', join(work, `git-${size}`, 'draft')]);
    mem(`mem-compare-working-${size}`, `peak RSS compare import (20 % reworded) ${L(size)}`, [BIN, 'compare', 'import', '--format', 'plain', '--draft', `${g.draft}-revisions`]);
    if (existsSync(join(`${g.draft}-history`, 'revisions', `Rev.${HISTORY.revisions}.yaml`))) {
      mem(`mem-log-${size}`, `peak RSS log (${HISTORY.entries / 1000}k entries) ${L(size)}`, [BIN, 'log', '--draft', `${g.draft}-history`]);
      mem(`mem-compare-history-${size}`, `peak RSS compare Rev.1 Rev.${HISTORY.revisions} ${L(size)}`, [BIN, 'compare', 'Rev.1', `Rev.${HISTORY.revisions}`, '--format', 'plain', '--draft', `${g.draft}-history`]);
    }
    if (existsSync(join(g.draft, CACHE_DIR))) {
      const cold = ['rm', '-rf', join(g.draft, CACHE_DIR)];
      mem(`mem-validate-cold-${size}`, `peak RSS validate ${L(size)} (no cache)`, [BIN, 'validate', '--draft', g.draft], cold);
      mem(`mem-status-cold-${size}`, `peak RSS status ${L(size)} (no cache)`, [BIN, 'status', '--draft', g.draft], cold);
    }
  }

  // 6. (The word-diff baselines are measured beside the compare rows, in 2.)
  if (byId[`git-word-diff-${first}`]) {
    notes.push(
      `For scale: git's word diff of the two whole ${L(first)} revisions (${(g0.manifest.bytes.rev1 / 1e6).toFixed(1)} MB each, ${g0.manifest.reworded} paragraphs reworded) takes ${fmtTime(byId[`git-word-diff-${first}`].median)}` +
        `${byId[`wdiff-${first}`]?.median ? `, wdiff ${fmtTime(byId[`wdiff-${first}`].median)}` : ''}; ndraft status on the same draft takes ${fmtTime(byId[`status-${first}`].median)}.`,
    );
  }

  // 7. CPU profiles of status (5k) and --version
  let profiles;
  if (o.profile) {
    log('CPU profiles …');
    profiles = {};
    const targets = [
      [`status ${L(first)}`, ['status', '--draft', g0.draft]],
      ['--version', ['--version']],
    ];
    if (coldCache) targets.splice(1, 0, [`status ${L(first)} (no cache)`, ['status', '--draft', g0.draft], ['rm', '-rf', join(g0.draft, CACHE_DIR)]]);
    for (const [name, args, prepare] of targets) {
      if (prepare) spawnSync(prepare[0], prepare.slice(1));
      const dir = mkdtempSync(join(tmpdir(), 'ndraft-prof-'));
      spawnSync(process.execPath, ['--cpu-prof', '--cpu-prof-dir', dir, '--cpu-prof-interval', '200', BIN, ...args], { stdio: 'ignore', cwd: work });
      const file = spawnSync('sh', ['-c', `ls ${JSON.stringify(dir)}/*.cpuprofile`], { encoding: 'utf8' }).stdout.trim();
      if (file) {
        const s = summarise(JSON.parse(readFileSync(file, 'utf8')), 15);
        profiles[name] = { command: `node --cpu-prof --cpu-prof-interval 200 ${commandLine([BIN, ...args])}`, ...s };
        notes.push(`\nCPU profile, ${name} (${s.totalMs.toFixed(0)} ms sampled) — self time by area: ${s.areas.slice(0, 8).map((a) => `${a.area} ${(a.share * 100).toFixed(0)}%`).join(', ')}`);
        notes.push(`  inclusive: ${s.inclusive.slice(0, 12).map((f) => `${f.function.split('  ')[0]} ${(f.share * 100).toFixed(0)}%`).join(', ')}`);
      }
      rmSync(dir, { recursive: true, force: true });
    }
  }

  if (inProcess) {
    const p = inProcess.phases;
    const ms = (k) => `${p[k].toFixed(0)} ms`;
    notes.push(
      `\nIn-process phases on ${L(first)} (warm JIT, median of ${p.repeat}): read ${ms('read paragraph files (readFileSync)')}, YAML parse ${ms('YAML parse (parseYamlFile, all files)')}, zod ${ms('zod (checkSchema paragraphSchema, all files)')}, ` +
        `loadDraft as the CLI runs it ${ms('loadDraft (as the CLI runs it: with the parse cache when the draft has one)')}, checkDraft ${ms('checkDraft (parseNotation, rules, outline)')}, computeStatus ${ms('computeStatus')}, renderText ${ms('renderText')}.`,
      `Module import (first, in-process): ${Object.entries(inProcess.imports)
        .map(([k, v]) => `${k} ${v} ms`)
        .join(', ')}.`,
    );
  }

  if (coldCache) {
    notes.push(
      `\nThis ndraft keeps a parse cache in <draft>/${CACHE_DIR}/ (import seeds it): rows without "(no cache)" ran with it warm (the warm-up run fills it); "(no cache)" rows removed it before each run.`,
    );
  }
  const missed = rows.filter((r) => r.ok === false).map((r) => r.label);
  notes.push(`\nTargets met: ${rows.filter((r) => r.ok === true).length}; missed: ${missed.length}${missed.length ? ` (${missed.join('; ')})` : ''}.`);
  return { rows, notes, inProcess, profiles };
}

main().catch((error) => {
  process.stderr.write(`bench: ${error.stack ?? error.message}\n`);
  process.exitCode = 2;
});
