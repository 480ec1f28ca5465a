import type { Diagnostic } from '../diagnostics/diagnostic.js';
import { isAgreed, parseParagraph, type ParsedParagraph } from '../model/paragraph-slots.js';
import type { Paragraph } from '../model/schemas.js';
import { findUnbracketedChoices } from '../notation/unbracketed-choices.js';
import type { YamlFile, YamlPath } from '../store/yaml-file.js';
import { controlCharacterProblems } from './control-characters.js';
import { scopeProblems } from './scope-problems.js';

/** Bracket errors reported one by one in a text; past this, they are counted. */
const MAX_ERRORS_PER_TEXT = 10;

/** A problem found in a paragraph, not yet placed at a line and column of its file. */
export interface ParagraphProblem {
  code: string;
  severity: Diagnostic['severity'];
  message: string;
  /** The value it concerns in the paragraph file, and where inside that string when it is one. */
  path: YamlPath;
  index?: number;
}

/** Rules inside one paragraph: its notation parses, and what is agreed has nothing left open. */
export function checkParagraph(paragraph: Paragraph, yaml: YamlFile, parsed: ParsedParagraph = parseParagraph(paragraph)): Diagnostic[] {
  return placeProblems(paragraphProblems(paragraph, parsed), yaml);
}

/** Places problems in the paragraph's file (this parses its YAML, so it is done only when there are some). */
export function placeProblems(problems: readonly ParagraphProblem[], yaml: YamlFile): Diagnostic[] {
  return problems.map(({ path, index, ...problem }) => ({
    ...problem,
    file: yaml.file,
    ...(index === undefined ? yaml.locate(path) : yaml.locateInString(path, index)),
  }));
}

/** The problems `checkParagraph` reports, unplaced. */
export function paragraphProblems(paragraph: Paragraph, parsed: ParsedParagraph = parseParagraph(paragraph)): ParagraphProblem[] {
  const out: ParagraphProblem[] = [];
  // A hostile text may hold 100,000 stray brackets: each slot reports its first few, then a count.
  const perSlot = new Map<string, number>();
  for (const { slot, error } of parsed.errors) {
    const seen = (perSlot.get(slot.name) ?? 0) + 1;
    perSlot.set(slot.name, seen);
    if (seen <= MAX_ERRORS_PER_TEXT) out.push({ code: error.code, severity: 'error', message: `${error.message} (in ${slot.name})`, path: slot.path, index: error.point.offset });
  }
  for (const [name, seen] of perSlot) {
    if (seen > MAX_ERRORS_PER_TEXT) {
      const slot = parsed.errors.find((e) => e.slot.name === name)?.slot;
      out.push({ code: 'MORE_ERRORS', severity: 'error', message: `and ${seen - MAX_ERRORS_PER_TEXT} more bracket errors in ${name}`, path: slot?.path ?? [] });
    }
  }

  for (const slot of parsed.slots) {
    const inside = slot.spans === undefined ? 0 : slot.spans.filter((m) => m.edge === 'inside').length;
    for (const choice of findUnbracketedChoices(slot.tree, inside)) {
      out.push({
        code: 'UNBRACKETED_CHOICE',
        severity: 'warning',
        message: `"${choice.text}" looks like a choice that is not in brackets (in ${slot.name}); write [${choice.text.replace(/ ?\/ ?/, '/')}] if it is open`,
        path: slot.path,
        index: choice.offset,
      });
    }
  }

  out.push(...controlCharacterProblems(paragraph));
  out.push(...scopeProblems(paragraph));

  const statusWord = (status: Paragraph['status']) => (status === 'agreed' ? 'agreed' : 'agreed ad ref');
  if (isAgreed(paragraph.status)) {
    const problems: string[] = [];
    if (paragraph.bracketed) problems.push('the whole paragraph is in brackets');
    for (const b of parsed.brackets) problems.push(`bracket ${b.n} in ${b.slot.name} is open`);
    for (const s of parsed.slots) for (const mark of s.spans ?? []) problems.push(`its ${s.name} is in bracket span ${mark.span}, still open`);
    for (const alt of paragraph.alternatives) problems.push(`alternative "${alt.label}" is still on the table`);
    paragraph.items.forEach((item) => {
      for (const alt of item.alternatives ?? []) problems.push(`alternative "${alt.label}" of item ${item.label} is still on the table`);
    });
    for (const problem of problems) {
      out.push({ code: 'AGREED_NOT_RESOLVED', severity: 'error', message: `paragraph ${paragraph.number} is ${statusWord(paragraph.status)} but ${problem}`, path: ['status'] });
    }
  }
  paragraph.items.forEach((item, itemIndex) => {
    if (!isAgreed(item.status) || item.status === undefined) return;
    const problems: string[] = [];
    for (const b of parsed.brackets) {
      if (b.slot.itemIndex === itemIndex) problems.push(`bracket ${b.n} in ${b.slot.name} is open`);
    }
    for (const mark of item.spans ?? []) problems.push(`it is in bracket span ${mark.span}, still open`);
    for (const alt of item.alternatives ?? []) problems.push(`alternative "${alt.label}" is still on the table`);
    for (const problem of problems) {
      out.push({
        code: 'AGREED_NOT_RESOLVED',
        severity: 'error',
        message: `item ${item.label} of paragraph ${paragraph.number} is ${statusWord(item.status)} but ${problem}`,
        path: ['items', itemIndex, 'status'],
      });
    }
  });
  return out;
}
