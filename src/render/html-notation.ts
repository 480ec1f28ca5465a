import type { SpanMark } from '../model/schemas.js';
import { nodesInSpans, spanEdges } from '../model/spans.js';
import { parseNotation } from '../notation/parse-notation.js';
import type { BracketNode, InlineNode, NotationResult } from '../notation/types.js';
import { addChoicesIn, findUnbracketedChoices, type UnbracketedChoice } from '../notation/unbracketed-choices.js';
import type { Paragraph, Status } from '../model/schemas.js';
import { escapeHtml } from './html-escape.js';
import { statusMarker } from './status-marker.js';

/** The HTML export's pieces of bracket notation: the legend, brackets by depth, changed words. */

const key = (sample: string, meaning: string): string => `<span class="key">${sample} ${meaning}</span>`;
export const LEGEND = [
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
 * and, in text still negotiated (`flagChoices`), a choice somebody forgot to bracket
 * (`enhance/establish`) flagged. Agreed text is not flagged: a slash there (`and/or`) is what
 * was agreed. As written when it does not parse. `parsed`: the text already parsed (with `marks`' edges), not parsed again.
 */
export function notationHtml(text: string, flag = true, marks?: readonly SpanMark[], caption?: (span: number) => string, parsed?: NotationResult): string {
  const unmarked = marks === undefined || marks.length === 0;
  if (parsed === undefined && unmarked && isPlainText(text)) return plainNotationHtml(text, flag);
  const result = parsed ?? parseNotation(text, spanEdges(marks));
  if (!result.ok) return escapeHtml(text);
  const around = unmarked ? 0 : marks.filter((m) => m.edge === 'inside').length;
  const choices = flag ? findUnbracketedChoices(result.tree, around) : [];
  // A text in no bracket span (nearly all): its nodes as they are, none of them inside one.
  if (unmarked) {
    let html = '';
    for (const node of result.tree.children) html += node.type === 'text' ? flagChoices(node.value, node.position?.start.offset ?? 0, choices) : node.type === 'bracket' ? bracketHtml(node, 0) : '';
    return html;
  }
  return nodesInSpans(result.tree.children, marks)
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

const NOT_PLAIN = /[[\]\n]/;

/** No bracket and no line break: what the parser gives back as one text node (most texts of a draft, all of an agreed one). */
export function isPlainText(text: string): boolean {
  return !NOT_PLAIN.test(text);
}

/** A paragraph none of whose texts holds a bracket or a line break, and none in a bracket span: nothing to parse. */
export function isPlainParagraph(p: Paragraph): boolean {
  if (p.spans?.length || !isPlainText(p.text)) return false;
  for (const item of p.items) {
    if (item.spans?.length || !isPlainText(item.text)) return false;
    for (const alt of item.alternatives ?? []) if (!isPlainText(alt.text)) return false;
  }
  for (const alt of p.alternatives) if (!isPlainText(alt.text)) return false;
  return true;
}

/**
 * `notationHtml` of a plain text (`isPlainText`) in no bracket span, without parsing it: the
 * same markup, for the ~4,000 paragraphs of a 5,000-paragraph draft that hold no bracket.
 */
export function plainNotationHtml(text: string, flag: boolean): string {
  if (!flag || !text.includes('/')) return escapeHtml(text);
  return flagChoices(text, 0, addChoicesIn(text, 0, []));
}

function flagChoices(value: string, base: number, choices: readonly UnbracketedChoice[]): string {
  if (choices.length === 0) return escapeHtml(value);
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
export function changed(value: string, flag = true): string {
  const lead = /^\s*/u.exec(value)?.[0] ?? '';
  const core = value.trim();
  if (core === '') return escapeHtml(value);
  const trail = value.slice(lead.length + core.length);
  return `${escapeHtml(lead)}<mark class="chg">${notationHtml(core, flag)}</mark>${escapeHtml(trail)}`;
}


/** ` (Agreed)` after the text, as the text and DOCX exports write it (shown with line numbers, where it is counted). */
export function markerHtml(text: string, status: Status | undefined): string {
  const marker = statusMarker(status);
  if (marker === '') return '';
  return `<span class="marker">${text.trim() === '' ? '' : ' '}${escapeHtml(marker)}</span>`;
}
