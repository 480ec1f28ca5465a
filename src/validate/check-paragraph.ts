import type { Diagnostic } from '../diagnostics/diagnostic.js';
import { paragraphName } from '../model/paragraph-name.js';
import { isAgreed, paragraphSlots, parseParagraph, type NumberedBracket, type ParsedParagraph, type TextSlot } from '../model/paragraph-slots.js';
import type { Paragraph } from '../model/schemas.js';
import { findUnbracketedChoices, type UnbracketedChoice } from '../notation/unbracketed-choices.js';
import type { YamlFile, YamlPath } from '../store/yaml-file.js';
import { controlCharacterProblems } from './control-characters.js';
import type { KnownTexts, TextFacts } from '../notation/known-texts.js';
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
    for (const choice of findUnbracketedChoices(slot.tree, inside)) out.push(choiceProblem(slot, choice));
  }
  out.push(...modelProblems(paragraph, parsed.brackets, parsed.slots));
  return out;
}

/**
 * `paragraphProblems` and the paragraph's bracket count from the facts of its texts already
 * parsed (`KnownTexts`: the importer's), with no parse of its own; undefined, to parse, when a
 * text is not known (or takes part in a bracket span), or when something agreed holds a bracket
 * (its problems name each bracket, which only the parse numbers).
 */
export function problemsOfKnownTexts(paragraph: Paragraph, known: KnownTexts): { problems: ParagraphProblem[]; brackets: number } | undefined {
  const slots = paragraphSlots(paragraph);
  const facts: TextFacts[] = [];
  let brackets = 0;
  for (const slot of slots) {
    const found = slot.spans === undefined ? known.get(slot.text) : undefined;
    if (!found) return undefined;
    facts.push(found);
    brackets += found.brackets;
  }
  if (brackets > 0 && (isAgreed(paragraph.status) || paragraph.items.some((item) => isAgreed(item.status)))) return undefined;
  const problems: ParagraphProblem[] = [];
  slots.forEach((slot, i) => {
    for (const choice of (facts[i] as TextFacts).choices) problems.push(choiceProblem(slot, choice));
  });
  // No bracket is open in anything agreed (above): the rules about them find nothing to name.
  problems.push(...modelProblems(paragraph, [], slots));
  return { problems, brackets };
}

function choiceProblem(slot: TextSlot, choice: UnbracketedChoice): ParagraphProblem {
  return {
    code: 'UNBRACKETED_CHOICE',
    severity: 'warning',
    message: `"${choice.text}" looks like a choice that is not in brackets (in ${slot.name}); write [${choice.text.replace(/ ?\/ ?/, '/')}] if it is open`,
    path: slot.path,
    index: choice.offset,
  };
}

/** The rules on the paragraph's content beyond its notation: characters, scopes, and nothing left open in what is agreed. */
function modelProblems(paragraph: Paragraph, brackets: readonly NumberedBracket[], slots: readonly TextSlot[]): ParagraphProblem[] {
  const out: ParagraphProblem[] = [];
  out.push(...controlCharacterProblems(paragraph));
  out.push(...scopeProblems(paragraph));

  const statusWord = (status: Paragraph['status']) => (status === 'agreed' ? 'agreed' : 'agreed ad ref');
  if (isAgreed(paragraph.status)) {
    const problems: string[] = [];
    if (paragraph.bracketed) problems.push('the whole paragraph is in brackets');
    for (const b of brackets) problems.push(`bracket ${b.n} in ${b.slot.name} is open`);
    for (const s of slots) for (const mark of s.spans ?? []) problems.push(`its ${s.name} is in bracket span ${mark.span}, still open`);
    for (const alt of paragraph.alternatives) problems.push(`alternative "${alt.label}" is still on the table`);
    paragraph.items.forEach((item) => {
      for (const alt of item.alternatives ?? []) problems.push(`alternative "${alt.label}" of item ${item.label} is still on the table`);
    });
    for (const problem of problems) {
      out.push({ code: 'AGREED_NOT_RESOLVED', severity: 'error', message: `paragraph ${paragraphName(paragraph)} is ${statusWord(paragraph.status)} but ${problem}`, path: ['status'] });
    }
  }
  paragraph.items.forEach((item, itemIndex) => {
    if (!isAgreed(item.status) || item.status === undefined) return;
    const problems: string[] = [];
    for (const b of brackets) {
      if (b.slot.itemIndex === itemIndex) problems.push(`bracket ${b.n} in ${b.slot.name} is open`);
    }
    for (const mark of item.spans ?? []) problems.push(`it is in bracket span ${mark.span}, still open`);
    for (const alt of item.alternatives ?? []) problems.push(`alternative "${alt.label}" is still on the table`);
    for (const problem of problems) {
      out.push({
        code: 'AGREED_NOT_RESOLVED',
        severity: 'error',
        message: `item ${item.label} of paragraph ${paragraphName(paragraph)} is ${statusWord(item.status)} but ${problem}`,
        path: ['items', itemIndex, 'status'],
      });
    }
  });
  return out;
}
