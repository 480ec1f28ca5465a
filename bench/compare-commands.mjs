#!/usr/bin/env node
/**
 * Commands timed with this checkout and with an earlier revision in one run, the two sides
 * interleaved (ref, current, current, ref, …: the order swaps each round) so that a shared,
 * noisy machine weighs on both alike. Prints each side's median and fastest time, and the ratio
 * of the medians; with /usr/bin/time, also each side's median CPU time (user + system), which a
 * busy machine disturbs far less than the wall time, and its median peak memory. How a change meant to make commands faster
 * is shown to do so.
 *
 *   node bench/compare-commands.mjs --ref <rev> [--paragraphs 5000] [--runs 5] [--only id,id]
 *
 * Rows: `import` of the generated draft (the previous run's output moved aside first, see
 * lib/move-aside.mjs), `status`, `show`, `export` (text), `export-docx`, `export-pdf`, `export-html`,
 * `export-html-lines`, `export-md`, `export-json`, `export-akn`, `export-agreed-only`, `export-docx-lines`,
 * `export-pdf-lines` (`-lines`: `--line-numbers`), `validate`, `positions`, the
 * same three with no parse cache (`<draft>/.ndraft/` removed first), every writer of lib/writers.mjs
 * (each run taken back by its untimed cleanup); `compare-working` / `compare-revisions`: `compare import`
 * and `compare import Rev.2` on a copy of the draft into which the 20 %-reworded rev2.txt was
 * imported as Rev.2 (made only when one of them is asked for), and `export-changes-since` (`export --format md
 * --changes-since import`) on the same copy, and `reconcile-dry-run` (`reconcile <the imported draft> --dry-run` into that copy, the
 * common revision "import"); `compare-git`: `compare --git HEAD~1 HEAD` in a repository
 * holding rev1 then rev2 committed (lib/commit-both-revisions.mjs); `log-revisions`: `log N --revisions` on the
 * draft given 10,000 history entries and 50 revisions (lib/make-history.mjs); the imports of bench/run.mjs: `import-into`
 * (rev2.txt into a copy of the draft as Rev.2, an untimed undo before each run),
 * `import-docx` (the draft's DOCX compilation export, exported untimed, imported as a new
 * draft) and `import-word-into` (the same DOCX read back into a copy of the draft); `import-pdf`, only when
 * named in --only: the draft's rev1.txt printed to PDF by LibreOffice (`soffice`, as bench/run.mjs
 * makes its PDF row: some 130 pages for --paragraphs 1000), imported as a new draft. Each side works on a draft it imported itself.
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
import { commitBothRevisions } from './lib/commit-both-revisions.mjs';
import { EXPORT_FORMAT_ROWS } from './lib/export-formats.mjs';
import { option } from './lib/options.mjs';

const HERE = dirname(fileURLToPath(import.meta.url));
const REPO = resolve(HERE, '..');
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

// The PDF both sides import, printed once (LibreOffice takes seconds): only when its row is named.
const pdf = join(work, 'rev1.pdf');
if (only?.includes('import-pdf')) {
  run(['soffice', '--headless', '--norestore', `-env:UserInstallation=file://${join(work, 'soffice-profile')}`, '--convert-to', 'pdf', '--outdir', work, input], 'soffice: print rev1.txt to PDF');
  if (!existsSync(pdf)) throw new Error('LibreOffice did not print rev1.txt to PDF');
}

/** Each side's rows, by id, on a draft of its own. */
const sides = [
  { name: ref, root: base },
  { name: 'current', root: REPO },
].map(({ name, root }, k) => {
  const bin = join(root, 'bin', 'ndraft');
  const draft = join(work, `draft-${k}`);
  run([process.execPath, bin, 'import', input, '--out', draft], `${name}: import`);
  const imported = join(work, `imported-${k}`);
  // The revisions rows (issue 11): a copy of the draft holding the 20 %-reworded revision, imported into it as Rev.2.
  const revised = join(work, `revised-${k}`);
  if (!only || only.some((id) => id.startsWith('compare-') || id === 'export-changes-since' || id === 'reconcile-dry-run')) {
    run(['cp', '-r', draft, revised]);
    run([process.execPath, bin, 'import', join(work, 'text', 'rev2.txt'), '--into', revised, '--as', 'Rev.2'], `${name}: import --into`);
  }
  // The rows of the other imports work on copies of their own, made only when asked for.
  const wanted = (id) => !only || only.includes(id);
  const into = join(work, `into-${k}`);
  if (wanted('import-into')) run([process.execPath, bin, 'import', input, '--out', into], `${name}: import`);
  const docx = join(work, `export-${k}.docx`);
  const word = join(work, `word-${k}`);
  if (wanted('import-docx') || wanted('import-word-into')) {
    run([process.execPath, bin, 'export', '--draft', draft, '--format', 'docx', '-o', docx, '--force'], `${name}: export docx`);
    run([process.execPath, bin, 'import', input, '--out', word], `${name}: import`);
  }
  const fromDocx = join(work, `from-docx-${k}`);
  // compare --git: rev1 and rev2 committed one after the other in a repository of their own (as bench/run.mjs makes it).
  const inGit = join(work, `git-${k}`);
  if (wanted('compare-git')) {
    run([process.execPath, bin, 'import', input, '--out', inGit], `${name}: import`);
    run([process.execPath, bin, 'import', join(work, 'text', 'rev2.txt'), '--out', `${inGit}-rev2`], `${name}: import rev2`);
    if (!commitBothRevisions(inGit, `${inGit}-rev2`)) throw new Error(`${name}: git failed`);
  }
  // log N --revisions: the draft given 10,000 history entries and 50 revisions (lib/make-history.mjs, with this side's own serialisers).
  const history = join(work, `history-${k}`);
  if (wanted('log-revisions')) {
    run([process.execPath, bin, 'import', input, '--out', history], `${name}: import`);
    run([process.execPath, join(HERE, 'lib', 'make-history.mjs'), '--root', root, '--draft', history], `${name}: make-history`);
  }
  const fromPdf = join(work, `from-pdf-${k}`);
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
    { id: 'export-docx', label: 'export --format docx', argv: [bin, 'export', '--draft', draft, '--format', 'docx', '-o', join(work, `export-${k}.docx`), '--force'] },
    { id: 'export-pdf', label: 'export --format pdf', argv: [bin, 'export', '--draft', draft, '--format', 'pdf', '-o', join(work, `export-${k}.pdf`), '--force'] },
    // The other formats and the line-numbered ones, as bench/run.mjs times them.
    ...EXPORT_FORMAT_ROWS.map((f) => ({ id: f.id, label: f.label, argv: [bin, 'export', '--draft', draft, ...f.args, '-o', join(work, `export-${k}.${f.ext}`), '--force'] })),
    { id: 'compare-working', label: 'compare import (working draft)', argv: [bin, 'compare', 'import', '--draft', revised] },
    { id: 'compare-revisions', label: 'compare import Rev.2', argv: [bin, 'compare', 'import', 'Rev.2', '--draft', revised] },
    { id: 'compare-git', label: 'compare --git HEAD~1 HEAD (20 % reworded)', argv: [bin, 'compare', '--git', 'HEAD~1', 'HEAD', '--format', 'plain', '--draft', inGit] },
    {
      id: 'export-changes-since',
      label: 'export --format md --changes-since import',
      argv: [bin, 'export', '--format', 'md', '--changes-since', 'import', '--draft', revised, '-o', join(work, `changes-${k}.md`), '--force'],
    },
    // As bench/run.mjs times it: the imported draft (revision "import" as it was) merged into the revised copy, not written.
    { id: 'reconcile-dry-run', label: 'reconcile <imported copy> --dry-run (base "import")', argv: [bin, 'reconcile', draft, '--dry-run', '--draft', revised] },
    { id: 'log-revisions', label: `log ${manifest.showParagraph} --revisions (10,000 entries, 50 revisions)`, argv: [bin, 'log', manifest.showParagraph, '--revisions', '--draft', history] },
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
    {
      id: 'import-into',
      label: 'import rev2.txt --into (20 % reworded)',
      argv: [bin, 'import', join(work, 'text', 'rev2.txt'), '--into', into, '--as', 'Rev.2'],
      prepare: ['sh', '-c', `${JSON.stringify(bin)} undo --draft ${JSON.stringify(into)} >/dev/null 2>&1 || true`],
    },
    { id: 'import-docx', label: 'import of the .docx compilation export', argv: [bin, 'import', docx, '--out', fromDocx], prepare: [process.execPath, join(HERE, 'lib', 'move-aside.mjs'), fromDocx, join(work, 'trash')] },
    { id: 'import-word-into', label: 'import their.docx --into (Word copy back)', argv: [bin, 'import', docx, '--into', word] },
    ...(existsSync(pdf) ? [{ id: 'import-pdf', label: 'import of rev1.txt printed to PDF', argv: [bin, 'import', pdf, '--out', fromPdf], prepare: [process.execPath, join(HERE, 'lib', 'move-aside.mjs'), fromPdf, join(work, 'trash')] }] : []),
  ];
  return { name, rows: new Map(rows.filter((r) => !only || only.includes(r.id)).map((r) => [r.id, r])) };
});

process.stderr.write(`load average at the start: ${loadavg().map((x) => x.toFixed(2)).join(' ')}\n`);
const TIME = existsSync('/usr/bin/time') ? '/usr/bin/time' : undefined;
const cpuFile = join(work, 'cpu');
/** The command's wall time (s), and its CPU time (s) and peak memory (KB) when /usr/bin/time is there to tell them. */
async function timed(argv) {
  const seconds = await timeOnce(TIME ? [TIME, '-f', '%U %S %M', '-o', cpuFile, ...argv] : argv, work);
  if (!TIME) return { seconds };
  const [user, system, rss] = readFileSync(cpuFile, 'utf8').trim().split('\n').pop().split(' ').map(Number);
  return { seconds, cpu: user + system, rss };
}

const results = [];
for (const id of sides[1].rows.keys()) {
  const times = sides.map(() => []);
  const cpus = sides.map(() => []);
  const rsss = sides.map(() => []);
  for (let round = 0; round <= runs; round++) {
    const order = round % 2 === 0 ? [0, 1] : [1, 0];
    for (const k of order) {
      const row = sides[k].rows.get(id);
      if (!row) continue;
      if (row.prepare) run(row.prepare);
      const { seconds, cpu, rss } = await timed(row.argv);
      if (row.cleanup) spawnSync(row.cleanup[0], row.cleanup.slice(1), { stdio: 'ignore' });
      // the first round warms the disk cache and the parse cache
      if (round > 0) {
        times[k].push(seconds);
        if (cpu !== undefined) cpus[k].push(cpu);
        if (rss !== undefined) rsss[k].push(rss);
      }
    }
  }
  const [a, b] = times.map((t) => (t.length ? stats(t) : undefined));
  const [ca, cb] = cpus.map((t) => (t.length ? stats(t) : undefined));
  const [ra, rb] = rsss.map((t) => (t.length ? stats(t) : undefined));
  const label = sides[1].rows.get(id).label;
  const ms = (s) => (s === undefined ? '—' : `${(s * 1000).toFixed(0)} ms`);
  const ratio = (x, y) => (x && y ? `${(y.median / x.median).toFixed(2)}×` : '');
  const mb = (s) => (s === undefined ? '—' : `${(s.median / 1024).toFixed(0)} MB`);
  const cpu = cb ? `   CPU ${ms(ca?.median)} → ${ms(cb.median)} ${ratio(ca, cb)}   peak ${mb(ra)} → ${mb(rb)}` : '';
  const line = `${label.padEnd(42)} ${ref}: ${ms(a?.median)} (fastest ${ms(a?.min)})   current: ${ms(b.median)} (fastest ${ms(b.min)})   ${ratio(a, b)}${cpu}`;
  process.stdout.write(`${line}\n`);
  results.push({ id, label, ref: a, current: b, cpuRef: ca, cpuCurrent: cb, rssRef: ra, rssCurrent: rb });
}
process.stderr.write(`load average at the end: ${loadavg().map((x) => x.toFixed(2)).join(' ')}\n`);
const json = join(tmpdir(), `ndraft-compare-${Date.now()}.json`);
writeFileSync(json, `${JSON.stringify({ ref, paragraphs, runs, results }, null, 2)}\n`);
process.stderr.write(`every time: ${json}\n`);
rmSync(work, { recursive: true, force: true });
rmSync(base, { recursive: true, force: true });
