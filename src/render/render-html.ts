import { describeScope } from '../model/describe-scope.js';
import { diffWordings, similarity } from '../diff/wording-diff.js';
import { headerOf, type ExportInput } from '../export/export-input.js';
import { isAcceptedOption } from '../model/outline.js';
import { parseParagraph, type ParsedParagraph, type TextSlot } from '../model/paragraph-slots.js';
import type { NotationResult } from '../notation/types.js';
import type { Alternative, Item, OutlineEntry, Paragraph, Section, SpanMark, Status } from '../model/schemas.js';
import { collectSpans, hasSpanMarks, spanExtent, type DraftSpan } from '../model/spans.js';
import { escapeHtml, idSafe } from './html-escape.js';
import { changed, isPlainParagraph, LEGEND, markerHtml, notationHtml, plainNotationHtml } from './html-notation.js';
import { numberedBy, unnumbered, type Numbered } from './html-lines.js';
import { headerStyle, HTML_STYLE } from './html-style.js';
import { documentFieldsHtml, STATUS_WORDS, summaryHtml, tocHtml, type TocSection } from './html-contents.js';
import { alternativeHead, paragraphLineBlocks } from './paragraph-lines.js';
import { POSITIONS_STYLE, positionsSectionHtml } from './html-positions.js';
import { noteLabel } from './note-text.js';
import type { Note } from '../model/schemas.js';
import { sectionMarker } from './section-heading.js';
import type { TrackedChanges } from '../compare/tracked-changes.js';
import { TRACKED_STYLE, trackedParagraphHtml } from './tracked-html.js';
import { changesNote } from './tracked-lines.js';
import type { TextDiffMemo } from '../compare/word-diff-memo.js';
import type { Change } from 'diff';

/**
 * The draft as one self-contained HTML page: inline style, no script, nothing fetched, so it
 * can be mailed and opened offline. A table of contents links to every section (`#s-3a`) and
 * paragraph (`#p-61`).
 *
 * Compilation mode shows the negotiation: paragraphs coloured by status with a legend, brackets
 * highlighted by nesting depth with their options separated, whole-paragraph brackets, item
 * statuses, and each set of alternatives side by side with the words that differ from the first
 * one highlighted, under the delegations' positions. Clean mode shows the consolidated text
 * with headings and contents, without colours or markers.
 *
 * The header shows the document symbol, revision and date (or, without a date, the day the
 * file was made). With `input.lineNumbers`, every line of negotiated text is broken where
 * `paragraph-lines.ts` breaks it and numbered in the margin, as the DOCX export numbers it.
 *
 * Every string from the draft goes through `escapeHtml`; text blocks carry `dir="auto"` so
 * right-to-left text reads as typed. Pure: returns the page.
 */
export function renderHtml(input: ExportInput, options: HtmlOptions = {}): string {
  return new HtmlPage(input, options.sections ?? [], options.changes, options.alternativeDiffs).render();
}

export interface HtmlOptions {
  /**
   * Sections added after the text (and listed in the contents), e.g. the table of positions by
   * delegation: this is where other views of the draft plug into the page.
   */
  sections?: readonly HtmlSection[];
  /** `--changes-since`: the paragraphs changed since a revision, shown with `<ins>` and `<del>` by author (`tracked-html.ts`). */
  changes?: TrackedChanges;
  /** Where the word diffs of the alternatives are kept between runs (`textDiffMemo`): cold, they are a sixth of the page's cost. */
  alternativeDiffs?: TextDiffMemo;
}

/** A section of the page made elsewhere: `html` is trusted markup, `title` is escaped here. */
export interface HtmlSection {
  /** The element id, for the contents' link (`positions` → `#positions`). */
  id: string;
  title: string;
  html: string;
}

class HtmlPage {
  private readonly compilation: boolean;
  private readonly byAddress: Map<string, Paragraph>;
  private readonly usedIds = new Set<string>();
  private readonly paragraphIds = new Map<Paragraph, string>();
  private readonly shown = new Set<Paragraph>();
  /** Each bracket span's caption (`Bracket over paragraphs 3–4`), by its number. */
  private readonly spanCaptions = new Map<number, string>();
  /** The spans each paragraph takes part in. */
  private readonly spansOf = new Map<Paragraph, DraftSpan[]>();
  /** Each shown paragraph's brackets, counted from the one parse its texts are shown from (for the summary). */
  private readonly bracketCounts = new Map<Paragraph, number>();

  private readonly lines: boolean;

  constructor(
    private readonly input: ExportInput,
    private readonly extra: readonly HtmlSection[],
    private readonly changes?: TrackedChanges,
    private readonly alternativeDiffs?: TextDiffMemo,
  ) {
    this.compilation = input.mode === 'compilation';
    this.lines = input.lineNumbers === true;
    this.byAddress = new Map(input.draft.paragraphs.map((p) => [p.address, p]));
    for (const p of input.draft.paragraphs) this.paragraphIds.set(p, this.uniqueId(`p-${idSafe(input.displayNumber(p) ?? p.address)}`));
    if (this.compilation) {
      const name = (p: Paragraph) => input.displayNumber(p) ?? p.address;
      const marked = (address: string) => {
        const p = this.byAddress.get(address);
        return p !== undefined && hasSpanMarks(p);
      };
      for (const span of collectSpans(input.draft.meta.sections, marked, (a) => this.byAddress.get(a)).spans) {
        this.spanCaptions.set(span.span, `Bracket over ${spanExtent(span, name)}`);
        for (const { unit } of span.units) {
          const list = this.spansOf.get(unit.paragraph) ?? [];
          if (!list.includes(span)) list.push(span);
          this.spansOf.set(unit.paragraph, list);
        }
      }
    }
  }

  /** A text in bracket notation, its bracket spans highlighted with their captions. */
  private notation(text: string, marks: readonly SpanMark[] | undefined, flag: boolean, parsed: NotationResult | undefined): string {
    if (parsed === undefined && (marks === undefined || marks.length === 0)) return plainNotationHtml(text, flag);
    return notationHtml(text, flag, marks, (span) => this.spanCaptions.get(span) ?? `Bracket span ${span}`, parsed);
  }

  render(): string {
    const { meta } = this.input.draft;
    const body: string[] = [];
    if (meta.preamble) body.push(`<p class="preamble" dir="auto">${escapeHtml(meta.preamble)}</p>`);
    body.push(...this.removedAfter(''));
    const toc = this.sections(meta.sections, 0, body);
    if (meta.closing) body.push(`<p class="closing" dir="auto">${escapeHtml(meta.closing)}</p>`);
    if (this.compilation) body.push(positionsSectionHtml(this.input.draft.paragraphs));
    if (this.compilation && meta.notes?.length) body.push(`<section class="draft-notes"><h2>Notes</h2>${this.notes(meta.notes)}</section>`);
    if (this.input.note !== undefined && this.input.note.trim() !== '') {
      body.push(`<aside class="export-note" dir="auto">${escapeHtml(this.input.note)}</aside>`);
    }
    const extra = this.extra.map((section) => ({ ...section, id: this.uniqueId(idSafe(section.id)) }));
    for (const section of extra) body.push(`<section class="extra" id="${section.id}"><h2 class="section-heading">${escapeHtml(section.title)}</h2>\n${section.html}\n</section>`);
    const kind = this.compilation ? 'Compilation text' : 'Consolidated text';
    const head = [
      '<!doctype html>',
      '<html lang="en">',
      '<head>',
      '<meta charset="utf-8">',
      '<meta name="viewport" content="width=device-width, initial-scale=1">',
      '<meta name="generator" content="ndraft">',
      `<title>${escapeHtml(meta.title)} (${kind.toLowerCase()})</title>`,
      `<style>${HTML_STYLE}${POSITIONS_STYLE}${this.changes ? TRACKED_STYLE : ''}${headerStyle(headerOf(this.input))}</style>`,
      '</head>',
      `<body class="${this.input.mode}${this.lines ? ' lines' : ''}">`,
      '<header class="doc-head">',
      documentFieldsHtml(headerOf(this.input)),
      `<p class="kind">${kind}</p>`,
      `<h1 dir="auto">${escapeHtml(meta.title)}</h1>`,
      meta.source ? `<p class="source">Source: <bdi>${escapeHtml(meta.source)}</bdi></p>` : '',
      this.compilation ? summaryHtml(this.input.draft.paragraphs, this.spanCaptions.size, (p) => this.bracketCounts.get(p) ?? parseParagraph(p).brackets.length) : '',
      '</header>',
      '<div class="layout">',
      tocHtml([...toc, ...extra.map((section) => ({ id: section.id, heading: escapeHtml(section.title), paragraphs: [], subsections: [] }))], (p) => this.chip(p)),
      '<main>',
      this.compilation ? LEGEND : '',
      this.changes ? `<p class="changes-note">${escapeHtml(changesNote(this.changes.since))} are marked: <ins class="tr">inserted</ins>, <del class="tr">deleted</del>; each names who made it and when (point at it).</p>` : '',
    ];
    // Empty parts leave no blank line; the page ends with a line break. Pushed, not spread and
    // filtered: the body is a line per paragraph.
    const lines: string[] = [];
    for (const line of head) if (line !== '') lines.push(line);
    for (const line of body) if (line !== '') lines.push(line);
    lines.push('</main>', '</div>', '</body>', '</html>', '');
    return lines.join('\n');
  }

  private uniqueId(wanted: string): string {
    let id = wanted;
    for (let n = 2; this.usedIds.has(id); n++) id = `${wanted}-${n}`;
    this.usedIds.add(id);
    return id;
  }

  /** Writes the sections into `body` and returns them for the table of contents. */
  private sections(sections: readonly Section[], depth: number, body: string[]): TocSection[] {
    return sections.map((section, index) => {
      const marker = sectionMarker(section, depth).trim();
      const title = (section.title ?? '').trim();
      const id = this.uniqueId(`s-${section.number !== undefined ? idSafe(section.number) : `${depth}-${index + 1}`}`);
      const heading = [marker === '' ? '' : `<span class="marker">${escapeHtml(marker)}</span>`, escapeHtml(title)].filter((s) => s !== '').join(' ');
      const level = Math.min(depth + 2, 6);
      body.push(`<h${level} id="${id}" class="section-heading" dir="auto">${heading === '' ? '<span class="marker">§</span>' : heading}</h${level}>`);
      const paragraphs: Paragraph[] = [];
      for (const entry of section.paragraphs) body.push(this.entry(entry, paragraphs));
      const subsections = this.sections(section.subsections ?? [], depth + 1, body);
      return { id, heading: heading === '' ? '§' : heading, paragraphs, subsections };
    });
  }

  private entry(entry: OutlineEntry, listed: Paragraph[]): string {
    if (typeof entry === 'string') return this.listedParagraph(entry, listed);
    const options = entry.options
      .map((option) => {
        const words = option.text !== undefined && option.text !== '' ? `<p class="text" dir="auto">${escapeHtml(option.text)}</p>\n` : '';
        const paragraphs = option.paragraphs.map((inner) => this.entry(inner, listed)).join('\n');
        if (paragraphs === '' && words === '') return '';
        const title = option.title !== undefined && option.title !== '' ? ` <span class="option-title">{${escapeHtml(option.title)}}</span>` : '';
        const accepted = isAcceptedOption(entry, option) ? ' <span class="option-accepted">(accepted)</span>' : '';
        return `<div class="option"><p class="option-label" dir="auto">${escapeHtml(option.label)}${title}${accepted}</p>\n${words}${paragraphs}\n</div>`;
      })
      .filter((html) => html !== '');
    if (options.length === 0) return '';
    return `<div class="option-block"><p class="block-name" dir="auto">${escapeHtml(entry.block)}</p>\n${options.join('\n')}\n</div>`;
  }

  private listedParagraph(address: string, listed: Paragraph[]): string {
    const p = this.byAddress.get(address);
    // Listed twice in a hand-made outline: shown once, so that its id stays unique.
    if (p === undefined || this.shown.has(p)) return '';
    this.shown.add(p);
    listed.push(p);
    const html = this.paragraph(p);
    return this.changes ? [html, ...this.removedAfter(p.address)].join('\n') : html;
  }

  /** The paragraphs removed since the revision that stood after `address` ("" at the start), struck through. */
  private removedAfter(address: string): string[] {
    if (!this.changes) return [];
    return (this.changes.removed.get(address) ?? []).map((tracked) => trackedParagraphHtml(tracked, this.input, (this.changes as TrackedChanges).unattributed, undefined, 'deleted', this.changes?.memo));
  }

  private paragraph(p: Paragraph): string {
    const id = this.paragraphIds.get(p) as string;
    const tracked = this.changes?.changed.get(p.address);
    if (tracked && this.changes) return trackedParagraphHtml(tracked, this.input, this.changes.unattributed, id, p.status, this.changes.memo);
    const shown = this.input.displayNumber(p);
    const number = shown === undefined ? '' : escapeHtml(`${shown}.`);
    const numbered = this.lines ? numberedBy(new Map(paragraphLineBlocks(p, this.input).map((b) => [b.key, b]))) : unnumbered;
    return this.compilation ? this.compiledParagraph(p, id, shown, number, numbered) : cleanParagraph(p, id, number, numbered);
  }

  /** The paragraph as negotiated: its status, brackets, items, alternatives and notes. */
  private compiledParagraph(p: Paragraph, id: string, shown: string | undefined, number: string, numbered: Numbered): string {
    const close = p.bracketed ? '<span class="whole-bracket">]</span>' : '';
    let badges = `<span class="badge st-${p.status}">${STATUS_WORDS[p.status]}</span>`;
    if (p.bracketed) badges += '<span class="badge whole">Whole paragraph in brackets: may be dropped</span>';
    // Parsed once: the badge, the summary's count and every text's notation below read this. A
    // paragraph with no bracket (most of a draft) is not parsed: its texts are shown as they are.
    const parsed = isPlainParagraph(p) ? undefined : parseParagraph(p);
    this.bracketCounts.set(p, parsed === undefined ? 0 : parsed.brackets.length);
    if (parsed !== undefined && parsed.errors.length > 0) badges += '<span class="badge unbalanced">Unbalanced brackets, shown as written</span>';
    for (const span of this.spansOf.get(p) ?? []) {
      const caption = this.spanCaptions.get(span.span) ?? '';
      badges += `<span class="badge span" title="One bracket over several texts: kept or dropped as one">${escapeHtml(caption)}</span>`;
    }
    const flag = p.status === 'open';
    const items = p.items.map((item, i) => {
      const isLast = i === p.items.length - 1;
      return this.item(item, isLast ? close : '', { flag, shownStatus: isLast && p.status !== 'open' ? p.status : item.status, numbered, parsed, index: i });
    });
    const marker = this.lines && items.length === 0 ? markerHtml(p.text, p.status) : '';
    const text = numbered('text', `${this.notation(p.text, p.spans, flag, parsed && slotParse(parsed, 'text'))}${marker}${items.length === 0 ? close : ''}`);
    return joinLines([
      `<article class="para st-${p.status}${p.bracketed ? ' whole' : ''}" id="${id}">`,
      `<div class="para-head">${p.bracketed ? OPEN_WHOLE : ''}<a class="num" href="#${id}">${number}</a>${badges}</div>`,
      '<div class="body">',
      text === '' ? '' : `<p class="text" dir="auto">${text}</p>`,
      items.length > 0 ? `<ul class="items">\n${items.join('\n')}\n</ul>` : '',
      '</div>',
      p.alternatives.length === 0 ? '' : this.alternatives(p.alternatives, flag, numbered, (label) => `alternative ${label}`, (label) => alternativeHead(label, shown), parsed && slotParse(parsed, 'alternative', undefined, 0)),
      p.notes?.length ? this.notes(p.notes) : '',
      '</article>',
    ]);
  }

  /** With line numbers the status is a marker in the text, `(Agreed)`, counted as the DOCX counts it. */
  private item(
    item: Item,
    close: string,
    context: {
      flag: boolean;
      shownStatus: Status | undefined;
      numbered: Numbered;
      /** The paragraph parsed (none when it holds no bracket), and the item's index in it. */
      parsed: ParsedParagraph | undefined;
      index: number;
    },
  ): string {
    const key = `item ${item.label}`;
    const status = item.status === undefined || this.lines ? '' : `<span class="badge st-${item.status}">${STATUS_WORDS[item.status]}</span>`;
    const flag = context.flag && (item.status === undefined || item.status === 'open');
    const marker = this.lines ? markerHtml(item.text, context.shownStatus) : '';
    return [
      `<li class="item${item.status === undefined ? '' : ` st-${item.status}`}">`,
      `<span class="label"><bdi>${escapeHtml(item.label)}</bdi></span> `,
      `<div class="item-main"><span class="item-text" dir="auto">${context.numbered(key, `${this.notation(item.text, item.spans, flag, context.parsed && slotParse(context.parsed, 'item', context.index))}${marker}${close}`)}</span>${status === '' ? '' : ` ${status}`}</div>`,
      item.alternatives === undefined || item.alternatives.length === 0 ? '' : this.alternatives(item.alternatives, flag, context.numbered, (label) => `${key} ${label}`, (label) => `[${label})`, context.parsed && slotParse(context.parsed, 'item-alternative', context.index, 0)),
      item.notes?.length ? this.notes(item.notes) : '',
      '</li>',
    ].join('');
  }

  /** Side by side; from the second on, the words not in the first are highlighted. */
  private alternatives(
    alternatives: readonly Alternative[],
    flag: boolean,
    numbered: Numbered,
    keyOf: (label: string) => string,
    headOf: (label: string) => string,
    /** The first alternative's text parsed (the others are shown as their differences from it); none when it holds no bracket. */
    firstParsed: NotationResult | undefined,
  ): string {
    const first = alternatives[0];
    if (first === undefined) return '';
    const cards = alternatives.map((alt, i) => {
      const compared = i > 0 ? this.wordDiff(first.text, alt.text) : undefined;
      const words = compared === undefined ? notationHtml(alt.text, flag, undefined, undefined, firstParsed) : compared.filter((c) => !c.removed).map((c) => (c.added ? changed(c.value, flag) : notationHtml(c.value, flag))).join('');
      // Numbered, an alternative reads as the text export writes it, `[Alt 2 61. …]`, and is counted so.
      const text = this.lines ? numbered(keyOf(alt.label), `<span class="bm">${escapeHtml(headOf(alt.label).slice(0, 1))}</span>${escapeHtml(headOf(alt.label).slice(1))} ${words}<span class="bm">]</span>`) : words;
      const alike = compared === undefined ? '' : `<p class="alike">${Math.round(similarity(compared) * 100)}% of words shared with <bdi>${escapeHtml(first.label)}</bdi></p>`;
      return [
        '<section class="alt">',
        `<h4 class="alt-label" dir="auto">${escapeHtml(alt.label)}</h4>`,
        alt.scope === undefined ? '' : `<p class="alt-scope">${escapeHtml(describeScope(alt.scope).replace(/^./, (c) => c.toUpperCase()))}</p>`,
        positions(alt),
        alike,
        `<p class="alt-text" dir="auto">${text}</p>`,
        alt.notes?.length ? this.notes(alt.notes) : '',
        '</section>',
      ].join('');
    });
    const caption =
      alternatives.length > 1
        ? `${alternatives.length} alternatives. Highlighted: words that differ from <bdi>${escapeHtml(first.label)}</bdi>.`
        : '1 alternative.';
    return `<div class="alternatives"><p class="alts-caption">${caption}</p><div class="alts">\n${cards.join('\n')}\n</div></div>`;
  }

  private wordDiff(before: string, after: string): Change[] {
    return this.alternativeDiffs ? this.alternativeDiffs.diff(before, after, () => diffWordings(before, after)) : diffWordings(before, after);
  }

  private chip(p: Paragraph): string {
    const id = this.paragraphIds.get(p) as string;
    const status = this.compilation ? ` class="chip st-${p.status}" title="${STATUS_WORDS[p.status]}"` : ' class="chip"';
    return `<a${status} href="#${id}">${escapeHtml(this.input.displayNumber(p) ?? '¶')}</a>`;
  }

  private notes(notes: readonly Note[]): string {
    return notes.map((note) => `<p class="note" dir="auto"><span class="note-label">${escapeHtml(noteLabel(note))}:</span> ${escapeHtml(note.text)}</p>`).join('');
  }
}

const OPEN_WHOLE = '<span class="whole-bracket" title="The whole paragraph may be dropped">[</span>';

/** The consolidated text's paragraph: its number, text and items, nothing of the negotiation. */
function cleanParagraph(p: Paragraph, id: string, number: string, numbered: Numbered): string {
  const items = p.items.map((item) => `<li class="item"><span class="label"><bdi>${escapeHtml(item.label)}</bdi></span> <span class="item-text" dir="auto">${numbered(`item ${item.label}`, escapeHtml(item.text))}</span></li>`);
  return joinLines([
    `<article class="para" id="${id}">`,
    `<div class="para-head"><a class="num" href="#${id}">${number}</a></div>`,
    p.text === '' ? '' : `<p class="text" dir="auto">${numbered('text', escapeHtml(p.text))}</p>`,
    items.length > 0 ? `<ul class="items">${items.join('')}</ul>` : '',
    '</article>',
  ]);
}

/** The non-empty parts, a line each. */
function joinLines(parts: readonly string[]): string {
  let out = '';
  for (const part of parts) if (part !== '') out = out === '' ? part : `${out}\n${part}`;
  return out;
}

function positions(alt: Alternative): string {
  const line = (cls: string, words: string, delegations: readonly string[] | undefined): string =>
    delegations?.length ? `<p class="pos ${cls}">${words} ${delegations.map((d) => `<bdi>${escapeHtml(d)}</bdi>`).join(', ')}</p>` : '';
  return line('proposed', 'Proposed by', alt.proposedBy) + line('supported', 'Supported by', alt.supportedBy) + line('opposed', 'Opposed by', alt.opposedBy);
}

/** One text of a parsed paragraph as `parseNotation` gave it: its tree, or its errors. */
function slotParse(parsed: ParsedParagraph, kind: TextSlot['kind'], itemIndex?: number, alternativeIndex?: number): NotationResult {
  const at = (slot: TextSlot) => slot.kind === kind && slot.itemIndex === itemIndex && slot.alternativeIndex === alternativeIndex;
  const slot = parsed.slots.find(at);
  return slot ? { ok: true, tree: slot.tree } : { ok: false, errors: parsed.errors.filter((e) => at(e.slot)).map((e) => e.error) };
}
