import { inputError } from '../../diagnostics/diagnostic.js';
import { readRevisionSummaries } from '../../revisions/read-revision.js';
import { locateDraft } from '../../store/locate-draft.js';
import { colorsFor, type Io } from '../io.js';

export interface RevisionsOptions {
  draft?: string;
  json?: boolean;
}

/** `ndraft revisions`: the revisions recorded, oldest first, with who recorded them and the figures at that point. */
export async function revisionsCommand(options: RevisionsOptions, io: Io): Promise<number> {
  const dir = locateDraft({ explicit: options.draft, cwd: io.cwd });
  const { revisions, diagnostics } = await readRevisionSummaries(dir);
  if (diagnostics.length > 0) throw inputError(`${diagnostics.length === 1 ? 'a revision' : 'revisions'} cannot be read; fix or remove ${diagnostics.length === 1 ? 'it' : 'them'}`, diagnostics);
  if (options.json) {
    io.write(`${JSON.stringify(revisions.map(({ draft: _draft, ...rest }) => rest), null, 2)}\n`);
    return 0;
  }
  const c = colorsFor(io);
  if (revisions.length === 0) {
    io.write('No revisions yet. Record one with "ndraft snapshot <name>", e.g. ndraft snapshot Rev.1\n');
    return 0;
  }
  const rows = [
    ['Revision', 'Date (UTC)', 'Author', 'Paras', 'Agreed', 'Ad ref', 'Open', 'Deleted', 'Brackets', 'Alts'],
    ...revisions.map((r) => {
      const f = r.figures;
      return [r.name, r.time.slice(0, 16).replace('T', ' '), r.author, ...[f.paragraphs, f.agreed, f.agreedAdRef, f.open, f.deleted, f.brackets, f.alternatives].map(String)];
    }),
  ];
  const widths = rows[0]?.map((_, k) => Math.max(...rows.map((row) => (row[k] as string).length))) ?? [];
  const lines = rows.map((row, i) => {
    const line = row.map((cell, k) => (k < 3 ? cell.padEnd(widths[k] ?? 0) : cell.padStart(widths[k] ?? 0))).join('  ');
    const message = i > 0 ? revisions[i - 1]?.message : undefined;
    return i === 0 ? c.bold(line) : message ? `${line}  ${c.dim(message)}` : line;
  });
  io.write(`${lines.join('\n')}\n`);
  return 0;
}
