import type { ChalkInstance } from 'chalk';
import type { AgreedReworded, ImportIntoReport } from '../revisions/import-into-draft.js';
import { markWords, markersFor } from './render-word-diff.js';

/** What `import --into` has to say on stderr beside the reader's warnings: the agreed paragraphs reworded, loudly, then what could not be kept. */
export function renderImportIntoWarnings(report: ImportIntoReport, c: ChalkInstance): string[] {
  const warning = (message: string, code: string) => `${c.yellow('warning')}: ${message} ${c.dim(`[${code}]`)}`;
  const lines: string[] = [];
  for (const flagged of report.agreedReworded) {
    lines.push(
      [
        `${c.red.bold('AGREED TEXT REWORDED')}: ${warning(agreedRewordedMessage(flagged), 'AGREED_REWORDED')}`,
        ...(flagged.bracketed ? [`  ${flagged.bracketed.after ? 'now bracketed as a whole' : 'no longer bracketed as a whole'}`] : []),
        ...flagged.diffs.map((d) => `  ${d.name}: ${markWords(d.changes, markersFor(c.level > 0 ? 'color' : 'plain', c))}`),
      ].join('\n'),
    );
  }
  for (const removed of report.removedWithWork) {
    lines.push(warning(`paragraph ${removed.address} is not in the new text: removed, and with it what was set on it (${removed.what.join(', ')}); history keeps it ("ndraft log ${removed.address}")`, 'REMOVED_WITH_WORK'));
  }
  for (const address of report.reinstated) {
    lines.push(warning(`paragraph ${address} was deleted in the draft, and the new text prints it again without "(Deleted)": it is open again ("ndraft delete ${address}" deletes it again)`, 'DELETED_REINSTATED'));
  }
  for (const lost of report.dropped) lines.push(warning(`paragraph ${lost.address}: ${lost.what} could not be kept`, 'POSITION_DROPPED'));
  return lines;
}

export function agreedRewordedMessage(flagged: AgreedReworded): string {
  const renumbered = flagged.before !== flagged.after ? ` (now ${flagged.after ?? 'unnumbered'})` : '';
  return `paragraph ${flagged.before ?? flagged.address}${renumbered} was agreed, and the new text rewords it; ${flagged.stillAgreed ? 'the new text still marks it agreed' : 'it is open again'}`;
}

/** The summary on stdout: how the paragraphs were matched, what changed, and the agreed paragraphs reworded named again. */
export function renderImportIntoSummary(report: ImportIntoReport, head: string, total: number, warnings: number, c: ChalkInstance): string {
  const list = (addresses: readonly string[]) => (addresses.length === 0 ? '' : `: ${shortList(addresses)}`);
  const lines = [
    head,
    `  paragraphs    ${total}: ${report.matchedByNumber} matched by number, ${report.matchedByContent} by content (renumbered), ${report.added.length} new`,
    `  unchanged     ${report.unchanged}`,
    `  updated       ${report.updated.length}${list(report.updated)}`,
    `  renumbered    ${report.renumbered.length}${list(report.renumbered.map((r) => `${r.before ?? r.address} → ${r.after ?? 'unnumbered'}`))}`,
    `  added         ${report.added.length}${list(report.added)}`,
    `  removed       ${report.removed.length}${list(report.removed)}`,
  ];
  if (report.agreementKept.length > 0) lines.push(`  kept agreed   ${report.agreementKept.length} (same wording; the new text marks none)${list(report.agreementKept)}`);
  lines.push(
    `  ${report.agreedReworded.length > 0 ? c.red.bold('agreed, now reworded') : 'agreed, now reworded'} ${report.agreedReworded.length}${list(report.agreedReworded.map((f) => f.address))}`,
  );
  if (report.reinstated.length > 0) lines.push(`  reinstated    ${report.reinstated.length} (deleted in the draft, printed again)${list(report.reinstated)}`);
  if (report.dropped.length > 0) lines.push(`  dropped       ${report.dropped.length} (positions or notes with nowhere to go: see the warnings)`);
  lines.push(`  warnings      ${warnings}`);
  return lines.join('\n');
}

function shortList(items: readonly string[]): string {
  return items.length <= 12 ? items.join(', ') : `${items.slice(0, 12).join(', ')} and ${items.length - 12} more`;
}
