import type { DocxSummary } from '../importer/docx/read-docx-source.js';

/** The lines the import summary adds for a Word document: what came from where. */
export function describeDocxImport(summary: DocxSummary): { summary: string[]; json: Record<string, unknown> } {
  const lines = [`format        Word (.docx)${summary.madeByNdraft ? `, written by ndraft: ${summary.exportFurniture} lines of its legend, positions and notes read back` : ''}`];
  if (summary.numbered > 0) lines.push(`numbering     ${summary.numbered} ${plural(summary.numbered, 'number')} and item labels computed from Word's list numbering`);
  if (summary.headings > 0) lines.push(`headings      ${summary.headings} from heading styles`);
  for (const [author, counts] of summary.tracked.authors) {
    const changed = [counts.insertions > 0 ? `${counts.insertions} ${plural(counts.insertions, 'insertion')}` : '', counts.deletions > 0 ? `${counts.deletions} ${plural(counts.deletions, 'deletion')}` : '', counts.moves > 0 ? `${counts.moves} ${plural(counts.moves, 'move')}` : '', counts.formatting > 0 ? `${counts.formatting} formatting ${plural(counts.formatting, 'change')} (not imported)` : ''].filter((s) => s !== '');
    const alternatives = summary.alternatives.get(author) ?? 0;
    const outcome = summary.trackedMode === 'accept' ? 'accepted' : summary.trackedMode === 'reject' ? 'rejected' : `${alternatives} ${plural(alternatives, 'alternative')} proposed by ${author}`;
    lines.push(`tracked       ${author}: ${changed.join(', ')} → ${outcome}`);
  }
  if (summary.comments > 0) lines.push(`comments      ${summary.comments} kept as notes of the paragraphs they are anchored to`);
  if (summary.footnotes > 0) lines.push(`footnotes     ${summary.footnotes} kept as notes of the paragraphs citing them`);
  if (summary.compilationTables > 0) lines.push(`tables        ${summary.compilationTables} compilation ${plural(summary.compilationTables, 'table')}: ${summary.tableProposals} ${plural(summary.tableProposals, 'proposal')} as alternatives`);
  const json = {
    format: 'docx',
    madeByNdraft: summary.madeByNdraft,
    numbered: summary.numbered,
    headings: summary.headings,
    trackedChanges: { mode: summary.trackedMode, authors: Object.fromEntries([...summary.tracked.authors].map(([a, c]) => [a, { ...c, alternatives: summary.alternatives.get(a) ?? 0 }])) },
    comments: summary.comments,
    footnotes: summary.footnotes,
    compilationTables: summary.compilationTables,
    tableProposals: summary.tableProposals,
  };
  return { summary: lines, json };
}

function plural(n: number, word: string): string {
  return n === 1 ? word : `${word}s`;
}
