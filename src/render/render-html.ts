import { diffWordings, similarity } from '../diff/wording-diff.js';
import type { ExportInput } from '../export/export-input.js';
import { isAcceptedOption } from '../model/outline.js';
import { countAlternatives, parseParagraph } from '../model/paragraph-slots.js';
import type { Alternative, Item, OutlineEntry, Paragraph, Section, SpanMark, Status } from '../model/schemas.js';
import { collectSpans, hasSpanMarks, nodesInSpans, spanEdges, spanExtent, type DraftSpan } from '../model/spans.js';
import { parseNotation } from '../notation/parse-notation.js';
import type { BracketNode, InlineNode } from '../notation/types.js';
import { findUnbracketedChoices, type UnbracketedChoice } from '../notation/unbracketed-choices.js';
import { escapeHtml, idSafe } from './html-escape.js';
import { HTML_STYLE } from './html-style.js';
import { noteLabel } from './note-text.js';
import type { Note } from '../model/schemas.js';
import { sectionMarker } from './section-heading.js';

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
 * Every string from the draft goes through `escapeHtml`; text blocks carry `dir="auto"` so
 * right-to-left text reads as typed. Pure: returns the page.
 */
export function renderHtml(input: ExportInput): string {
  return new HtmlPage(input).render();
}

const STATUS_WORDS: Record<Status, string> = { open: 'Open', 'agreed-ad-ref': 'Agreed ad ref', agreed: 'Agreed', deleted: 'Deleted' };
const STATUS_ORDER: readonly Status[] = ['open', 'agreed-ad-ref', 'agreed', 'deleted'];

interface TocSection {
  id: string;
  heading: string;
  paragraphs: Paragraph[];
  subsections: TocSection[];
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

  constructor(private readonly input: ExportInput) {
    this.compilation = input.mode === 'compilation';
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
  private notation(text: string, marks: readonly SpanMark[] | undefined): string {
    return notationHtml(text, marks, (span) => this.spanCaptions.get(span) ?? `Bracket span ${span}`);
  }

  render(): string {
    const { meta } = this.input.draft;
    const body: string[] = [];
    if (meta.preamble) body.push(`<p class="preamble" dir="auto">${escapeHtml(meta.preamble)}</p>`);
    const toc = this.sections(meta.sections, 0, body);
    if (meta.closing) body.push(`<p class="closing" dir="auto">${escapeHtml(meta.closing)}</p>`);
    if (this.compilation && meta.notes?.length) body.push(`<section class="draft-notes"><h2>Notes</h2>${this.notes(meta.notes)}</section>`);
    if (this.input.note !== undefined && this.input.note.trim() !== '') {
      body.push(`<aside class="export-note" dir="auto">${escapeHtml(this.input.note)}</aside>`);
    }
    const kind = this.compilation ? 'Compilation text' : 'Consolidated text';
    return [
      '<!doctype html>',
      '<html lang="en">',
      '<head>',
      '<meta charset="utf-8">',
      '<meta name="viewport" content="width=device-width, initial-scale=1">',
      '<meta name="generator" content="ndraft">',
      `<title>${escapeHtml(meta.title)} (${kind.toLowerCase()})</title>`,
      `<style>${HTML_STYLE}</style>`,
      '</head>',
      `<body class="${this.input.mode}">`,
      '<header class="doc-head">',
      `<p class="kind">${kind}</p>`,
      `<h1 dir="auto">${escapeHtml(meta.title)}</h1>`,
      meta.source ? `<p class="source">Source: <bdi>${escapeHtml(meta.source)}</bdi></p>` : '',
      this.compilation ? this.summary() : '',
      '</header>',
      '<div class="layout">',
      this.toc(toc),
      '<main>',
      this.compilation ? LEGEND : '',
      ...body,
      '</main>',
      '</div>',
      '</body>',
      '</html>',
      '',
    ]
      .filter((line, i, all) => line !== '' || i === all.length - 1)
      .join('\n');
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
    const paragraph = (address: string): string => {
      const p = this.byAddress.get(address);
      // Listed twice in a hand-made outline: shown once, so that its id stays unique.
      if (p === undefined || this.shown.has(p)) return '';
      this.shown.add(p);
      listed.push(p);
      return this.paragraph(p);
    };
    if (typeof entry === 'string') return paragraph(entry);
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

  private paragraph(p: Paragraph): string {
    const id = this.paragraphIds.get(p) as string;
    const shown = this.input.displayNumber(p);
    const number = shown === undefined ? '' : escapeHtml(`${shown}.`);
    if (!this.compilation) {
      const items = p.items.map((item) => `<li class="item"><span class="label"><bdi>${escapeHtml(item.label)}</bdi></span> <span class="item-text" dir="auto">${escapeHtml(item.text)}</span></li>`);
      return [
        `<article class="para" id="${id}">`,
        `<div class="para-head"><a class="num" href="#${id}">${number}</a></div>`,
        p.text === '' ? '' : `<p class="text" dir="auto">${escapeHtml(p.text)}</p>`,
        items.length > 0 ? `<ul class="items">${items.join('')}</ul>` : '',
        '</article>',
      ]
        .filter((s) => s !== '')
        .join('\n');
    }
    const open = p.bracketed ? '<span class="whole-bracket" title="The whole paragraph may be dropped">[</span>' : '';
    const close = p.bracketed ? '<span class="whole-bracket">]</span>' : '';
    const badges = [`<span class="badge st-${p.status}">${STATUS_WORDS[p.status]}</span>`];
    if (p.bracketed) badges.push('<span class="badge whole">Whole paragraph in brackets: may be dropped</span>');
    if (parseParagraph(p).errors.length > 0) badges.push('<span class="badge unbalanced">Unbalanced brackets, shown as written</span>');
    for (const span of this.spansOf.get(p) ?? []) {
      const caption = this.spanCaptions.get(span.span) ?? '';
      badges.push(`<span class="badge span" title="One bracket over several texts: kept or dropped as one">${escapeHtml(caption)}</span>`);
    }
    const items = p.items.map((item, i) => this.item(item, i === p.items.length - 1 ? close : ''));
    const text = `${this.notation(p.text, p.spans)}${items.length === 0 ? close : ''}`;
    return [
      `<article class="para st-${p.status}${p.bracketed ? ' whole' : ''}" id="${id}">`,
      `<div class="para-head">${open}<a class="num" href="#${id}">${number}</a>${badges.join('')}</div>`,
      '<div class="body">',
      text === '' ? '' : `<p class="text" dir="auto">${text}</p>`,
      items.length > 0 ? `<ul class="items">\n${items.join('\n')}\n</ul>` : '',
      '</div>',
      this.alternatives(p.alternatives),
      p.notes?.length ? this.notes(p.notes) : '',
      '</article>',
    ]
      .filter((s) => s !== '')
      .join('\n');
  }

  private item(item: Item, close: string): string {
    const status = item.status === undefined ? '' : `<span class="badge st-${item.status}">${STATUS_WORDS[item.status]}</span>`;
    return [
      `<li class="item${item.status === undefined ? '' : ` st-${item.status}`}">`,
      `<span class="label"><bdi>${escapeHtml(item.label)}</bdi></span> `,
      `<div class="item-main"><span class="item-text" dir="auto">${this.notation(item.text, item.spans)}${close}</span>${status === '' ? '' : ` ${status}`}</div>`,
      this.alternatives(item.alternatives ?? []),
      item.notes?.length ? this.notes(item.notes) : '',
      '</li>',
    ].join('');
  }

  /** Side by side; from the second on, the words not in the first are highlighted. */
  private alternatives(alternatives: readonly Alternative[]): string {
    const first = alternatives[0];
    if (first === undefined) return '';
    const cards = alternatives.map((alt, i) => {
      const compared = i > 0 ? diffWordings(first.text, alt.text) : undefined;
      const text = compared === undefined ? notationHtml(alt.text) : compared.filter((c) => !c.removed).map((c) => (c.added ? changed(c.value) : notationHtml(c.value))).join('');
      const alike = compared === undefined ? '' : `<p class="alike">${Math.round(similarity(compared) * 100)}% of words shared with <bdi>${escapeHtml(first.label)}</bdi></p>`;
      return [
        '<section class="alt">',
        `<h4 class="alt-label" dir="auto">${escapeHtml(alt.label)}</h4>`,
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

  private notes(notes: readonly Note[]): string {
    return notes.map((note) => `<p class="note" dir="auto"><span class="note-label">${escapeHtml(noteLabel(note))}:</span> ${escapeHtml(note.text)}</p>`).join('');
  }

  private summary(): string {
    const paragraphs = this.input.draft.paragraphs;
    const counts = STATUS_ORDER.map((status) => ({ status, n: paragraphs.filter((p) => p.status === status).length })).filter((c) => c.n > 0);
    const brackets = paragraphs.reduce((sum, p) => sum + parseParagraph(p).brackets.length, 0) + this.spanCaptions.size;
    const alternatives = paragraphs.reduce((sum, p) => sum + countAlternatives(p), 0);
    const chips = counts.map((c) => `<span class="badge st-${c.status}">${c.n} ${STATUS_WORDS[c.status].toLowerCase()}</span>`).join(' ');
    return `<p class="summary">${plural(paragraphs.length, 'paragraph')}: ${chips} <span class="counts">${plural(brackets, 'bracket')} · ${plural(alternatives, 'alternative')}</span></p>`;
  }

  private toc(sections: readonly TocSection[]): string {
    const list = (entries: readonly TocSection[]): string =>
      entries.length === 0
        ? ''
        : `<ol>${entries
            .map((s) => {
              const chips = s.paragraphs.map((p) => {
                const id = this.paragraphIds.get(p) as string;
                const status = this.compilation ? ` class="chip st-${p.status}" title="${STATUS_WORDS[p.status]}"` : ' class="chip"';
                return `<a${status} href="#${id}">${escapeHtml(this.input.displayNumber(p) ?? '¶')}</a>`;
              });
              const paragraphs = chips.length > 0 ? `<span class="chips">${chips.join(' ')}</span>` : '';
              return `<li><a class="toc-section" href="#${s.id}" dir="auto">${s.heading}</a>${paragraphs}${list(s.subsections)}</li>`;
            })
            .join('')}</ol>`;
    return `<nav class="toc" aria-label="Contents"><h2 class="toc-title">Contents</h2>${list(sections)}</nav>`;
  }
}

const key = (sample: string, meaning: string): string => `<span class="key">${sample} ${meaning}</span>`;
const LEGEND = [
  '<section class="legend" aria-label="How to read this text">',
  '<h2 class="legend-title">How to read this text</h2>',
  '<ul>',
  `<li>${[
    key('<span class="badge st-open">Open</span>', 'still negotiated'),
    key('<span class="badge st-agreed-ad-ref">Agreed ad ref</span>', 'pending confirmation from capitals'),
    key('<span class="badge st-agreed">Agreed</span>', 'consensus'),
    key('<span class="badge st-deleted">Deleted</span>', 'dropped, kept for the record'),
  ].join('')}</li>`,
  `<li>${[
    key('<span class="br d0"><span class="bm">[</span><span class="opt">words</span><span class="bm">]</span></span>', 'not agreed: keep or drop'),
    key('<span class="br d0"><span class="bm">[</span><span class="opt">a</span><span class="sep">/</span><span class="opt">b</span><span class="bm">]</span></span>', 'choose one option'),
    key('<span class="br d0"><span class="bm">[</span><span class="opt">outer <span class="br d1"><span class="bm">[</span><span class="opt">inner</span><span class="bm">]</span></span></span><span class="bm">]</span></span>', 'brackets inside brackets'),
    key('<span class="whole-bracket">[</span><span class="num">61.</span> … <span class="whole-bracket">]</span>', 'the whole paragraph may be dropped'),
    key('<span class="span-edge">[</span><span class="spanned">words …</span> ¶ <span class="spanned">… words</span><span class="span-edge">]</span>', 'one bracket over several paragraphs or items: kept or dropped as one'),
  ].join('')}</li>`,
  `<li>${[
    key('<mark class="chg">changed words</mark>', 'in an alternative: not in the first alternative'),
    key('<span class="loose">this/that</span>', 'a choice nobody bracketed yet'),
  ].join('')}</li>`,
  '</ul>',
  '</section>',
].join('\n');

/**
 * Bracket notation as HTML: each bracket a span by nesting depth, options split by a visible `/`,
 * and a choice somebody forgot to bracket (`enhance/establish`) flagged. As written when it does
 * not parse. The words inside a bracket span (`marks`: the spans the text takes part in) are
 * highlighted, its `[` and `]` captioned with what it covers.
 */
function notationHtml(text: string, marks?: readonly SpanMark[], caption?: (span: number) => string): string {
  const parsed = parseNotation(text, spanEdges(marks));
  if (!parsed.ok) return escapeHtml(text);
  const around = (marks ?? []).filter((m) => m.edge === 'inside').length;
  const choices = findUnbracketedChoices(parsed.tree, around);
  return nodesInSpans(parsed.tree.children, marks)
    .map(({ node, inSpan }) => {
      if (node.type === 'spanOpen' || node.type === 'spanClose') {
        const title = escapeHtml(caption?.(node.span) ?? `Bracket span ${node.span}`);
        return `<span class="span-edge" title="${title}">${node.type === 'spanOpen' ? '[' : ']'}</span>`;
      }
      const html = node.type === 'text' ? flagChoices(node.value, node.position?.start.offset ?? 0, choices) : bracketHtml(node, 0);
      return inSpan ? `<span class="spanned">${html}</span>` : html;
    })
    .join('');
}

function flagChoices(value: string, base: number, choices: readonly UnbracketedChoice[]): string {
  let out = '';
  let at = 0;
  for (const choice of choices) {
    const start = choice.offset - base;
    if (start < at || start + choice.text.length > value.length) continue;
    out += `${escapeHtml(value.slice(at, start))}<span class="loose" title="Unbracketed choice: not resolved">${escapeHtml(choice.text)}</span>`;
    at = start + choice.text.length;
  }
  return out + escapeHtml(value.slice(at));
}

function inlineHtml(nodes: readonly InlineNode[], depth: number): string {
  return nodes.map((node) => (node.type === 'text' ? escapeHtml(node.value) : bracketHtml(node, depth))).join('');
}

function bracketHtml(bracket: BracketNode, depth: number): string {
  const kind = bracket.options.length > 1 ? 'choice' : 'optional';
  const options = bracket.options.map((o) => `<span class="opt">${inlineHtml(o.children, depth + 1)}</span>`).join('<span class="sep">/</span>');
  const label = bracket.label ? `<span class="label">${escapeHtml(bracket.label.raw)}</span>` : '';
  return `<span class="br d${depth % 3} ${kind}"><span class="bm">[</span>${label}${options}<span class="bm">]</span></span>`;
}

/** Inserted words, highlighted without their surrounding spaces. */
function changed(value: string): string {
  const lead = /^\s*/u.exec(value)?.[0] ?? '';
  const core = value.trim();
  if (core === '') return escapeHtml(value);
  const trail = value.slice(lead.length + core.length);
  return `${escapeHtml(lead)}<mark class="chg">${notationHtml(core)}</mark>${escapeHtml(trail)}`;
}

function positions(alt: Alternative): string {
  const line = (cls: string, words: string, delegations: readonly string[] | undefined): string =>
    delegations?.length ? `<p class="pos ${cls}">${words} ${delegations.map((d) => `<bdi>${escapeHtml(d)}</bdi>`).join(', ')}</p>` : '';
  return line('proposed', 'Proposed by', alt.proposedBy) + line('opposed', 'Opposed by', alt.opposedBy);
}

function plural(n: number, noun: string): string {
  return `${n} ${noun}${n === 1 ? '' : 's'}`;
}
