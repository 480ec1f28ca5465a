import type { BlockNode, OutlineNode, ParagraphNode, SectionNode } from './outline-nodes.js';
import { newUnit } from './text-unit.js';

/**
 * `5. Option 1: … Option 2: …`, where every option is one wording of paragraph 5, reads best as
 * paragraph 5 with competing alternatives: `diff`, `accept` and `merge` then work on them. A block
 * stays a block where an option holds more than one paragraph, items, sub-paragraphs or blocks.
 * Returns the paragraphs in reading order, the folded ones replaced by their anchor paragraph.
 */
export function foldSingleParagraphOptions(sections: readonly SectionNode[], paragraphs: readonly ParagraphNode[]): ParagraphNode[] {
  const replaced = new Map<ParagraphNode, ParagraphNode | undefined>();
  const walk = (entries: OutlineNode[]) => {
    entries.forEach((entry, i) => {
      if (entry.kind === 'paragraph') return;
      for (const option of entry.options) walk(option.entries);
      const folded = fold(entry);
      if (!folded) return;
      entries[i] = folded.paragraph;
      folded.absorbed.forEach((p, j) => replaced.set(p, j === 0 ? folded.paragraph : undefined));
    });
  };
  const sectionsWalk = (list: readonly SectionNode[]) => {
    for (const section of list) {
      walk(section.entries);
      sectionsWalk(section.subsections);
    }
  };
  sectionsWalk(sections);
  const out: ParagraphNode[] = [];
  for (const p of paragraphs) {
    if (!replaced.has(p)) out.push(p);
    else {
      const instead = replaced.get(p);
      if (instead) out.push(instead);
    }
  }
  return out;
}

function fold(block: BlockNode): { paragraph: ParagraphNode; absorbed: ParagraphNode[] } | undefined {
  if (block.anchor === undefined) return undefined;
  const wordings: { label: string; paragraph?: ParagraphNode }[] = [];
  for (const option of block.options) {
    if (option.title !== undefined) return undefined;
    const [only, ...more] = option.entries;
    if (more.length > 0) return undefined;
    if (only === undefined) {
      if (option.placeholder === undefined) return undefined;
      wordings.push({ label: option.label });
      continue;
    }
    if (only.kind !== 'paragraph' || only.number !== undefined || only.items.length > 0 || only.alternatives.length > 0) return undefined;
    wordings.push({ label: option.label, paragraph: only });
  }
  const first = wordings.find((w) => w.paragraph)?.paragraph;
  if (!first) return undefined;
  const paragraph: ParagraphNode = {
    kind: 'paragraph',
    number: block.anchor,
    bracketed: false,
    line: block.line,
    column: 1,
    text: newUnit(),
    items: [],
    alternatives: block.options.map((option, i) => {
      const wording = wordings[i] as { paragraph?: ParagraphNode };
      const unit = wording.paragraph?.text ?? option.placeholder ?? newUnit();
      return { label: option.label, bracketed: wording.paragraph?.bracketed ?? false, unit, line: option.line, column: 1 };
    }),
    notes: wordings.flatMap((w) => w.paragraph?.notes ?? []),
    scope: first.scope.slice(0, -1),
    section: first.section,
  };
  return { paragraph, absorbed: wordings.flatMap((w) => (w.paragraph ? [w.paragraph] : [])) };
}
