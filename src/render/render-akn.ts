import { describeScope } from '../model/describe-scope.js';
import { headerOf, type ExportInput } from '../export/export-input.js';
import { longDate } from './document-header.js';
import type { Alternative, Item, Paragraph, Section, SpanMark, Status } from '../model/schemas.js';
import { collectSpans, hasSpanMarks, nodesInSpans, spanEdges, spanExtent } from '../model/spans.js';
import { parseNotation } from '../notation/parse-notation.js';
import type { InlineNode } from '../notation/types.js';
import { sectionAddresses } from '../model/outline.js';
import { sectionMarker } from './section-heading.js';
import { xmlText } from './xml-text.js';

/**
 * Akoma Ntoso 3.0 XML for legal-informatics tools. Sections and paragraphs get stable eIds from
 * their numbers (`sec_3a`, `para_61`, `para_71__point_f`); an alternative is an element of the
 * same kind whose `alternativeTo` names the eId it competes with. Statuses are TLC concepts
 * referred to with `refersTo`; brackets are `<span class="bracket">` with one
 * `<span class="option">` per option. A bracket over several texts (a bracket span) is a TLC
 * concept of its own (`bracketSpan_1`, shown as "bracket over paragraphs 3–4"): its `[` and `]`
 * are `<span class="bracketSpanOpen">` and `<span class="bracketSpanClose">`, and the words it
 * covers in each text a `<span class="bracketSpan">`, each referring to it.
 */
export function renderAkn(input: ExportInput): string {
  const { draft, mode } = input;
  const byNumber = new Map(draft.paragraphs.map((p) => [p.number, p]));
  const byAddress = new Map(draft.paragraphs.map((p) => [p.address, p]));
  const spans =
    mode === 'compilation'
      ? collectSpans(
          draft.meta.sections,
          (a) => {
            const p = byAddress.get(a);
            return p !== undefined && hasSpanMarks(p);
          },
          (a) => byAddress.get(a),
        ).spans
      : [];
  const spanConcepts = spans.map(
    (span) => `        <TLCConcept eId="bracketSpan_${span.span}" href="/ontology/concept/negotiation/bracketSpan/${span.span}" showAs="${xmlText(`bracket over ${spanExtent(span, (p) => input.displayNumber(p) ?? p.address)}`)}"/>`,
  );
  const header = headerOf(input);
  const date = header.date ?? header.exported ?? new Date().toISOString().slice(0, 10);
  const out: string[] = [];
  const section = (s: Section, depth: number, indent: string): void => {
    const id = s.number !== undefined ? `sec_${eIdPart(s.number)}` : undefined;
    const marker = sectionMarker(s, depth);
    if (id) out.push(`${indent}<section eId="${id}">`);
    if (id && marker) out.push(`${indent}  <num>${xmlText(marker)}</num>`);
    if (id && s.title) out.push(`${indent}  <heading>${xmlText(s.title)}</heading>`);
    const inner = id ? `${indent}  ` : indent;
    for (const number of sectionAddresses(s)) {
      const p = byNumber.get(number);
      if (p) paragraph(p, inner);
    }
    for (const sub of s.subsections ?? []) section(sub, depth + 1, inner);
    if (id) out.push(`${indent}</section>`);
  };
  const paragraph = (p: Paragraph, indent: string): void => {
    const id = `para_${eIdPart(p.address)}`;
    const attrs = mode === 'compilation' ? statusAttributes(p.status, p.bracketed) : '';
    out.push(`${indent}<paragraph eId="${id}"${attrs}>`, ...numLine(input.displayNumber(p), `${indent}  `));
    body(p.text, p.spans, p.items, id, `${indent}  `);
    out.push(`${indent}</paragraph>`);
    if (mode === 'compilation') p.alternatives.forEach((alt, i) => alternative(alt, 'paragraph', `${id}__alt_${i + 1}`, id, indent));
  };
  const body = (text: string, spans: readonly SpanMark[] | undefined, items: readonly Item[], id: string, indent: string): void => {
    if (items.length === 0) {
      out.push(`${indent}<content>`, `${indent}  <p>${inline(text, mode, spans)}</p>`, `${indent}</content>`);
      return;
    }
    out.push(`${indent}<list eId="${id}__list_1">`);
    if (text !== '') out.push(`${indent}  <intro>`, `${indent}    <p>${inline(text, mode, spans)}</p>`, `${indent}  </intro>`);
    items.forEach((item, i) => {
      const pointId = `${id}__list_1__point_${eIdPart(item.label.replace(/[()]/g, '')) || i + 1}_${i + 1}`;
      const attrs = mode === 'compilation' && item.status ? statusAttributes(item.status, false) : '';
      out.push(`${indent}  <point eId="${pointId}"${attrs}>`, `${indent}    <num>${xmlText(item.label)}</num>`);
      out.push(`${indent}    <content>`, `${indent}      <p>${inline(item.text, mode, item.spans)}</p>`, `${indent}    </content>`, `${indent}  </point>`);
      if (mode === 'compilation') (item.alternatives ?? []).forEach((alt, k) => alternative(alt, 'point', `${pointId}__alt_${k + 1}`, pointId, `${indent}  `));
    });
    out.push(`${indent}</list>`);
  };
  const alternative = (alt: Alternative, element: 'paragraph' | 'point', id: string, of: string, indent: string): void => {
    const positions = [...(alt.proposedBy ?? []).map((by) => `proposedBy:${by}`), ...(alt.supportedBy ?? []).map((by) => `supportedBy:${by}`), ...(alt.opposedBy ?? []).map((by) => `opposedBy:${by}`)];
    if (alt.scope !== undefined) positions.unshift(`scope:${describeScope(alt.scope)}`);
    const title = positions.length > 0 ? ` title="${xmlText(positions.join('; '))}"` : '';
    out.push(`${indent}<${element} eId="${id}" alternativeTo="${of}" class="alternative"${title}>`, `${indent}  <num>${xmlText(alt.label)}</num>`);
    out.push(`${indent}  <content>`, `${indent}    <p>${inline(alt.text, mode)}</p>`, `${indent}  </content>`, `${indent}</${element}>`);
  };

  for (const s of draft.meta.sections) section(s, 0, '      ');
  const title = xmlText(draft.meta.title);
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    '<!-- generated by ndraft -->',
    '<akomaNtoso xmlns="http://docs.oasis-open.org/legaldocml/ns/akn/3.0">',
    `  <doc name="${mode === 'clean' ? 'consolidatedDraft' : 'negotiationDraft'}">`,
    '    <meta>',
    '      <identification source="#ndraft">',
    `        <FRBRWork><FRBRthis value="/akn/un/doc/draft/${date}/main"/><FRBRuri value="/akn/un/doc/draft/${date}"/><FRBRdate date="${date}" name="${header.date !== undefined ? 'publication' : 'generation'}"/><FRBRauthor href="#ndraft"/><FRBRcountry value="un"/></FRBRWork>`,
    `        <FRBRExpression><FRBRthis value="/akn/un/doc/draft/${date}/eng@/main"/><FRBRuri value="/akn/un/doc/draft/${date}/eng@"/><FRBRdate date="${date}" name="${header.date !== undefined ? 'publication' : 'generation'}"/><FRBRauthor href="#ndraft"/><FRBRlanguage language="eng"/></FRBRExpression>`,
    `        <FRBRManifestation><FRBRthis value="/akn/un/doc/draft/${date}/eng@/main.xml"/><FRBRuri value="/akn/un/doc/draft/${date}/eng@.akn"/><FRBRdate date="${date}" name="${header.date !== undefined ? 'publication' : 'generation'}"/><FRBRauthor href="#ndraft"/></FRBRManifestation>`,
    '      </identification>',
    '      <references source="#ndraft">',
    '        <TLCOrganization eId="ndraft" href="/ontology/organization/ndraft" showAs="ndraft"/>',
    '        <TLCConcept eId="open" href="/ontology/concept/negotiation/open" showAs="open"/>',
    '        <TLCConcept eId="agreed" href="/ontology/concept/negotiation/agreed" showAs="agreed"/>',
    '        <TLCConcept eId="agreedAdRef" href="/ontology/concept/negotiation/agreedAdRef" showAs="agreed ad referendum"/>',
    '        <TLCConcept eId="bracketed" href="/ontology/concept/negotiation/bracketed" showAs="bracketed as a whole"/>',
    ...spanConcepts,
    '      </references>',
    '    </meta>',
    '    <preface>',
    `      <p class="title"><docTitle>${title}</docTitle></p>`,
    ...(header.symbol !== undefined ? [`      <p class="symbol"><docNumber>${xmlText(header.symbol)}</docNumber></p>`] : []),
    ...(header.revision !== undefined ? [`      <p class="revision"><docStage>${xmlText(header.revision)}</docStage></p>`] : []),
    ...(header.date !== undefined ? [`      <p class="date"><docDate date="${header.date}">${longDate(header.date)}</docDate></p>`] : []),
    '    </preface>',
    '    <mainBody>',
    ...out,
    ...(input.note ? [`      <p class="note">${xmlText(input.note)}</p>`] : []),
    '    </mainBody>',
    '  </doc>',
    '</akomaNtoso>',
    '',
  ].join('\n');
}

function statusAttributes(status: Status, bracketed: boolean): string {
  if (status === 'deleted') return ' status="removed"';
  const concepts = [status === 'agreed' ? '#agreed' : status === 'agreed-ad-ref' ? '#agreedAdRef' : '#open', ...(bracketed ? ['#bracketed'] : [])];
  return ` refersTo="${concepts.join(' ')}"`;
}

/** Bracket notation as inline AKN; clean text has no brackets left to mark. `marks`: the bracket spans the text takes part in. */
function inline(text: string, mode: ExportInput['mode'], marks?: readonly SpanMark[]): string {
  if (mode === 'clean') return xmlText(text);
  const parsed = parseNotation(text, spanEdges(marks));
  if (!parsed.ok) return xmlText(text);
  const walk = (nodes: readonly InlineNode[]): string =>
    nodes
      .map((n) =>
        n.type === 'text'
          ? xmlText(n.value)
          : `<span class="bracket">[${n.label ? `<span class="label">${xmlText(n.label.raw)}</span>` : ''}${n.options.map((o) => `<span class="option">${walk(o.children)}</span>`).join('/')}]</span>`,
      )
      .join('');
  // The words in a bracket span each refer to it: the innermost span they stand in.
  // Outermost first: those it lies inside, then those closing here, the last to close first.
  const open = [...(marks ?? []).filter((m) => m.edge === 'inside'), ...(marks ?? []).filter((m) => m.edge === 'closes').reverse()].map((m) => m.span);
  return nodesInSpans(parsed.tree.children, marks)
    .map(({ node, inSpan }) => {
      if (node.type === 'spanOpen') {
        open.push(node.span);
        return `<span class="bracketSpanOpen" refersTo="#bracketSpan_${node.span}">[</span>`;
      }
      if (node.type === 'spanClose') {
        open.splice(open.lastIndexOf(node.span), 1);
        return `<span class="bracketSpanClose" refersTo="#bracketSpan_${node.span}">]</span>`;
      }
      const xml = walk([node]);
      const span = open[open.length - 1];
      return inSpan && span !== undefined ? `<span class="bracketSpan" refersTo="#bracketSpan_${span}">${xml}</span>` : xml;
    })
    .join('');
}

/** eIds are NCNames: letters, digits, `_`, `-`, `.`; anything else becomes `_`. */
function eIdPart(value: string): string {
  return value.replace(/[^A-Za-z0-9_.-]/g, '_');
}

/** AKN's <num>, absent for an unnumbered paragraph. */
function numLine(number: string | undefined, indent: string): string[] {
  return number === undefined ? [] : [`${indent}<num>${xmlText(`${number}.`)}</num>`];
}
