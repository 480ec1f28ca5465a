import type { WordProposalsReport } from '../revisions/merge-word-proposals.js';

/**
 * The summary of a delegation's Word copy, one line per delegation and one for what no tracked
 * change says who made: "EU: 3 proposals on 56, 61, 70; 2 notes; 1 new paragraph after 61".
 */
export function describeWordProposals(report: WordProposalsReport): string[] {
  const by = new Map<string, { proposals: string[]; notes: number }>();
  const of = (who: string) => by.get(who) ?? by.set(who, { proposals: [], notes: 0 }).get(who)!;
  for (const p of report.proposals) for (const who of p.proposedBy.length > 0 ? p.proposedBy : ['(unknown)']) of(who).proposals.push(p.address);
  for (const n of report.notes) of(n.author ?? '(no author)').notes++;
  const lines = [...by].map(([who, { proposals, notes }]) =>
    `${who}: ${[proposals.length > 0 ? `${count(proposals.length, 'proposal')} on ${[...new Set(proposals)].join(', ')}` : '', notes > 0 ? count(notes, 'note') : ''].filter((s) => s !== '').join('; ')}`,
  );
  if (report.added.length > 0) lines.push(`${count(report.added.length, 'new paragraph')} (bracketed): ${report.added.map((a) => `${a.address}${a.after !== undefined ? ` after ${a.after}` : ''}`).join(', ')}`);
  if (report.deletionsProposed.length > 0) lines.push(`proposed for deletion (now bracketed): ${report.deletionsProposed.join(', ')}`);
  if (report.onAgreed.length > 0) lines.push(`agreed, so kept as notes (ndraft reopen to make them alternatives): ${report.onAgreed.join(', ')}`);
  if (report.untracked.length > 0) lines.push(`edited without track changes (kept as alternatives): ${report.untracked.join(', ')}`);
  return lines;
}

function count(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}
