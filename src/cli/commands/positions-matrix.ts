import { inputError, usageError } from '../../diagnostics/diagnostic.js';
import { outlineAddresses, sectionAddresses } from '../../model/outline.js';
import type { Paragraph, Section } from '../../model/schemas.js';
import { buildPositionsMatrix } from '../../report/positions-matrix.js';
import { usableDelegations } from '../../store/read-delegations.js';
import { colorsFor, type Io } from '../io.js';
import { openDraft } from '../open-draft.js';

export interface PositionsOptions {
  draft?: string;
  format?: 'table' | 'md' | 'html' | 'json';
  expandGroups?: boolean;
  paragraph?: string;
  section?: string;
}

/** `ndraft positions`: who proposed, supports or opposes each open alternative, as a matrix. */
export async function positionsCommand(options: PositionsOptions, io: Io): Promise<number> {
  const opened = await openDraft(options.draft, io.cwd);
  const { delegations } = await usableDelegations(opened.dir);
  if (options.expandGroups && delegations === undefined) throw inputError('--expand-groups needs a delegations.yaml that names the groups and their members (see "ndraft delegation add")');
  if (options.paragraph !== undefined && options.section !== undefined) throw usageError('give --paragraph or --section, not both');
  let paragraphs: readonly Paragraph[];
  if (options.paragraph !== undefined) paragraphs = [opened.paragraph(options.paragraph)];
  else if (options.section !== undefined) paragraphs = sectionParagraphs(opened.meta.sections, options.section).map((address) => opened.paragraph(address));
  else paragraphs = opened.draft.paragraphs;
  const matrix = buildPositionsMatrix(paragraphs, { ...(delegations ? { delegations } : {}), expandGroups: options.expandGroups === true });

  const render = await import('../../render/render-positions.js');
  switch (options.format ?? 'table') {
    case 'json':
      io.write(render.renderPositionsJson(matrix));
      break;
    case 'md':
      io.write(render.renderPositionsMarkdown(matrix));
      break;
    case 'html':
      io.write(render.renderPositionsHtml(matrix, opened.meta.title));
      break;
    default: {
      const c = colorsFor(io);
      const paint = { proposed: c.blue, supported: c.green, opposed: c.red };
      io.write(render.renderPositionsTable(matrix, (stance, text) => paint[stance](text)));
    }
  }
  return 0;
}

/** The addresses of a section and its subsections, by its number (`3a`) or heading marker; an unknown one lists those there are. */
function sectionParagraphs(sections: readonly Section[], wanted: string): string[] {
  const all: Section[] = [];
  const walk = (list: readonly Section[]) => list.forEach((s) => (all.push(s), walk(s.subsections ?? [])));
  walk(sections);
  const bare = (s: string) => s.replace(/[\s.)]/gu, '').toLowerCase();
  const found = all.find((s) => (s.number !== undefined && bare(s.number) === bare(wanted)) || (s.label !== undefined && bare(s.label) === bare(wanted)));
  if (!found) throw inputError(`no section ${wanted}; the sections are ${all.map((s) => s.number ?? s.label).filter(Boolean).join(', ')}`);
  return [...sectionAddresses(found), ...outlineAddresses(found.subsections ?? [])];
}
