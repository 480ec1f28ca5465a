import { inputError } from '../../diagnostics/diagnostic.js';
import { WORKING_DRAFT } from '../../model/revision-names.js';
import { readRevisionSummaries } from '../../revisions/read-revision.js';
import { revisionFigures } from '../../revisions/record-revision.js';
import type { Counts } from '../../report/counts.js';
import { colorsFor, type Io } from '../io.js';

interface Round {
  revision: string;
  time?: string;
  paragraphs: number;
  agreed: number;
  agreedAdRef: number;
  brackets: number;
  alternatives: number;
}

/**
 * `ndraft status --revisions`: the figures negotiators track from round to round, one row per
 * revision, oldest first, and the draft as it is now, each with its change from the row before.
 */
export async function statusRevisions(dir: string, working: Counts, options: { json?: boolean }, io: Io): Promise<number> {
  const { revisions, diagnostics } = await readRevisionSummaries(dir);
  if (diagnostics.length > 0) throw inputError('revisions cannot be read; fix or remove them', diagnostics);
  const rounds: Round[] = [
    ...revisions.map((r) => ({ revision: r.name, time: r.time, ...pick(r.figures) })),
    { revision: WORKING_DRAFT, ...pick(revisionFigures(working)) },
  ];
  if (options.json) {
    io.write(`${JSON.stringify(rounds, null, 2)}\n`);
    return 0;
  }
  const c = colorsFor(io);
  const trend = (now: number, before: number | undefined, goodWhenUp: boolean) => {
    if (before === undefined || now === before) return String(now);
    const delta = now - before;
    const text = `${now} (${delta > 0 ? '+' : '−'}${Math.abs(delta)})`;
    return delta > 0 === goodWhenUp ? c.green(text) : c.red(text);
  };
  const rows = [['Revision', 'Date (UTC)', 'Agreed', 'Brackets', 'Alts']];
  const plain = [rows[0] as string[]];
  rounds.forEach((round, i) => {
    const prev = rounds[i - 1];
    const cells = [
      round.revision,
      round.time ? round.time.slice(0, 16).replace('T', ' ') : '(now)',
      trend(round.agreed + round.agreedAdRef, prev && prev.agreed + prev.agreedAdRef, true),
      trend(round.brackets, prev?.brackets, false),
      trend(round.alternatives, prev?.alternatives, false),
    ];
    rows.push(cells);
    plain.push(cells.map((cell) => cell.replace(/\u001b\[\d+m/g, '')));
  });
  const widths = (plain[0] as string[]).map((_, k) => Math.max(...plain.map((row) => (row[k] as string).length)));
  const lines = rows.map((row, i) =>
    row.map((cell, k) => {
      const pad = (widths[k] ?? 0) - (plain[i]?.[k] as string).length;
      return k < 2 ? cell + ' '.repeat(pad) : ' '.repeat(pad) + cell;
    }).join('  '),
  );
  lines[0] = c.bold(lines[0] as string);
  io.write(`${lines.join('\n')}\n${c.dim('Agreed: paragraphs agreed or agreed ad ref; Brackets: open [brackets] in the text; Alts: alternatives on the table; (+n) since the row above.')}\n`);
  return 0;
}

function pick(f: ReturnType<typeof revisionFigures>): Omit<Round, 'revision' | 'time'> {
  return { paragraphs: f.paragraphs, agreed: f.agreed, agreedAdRef: f.agreedAdRef, brackets: f.brackets, alternatives: f.alternatives };
}
