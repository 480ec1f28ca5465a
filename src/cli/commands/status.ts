import type { ChalkInstance } from 'chalk';
import { outlineBlocks } from '../../model/outline.js';
import { statusFromCounts, type Counts, type SectionStatus } from '../../report/compute-status.js';
import { colorsFor, type Io } from '../io.js';
import { openDraft } from '../open-draft.js';

export interface StatusOptions {
  draft?: string;
  json?: boolean;
  revisions?: boolean;
}

export async function statusCommand(options: StatusOptions, io: Io): Promise<number> {
  const { dir, meta, counts } = await openDraft(options.draft, io.cwd);
  const status = statusFromCounts(meta, counts);
  if (options.revisions) return (await import('./status-revisions.js')).statusRevisions(dir, status, options, io);
  if (options.json) {
    io.write(`${JSON.stringify(status, null, 2)}\n`);
    return 0;
  }
  const c = colorsFor(io);
  const p = status.paragraphs;
  // The Blocks column only for a draft that has option blocks at all.
  const withBlocks = outlineBlocks(meta.sections).length > 0;
  const lines: string[] = [
    c.bold(status.title),
    `${p.total} paragraphs: ${c.green(`${p.agreed} agreed`)}, ${c.cyan(`${p.agreedAdRef} agreed ad ref`)}, ${c.yellow(`${p.open} open`)}, ${p.deleted} deleted` +
      `; ${status.brackets} open bracket${status.brackets === 1 ? '' : 's'}, ${status.bracketedParagraphs} bracketed paragraph${status.bracketedParagraphs === 1 ? '' : 's'}, ${status.alternatives} alternative${status.alternatives === 1 ? '' : 's'}` +
      (withBlocks ? `, ${status.optionBlocks} open option block${status.optionBlocks === 1 ? '' : 's'}` : ''),
    '',
  ];
  const rows: string[][] = [['Section', 'Paras', 'Agreed', 'Ad ref', 'Open', 'Deleted', 'Brackets', '[Para]', 'Alts', ...(withBlocks ? ['Blocks'] : [])]];
  const add = (s: SectionStatus, indent: string, first: boolean) => {
    rows.push([`${indent}${[s.label ?? s.number, s.title].filter(Boolean).join(' ') || (first ? '(before any heading)' : '(untitled section)')}`, ...numbers(s, withBlocks)]);
    for (const sub of s.subsections) add(sub, `${indent}  `, false);
  };
  status.sections.forEach((s, at) => add(s, '', at === 0));
  rows.push(['Total', ...numbers(status, withBlocks)]);

  const titleWidth = Math.min(48, Math.max(...rows.map((r) => (r[0] as string).length)));
  const sections = [...flatten(status.sections)];
  rows.forEach((row, i) => {
    const name = fit(row[0] as string, titleWidth);
    const cells = row.slice(1).map((cell, k) => cell.padStart(k === 0 ? 5 : (rows[0]?.[k + 1]?.length ?? 5)));
    let line = `${name}  ${cells.join('  ')}`;
    if (i === 0) line = c.bold(line);
    else if (io.stdoutIsTTY) {
      const counts = i === rows.length - 1 ? status : sections[i - 1];
      if (counts) line += `  ${progressBar(counts, c)}`;
    }
    lines.push(line);
  });
  lines.push('', c.dim(`Brackets: open [brackets] in the text; [Para]: paragraphs bracketed as a whole; Alts: alternatives on the table${withBlocks ? '; Blocks: option blocks with more than one option still live' : ''}.`));
  io.write(`${lines.join('\n')}\n`);
  return 0;
}

function numbers(c: Counts & { optionBlocks: number }, withBlocks: boolean): string[] {
  const p = c.paragraphs;
  return [p.total, p.agreed, p.agreedAdRef, p.open, p.deleted, c.brackets, c.bracketedParagraphs, c.alternatives, ...(withBlocks ? [c.optionBlocks] : [])].map(String);
}

function* flatten(sections: readonly SectionStatus[]): Generator<SectionStatus> {
  for (const s of sections) {
    yield s;
    yield* flatten(s.subsections);
  }
}

function fit(text: string, width: number): string {
  return text.length > width ? `${text.slice(0, width - 1)}…` : text.padEnd(width);
}

/** Agreed share of the paragraphs still in play (deleted ones do not count). */
function progressBar(c: Counts, colors: ChalkInstance): string {
  const live = c.paragraphs.total - c.paragraphs.deleted;
  const done = c.paragraphs.agreed + c.paragraphs.agreedAdRef;
  const width = 20;
  const full = live === 0 ? width : Math.round((c.paragraphs.agreed / live) * width);
  const adRef = live === 0 ? 0 : Math.round((done / live) * width) - full;
  const percent = live === 0 ? 100 : Math.round((done / live) * 100);
  return `${colors.green('█'.repeat(full))}${colors.cyan('▓'.repeat(adRef))}${colors.dim('░'.repeat(width - full - adRef))} ${String(percent).padStart(3)}%`;
}
