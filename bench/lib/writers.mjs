/**
 * The commands that change a draft, as the benchmark runs them on a generated draft: each run is
 * taken back afterwards by an untimed `cleanup` (an `undo`, or removing delegations.yaml, which
 * the history does not hold), so that every run makes the same change to the same draft. A
 * `prepare`, when given, puts the draft in the state the command needs (also untimed).
 *
 *   writerRows(bin, draft, manifest) → [{ id, label, argv, prepare?, cleanup }]
 *
 * Used by bench/run.mjs (a row each, on the first size) and bench/compare-commands.mjs (the same
 * commands, this checkout against an earlier revision).
 */
import { join } from 'node:path';

/** `ndraft undo`, `times` times, as one untimed step (sh: no output, failures ignored). */
function undoTimes(bin, draft, times = 1) {
  const one = `${JSON.stringify(bin)} undo --draft ${JSON.stringify(draft)} >/dev/null 2>&1`;
  return ['sh', '-c', Array.from({ length: times }, () => one).join('; ')];
}

export function writerRows(bin, draft, manifest) {
  // An open paragraph with one bracket, and one with five alternatives (a bracket in Alt 4).
  const open = manifest.showParagraph;
  const long = manifest.longParagraph.inDraft;
  const d = ['--draft', draft];
  const undo = undoTimes(bin, draft);
  const row = (id, label, args, extra = {}) => ({ id, label, argv: [bin, ...args, ...d], cleanup: undo, ...extra });
  return [
    row('scope', `scope ${long} --insert-at end`, ['scope', long, '--insert-at', 'end']),
    row('accept', `accept ${long} "Alt 1"`, ['accept', long, 'Alt 1']),
    row('accept-bracket', `accept ${open} --bracket 1 --keep`, ['accept', open, '--bracket', '1', '--keep']),
    row('agree', `agree ${open} (its bracket resolved first)`, ['agree', open], {
      prepare: [bin, 'accept', open, '--bracket', '1', '--keep', ...d],
      cleanup: undoTimes(bin, draft, 2),
    }),
    row('support', `support ${long} "Alt 1" --by EU`, ['support', long, 'Alt 1', '--by', 'EU']),
    row('propose', `propose ${long} --text … --by EU`, ['propose', long, '--text', 'We [also] agree.', '--by', 'EU']),
    row('bracket', `bracket ${open} --words … --by G77`, ['bracket', open, '--words', 'participatory process', '--by', 'G77']),
    row('edit', `edit ${open} --text …`, ['edit', open, '--text', 'Takes note of the [new] text.']),
    row('delete', `delete ${open}`, ['delete', open]),
    row('move', `move ${open} --after the next`, ['move', open, '--after', String(Number(open) + 1)]),
    row('add', `add a paragraph after ${open}`, ['add', 'bench-new', '--after', open, '--text', 'We note the [new] text.']),
    row('note', `note ${open}`, ['note', open, 'A note for the benchmark']),
    row('section-add', 'section add', ['section', 'add', '99', '--title', 'Benchmark']),
    row('section-rename', 'section rename 1', ['section', 'rename', '1', '--title', 'Opening']),
    row('delegation-add', 'delegation add', ['delegation', 'add', 'European Union', '--alias', 'EU'], { cleanup: ['rm', '-f', join(draft, 'delegations.yaml')] }),
    row('undo', `undo (of a note on ${open})`, ['undo'], { prepare: [bin, 'note', open, 'A note to undo', ...d], cleanup: ['true'] }),
    row('snapshot', 'snapshot bench --force', ['snapshot', 'bench', '--force'], { cleanup: ['true'] }),
  ];
}
