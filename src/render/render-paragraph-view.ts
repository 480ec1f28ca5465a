import { describeScope } from '../model/describe-scope.js';
import { bracketStances } from '../resolve/bracket-positions.js';
import { Chalk, type ChalkInstance } from 'chalk';
import { parseParagraph, type ParsedParagraph, type TextSlot } from '../model/paragraph-slots.js';
import type { Alternative, Item, Paragraph, Status } from '../model/schemas.js';
import { listLabels } from '../notation/labelled-choice.js';
import { choiceGroups, type ChoiceGroups } from '../notation/choice-groups.js';
import type { BracketNode, InlineNode, RootChild } from '../notation/types.js';
import type { DraftSpan } from '../model/spans.js';
import { spanRoles, type SpanRole } from './span-roles.js';
import { bracketKind, choiceBetween, choiceWith } from './paragraph-view-json.js';
import { noteLine } from './note-text.js';
import { paragraphName } from '../model/paragraph-name.js';
import type { Note } from '../model/schemas.js';
import { statusMarker } from './status-marker.js';
import { stancePhrases } from '../model/stances.js';

/**
 * One paragraph for a person at a terminal (`ndraft show`): a header line, the text with every
 * bracket numbered, the items, the alternatives as labelled blocks, the notes, and a legend.
 *
 * The bracket marker is the bracket's number in superscript digits glued to its opening bracket:
 * `¹[management/development]`, `¹²[...]` for bracket 12. The numbers are those of
 * `parseParagraph` (reading order across text, items, item alternatives and alternatives; outer
 * before inner), so the numbers seen here are the ones other commands and `--json` use. A
 * paragraph bracketed as a whole is a flag in the header, not a numbered bracket.
 *
 * A bracket span (one bracket over several texts, see `model/spans.ts`) is numbered by its own
 * number in the draft, with an `ˢ`: `ˢ¹[` where it opens, `]ˢ¹` where it closes; its words are
 * underlined in a terminal, and a legend of its own says what it covers (`spans`: the draft's
 * spans, of which those touching the paragraph are shown) and how to resolve it.
 *
 * Pure: takes a chalk instance (level 0 for plain text) and returns the string; it never prints.
 */
export function renderParagraphView(paragraph: Paragraph, c: ChalkInstance, spans: readonly DraftSpan[] = []): string {
  const view = new ParagraphView(paragraph, c, spanRoles(paragraph, spans));
  const output = view.render();
  return paragraph.status === 'deleted' ? c.dim(output) : output;
}

const SUPERSCRIPT_DIGITS = '⁰¹²³⁴⁵⁶⁷⁸⁹';
const LEGEND_WORDS = 60;
const plain = new Chalk({ level: 0 });

export function bracketMarker(n: number): string {
  return [...String(n)].map((d) => SUPERSCRIPT_DIGITS[Number(d)]).join('');
}

/** `ˢ¹`: a bracket span's number, as `show` prints it at the span's brackets. */
export function spanMarker(n: number): string {
  return `ˢ${bracketMarker(n)}`;
}

/** Nested brackets cycle through these so that each level stands out from the one around it. */
function depthColor(c: ChalkInstance, depth: number): ChalkInstance {
  const palette = [c.yellow, c.magenta, c.cyan];
  return palette[depth % palette.length] as ChalkInstance;
}

const STATUS_WORDS: Record<Status, string> = {
  open: 'open',
  agreed: 'agreed',
  'agreed-ad-ref': 'agreed ad ref',
  deleted: 'deleted',
};

function statusColor(c: ChalkInstance, status: Status): ChalkInstance {
  switch (status) {
    case 'open':
      return c.yellow;
    case 'agreed':
      return c.green;
    case 'agreed-ad-ref':
      return c.cyan;
    case 'deleted':
      return c.dim;
  }
}

class ParagraphView {
  private readonly parsed: ParsedParagraph;
  private readonly numbers = new Map<BracketNode, number>();
  /** The bracket each nested bracket sits in, for the legend. */
  private readonly parents = new Map<BracketNode, BracketNode>();
  private readonly groups: ChoiceGroups;

  constructor(
    private readonly paragraph: Paragraph,
    private readonly c: ChalkInstance,
    private readonly spans: readonly SpanRole[] = [],
  ) {
    this.parsed = parseParagraph(paragraph);
    this.groups = choiceGroups(this.parsed.slots.map((slot) => slot.tree));
    for (const b of this.parsed.brackets) {
      this.numbers.set(b.bracket, b.n);
      for (const option of b.bracket.options) {
        for (const child of option.children) if (child.type === 'bracket') this.parents.set(child, b.bracket);
      }
    }
  }

  render(): string {
    const p = this.paragraph;
    const blocks: string[][] = [[this.header()]];
    const body: string[] = [];
    if (p.text !== '') body.push(this.slotText(['text']));
    p.items.forEach((item, index) => body.push(...this.item(item, index)));
    if (body.length > 0) blocks.push(body);
    if (p.alternatives.length > 0) {
      blocks.push(p.alternatives.flatMap((alt, index) => this.alternative(alt, ['alternatives', index, 'text'], '')));
    }
    if (p.notes !== undefined && p.notes.length > 0) blocks.push(this.notes(p.notes, ''));
    if (this.parsed.brackets.length > 0) blocks.push(this.legend());
    if (this.spans.length > 0) blocks.push(this.spanLegend());
    if (this.parsed.errors.length > 0) blocks.push(this.errors());
    return blocks.map((lines) => lines.join('\n')).join('\n\n');
  }

  private header(): string {
    const { c, paragraph: p } = this;
    const itemAlternatives = p.items.reduce((sum, item) => sum + (item.alternatives?.length ?? 0), 0);
    const parts = [c.bold(`Paragraph ${paragraphName(p)}`), statusColor(c, p.status)(STATUS_WORDS[p.status])];
    if (p.bracketed) parts.push(c.yellow('bracketed as a whole'));
    if (this.parsed.errors.length > 0) parts.push(c.red('unbalanced brackets'));
    parts.push(count(this.parsed.brackets.length, 'bracket'));
    if (this.spans.length > 0) parts.push(c.blue(`in ${this.spans.length === 1 ? 'a bracket span' : `${this.spans.length} bracket spans`} (${this.spans.map((s) => s.extent).join('; ')})`));
    if (p.alternatives.length > 0 || itemAlternatives === 0) parts.push(count(p.alternatives.length, 'alternative'));
    if (itemAlternatives > 0) parts.push(count(itemAlternatives, 'item alternative'));
    return parts.join(c.dim(' · '));
  }

  private item(item: Item, index: number): string[] {
    const { c } = this;
    const marker = statusMarker(item.status);
    const status = marker === '' || item.status === undefined ? '' : ` ${statusColor(c, item.status)(marker)}`;
    const text = item.text === '' ? '' : ` ${this.slotText(['items', index, 'text'])}`;
    const inner = ' '.repeat(2 + item.label.length + 1);
    const lines = [`  ${item.label}${text}${status}`];
    (item.alternatives ?? []).forEach((alt, altIndex) => {
      lines.push(...this.alternative(alt, ['items', index, 'alternatives', altIndex, 'text'], inner));
    });
    if (item.notes !== undefined) lines.push(...this.notes(item.notes, inner));
    return item.status === 'deleted' ? lines.map((line) => c.dim(line)) : lines;
  }

  /** A labelled block: the label in bold with the delegations' positions, then the wording indented. */
  private alternative(alt: Alternative, path: (string | number)[], indent: string): string[] {
    const positions = stancePhrases(alt);
    const scope = alt.scope === undefined ? '' : this.c.dim(` — ${describeScope(alt.scope)}`);
    const label = `${indent}${this.c.bold(alt.label)}${scope}${positions.length > 0 ? ` (${positions.join('; ')})` : ''}`;
    return [label, indentLines(this.slotText(path), `${indent}  `), ...this.notes(alt.notes ?? [], `${indent}  `)];
  }

  private notes(notes: readonly Note[], indent: string): string[] {
    return notes.map((note) => indentLines(this.c.dim(noteLine(note)), indent));
  }

  private legend(): string[] {
    const rows = this.parsed.brackets.map((b) => {
      const parent = this.parents.get(b.bracket);
      const parentNumber = parent === undefined ? undefined : this.numbers.get(parent);
      const between = choiceBetween(b, this.groups) ?? choiceWith(b, this.numbers, this.groups)?.map(bracketMarker);
      const kind = between ? `choice between ${listLabels(between)}` : bracketKind(b.bracket) === 'optional' ? 'keep or drop' : `choose one of ${b.bracket.options.length}`;
      const label = b.bracket.label ? `${b.bracket.label.value}: ` : '';
      const words = label + b.bracket.options.map((o) => this.inline(o.children, b.depth + 1, plain)).join(' / ');
      return {
        marker: bracketMarker(b.n),
        depth: b.depth,
        where: parentNumber === undefined ? b.slot.name : `${b.slot.name}, inside ${bracketMarker(parentNumber)}`,
        kind,
        words: truncate(words.replace(/\s+/gu, ' ').trim(), LEGEND_WORDS),
        stances: this.paragraph.bracketPositions === undefined ? '' : bracketStances(this.paragraph, b),
      };
    });
    const width = (key: 'marker' | 'where' | 'kind') => Math.max(...rows.map((r) => r[key].length));
    const [wm, ww, wk] = [width('marker'), width('where'), width('kind')];
    return [
      this.c.bold('Brackets'),
      ...rows.map((r) => `  ${depthColor(this.c, r.depth)(r.marker.padEnd(wm))}  ${r.where.padEnd(ww)}  ${r.kind.padEnd(wk)}  ${r.words}${r.stances === '' ? '' : this.c.dim(` (${r.stances})`)}`),
    ];
  }

  /** What each span does here, what it covers and its words; numbered as `accept --span` takes them. */
  private spanLegend(): string[] {
    const rows = this.spans.map((s) => ({ marker: spanMarker(s.span), extent: s.extent, role: s.role, words: truncate(s.words.replace(/\s+/gu, ' ').trim(), LEGEND_WORDS) }));
    const width = (key: 'marker' | 'extent' | 'role') => Math.max(...rows.map((r) => r[key].length));
    const [wm, we, wr] = [width('marker'), width('extent'), width('role')];
    const ref = this.paragraph.address;
    return [
      `${this.c.bold('Bracket spans')} ${this.c.dim(`(one bracket over several texts: ndraft accept ${ref} --span N --keep or --drop settles all of it)`)}`,
      ...rows.map((r) => `  ${this.c.blue(r.marker.padEnd(wm))}  ${r.extent.padEnd(we)}  ${r.role.padEnd(wr)}  ${r.words}`),
    ];
  }

  private errors(): string[] {
    return [
      this.c.red.bold('Unbalanced brackets (shown as written, not numbered)'),
      ...this.parsed.errors.map(({ slot, error }) => `  ${slot.name}, line ${error.point.line}, column ${error.point.column}: ${error.message}`),
    ];
  }

  /** The text at `path`, brackets numbered and coloured; as written when it does not parse. */
  private slotText(path: TextSlot['path']): string {
    const key = path.join('/');
    const slot = this.parsed.slots.find((s) => s.path.join('/') === key);
    if (slot !== undefined) return this.root(slot.tree.children, (slot.spans ?? []).filter((m) => m.edge === 'inside').length);
    const raw = this.parsed.errors.find((e) => e.slot.path.join('/') === key)?.slot.text ?? '';
    return this.c.red(raw);
  }

  /** A text's own nodes: the words inside a bracket span underlined, its edges marked with the span's number. */
  private root(nodes: readonly RootChild[], around: number): string {
    const c = this.c;
    let spans = around + nodes.filter((n) => n.type === 'spanClose').length;
    return nodes
      .map((node) => {
        if (node.type === 'spanOpen') {
          spans++;
          return c.blue.bold(`${spanMarker(node.span)}[`);
        }
        if (node.type === 'spanClose') {
          spans--;
          return c.blue.bold(`]${spanMarker(node.span)}`);
        }
        const shown = this.inline([node], 0, c);
        return spans > 0 ? c.underline(shown) : shown;
      })
      .join('');
  }

  private inline(nodes: readonly InlineNode[], depth: number, c: ChalkInstance): string {
    return nodes.map((node) => (node.type === 'text' ? node.value : this.bracket(node, depth, c))).join('');
  }

  private bracket(bracket: BracketNode, depth: number, c: ChalkInstance): string {
    const n = this.numbers.get(bracket);
    const options = bracket.options.map((o) => this.inline(o.children, depth + 1, c));
    const label = bracket.label ? c.bold(bracket.label.raw) : '';
    return depthColor(c, depth)(`${n === undefined ? '' : bracketMarker(n)}[${label}${options.join(c.bold.inverse('/'))}]`);
  }
}

function count(n: number, noun: string): string {
  return `${n} ${noun}${n === 1 ? '' : 's'}`;
}

function indentLines(text: string, indent: string): string {
  return text
    .split('\n')
    .map((line) => (line === '' ? line : `${indent}${line}`))
    .join('\n');
}

function truncate(text: string, max: number): string {
  const chars = [...text];
  return chars.length <= max ? text : `${chars.slice(0, max - 1).join('')}…`;
}
