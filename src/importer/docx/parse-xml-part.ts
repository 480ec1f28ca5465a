import { SaxesParser } from 'saxes';
import { inputError } from '../../diagnostics/diagnostic.js';
import { inputLimits, pastLimit } from '../../limits/input-limits.js';
import { scanWordXml } from './scan-word-xml.js';

/** An element of a Word XML part, as plain data: its qualified name (`w:p`), attributes and children. */
export interface XmlElement {
  name: string;
  attrs: Record<string, string>;
  children: XmlNode[];
}

export type XmlNode = XmlElement | string;

/**
 * One XML part of a .docx as a tree, read by saxes (a streaming parser that knows no DTD: it
 * never fetches or expands an external entity). A part that declares a DTD is refused outright,
 * since Word never writes one and a DTD is how entity attacks (XXE, billion laughs) begin.
 * Elements may nest only as deep as the XML depth limit. Errors name the file, the part and
 * the line:column in it. Text is kept only where Word keeps words (`keepText`), which keeps the
 * tree small.
 */
export function parseXmlPart(bytes: Uint8Array, file: string, part: string, keepText: ReadonlySet<string> = TEXT_ELEMENTS, release?: Release): XmlElement {
  const text = decodePart(bytes);
  // The plain XML Word writes is read by a reader of its own; saxes reads anything else (`scanWordXml`).
  const fast = scanWordXml(text, { keepText, ignored: IGNORED, maxDepth: inputLimits().xmlDepth, ...(release ? { release } : {}) });
  if (fast !== undefined) return fast;
  release?.restart();
  // Tracking lines and columns halves saxes' speed: a part is read without, and read again with
  // them only to say where it went wrong.
  try {
    return parseText(text, file, part, keepText, false, release);
  } catch (error) {
    if (!(error instanceof PartError)) throw error;
    parseText(text, file, part, keepText, true);
    throw inputError(`${file}: ${part}: ${error.message}`);
  }
}

class PartError extends Error {}

/**
 * Each child of an element named `parent` handed to `take` as soon as it is complete, and left out
 * of the tree: a long document's paragraphs (children of `w:body`) are read one at a time, never
 * all held at once. `take` may be called for elements of a part that turns out to be malformed
 * and is then refused; its caller keeps nothing it was given in that case.
 */
export interface Release {
  parent: string;
  take(element: XmlElement): void;
  /** Forgets what was taken: the part is read again from its start (by saxes, when the fast reader left it). */
  restart(): void;
}

/** The tree saxes builds of a well-formed part: what `scanWordXml` must build too (its tests compare them). */
export function treeBySaxes(text: string, keepText: ReadonlySet<string> = TEXT_ELEMENTS): XmlElement {
  return parseText(text, '', '', keepText, false);
}

function parseText(text: string, file: string, part: string, keepText: ReadonlySet<string>, position: boolean, release?: Release): XmlElement {
  const parser = new SaxesParser({ position });
  const root: XmlElement = { name: '#document', attrs: {}, children: [] };
  const stack: XmlElement[] = [root];
  const maxDepth = inputLimits().xmlDepth;
  const fail = (message: string) => (position ? inputError(`${file}: ${part}:${parser.line}:${parser.column + 1}: ${message}`) : new PartError(message));
  parser.on('doctype', () => {
    throw fail('the part declares a DTD (<!DOCTYPE …>), which Word never writes: refused, and no entity in it was resolved');
  });
  parser.on('error', (error) => {
    throw fail(`malformed XML: ${error.message.replace(/^(?:\d+:\d+: )?/, '')}`);
  });
  let skipping = 0;
  parser.on('opentag', (tag) => {
    if (stack.length + skipping > maxDepth) throw fail(`elements nest more than ${maxDepth} deep, ${pastLimit('xmlDepth')}`);
    if (skipping > 0 || IGNORED.has(tag.name)) {
      skipping++;
      return;
    }
    const element: XmlElement = { name: tag.name, attrs: tag.attributes as Record<string, string>, children: [] };
    (stack[stack.length - 1] as XmlElement).children.push(element);
    stack.push(element);
  });
  parser.on('closetag', () => {
    if (skipping > 0) skipping--;
    else {
      const element = stack.pop() as XmlElement;
      const parent = stack[stack.length - 1];
      if (release && parent?.name === release.parent) {
        parent.children.pop();
        release.take(element);
      }
    }
  });
  parser.on('text', (words) => {
    const top = stack[stack.length - 1] as XmlElement;
    if (keepText.has(top.name)) top.children.push(words);
  });
  parser.write(text).close();
  return root;
}

/**
 * Layout that never changes what a draft says (fonts, sizes, spacing, complex-script twins of bold
 * and italic, table geometry, proofing marks): left out of the tree, which keeps a long document's
 * tree, and the time spent collecting it, a good deal smaller.
 */
export const IGNORED: ReadonlySet<string> = new Set([
  'w:bCs', 'w:iCs', 'w:sz', 'w:szCs', 'w:rFonts', 'w:lang', 'w:kern', 'w:noProof', 'w:spacing', 'w:keepNext', 'w:keepLines', 'w:widowControl',
  'w:tabs', 'w:proofErr', 'w:lastRenderedPageBreak', 'w:bookmarkStart', 'w:bookmarkEnd', 'w:tblPr', 'w:tblGrid', 'w:tcPr', 'w:trPr', 'w:sectPr',
  'w:rsid', 'w:snapToGrid', 'w:contextualSpacing',
]);

/** Where WordprocessingML keeps words: text, deleted text, and the instructions of fields. */
const TEXT_ELEMENTS: ReadonlySet<string> = new Set(['w:t', 'w:delText', 'dc:creator', 'dc:title', 'dc:description', 'cp:keywords']);

function decodePart(bytes: Uint8Array): string {
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return new TextDecoder('utf-16le').decode(bytes);
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return new TextDecoder('utf-16be').decode(bytes);
  return new TextDecoder('utf-8').decode(bytes);
}

/** The first child element named `name`. */
export function child(element: XmlElement | undefined, name: string): XmlElement | undefined {
  if (!element) return undefined;
  for (const c of element.children) if (typeof c !== 'string' && c.name === name) return c;
  return undefined;
}

/** Every child element named `name`. */
export function children(element: XmlElement | undefined, name: string): XmlElement[] {
  if (!element) return [];
  return element.children.filter((c): c is XmlElement => typeof c !== 'string' && c.name === name);
}

/** `w:val` of the child named `name`: `<w:numId w:val="3"/>` → "3". */
export function valueOf(element: XmlElement | undefined, name: string): string | undefined {
  return child(element, name)?.attrs['w:val'];
}

/** An on/off property (`<w:strike/>`, `<w:b w:val="0"/>`): present and not switched off. */
export function isOn(element: XmlElement | undefined, name: string): boolean {
  const found = child(element, name);
  if (!found) return false;
  const value = found.attrs['w:val'];
  return value === undefined || !['0', 'false', 'off', 'none'].includes(value);
}

/** The words of an element, its descendants' text joined. */
export function textOf(element: XmlNode): string {
  if (typeof element === 'string') return element;
  return element.children.map(textOf).join('');
}
