import { inputError, type Diagnostic } from '../diagnostics/diagnostic.js';
import type { Draft, Paragraph, Section, Status } from '../model/schemas.js';
import { parseNotation } from '../notation/parse-notation.js';
import type { NotationResult } from '../notation/types.js';
import { findUnbracketedChoices } from '../notation/unbracketed-choices.js';
import { sectionMarker } from '../render/section-heading.js';
import { classifyLine, isTitleShaped, type LineKind } from './classify-line.js';
import { repairBrackets } from './repair-brackets.js';
import { appendLine, locate, newUnit, prependText, takeStatusMarker, type TextUnit } from './text-unit.js';

export interface ImportOptions {
  /** Absolute path of the source, for messages. */
  file: string;
  title: string;
  source?: string;
}

export interface ImportResult {
  draft: Draft;
  warnings: Diagnostic[];
  /** How many status markers were read, `(Agreed)` and the like. */
  markers: number;
}

interface AltBuild {
  label: string;
  bracketed: boolean;
  unit: TextUnit;
  line: number;
  column: number;
}
interface ItemBuild {
  label: string;
  unit: TextUnit;
  alternatives: AltBuild[];
  status?: Status;
}
interface ParaBuild {
  number: string;
  bracketed: boolean;
  line: number;
  column: number;
  text: TextUnit;
  items: ItemBuild[];
  alternatives: AltBuild[];
  status?: Status;
}

/**
 * Reads a plain-text UN-style draft into the model. Pure: the text in, the draft and the
 * warnings out. What it does not recognise it keeps as text of the unit before it.
 */
export function importText(input: string, options: ImportOptions): ImportResult {
  const lines = input.split('\n');
  const warnings: Diagnostic[] = [];
  const warn = (line: number, column: number, code: string, message: string) =>
    warnings.push({ code, severity: 'warning', message, file: options.file, line, column, sourceLine: lines[line - 1] ?? '' });

  const kinds = lines.map(classifyLine);
  const preamble = newUnit();
  const sections: Section[] = [];
  let top: Section | undefined;
  let sub: Section | undefined;
  const paragraphs: ParaBuild[] = [];
  const seen = new Map<string, number>();
  let para: ParaBuild | undefined;
  let unit: TextUnit | undefined;
  let closing: string | undefined;
  let lastSectionNumeral = 0;

  const nextNonBlank = (from: number): number => {
    let j = from;
    while (j < kinds.length && kinds[j]?.kind === 'blank') j++;
    return j;
  };
  const currentSection = (): Section => {
    if (sub) return sub;
    if (!top) {
      top = { paragraphs: [] };
      sections.push(top);
    }
    return top;
  };
  const openSection = (number: string, marker: string, title: string, depth: 0 | 1) => {
    const section: Section = { number, ...(title !== '' ? { title } : {}), paragraphs: [] };
    if (sectionMarker(section, depth) !== marker) section.label = marker;
    if (depth === 0 || !top) {
      sections.push(section);
      top = section;
      sub = undefined;
    } else {
      top.subsections = [...(top.subsections ?? []), section];
      sub = section;
    }
    para = undefined;
    unit = undefined;
  };
  /** A heading is followed by structure (a paragraph, another heading) or by nothing, never by running text. */
  const followedByStructure = (j: number): boolean => {
    const next = kinds[nextNonBlank(j + 1)];
    return next === undefined || next.kind === 'paragraph' || next.kind === 'subsection' || next.kind === 'section-number' || next.kind === 'rule';
  };
  const isHeadingTitle = (title: string, end: number): boolean =>
    title !== '' && isTitleShaped(title) && !/[[\]]/.test(title) && followedByStructure(end);
  /** A heading's title on the next line: consumed when it reads like a title. */
  const takeTitle = (i: number): { title: string; next: number } => {
    const j = nextNonBlank(i + 1);
    const k = kinds[j];
    if (k?.kind === 'text' && isTitleShaped(k.rest)) return { title: k.rest.trim(), next: j };
    return { title: '', next: i };
  };

  for (let i = 0; i < lines.length; i++) {
    const lineNo = i + 1;
    const k = kinds[i] as LineKind;
    switch (k.kind) {
      case 'blank':
        break;
      case 'rule': {
        const later = kinds.slice(i + 1).some((x) => x.kind === 'paragraph' || x.kind === 'subsection' || x.kind === 'section-number');
        if (!later) {
          closing = lines.slice(i).join('\n').trim();
          i = lines.length;
        } else appendText(lines[i]?.trim() ?? '', lineNo, 1);
        break;
      }
      case 'paragraph': {
        const headingTitle = k.rest === '' ? takeTitle(i) : { title: k.rest.trim(), next: i };
        const looksLikeHeading =
          !k.bracketed &&
          isHeadingTitle(headingTitle.title, headingTitle.next) &&
          k.numeral > lastSectionNumeral &&
          !/[a-z]$/.test(k.number) &&
          paragraphs.every((p) => parseInt(p.number, 10) > k.numeral);
        if (looksLikeHeading) {
          lastSectionNumeral = k.numeral;
          openSection(k.number, `${k.number}.`, headingTitle.title, 0);
          i = headingTitle.next;
          break;
        }
        startParagraph(k.number, k.bracketed, lineNo, 1);
        appendLine(unit as TextUnit, k.rest, lineNo, k.restColumn);
        break;
      }
      case 'section-number': {
        const heading = k.title !== '' ? { title: k.title, next: i } : takeTitle(i);
        if (!isHeadingTitle(heading.title, heading.next)) {
          appendText(lines[i]?.trim() ?? '', lineNo, 1);
          break;
        }
        const isLetter = /^[A-Z]$/.test(k.number) && !/^[IVXLC]$/.test(k.number);
        const depth = isLetter && top?.number !== undefined && /^[IVXLC]+$/.test(top.number) ? 1 : 0;
        openSection(k.number, `${k.number}.`, heading.title, depth);
        i = heading.next;
        break;
      }
      case 'subsection': {
        const heading = k.title !== '' ? { title: k.title, next: i } : takeTitle(i);
        openSection(k.number, k.marker, heading.title, 1);
        i = heading.next;
        break;
      }
      case 'alternative': {
        if (k.ref !== undefined && k.itemRef === undefined && para?.number !== k.ref) {
          // An alternative for a paragraph that has no text of its own yet: the paragraph is made for it.
          startParagraph(k.ref, false, lineNo, 1);
        }
        if (!para) {
          warn(lineNo, 1, 'ALTERNATIVE_OUTSIDE_PARAGRAPH', `"${k.label}" stands before any paragraph; kept as text`);
          appendText(lines[i]?.trim() ?? '', lineNo, 1);
          break;
        }
        const alt: AltBuild = { label: k.label, bracketed: k.bracketed, unit: newUnit(), line: lineNo, column: 1 };
        const owner = k.itemRef !== undefined && para.items.length > 0 ? findItem(para, k.itemRef) : undefined;
        (owner ? owner.alternatives : para.alternatives).push(alt);
        unit = alt.unit;
        appendLine(unit, k.rest, lineNo, k.restColumn);
        break;
      }
      case 'item': {
        if (!para) {
          appendText(lines[i]?.trim() ?? '', lineNo, 1);
          break;
        }
        const item: ItemBuild = { label: k.label, unit: newUnit(), alternatives: [] };
        para.items.push(item);
        unit = item.unit;
        appendLine(unit, k.rest, lineNo, k.restColumn);
        if (k.bracketed) prependText(unit, '[');
        break;
      }
      case 'text':
        appendText(k.rest, lineNo, k.restColumn);
        break;
    }
  }

  function appendText(words: string, line: number, column: number) {
    appendLine(unit ?? preamble, words, line, column);
  }
  function startParagraph(number: string, bracketed: boolean, line: number, column: number) {
    const first = seen.get(number);
    if (first !== undefined) {
      throw inputError(`${options.file}:${line}:1: paragraph ${number} appears twice (first at line ${first}); give one of them another number, e.g. ${number}bis`);
    }
    seen.set(number, line);
    para = { number, bracketed, line, column, text: newUnit(), items: [], alternatives: [] };
    paragraphs.push(para);
    currentSection().paragraphs.push(number);
    unit = para.text;
  }

  let markers = 0;
  const built = paragraphs.map((p) => {
    const result = finishParagraph(p, warn);
    markers += result.markers;
    return result.paragraph;
  });

  const meta: Draft['meta'] = { title: options.title, ...(options.source ? { source: options.source } : {}), sections };
  if (preamble.text !== '') meta.preamble = preamble.text;
  if (closing) meta.closing = closing;
  return { draft: { meta, paragraphs: built }, warnings, markers };
}

function findItem(para: ParaBuild, letter: string): ItemBuild {
  const named = para.items.find((item) => item.label.replace(/[()\s]/g, '') === letter);
  return named ?? (para.items[para.items.length - 1] as ItemBuild);
}

type Warn = (line: number, column: number, code: string, message: string) => void;

function finishParagraph(p: ParaBuild, warn: Warn): { paragraph: Paragraph; markers: number } {
  let markers = 0;
  const mark = (u: TextUnit): Status | undefined => {
    const status = takeStatusMarker(u);
    if (status) markers++;
    return status;
  };
  const own = mark(p.text);
  for (const item of p.items) {
    const status = mark(item.unit);
    if (status) item.status = status;
  }
  let status: Status = own ?? 'open';
  const last = p.items[p.items.length - 1];
  if (!own && last?.status) {
    // A marker after the last item marks the whole paragraph.
    status = last.status;
    delete last.status;
  }

  let paragraphClosed = !p.bracketed;
  const closeOwnBracket = (u: TextUnit): boolean => {
    const trimmed = u.text.trimEnd();
    if (trimmed.endsWith(']') && parseNotation(trimmed.slice(0, -1)).ok) {
      u.text = trimmed.slice(0, -1).trimEnd();
      return true;
    }
    return false;
  };

  const allAlternatives = [...p.items.flatMap((i) => i.alternatives), ...p.alternatives];
  const lastAlternative = allAlternatives[allAlternatives.length - 1];
  for (const alt of allAlternatives) {
    if (!alt.bracketed) continue;
    const trimmed = alt.unit.text.trimEnd();
    if (!paragraphClosed && alt === lastAlternative && trimmed.endsWith(']]') && parseNotation(trimmed.slice(0, -2)).ok) {
      // `]]` at the end of the last alternative: the second closes the paragraph's own bracket.
      alt.unit.text = trimmed.slice(0, -2).trimEnd();
      paragraphClosed = true;
      continue;
    }
    if (closeOwnBracket(alt.unit)) continue;
    warn(alt.line, alt.column, 'UNCLOSED_ALTERNATIVE', `"${alt.label}" of paragraph ${p.number} opens with "[" but its closing bracket is missing; imported as an alternative`);
  }
  if (!paragraphClosed) {
    const body = last ? last.unit : p.text;
    if (!closeOwnBracket(body)) {
      warn(p.line, 1, 'UNCLOSED_PARAGRAPH', `paragraph ${p.number} opens with "[" but its closing bracket is missing; imported as a bracketed paragraph, closed after its ${last ? 'last item' : 'text'}`);
    }
  }

  const units: { unit: TextUnit; what: string }[] = [
    { unit: p.text, what: `paragraph ${p.number}` },
    ...p.items.flatMap((item) => [
      { unit: item.unit, what: `item ${item.label} of paragraph ${p.number}` },
      ...item.alternatives.map((a) => ({ unit: a.unit, what: `"${a.label}" of paragraph ${p.number}` })),
    ]),
    ...p.alternatives.map((a) => ({ unit: a.unit, what: `"${a.label}" of paragraph ${p.number}` })),
  ];
  for (const { unit, what } of units) {
    flagUnbracketedChoices(unit, repairBrackets(unit, what, warn), what, warn);
  }

  const paragraph: Paragraph = {
    number: p.number,
    status,
    bracketed: p.bracketed,
    text: p.text.text,
    items: p.items.map((item) => ({
      label: item.label,
      text: item.unit.text,
      ...(item.status ? { status: item.status } : {}),
      ...(item.alternatives.length > 0 ? { alternatives: item.alternatives.map((a) => ({ label: a.label, text: a.unit.text })) } : {}),
    })),
    alternatives: p.alternatives.map((a) => ({ label: a.label, text: a.unit.text })),
  };
  return { paragraph, markers };
}

function flagUnbracketedChoices(unit: TextUnit, result: NotationResult, what: string, warn: Warn): void {
  if (!result.ok) return;
  for (const choice of findUnbracketedChoices(result.tree)) {
    const at = locate(unit, choice.offset);
    warn(at.line, at.column, 'UNBRACKETED_CHOICE', `"${choice.text}" in ${what} looks like a choice that is not in brackets; left as written`);
  }
}
