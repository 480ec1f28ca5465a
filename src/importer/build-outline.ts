import type { Diagnostic } from '../diagnostics/diagnostic.js';
import { sectionMarker } from '../render/section-heading.js';
import { classifyHeading, classifyLine, isTitleShaped, normaliseNumber, type LineKind } from './classify-line.js';
import { DEFAULT_VOCABULARY, type Vocabulary } from './compile-conventions.js';
import { nextReading, openingReading, optionId, optionKey, type OptionKey, type OptionReading } from './option-labels.js';
import type { AltNode, BlockNode, ItemNode, OptionNode, OutlineNode, ParagraphNode, SectionNode } from './outline-nodes.js';
import { continuesUnit, isPlaceholder, isPreambular, languageNote } from './line-shapes.js';
import type { SourceLine } from './source-lines.js';
import { appendLine, newUnit, prependText, type TextUnit } from './text-unit.js';

export type { SourceLine };

export interface BuiltOutline {
  sections: SectionNode[];
  paragraphs: ParagraphNode[];
  preamble: TextUnit;
  closing?: string;
  notes: { text: string; line: number }[];
}

type Warn = (line: number, column: number, code: string, message: string) => void;

/**
 * Lines to the outline tree: headings and articles open sections, option lines open blocks,
 * numbered lines open paragraphs, and other text either continues the unit before it or, where
 * it reads as a paragraph of its own, becomes an unnumbered one. What is not recognised is kept.
 */
export function buildOutline(lines: readonly SourceLine[], warn: Warn, vocabulary: Vocabulary = DEFAULT_VOCABULARY): BuiltOutline {
  return new OutlineBuilder(lines, warn, vocabulary).build();
}

class OutlineBuilder {
  private readonly kinds: LineKind[];
  private readonly sections: SectionNode[] = [];
  private readonly paragraphs: ParagraphNode[] = [];
  private readonly preamble = newUnit();
  private readonly notes: { text: string; line: number }[] = [];
  private top: SectionNode | undefined;
  private sub: SectionNode | undefined;
  private blocks: { block: BlockNode; option: OptionNode }[] = [];
  private para: ParagraphNode | undefined;
  private unit: TextUnit | undefined;
  /** What the current unit is: a numbered paragraph's lines run on; an unnumbered one's may not. */
  private unitKind: 'numbered' | 'unnumbered' | 'item' | 'alternative' | 'placeholder' = 'numbered';
  private blankBefore = false;
  private started = false;
  private closing: string | undefined;
  private lastSectionNumeral = 0;
  private blockCount = new Map<string, number>();
  /** The line being read. */
  private current = 0;
  /** The lowest leading number of the numbered paragraphs so far (a heading's number is below them all). */
  private lowestNumeral = Number.POSITIVE_INFINITY;
  /** Numbered paragraphs by section, scope and number, to find a repeated number at once. */
  private readonly numbered = new Map<string, ParagraphNode>();
  private readonly lastNumbered = new Map<SectionNode, ParagraphNode>();
  private readonly sectionIds = new Map<SectionNode, number>();

  constructor(
    private readonly lines: readonly SourceLine[],
    private readonly warn: Warn,
    private readonly vocabulary: Vocabulary,
  ) {
    this.kinds = lines.map((l) => (l.heading !== undefined ? classifyHeading(l.text, vocabulary) : classifyLine(l.text, vocabulary)));
    joinWrappedNotes(this.kinds, lines, vocabulary);
  }

  build(): BuiltOutline {
    for (let i = 0; i < this.lines.length; i++) {
      this.current = i;
      i = this.line(i);
    }
    // A section opened for nothing (no heading, no paragraph, no note) before the first heading is no section.
    const sections = this.sections.filter((n) => n.entries.length > 0 || n.subsections.length > 0 || Object.keys(n.section).length > 0);
    return { sections, paragraphs: this.paragraphs, preamble: this.preamble, ...(this.closing ? { closing: this.closing } : {}), notes: this.notes };
  }

  /** Handles line `i`; returns the last line it consumed. */
  private line(i: number): number {
    const k = this.kinds[i] as LineKind;
    const at = this.lines[i] as SourceLine;
    const col = (c: number) => at.column + c - 1;
    if (k.kind === 'blank') {
      this.blankBefore = true;
      return i;
    }
    const blankBefore = this.blankBefore;
    this.blankBefore = false;
    switch (k.kind) {
      case 'rule': {
        const later = this.kinds.slice(i + 1).some((x) => (x.kind === 'paragraph' && !x.bare) || x.kind === 'subsection' || x.kind === 'section-number' || x.kind === 'article' || x.kind === 'division');
        if (later) {
          this.text(at.text.trim(), at.line, at.column, blankBefore);
          return i;
        }
        this.closing = this.lines.slice(i).map((l) => l.text).join('\n').trim();
        return this.lines.length;
      }
      case 'paragraph':
        return this.paragraphLine(i, k, blankBefore);
      case 'section-number': {
        const heading = k.title !== '' ? { title: k.title, next: i } : this.takeTitle(i);
        // `B. Definitions` (or `B.` and `Definitions` on the next line) is a heading whatever follows.
        const lettered = /^[IVXLC]+$|^[A-Z]$/.test(k.number);
        // The letter after the current heading's (`K.` after `J.`) may carry a longer title.
        const next = nextLetter(this.top?.section.number, k.number);
        const isHeading = k.forced === true || (lettered ? heading.title !== '' && isTitleShaped(heading.title, this.vocabulary, next ? 250 : 120) : this.isHeadingTitle(heading.title, heading.next, lettered));
        if (!isHeading) {
          this.text(at.text.trim(), at.line, at.column, blankBefore);
          return i;
        }
        const isLetter = /^[A-Z]$/.test(k.number) && !/^[IVXLC]$/.test(k.number);
        const depth = isLetter && this.romanTop() ? 1 : 0;
        this.openSection({ number: k.number, title: heading.title }, `${k.number}.`, depth);
        return heading.next;
      }
      case 'subsection': {
        const heading = k.title !== '' ? { title: k.title, next: i } : this.takeTitle(i);
        this.openSection({ number: k.number, title: heading.title }, k.marker, 1);
        return heading.next;
      }
      case 'division': {
        // A decision's title is its subject, often long (`Parties included in Annex I … whose special circumstances …`).
        const heading = k.title !== '' ? { title: k.title, next: i } : this.takeTitle(i, k.decision ? 250 : 120);
        const node = this.openSection({ number: k.number, title: heading.title }, k.marker, 0);
        node.division = true;
        return heading.next;
      }
      case 'article': {
        // `Article 1. Use of terms`: a title, unless the next line goes on with it (a lower-case word).
        const named = k.named !== undefined && !/^\p{Ll}/u.test(this.lines[i + 1]?.text.trim() ?? '') ? k.named : undefined;
        // `Article QQ.A.11: {Application of Agreement to … Prior` / `Acts}`: a title in braces wrapped onto the next line.
        const wrapped = k.title === '' && /^\{[^{}]*$/.test(k.rest.trim()) ? this.braceClosedOn(i, k.rest.trim()) : undefined;
        const heading = wrapped ?? (named !== undefined ? { title: named, next: i } : k.title !== '' || k.rest !== '' ? { title: k.title, next: i } : this.takeBracedTitle(i));
        const top = this.top;
        const depth = top !== undefined && top.scopeKey === undefined && (top.division === true || (top.section.number === undefined && top.section.label !== undefined)) ? 1 : 0;
        const node = this.openSection({ number: k.number, title: heading.title }, `${k.bracketed ? '[' : ''}${k.marker}`, depth);
        node.scopeKey = `art${addressPart(k.number)}`;
        if (k.rest !== '' && named === undefined && wrapped === undefined) this.text(k.rest, at.line, col(k.restColumn), true);
        return heading.next;
      }
      case 'caps-heading': {
        if (!this.followedByStructure(i) && this.unit !== undefined && !blankBefore) {
          this.text(k.title, at.line, at.column, blankBefore);
          return i;
        }
        // A Word heading style says the level a heading without a number stands at; else, under a
        // numbered heading (`III. DECISIONS …` then `MITIGATION`) it is a subheading, as a title is.
        const numberedTop = this.top !== undefined && this.top.scopeKey === undefined && this.top.section.number !== undefined;
        this.openSection({ title: k.title }, k.title, (at.heading !== undefined ? at.heading > 1 : numberedTop) ? 1 : 0, true);
        return i;
      }
      case 'editorial': {
        const text = k.text.replace(/\s*\d{0,3}$/, '');
        // `Note:` alone, its words on the next line (Lima elements, finance): one note.
        const said = k.note === true && /:$/.test(text) ? this.kinds[this.nextNonBlank(i + 1)] : undefined;
        if (said?.kind === 'text') {
          this.note(`${text} ${said.rest.trim()}`, at.line);
          return this.nextNonBlank(i + 1);
        }
        if (k.note !== true && this.followedByStructure(i) && this.unit === undefined) this.openSection({ title: text }, text, this.top ? 1 : 0, true);
        else this.note(text, at.line);
        return i;
      }
      case 'option':
        return this.optionLine(i, k, blankBefore);
      case 'alternative':
        return this.alternativeLine(i, k);
      case 'item': {
        if (!this.para) {
          this.text(at.text.trim(), at.line, at.column, blankBefore);
          return i;
        }
        const item: ItemNode = { label: itemLabel(k.label), unit: newUnit(), alternatives: [] };
        this.para.items.push(item);
        this.setUnit(item.unit, 'item');
        appendLine(item.unit, k.rest, at.line, col(k.restColumn));
        if (k.bracketed) prependText(item.unit, '[');
        return i;
      }
      case 'text':
        this.text(k.rest, at.line, col(k.restColumn), blankBefore);
        return i;
    }
  }

  private paragraphLine(i: number, k: Extract<LineKind, { kind: 'paragraph' }>, blankBefore: boolean): number {
    const at = this.lines[i] as SourceLine;
    if (k.bare && !this.bareNumberFits(k.number)) {
      this.text(at.text.trim(), at.line, at.column, blankBefore);
      return i;
    }
    const headingTitle = k.rest === '' ? this.takeTitle(i) : { title: k.rest.trim(), next: i };
    // `1.⏎Introduction` before paragraphs numbered above it (the seed's layout), or `3. Composition
    // of the bureau` with the numbering of the text jumping after it (`10.`).
    const looksLikeHeading =
      !k.bracketed &&
      !k.bare &&
      /^\d+$/.test(k.number) &&
      this.isHeadingTitle(headingTitle.title, headingTitle.next, false) &&
      k.numeral > this.lastSectionNumeral &&
      (this.lowestNumeral > k.numeral || (k.rest !== '' && this.nextNumberJumps(i, k.numeral)));
    if (looksLikeHeading) {
      this.lastSectionNumeral = k.numeral;
      this.openSection({ number: k.number, title: headingTitle.title }, `${k.number}.`, 0);
      return headingTitle.next;
    }
    this.closeBlocksFor(k.number);
    const twin = k.attribution !== undefined ? this.twin(k.number) : undefined;
    if (twin) {
      // A second delegation's proposal for the same paragraph: a competing wording of it.
      const alt: AltNode = { label: k.attribution as string, bracketed: false, unit: newUnit(), line: at.line, column: at.column };
      twin.alternatives.push(alt);
      this.para = twin;
      this.setUnit(alt.unit, 'alternative');
      appendLine(alt.unit, k.rest, at.line, at.column + k.restColumn - 1);
      return i;
    }
    this.startParagraph(k.number, k.bracketed, at.line, at.column);
    appendLine(this.unit as TextUnit, k.rest, at.line, at.column + k.restColumn - 1);
    return i;
  }

  private optionLine(i: number, k: Extract<LineKind, { kind: 'option' }>, blankBefore: boolean): number {
    const at = this.lines[i] as SourceLine;
    const column = at.column + k.restColumn - 1;
    // Options after an item are competing wordings of that item, unless the option is the next
    // of an open block's series and the item has not started a series of its own (`Option 1:`
    // … `2. … (a) …` then `Option 2:` is the block's second option, not the item's wording).
    const item = this.unitKind === 'item' && this.para ? (this.para.items[this.para.items.length - 1] as ItemNode) : undefined;
    if (k.anchor === undefined && item && (continuesItem(item, k.key) || !this.continuesBlock(k.key))) {
      const alt: AltNode = { label: k.label, bracketed: k.bracketed, unit: newUnit(), line: at.line, column };
      item.alternatives.push(alt);
      appendLine(alt.unit, k.rest, at.line, column);
      this.unit = alt.unit;
      return i;
    }
    const anchor = k.anchor ?? this.bareNumberBefore();
    if (anchor !== undefined) this.closeBlocksFor(anchor);
    const placed = this.placeOption(anchor === k.anchor ? k : { ...k, anchor }, at.line);
    if (!placed) {
      this.text(at.text.trim(), at.line, at.column, blankBefore);
      return i;
    }
    const { option } = placed;
    if (k.title !== undefined) option.title = k.title;
    if (k.through !== undefined) option.through = k.through;
    this.para = undefined;
    this.unit = undefined;
    const rest = k.rest.trim();
    if (rest === '') return i;
    if (isPlaceholder(rest)) {
      option.placeholder = newUnit();
      appendLine(option.placeholder, rest, at.line, column);
      this.setUnit(option.placeholder, 'placeholder');
      return i;
    }
    // `Option I: [Loss and damage]` over numbered paragraphs: a title (in brackets: contested), not a paragraph.
    // `Option II (proposed as a separate chapter): [Article X: Loss and damage]` has two.
    if (rest.length <= 80 && isTitleShaped(rest.replace(/^\[+|\]+$/g, ''), this.vocabulary) && this.kinds[this.nextNonBlank(i + 1)]?.kind === 'paragraph') {
      option.title = option.title === undefined ? rest : `${option.title}: ${rest}`;
      return i;
    }
    option.inline = true;
    this.startParagraph(undefined, k.bracketed && !placed.bracketOwned, at.line, column);
    appendLine((this.para as unknown as ParagraphNode).text, k.rest, at.line, column);
    return i;
  }

  /**
   * Whether the current top heading is numbered in roman numerals, so that a letter (`A.`) goes
   * under it. `C`, `D`, `I` and `L` are letters where they follow the letter before them
   * (`B.`, `C.`: the ADP's sections A. to M.).
   */
  private romanTop(): boolean {
    const number = this.top?.section.number;
    if (number === undefined || !/^[IVXLC]+$/.test(number)) return false;
    // The top heading is the last of `sections`, where every top heading is pushed.
    const before = this.sections.at(-1) === this.top ? this.sections.at(-2)?.section.number : undefined;
    return !nextLetter(before, number);
  }

  /** Whether `key` is the next option of one of the open blocks' series. */
  private continuesBlock(key: OptionKey): boolean {
    return this.blocks.some(({ option }) => nextReading(key, option.reading) !== undefined);
  }

  /**
   * Puts an option line in its block: the next option of an open block's series (closing the
   * blocks inside it), or the first option of a new block inside the current option or section.
   */
  private placeOption(k: Extract<LineKind, { kind: 'option' }>, line: number): { option: OptionNode; bracketOwned: boolean } | undefined {
    for (let depth = this.blocks.length - 1; depth >= 0; depth--) {
      const open = this.blocks[depth] as { block: BlockNode; option: OptionNode };
      const reading = nextReading(k.key, open.option.reading);
      if (reading && k.anchor === undefined) {
        this.blocks = this.blocks.slice(0, depth + 1);
        return { option: this.addOption(open, k, reading, line), bracketOwned: false };
      }
    }
    const reading = openingReading(k.key);
    if (!reading) return undefined;
    // A new series: inside the current option, unless an inline option's one paragraph is done
    // (`3. Option 1: … which entails:` then `3.1 Option (a): …` is still inside Option 1 of 3).
    const inside = (open: { block: BlockNode }) => k.anchor !== undefined && open.block.anchor !== undefined && isSubNumber(k.anchor, open.block.anchor);
    while (this.blocks.length > 0 && isFinished((this.blocks[this.blocks.length - 1] as { option: OptionNode }).option) && !inside(this.blocks[this.blocks.length - 1] as { block: BlockNode })) this.blocks.pop();
    const anchor = k.anchor ?? this.anchorForUnanchored();
    this.started = true;
    const block: BlockNode = { kind: 'block', ...(k.anchor !== undefined ? { anchor: k.anchor } : {}), ...(anchor ? { scopeKey: anchor } : {}), options: [], line };
    this.container().push(block);
    const open = { block, option: undefined as unknown as OptionNode };
    this.blocks.push(open);
    return { option: this.addOption(open, k, reading, line), bracketOwned: false };
  }

  private addOption(open: { block: BlockNode; option: OptionNode }, k: Extract<LineKind, { kind: 'option' }>, reading: OptionReading, line: number): OptionNode {
    const option: OptionNode = { label: k.label, reading, inline: false, entries: [], line };
    open.block.options.push(option);
    open.option = option;
    return option;
  }

  /**
   * `12.` alone on its line, then `Option 1: …`: the number stands over the options, like
   * `12. Option 1: …`. The empty paragraph it opened is taken back.
   */
  private bareNumberBefore(): string | undefined {
    const para = this.para;
    if (!para || para.number === undefined || para.text.text !== '' || para.items.length > 0 || para.alternatives.length > 0 || this.blocks.length > 0) return undefined;
    const entries = this.container();
    if (entries[entries.length - 1] !== para) return undefined;
    entries.pop();
    this.paragraphs.splice(this.paragraphs.indexOf(para), 1);
    this.numbered.delete(this.numberKey(para.number));
    this.para = undefined;
    this.unit = undefined;
    return para.number;
  }

  /** The key of a block with no printed number: the paragraph it follows, else its place among such blocks. */
  private anchorForUnanchored(): string | undefined {
    const entries = this.container();
    const previous = entries[entries.length - 1];
    if (previous?.kind === 'paragraph' && previous.number !== undefined) return addressPart(previous.number);
    const scope = this.scope().join('-');
    const count = (this.blockCount.get(scope) ?? 0) + 1;
    this.blockCount.set(scope, count);
    return count === 1 ? undefined : `b${count}`;
  }

  /** A numbered paragraph outside the number a block stands under closes that block. */
  private closeBlocksFor(number: string): void {
    for (let depth = 0; depth < this.blocks.length; depth++) {
      const { block, option } = this.blocks[depth] as { block: BlockNode; option: OptionNode };
      const anchored = block.anchor !== undefined && !isSubNumber(number, block.anchor);
      if (anchored || option.placeholder !== undefined || (option.inline && !(block.anchor !== undefined && isSubNumber(number, block.anchor))) || pastItsLast(option, number)) {
        this.blocks = this.blocks.slice(0, depth);
        return;
      }
    }
  }

  private alternativeLine(i: number, k: Extract<LineKind, { kind: 'alternative' }>): number {
    const at = this.lines[i] as SourceLine;
    if (k.ref !== undefined && k.itemRef === undefined && this.para?.number !== k.ref) {
      // `[Alt 2 61.` after lines that are not 61's: another wording of the 61 already read, if there is one.
      const twin = this.twin(k.ref);
      if (twin) this.para = twin;
      else this.startParagraph(k.ref, false, at.line, at.column);
    }
    if (!this.para) {
      this.warn(at.line, at.column, 'ALTERNATIVE_OUTSIDE_PARAGRAPH', `"${k.label}" stands before any paragraph; kept as text`);
      this.text(at.text.trim(), at.line, at.column, false);
      return i;
    }
    const column = at.column + k.restColumn - 1;
    const alt: AltNode = { label: k.label, bracketed: k.bracketed, unit: newUnit(), line: at.line, column: at.column };
    const owner = k.itemRef !== undefined && this.para.items.length > 0 ? findItem(this.para, k.itemRef) : undefined;
    (owner ? owner.alternatives : this.para.alternatives).push(alt);
    this.setUnit(alt.unit, 'alternative');
    appendLine(alt.unit, k.rest, at.line, column);
    return i;
  }

  /** Running text: continues the unit before it, or is a paragraph of its own. */
  private text(words: string, line: number, column: number, blankBefore: boolean): void {
    const language = languageNote(words);
    if (language) {
      this.note(language, line);
      return;
    }
    const unit = this.unit;
    if (unit !== undefined && this.unitKind !== 'placeholder' && continuesUnit(unit.text, words, blankBefore, this.unitKind === 'unnumbered')) {
      appendLine(unit, words, line, column);
      return;
    }
    if (!this.started && !isPreambular(words)) {
      appendLine(this.preamble, words, line, column);
      return;
    }
    if (this.started && isTitleShaped(words, this.vocabulary) && words.length <= 100 && !/[[\]]/.test(words) && this.titleFollowed(this.current)) {
      const top = this.top?.section;
      // Under a numbered or lettered heading (`A. Preamble`, `PART II`) or in an article a title is
      // a subheading (the next article closes it); after another title (`Annex`), it is a heading of its own.
      const underHeading = top !== undefined && (this.top?.scopeKey !== undefined || top.number !== undefined);
      this.openSection({ title: words }, words, underHeading ? 1 : 0, true);
      return;
    }
    // An inline option holds its one paragraph; text after it is outside the block.
    const innermost = this.blocks[this.blocks.length - 1];
    if (innermost && unit === undefined && innermost.option.entries.length === 0 && innermost.option.placeholder === undefined && isPlaceholder(words)) {
      // `Option 2:` then `(No text)` on the next line: the option's words, and the end of the option.
      innermost.option.placeholder = newUnit();
      appendLine(innermost.option.placeholder, words, line, column);
      this.setUnit(innermost.option.placeholder, 'placeholder');
      return;
    }
    if (innermost?.option.inline || innermost?.option.placeholder !== undefined) this.blocks.pop();
    this.startParagraph(undefined, false, line, column);
    appendLine(this.unit as TextUnit, words, line, column);
  }

  private startParagraph(number: string | undefined, bracketed: boolean, line: number, column: number): void {
    this.started = true;
    const section = this.currentSection();
    const scope = this.scope();
    // The same number twice in one section is a slip of the drafters or of a conversion: both
    // paragraphs are kept (the second under an address of its own), and the reader is told.
    const twin = number !== undefined ? this.twin(number) : undefined;
    if (twin) {
      const where = scope.length > 0 ? 'article or option' : 'section';
      this.warn(line, column, 'DUPLICATE_NUMBER', `paragraph ${number} appears twice in the same ${where} (first at line ${twin.line}): both are kept, under different addresses ("ndraft show ${number}" lists them); give one of them another number, e.g. ${number}bis`);
    }
    const para: ParagraphNode = { kind: 'paragraph', ...(number !== undefined ? { number } : {}), bracketed, line, column, text: newUnit(), items: [], alternatives: [], notes: [], scope, section, ...(twin ? { duplicate: true as const } : {}) };
    this.paragraphs.push(para);
    this.container().push(para);
    const innermost = this.blocks[this.blocks.length - 1]?.option;
    if (innermost?.through !== undefined && number !== undefined && normaliseNumber(number) === innermost.through) innermost.holdsLast = true;
    if (number !== undefined) {
      if (!twin) this.numbered.set(this.numberKey(number), para);
      this.lastNumbered.set(section, para);
      const numeral = parseInt(number, 10);
      if (numeral < this.lowestNumeral) this.lowestNumeral = numeral;
    }
    this.para = para;
    this.setUnit(para.text, number === undefined ? 'unnumbered' : 'numbered');
  }

  /** The paragraph printed with this number in the same section and scope, if any. */
  private twin(number: string): ParagraphNode | undefined {
    return this.numbered.get(this.numberKey(number));
  }

  private numberKey(number: string): string {
    const section = this.currentSection();
    let id = this.sectionIds.get(section);
    if (id === undefined) {
      id = this.sectionIds.size;
      this.sectionIds.set(section, id);
    }
    return `${id}|${this.scope().join('-')}|${addressPart(number)}`;
  }

  private setUnit(unit: TextUnit, kind: OutlineBuilder['unitKind']): void {
    this.unit = unit;
    this.unitKind = kind;
  }

  private note(text: string, line: number): void {
    if (this.para) this.para.notes.push({ text, kind: 'editorial' });
    else if (this.sub ?? this.top) ((this.sub ?? this.top) as SectionNode).section.notes = [...((this.sub ?? this.top) as SectionNode).section.notes ?? [], { text, kind: 'editorial' }];
    else this.notes.push({ text, line });
  }

  private container(): OutlineNode[] {
    const open = this.blocks[this.blocks.length - 1];
    return open ? open.option.entries : this.currentSection().entries;
  }

  private scope(): string[] {
    const scope: string[] = [];
    const article = [this.sub, this.top].find((s) => s?.scopeKey !== undefined);
    if (article?.scopeKey) scope.push(article.scopeKey);
    for (const { block, option } of this.blocks) scope.push(`${block.scopeKey ? `${block.scopeKey}-` : ''}opt${addressPart(optionId(option.label))}`);
    return scope;
  }

  private currentSection(): SectionNode {
    if (this.sub) return this.sub;
    if (!this.top) {
      this.top = { section: {}, entries: [], subsections: [] };
      this.sections.push(this.top);
    }
    return this.top;
  }

  private openSection(heading: { number?: string; title: string }, marker: string, depth: 0 | 1, titleOnly = false): SectionNode {
    this.started = true;
    const section: SectionNode['section'] = { ...(heading.number !== undefined ? { number: heading.number } : {}), ...(heading.title !== '' ? { title: heading.title } : {}) };
    const node: SectionNode = { section, entries: [], subsections: [] };
    if (titleOnly) {
      // A title with no marker: the title is the whole heading.
      delete section.title;
      section.label = marker;
    } else if (sectionMarker({ ...section, paragraphs: [] }, depth) !== marker) section.label = marker;
    if (depth === 0 || !this.top) {
      this.sections.push(node);
      this.top = node;
      this.sub = undefined;
    } else {
      this.top.subsections.push(node);
      this.sub = node;
    }
    this.blocks = [];
    this.para = undefined;
    this.unit = undefined;
    return node;
  }

  private nextNonBlank(from: number): number {
    let j = from;
    while (j < this.kinds.length && this.kinds[j]?.kind === 'blank') j++;
    return j;
  }

  private followedByStructure(j: number): boolean {
    const next = this.kinds[this.nextNonBlank(j + 1)];
    return next === undefined || ['paragraph', 'subsection', 'section-number', 'rule', 'article', 'division', 'option', 'caps-heading', 'editorial'].includes(next.kind);
  }

  /** The next numbered line after `i` is not `numeral + 1`: numbering does not go on from it. */
  private nextNumberJumps(i: number, numeral: number): boolean {
    const next = this.kinds[this.nextNonBlank(i + 1)];
    return next?.kind === 'paragraph' && !next.bare && next.numeral > numeral + 1;
  }

  /** A title line is a heading unless the line after it continues it (starts in lower case). */
  private titleFollowed(j: number): boolean {
    const next = this.kinds[this.nextNonBlank(j + 1)];
    return next === undefined || next.kind !== 'text' || !/^[\p{Ll}]/u.test(next.rest);
  }

  private isHeadingTitle(title: string, end: number, bracketsAllowed: boolean): boolean {
    return title !== '' && isTitleShaped(title, this.vocabulary) && (bracketsAllowed || !/[[\]]/.test(title)) && this.followedByStructure(end);
  }

  /** The next line closes the brace `opened` left open: the title both make, and that line consumed. */
  private braceClosedOn(i: number, opened: string): { title: string; next: number } | undefined {
    const j = this.nextNonBlank(i + 1);
    const k = this.kinds[j];
    const closing = k?.kind === 'text' ? /^([^{}]*)\}\s*\d{0,3}$/.exec(k.rest.trim()) : null;
    return closing ? { title: `${opened.slice(1)} ${closing[1] as string}`.replace(/\s+/g, ' ').trim(), next: j } : undefined;
  }

  /** A heading's title on the next line: consumed when it reads like a title. */
  private takeTitle(i: number, maxLength = 120): { title: string; next: number } {
    const j = this.nextNonBlank(i + 1);
    const k = this.kinds[j];
    if ((k?.kind === 'text' || k?.kind === 'caps-heading') && isTitleShaped(k.kind === 'text' ? k.rest : k.title, this.vocabulary, maxLength)) return { title: (k.kind === 'text' ? k.rest : k.title).trim(), next: j };
    return { title: '', next: i };
  }

  /** An article's title on the next line: in braces (`{Definitions}`), or a title-shaped line. */
  private takeBracedTitle(i: number): { title: string; next: number } {
    const j = this.nextNonBlank(i + 1);
    const k = this.kinds[j];
    if (k?.kind === 'editorial') return { title: k.text.replace(/^\{|\}\s*\d{0,3}$/g, '').trim(), next: j };
    // `Article 1` then `Scope` on the next line.
    return this.takeTitle(i);
  }

  /** `1 Member States …`: a number without its period counts only in sequence, in a section that numbers this way. */
  private bareNumberFits(number: string): boolean {
    const last = this.lastNumbered.get(this.currentSection());
    return number === '1' ? this.unit === undefined || this.unitKind === 'unnumbered' || last === undefined : last?.number !== undefined && Number(last.number) + 1 === Number(number);
  }

}

/** Word's lost bullets (U+F0B7 from the Symbol font) print as nothing: they are shown as the bullet they were. */
function itemLabel(label: string): string {
  return label === '\uf0b7' ? '•' : label;
}

/**
 * A note in braces or brackets wrapped onto the next line (`{PATENTS/ UNDISCLOSED TEST OR OTHER
 * DATA/ TRADITIONAL` / `KNOWLEDGE}`, `[NOTE: ARTICLES … HAVE BEEN` / `MOVED TO QQ.A.4-5]`): read
 * as the one line it is, the second line taken as blank.
 */
function joinWrappedNotes(kinds: LineKind[], lines: readonly SourceLine[], vocabulary: Vocabulary): void {
  for (let i = 0; i + 1 < kinds.length; i++) {
    const first = (lines[i] as SourceLine).text.trim();
    const close = first.startsWith('{') && !first.includes('}') ? '}' : first.startsWith('[') && !first.includes(']') && classifyLine(`${first}]`, vocabulary).kind === 'editorial' ? ']' : undefined;
    if (close === undefined || (kinds[i]?.kind !== 'text' && kinds[i]?.kind !== 'caps-heading')) continue;
    const second = (lines[i + 1] as SourceLine).text.trim();
    const open = close === '}' ? '{' : '[';
    if (!second.endsWith(close) && !new RegExp(`\\${close}\\s*\\d{1,3}$`).test(second)) continue;
    if (second.includes(open) || second.slice(0, -1).includes(close)) continue;
    const joined = classifyLine(`${first} ${second}`, vocabulary);
    if (joined.kind !== 'editorial') continue;
    kinds[i] = joined;
    kinds[i + 1] = { kind: 'blank' };
    i++;
  }
}

/** Whether `after` is the letter right after `before` (`J.` then `K.`), both single letters. */
function nextLetter(before: string | undefined, after: string): boolean {
  return before?.length === 1 && after.length === 1 && before.charCodeAt(0) + 1 === after.charCodeAt(0);
}

/** Whether `key` follows the item's last option-labelled wording in its series (`Option 1:` → `Option 2:`). */
function continuesItem(item: ItemNode, key: OptionKey): boolean {
  const last = item.alternatives[item.alternatives.length - 1];
  if (!last) return false;
  return optionKey(optionId(last.label)).readings.some((r) => nextReading(key, r) !== undefined);
}

/**
 * Whether paragraph `number` is past the last one the option's line named (`(paragraphs 3-3quater)`):
 * a higher number (`4`), or another after the last is in (`3quinquies`); its sub-paragraphs (`3quater.1`) are not.
 */
function pastItsLast(option: OptionNode, number: string): boolean {
  const last = option.through;
  if (last === undefined) return false;
  const written = normaliseNumber(number);
  if (written === last || isSubNumber(written, last)) return false;
  const lead = (n: string) => Number(/\d+/.exec(n)?.[0] ?? Number.NaN);
  return lead(written) > lead(last) || option.holdsLast === true;
}

/** An option that held its one paragraph, or only placeholder words, takes nothing more. */
function isFinished(option: OptionNode): boolean {
  return option.inline || option.placeholder !== undefined;
}

function findItem(para: ParagraphNode, letter: string): ItemNode {
  const named = para.items.find((item) => item.label.replace(/[()\s]/g, '') === letter);
  return named ?? (para.items[para.items.length - 1] as ItemNode);
}

/** `3.1` stands under `3`. */
function isSubNumber(number: string, anchor: string): boolean {
  return number.startsWith(`${anchor}.`) && number.length > anchor.length + 1;
}

/** A printed label as a part of an address: `3 bis` → `3bis`, `(TT)4` → `tt4`, `QQ.A.2bis` → `qq.a.2bis`. */
export function addressPart(label: string): string {
  return label
    .toLowerCase()
    .replace(/[^a-z0-9.]+/g, '-')
    .replace(/[-.]{2,}/g, (run) => run[0] as string)
    .replace(/^[-.]+|[-.]+$/g, '')
    .replace(/-/g, '');
}

export type { Diagnostic };
