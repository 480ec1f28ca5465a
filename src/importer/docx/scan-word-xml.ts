import type { Release, XmlElement } from './parse-xml-part.js';

/** How `parseXmlPart` builds the tree: which elements keep their text, which are left out, how deep elements may nest. */
export interface ScanRules {
  keepText: ReadonlySet<string>;
  ignored: ReadonlySet<string>;
  maxDepth: number;
  /** Children of this element handed over once complete, not kept (see `Release`). */
  release?: Release;
}

/**
 * A part as Word and ndraft's export write it, read into the same tree as saxes builds, some
 * five times faster (saxes dispatches an event, and builds a tag object, per element: a
 * 5,000-paragraph document has 170,000 of them). It reads only the plainest XML: elements,
 * attributes in quotes, text, the five named references and character references, an XML
 * declaration at the start. Anything else (a DTD, a comment, CDATA, a processing instruction,
 * a carriage return, a tab or newline in an attribute, a character XML forbids, a name it
 * does not expect, nesting past the limit, any malformation) returns undefined, and saxes reads
 * the part instead: with all of XML's rules and the messages that say where a part is wrong.
 * So this reader never accepts a part saxes would refuse, nor reads one differently.
 */
export function scanWordXml(text: string, rules: ScanRules): XmlElement | undefined {
  if (FORBIDDEN.test(text)) return undefined;
  const root: XmlElement = { name: '#document', attrs: {}, children: [] };
  const stack: XmlElement[] = [root];
  let skipping = 0;
  const skippedNames: string[] = [];
  // A long document repeats a few dozen names and values 170,000 times: each kept once.
  const known = new Map<string, string>();
  const intern = (value: string) => {
    const found = known.get(value);
    if (found !== undefined) return found;
    known.set(value, value);
    return value;
  };
  let sawRoot = false;
  let at = 0;
  const declaration = DECLARATION.exec(text);
  if (declaration) at = declaration[0].length;
  const length = text.length;
  while (at < length) {
    const open = text.indexOf('<', at);
    const end = open < 0 ? length : open;
    if (end > at) {
      // Character data: in the root element only, and kept only where Word keeps words.
      if (stack.length === 1 && skipping === 0) {
        if (!WHITESPACE.test(text.slice(at, end))) return undefined;
      } else if (skipping === 0) {
        const top = stack[stack.length - 1] as XmlElement;
        const words = decode(text, at, end);
        if (words === undefined) return undefined;
        if (rules.keepText.has(top.name)) top.children.push(words);
      } else if (decode(text, at, end) === undefined) return undefined;
    }
    if (open < 0) break;
    const next = text.charCodeAt(open + 1);
    if (next === 0x2f /* / */) {
      const close = text.indexOf('>', open + 2);
      if (close < 0) return undefined;
      const name = text.slice(open + 2, close).trimEnd();
      if (skipping > 0) {
        if (skippedNames.pop() !== name) return undefined;
        skipping--;
      } else {
        if (stack.length <= 1 || (stack[stack.length - 1] as XmlElement).name !== name) return undefined;
        const element = stack.pop() as XmlElement;
        const parent = stack[stack.length - 1] as XmlElement;
        if (rules.release && parent.name === rules.release.parent) {
          parent.children.pop();
          rules.release.take(element);
        }
      }
      at = close + 1;
      continue;
    }
    // A start tag: its name, then attributes, then `>` or `/>`.
    NAME.lastIndex = open + 1;
    const named = NAME.exec(text);
    if (!named) return undefined;
    const name = intern(named[0]);
    if (stack.length === 1 && skipping === 0) {
      if (sawRoot) return undefined;
      sawRoot = true;
    }
    if (stack.length + skipping > rules.maxDepth) return undefined;
    let attrs: Record<string, string> = NO_ATTRIBUTES;
    let i = open + 1 + name.length;
    let selfClosing = false;
    for (;;) {
      const spaced = i;
      while (isSpace(text.charCodeAt(i))) i++;
      const c = text.charCodeAt(i);
      if (c === 0x3e /* > */) {
        i++;
        break;
      }
      if (c === 0x2f /* / */ && text.charCodeAt(i + 1) === 0x3e) {
        selfClosing = true;
        i += 2;
        break;
      }
      if (i === spaced) return undefined;
      NAME.lastIndex = i;
      const attribute = NAME.exec(text);
      if (!attribute) return undefined;
      i += attribute[0].length;
      while (isSpace(text.charCodeAt(i))) i++;
      if (text.charCodeAt(i) !== 0x3d /* = */) return undefined;
      i++;
      while (isSpace(text.charCodeAt(i))) i++;
      const quote = text.charCodeAt(i);
      if (quote !== 0x22 && quote !== 0x27) return undefined;
      const valueEnd = text.indexOf(quote === 0x22 ? '"' : "'", i + 1);
      if (valueEnd < 0) return undefined;
      const raw = text.slice(i + 1, valueEnd);
      // saxes turns tabs and newlines in a value into spaces, and refuses a `<`: left to it.
      if (ATTRIBUTE_ODD.test(raw)) return undefined;
      const value = decode(raw, 0, raw.length);
      if (value === undefined || Object.hasOwn(attrs, attribute[0])) return undefined;
      if (attrs === NO_ATTRIBUTES) attrs = {};
      attrs[attribute[0]] = value.length <= 16 ? intern(value) : value;
      i = valueEnd + 1;
    }
    at = i;
    if (skipping > 0 || rules.ignored.has(name)) {
      if (!selfClosing) {
        skipping++;
        skippedNames.push(name);
      }
      continue;
    }
    const element: XmlElement = { name, attrs, children: selfClosing ? NO_CHILDREN : [] };
    const parent = stack[stack.length - 1] as XmlElement;
    if (!selfClosing) {
      parent.children.push(element);
      stack.push(element);
    } else if (rules.release && parent.name === rules.release.parent) rules.release.take(element);
    else parent.children.push(element);
  }
  if (stack.length !== 1 || skipping !== 0 || !sawRoot) return undefined;
  return root;
}

/** Shared by the many elements without attributes, or without children (`<w:b/>`); the tree is never changed once built. */
const NO_ATTRIBUTES: Record<string, string> = Object.freeze({}) as Record<string, string>;
const NO_CHILDREN: XmlElement['children'] = Object.freeze([]) as unknown as XmlElement['children'];

/** Characters XML forbids, and what this reader leaves to saxes (carriage returns: line ends are normalised). */
const FORBIDDEN = /[\u0000-\u0008\u000b-\u001f\ufffe\uffff\ud800-\udfff]|<!|<\?(?!xml )|\]\]>/u;
const DECLARATION = /^<\?xml version="1\.[0-9]"(?: encoding="[A-Za-z][A-Za-z0-9._-]*")?(?: standalone="(?:yes|no)")?\s*\?>/;
const NAME = /[A-Za-z_][A-Za-z0-9_.:-]*/y;
const WHITESPACE = /^[ \t\n]*$/;
const ATTRIBUTE_ODD = /[<\t\n]/;

function isSpace(c: number): boolean {
  return c === 0x20 || c === 0x0a || c === 0x09;
}

const NAMED: Record<string, string> = { lt: '<', gt: '>', amp: '&', quot: '"', apos: "'" };

/** Text with its references replaced; undefined for a reference saxes would refuse or that this reader leaves to it. */
function decode(text: string, from: number, to: number): string | undefined {
  // Searched within the slice: a search of the whole part from each text would cost its length every time.
  const raw = text.slice(from, to);
  let amp = raw.indexOf('&');
  if (amp < 0) return raw;
  let out = '';
  let at = 0;
  while (amp >= 0) {
    const semi = raw.indexOf(';', amp + 1);
    if (semi < 0 || semi - amp > 10) return undefined;
    const ref = raw.slice(amp + 1, semi);
    let char: string | undefined;
    if (ref.charCodeAt(0) === 0x23 /* # */) {
      const code = ref.charCodeAt(1) === 0x78 /* x */ ? (/^x[0-9A-Fa-f]+$/.test(ref.slice(1)) ? parseInt(ref.slice(2), 16) : NaN) : /^[0-9]+$/.test(ref.slice(1)) ? parseInt(ref.slice(1), 10) : NaN;
      if (!isXmlChar(code)) return undefined;
      char = String.fromCodePoint(code);
    } else char = NAMED[ref];
    if (char === undefined) return undefined;
    out += raw.slice(at, amp) + char;
    at = semi + 1;
    amp = raw.indexOf('&', at);
  }
  return out + raw.slice(at);
}

function isXmlChar(code: number): boolean {
  return code === 0x9 || code === 0xa || (code >= 0x20 && code <= 0xd7ff) || (code >= 0xe000 && code <= 0xfffd) || (code >= 0x10000 && code <= 0x10ffff);
}
