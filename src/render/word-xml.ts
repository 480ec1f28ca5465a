import { xmlText } from './xml-text.js';

/**
 * WordprocessingML paragraphs written as strings. The Word export writes its XML itself rather
 * than building the `docx` package's object tree: on a 5,000-paragraph draft that tree and its
 * serialiser cost over a second of CPU and ~150 MB. Elements and attributes are written in the
 * order of the OOXML schema (`w:pPr`: style, keepNext, tabs, bidi, spacing, ind, jc, rPr), as Word
 * wants them.
 */

/** Who made a tracked change and when, with an id unique in the document. */
export interface RevisionMark {
  id: number;
  author: string;
  date: string;
}

export type RevisionKind = 'inserted' | 'deleted';

export type Alignment = 'left' | 'center' | 'right' | 'both';

/** The properties of a Word paragraph the export uses. Lengths are in twips. */
export interface ParagraphProps {
  style?: 'Title' | 'Heading1' | 'Heading2' | 'Heading3';
  keepNext?: boolean;
  /** Left tab stops. */
  tabStops?: readonly number[];
  bidirectional?: boolean;
  spacing?: { before?: number; after?: number };
  indent?: { left: number; hanging?: number };
  alignment?: Alignment;
  /** The paragraph mark itself inserted or deleted: a whole paragraph that came or went. */
  mark?: { kind: RevisionKind; mark: RevisionMark };
}

/** A `w:p` holding `runs` (already XML). */
export function paragraphXml(props: ParagraphProps, runs: string): string {
  const p = paragraphProps(props);
  return p === '' ? `<w:p>${runs}</w:p>` : `<w:p><w:pPr>${p}</w:pPr>${runs}</w:p>`;
}

function paragraphProps(props: ParagraphProps): string {
  let xml = '';
  if (props.style !== undefined) xml += `<w:pStyle w:val="${props.style}"/>`;
  if (props.keepNext) xml += '<w:keepNext/>';
  if (props.tabStops !== undefined && props.tabStops.length > 0) xml += tabsXml(props.tabStops);
  if (props.bidirectional) xml += '<w:bidi/>';
  const spacing = props.spacing;
  if (spacing !== undefined) xml += `<w:spacing${spacing.after !== undefined ? ` w:after="${spacing.after}"` : ''}${spacing.before !== undefined ? ` w:before="${spacing.before}"` : ''}/>`;
  const indent = props.indent;
  if (indent !== undefined) xml += `<w:ind w:left="${indent.left}"${indent.hanging !== undefined ? ` w:hanging="${indent.hanging}"` : ''}/>`;
  if (props.alignment !== undefined) xml += `<w:jc w:val="${props.alignment}"/>`;
  if (props.mark !== undefined) xml += `<w:rPr><${revisionTag(props.mark.kind)}${revisionAttributes(props.mark.mark)}/></w:rPr>`;
  return xml;
}

/** Written once for each array of stops: the numbered lines share a few arrays over ~40,000 paragraphs. */
const TABS_XML = new WeakMap<readonly number[], string>();

function tabsXml(stops: readonly number[]): string {
  let xml = TABS_XML.get(stops);
  if (xml === undefined) TABS_XML.set(stops, (xml = `<w:tabs>${stops.map((pos) => `<w:tab w:val="left" w:pos="${pos}"/>`).join('')}</w:tabs>`));
  return xml;
}

export const revisionTag = (kind: RevisionKind): string => (kind === 'inserted' ? 'w:ins' : 'w:del');

/** ` w:id="…" w:author="…" w:date="…"`: who made a change and when. */
export function revisionAttributes(mark: RevisionMark): string {
  return ` w:id="${mark.id}" w:author="${xmlText(mark.author)}" w:date="${xmlText(mark.date)}"`;
}
