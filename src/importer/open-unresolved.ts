import { isAgreed } from '../model/paragraph-slots.js';
import type { Paragraph } from '../model/schemas.js';
import type { ParagraphNode } from './outline-nodes.js';
import { locate, type TextUnit } from './text-unit.js';

type Warn = (line: number, column: number, code: string, message: string) => void;

/**
 * A paragraph or item marked `(Agreed)` or `(Agreed ad ref)` that still holds brackets or
 * alternatives: the text contradicts its marker (a marker left from an earlier round, a bracket
 * added since). ndraft never stores that (validate refuses it), and does not guess which is
 * right: it imports the paragraph or item as open, with a warning that names what is still
 * contested. `contested` holds the texts that have a bracket, or a bracket span, of their own.
 */
export function openUnresolved(paragraph: Paragraph, node: ParagraphNode, contested: ReadonlySet<TextUnit>, name: string, warn: Warn): Paragraph {
  let result = paragraph;
  if (isAgreed(paragraph.status)) {
    const open: string[] = [];
    if (paragraph.bracketed) open.push('the whole paragraph is in brackets');
    const texts = [
      { unit: node.text, name: 'its text' },
      ...node.items.flatMap((i) => [{ unit: i.unit, name: `item ${i.label}` }, ...i.alternatives.map((a) => ({ unit: a.unit, name: `"${a.label}"` }))]),
      ...node.alternatives.map((a) => ({ unit: a.unit, name: `"${a.label}"` })),
    ].filter((t) => contested.has(t.unit));
    if (texts.length > 0) open.push(`${texts.map((t) => t.name).join(', ')} ${texts.length === 1 ? 'holds' : 'hold'} brackets`);
    const alternatives = paragraph.alternatives.length + paragraph.items.reduce((n, i) => n + (i.alternatives?.length ?? 0), 0);
    if (alternatives > 0) open.push(`${alternatives === 1 ? 'an alternative is' : `${alternatives} alternatives are`} on the table`);
    if (open.length > 0) {
      warn(node.line, 1, 'AGREED_BUT_OPEN', `paragraph ${name} is marked ${marked(paragraph.status)} but ${open.join(' and ')}; imported as open`);
      result = { ...result, status: 'open' };
    }
  }
  node.items.forEach((item, i) => {
    const status = result.items[i]?.status;
    if (!isAgreed(status) || status === undefined) return;
    if (!contested.has(item.unit) && item.alternatives.length === 0) return;
    const at = locate(item.unit, 0);
    const what = contested.has(item.unit) ? 'holds brackets' : 'has alternatives on the table';
    warn(at.line, at.column, 'AGREED_BUT_OPEN', `item ${item.label} of paragraph ${name} is marked ${marked(status)} but ${what}; imported as open`);
    const items = [...result.items];
    const { status: _, ...open } = items[i] as Paragraph['items'][number];
    items[i] = open;
    result = { ...result, items };
  });
  return result;
}

function marked(status: Paragraph['status']): string {
  return status === 'agreed' ? '(Agreed)' : '(Agreed ad ref)';
}
