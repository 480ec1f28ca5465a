import { SaxesParser } from 'saxes';
import { inputError } from '../../diagnostics/diagnostic.js';
import { inputLimits, pastLimit } from '../../limits/input-limits.js';

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
export function parseXmlPart(bytes: Uint8Array, file: string, part: string, keepText: ReadonlySet<string> = TEXT_ELEMENTS): XmlElement {
  const parser = new SaxesParser({ position: true });
  const root: XmlElement = { name: '#document', attrs: {}, children: [] };
  const stack: XmlElement[] = [root];
  const maxDepth = inputLimits().xmlDepth;
  const fail = (message: string) => inputError(`${file}: ${part}:${parser.line}:${parser.column + 1}: ${message}`);
  parser.on('doctype', () => {
    throw fail('the part declares a DTD (<!DOCTYPE …>), which Word never writes: refused, and no entity in it was resolved');
  });
  parser.on('error', (error) => {
    throw fail(`malformed XML: ${error.message.replace(/^\d+:\d+: /, '')}`);
  });
  parser.on('opentag', (tag) => {
    if (stack.length > maxDepth) throw fail(`elements nest more than ${maxDepth} deep, ${pastLimit('xmlDepth')}`);
    const element: XmlElement = { name: tag.name, attrs: tag.attributes as Record<string, string>, children: [] };
    (stack[stack.length - 1] as XmlElement).children.push(element);
    stack.push(element);
  });
  parser.on('closetag', () => {
    stack.pop();
  });
  parser.on('text', (text) => {
    const top = stack[stack.length - 1] as XmlElement;
    if (keepText.has(top.name)) top.children.push(text);
  });
  parser.write(decodePart(bytes)).close();
  return root;
}

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
