import { describeScope } from '../model/describe-scope.js';
import { headerOf, type ExportInput } from '../export/export-input.js';
import { headerLines } from './document-header.js';
import type { Alternative, Item, OutlineEntry, Paragraph, Section, Status } from '../model/schemas.js';
import { cleanText } from './html-escape.js';
import { sectionMarker } from './section-heading.js';
import { noteLabel } from './note-text.js';
import type { Note } from '../model/schemas.js';
import { optionHeading } from '../model/outline.js';
import { collectSpans, hasSpanMarks, spanExtent } from '../model/spans.js';
import { statusMarker } from './status-marker.js';
import { stancePhrases } from '../model/stances.js';
import type { TrackedChanges, TrackedParagraph } from '../compare/tracked-changes.js';
import { changesNote } from './tracked-lines.js';
import { trackedParagraphMarkdown } from './tracked-markdown.js';
import { rememberedTracked } from './remembered-tracked.js';

/**
 * The draft as Markdown: `# title`, `## 1. Introduction`, `**39.** text`, lettered items as a
 * list that keeps their labels, alternatives as quoted blocks headed `**Alt 1**` with the
 * delegations' positions. In compilation mode brackets, `*(Agreed)*` markers and whole-paragraph
 * brackets stay visible; in clean mode the consolidated text is printed as it is.
 *
 * Every string from the draft goes through `escapeMarkdown`, so nothing a delegate typed can
 * become a link, an image, emphasis, a heading, a list or raw HTML. Pure: returns the text.
 */
export function renderMarkdown(input: ExportInput, options: MarkdownOptions = {}): string {
  return new MarkdownDocument(input, options.changes).render();
}

export interface MarkdownOptions {
  /** `--changes-since`: the paragraphs changed since a revision, in CriticMarkup by author (`tracked-markdown.ts`). */
  changes?: TrackedChanges;
}

// Backslash-escaped wherever they stand: the characters that open inline markup (emphasis, code,
// links, raw HTML, entities, tables, strikethrough, math, e-mail autolinks, headings).
const ALWAYS = /[\\`*_[\]<>|~&#$@]/gu;
/** `ALWAYS` without the u and g flags, to test for: the same ASCII characters, found by V8's faster engine. */
const ALWAYS_FOUND = /[\\`*_[\]<>|~&#$@]/;

export interface EscapeOptions {
  /** The text starts a block (a list item, a quoted line): it may not start with `-`, `1.` or blanks either. */
  lineStart?: boolean;
  /** For headings, labels and names: line breaks become spaces, since a heading is one line. */
  oneLine?: boolean;
}

/**
 * Escapes `text` for Markdown inline content. Line breaks become hard breaks (`\` at the end of
 * the line) with blank lines dropped, so a text stays one block; leading blanks of each new line
 * (of the first too, with `lineStart`) are dropped, and a new line cannot start a list, a
 * setext heading or a rule. `http:`, `www.` lose their autolink in GFM.
 */
export function escapeMarkdown(text: string, options: EscapeOptions = {}): string {
  const cleaned = cleanText(text);
  // Most texts are one line: the same steps without splitting and joining.
  if (!cleaned.includes('\n')) return escapeLine(options.lineStart ? cleaned.replace(/^[ \t]+/u, '') : cleaned, options.lineStart === true);
  const lines = (options.oneLine ? cleaned.replace(/[ \t]*\n\s*/gu, ' ') : cleaned)
    .split('\n')
    .map((line, i) => (i > 0 || options.lineStart ? line.replace(/^[ \t]+/u, '') : line))
    .filter((line, i) => i === 0 || line !== '');
  return lines.map((line, i) => escapeLine(line, i > 0 || options.lineStart === true)).join('\\\n');
}

/** One line of `escapeMarkdown`; `atStart`: it starts a block, so it may not start a list, a heading or a rule. */
function escapeLine(line: string, atStart: boolean): string {
  let out = ALWAYS_FOUND.test(line) ? line.replace(ALWAYS, '\\$&') : line;
  // Tested for first, far cheaper than the replaces: a scheme needs a colon, and "www." is
  // found without the u flag as with it (no other letter folds to w).
  if (out.includes(':')) out = out.replace(/\b(https?|ftp|file|mailto):/giu, '$1\\:');
  if (/www\./i.test(out)) out = out.replace(/\bwww\./giu, 'www\\.');
  if (atStart) out = out.replace(/^[-+=]/u, '\\$&').replace(/^(\d+)([.)])/u, '$1\\$2');
  return out;
}

/** `**text**` around escaped, trimmed text; nothing for blank text (emphasis markers must touch words). */
function strong(text: string): string {
  const escaped = escapeMarkdown(text.trim(), { lineStart: true, oneLine: true });
  return escaped === '' ? '' : `**${escaped}**`;
}

/** Prefixes every line but the first (a block's continuation lines) or all of them. */
function indent(text: string, prefix: string, first = false): string {
  return text
    .split('\n')
    .map((line, i) => (i === 0 && !first ? line : line === '' ? prefix.trimEnd() : `${prefix}${line}`))
    .join('\n');
}

function joinWords(...parts: string[]): string {
  return parts.filter((part) => part !== '').join(' ');
}

function delegation(name: string): string {
  return escapeMarkdown(name.trim(), { oneLine: true });
}

function positions(alternative: Alternative): string {
  return stancePhrases(alternative, delegation).join('; ');
}

class MarkdownDocument {
  private readonly compilation: boolean;
  private readonly byAddress: Map<string, Paragraph>;
  /** The captions of the bracket spans opening in each paragraph, by address. */
  private readonly spanCaptions = new Map<string, string[]>();

  constructor(
    private readonly input: ExportInput,
    private readonly changes?: TrackedChanges,
  ) {
    this.compilation = input.mode === 'compilation';
    this.byAddress = new Map(input.draft.paragraphs.map((p) => [p.address, p]));
    if (this.compilation) {
      const marked = (address: string) => {
        const p = this.byAddress.get(address);
        return p !== undefined && hasSpanMarks(p);
      };
      for (const span of collectSpans(input.draft.meta.sections, marked, (a) => this.byAddress.get(a)).spans) {
        const first = span.units[0]?.unit.paragraph;
        if (!first) continue;
        const caption = `Bracket over ${spanExtent(span, (p) => input.displayNumber(p) ?? p.address)}: from its [ to its ], kept or dropped as one.`;
        this.spanCaptions.set(first.address, [...(this.spanCaptions.get(first.address) ?? []), caption]);
      }
    }
  }

  render(): string {
    const { meta } = this.input.draft;
    const blocks: string[] = [`# ${escapeMarkdown(meta.title.trim(), { oneLine: true })}`];
    const header = headerLines(headerOf(this.input));
    if (header.length > 0) blocks.push(header.map((line) => escapeMarkdown(line, { lineStart: true, oneLine: true })).join('\\\n'));
    if (this.compilation) {
      if (meta.source) blocks.push(`Source: ${escapeMarkdown(meta.source, { oneLine: true })}`);
      blocks.push('*Compilation text: words in \\[brackets\\] are not agreed, \\[a/b\\] is a choice between options, quoted blocks are alternatives.*');
    }
    if (meta.preamble) blocks.push(escapeMarkdown(meta.preamble, { lineStart: true }));
    if (this.changes) blocks.push(`*${escapeMarkdown(changesNote(this.changes.since))} are marked {++inserted++} and {--deleted--} (CriticMarkup), each followed by {>>who, when<<}.*`, ...this.removedAfter(''));
    this.sections(meta.sections, 0, blocks);
    if (meta.closing) blocks.push(escapeMarkdown(meta.closing, { lineStart: true }));
    if (this.compilation && meta.notes?.length) blocks.push(this.notes(meta.notes));
    if (this.input.note !== undefined && this.input.note.trim() !== '') blocks.push(escapeMarkdown(this.input.note, { lineStart: true }));
    return `${blocks.filter((b) => b !== '').join('\n\n')}\n`;
  }

  private sections(sections: readonly Section[], depth: number, blocks: string[]): void {
    for (const section of sections) {
      const heading = joinWords(escapeMarkdown(sectionMarker(section, depth).trim(), { oneLine: true }), escapeMarkdown((section.title ?? '').trim(), { oneLine: true }));
      if (heading !== '') blocks.push(`${'#'.repeat(Math.min(depth + 2, 6))} ${heading}`);
      for (const entry of section.paragraphs) blocks.push(...this.entry(entry));
      this.sections(section.subsections ?? [], depth + 1, blocks);
    }
  }

  private entry(entry: OutlineEntry): string[] {
    if (typeof entry === 'string') return this.paragraph(entry);
    // Competing sets of paragraphs: each set under a bold line naming the block and the option.
    return entry.options.flatMap((option) => {
      const paragraphs = option.paragraphs.flatMap((inner) => this.entry(inner));
      const words = option.text !== undefined && option.text.trim() !== '' ? [escapeMarkdown(option.text.trim(), { lineStart: true })] : [];
      return paragraphs.length === 0 && words.length === 0 ? [] : [strong(optionHeading(entry, option).trim()), ...words, ...paragraphs];
    });
  }

  /** The paragraphs removed since the revision that stood after `address` ("" at the start), deleted. */
  private removedAfter(address: string): string[] {
    const changes = this.changes;
    if (!changes) return [];
    return (changes.removed.get(address) ?? []).flatMap((tracked) => this.tracked(tracked, changes));
  }

  /** A changed paragraph's blocks, from the memo when an earlier export wrote the same (`rememberedTracked`). */
  private tracked(tracked: TrackedParagraph, changes: TrackedChanges): string[] {
    return rememberedTracked('md', tracked, this.input, changes.unattributed, changes.memo, () => trackedParagraphMarkdown(tracked, this.input, changes.unattributed, escapeMarkdown, changes.memo));
  }

  private paragraph(address: string): string[] {
    const p = this.byAddress.get(address);
    if (p === undefined) return [];
    const tracked = this.changes?.changed.get(address);
    if (tracked && this.changes) return [...this.tracked(tracked, this.changes), ...this.removedAfter(address)];
    return [...this.plainParagraph(p), ...this.removedAfter(address)];
  }

  private plainParagraph(p: Paragraph): string[] {
    const compilation = this.compilation;
    const bracketed = compilation && p.bracketed;
    const hasItems = p.items.length > 0;
    const printed = this.input.displayNumber(p);
    const shownNumber = printed === undefined ? '' : escapeMarkdown(`${printed.trim()}.`, { oneLine: true });
    const head = shownNumber === '' ? (bracketed ? '\\[' : '') : `**${bracketed ? '\\[' : ''}${shownNumber}**`;
    const closing = bracketed ? '\\]' : '';
    const ownMarker = compilation ? statusMarker(p.status) : '';
    const first = joinWords(head, this.text(p.text, p.status) + (hasItems ? '' : closing), hasItems ? '' : marker(ownMarker));
    const blocks = [first];
    if (hasItems) {
      const items = p.items.map((item, i) => {
        const last = i === p.items.length - 1;
        return this.item(item, last ? closing : '', last ? ownMarker : '', p.status);
      });
      blocks.push(items.join('\n'));
    }
    if (compilation) {
      for (const caption of this.spanCaptions.get(p.address) ?? []) blocks.push(`*${escapeMarkdown(caption, { oneLine: true })}*`);
      for (const alternative of p.alternatives) blocks.push(this.alternative(alternative));
      if (p.notes?.length) blocks.push(this.notes(p.notes));
    }
    return blocks;
  }

  /** A list entry `- a) text`; the paragraph's closing bracket and marker follow its last item, as in the source texts. */
  private item(item: Item, closing: string, paragraphMarker: string, paragraphStatus: Status): string {
    const compilation = this.compilation;
    const itemMarker = compilation ? statusMarker(item.status) : '';
    const markers = [itemMarker, paragraphMarker].filter((m, i, all) => m !== '' && all.indexOf(m) === i).map(marker);
    const struck = item.status === 'deleted' ? item.status : paragraphStatus;
    const label = escapeMarkdown(item.label.trim(), { lineStart: true, oneLine: true });
    const parts = [`- ${joinWords(label, this.text(item.text, struck, label === '') + closing, ...markers)}`];
    if (compilation) {
      for (const alternative of item.alternatives ?? []) parts.push('', this.alternative(alternative));
      if (item.notes?.length) parts.push('', this.notes(item.notes));
    }
    return indent(parts.join('\n'), '  ');
  }

  private alternative(alternative: Alternative): string {
    const scope = alternative.scope === undefined ? '' : `*(${escapeMarkdown(describeScope(alternative.scope))})*`;
    const title = joinWords(joinWords(strong(alternative.label), scope), positions(alternative) === '' ? '' : `· ${positions(alternative)}`);
    const body = [title, '', escapeMarkdown(alternative.text, { lineStart: true })];
    if (alternative.notes?.length) body.push('', this.notes(alternative.notes));
    return indent(body.join('\n'), '> ', true);
  }

  /** Escaped text; struck through when deleted (compilation only). */
  private text(text: string, status: Status | undefined, lineStart = false): string {
    const escaped = escapeMarkdown(text.trim(), { lineStart });
    return this.compilation && status === 'deleted' && escaped !== '' ? `~~${escaped}~~` : escaped;
  }

  private notes(notes: readonly Note[]): string {
    return notes.map((note) => `*${escapeMarkdown(noteLabel(note))}:* ${escapeMarkdown(note.text.trim())}`).join('\\\n');
  }
}

function marker(text: string): string {
  return text === '' ? '' : `*${text}*`;
}
