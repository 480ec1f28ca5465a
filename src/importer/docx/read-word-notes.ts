import { child, children, type XmlElement } from './parse-xml-part.js';
import { readParagraph } from './read-word-blocks.js';

/** A comment or footnote of a .docx: its words, and for a comment who wrote it and when. */
export interface WordNote {
  id: string;
  text: string;
  author?: string;
  date?: string;
}

/** comments.xml: every comment by id. */
export function readWordComments(root: XmlElement | undefined): Map<string, WordNote> {
  return readNotes(children(child(root, 'w:comments'), 'w:comment'));
}

/** footnotes.xml: every real footnote by id (Word's separator "footnotes" left out). */
export function readWordFootnotes(root: XmlElement | undefined): Map<string, WordNote> {
  return readNotes(children(child(root, 'w:footnotes'), 'w:footnote').filter((f) => f.attrs['w:type'] === undefined || f.attrs['w:type'] === 'normal'));
}

function readNotes(list: readonly XmlElement[]): Map<string, WordNote> {
  const notes = new Map<string, WordNote>();
  for (const note of list) {
    const id = note.attrs['w:id'];
    if (id === undefined) continue;
    const text = children(note, 'w:p')
      .map((p, i) => readParagraph(p, i + 1, undefined).runs.filter((r) => r.change?.kind !== 'del' && r.change?.kind !== 'moveFrom').map((r) => r.text).join(''))
      .join(' ')
      .replace(/\s+/g, ' ')
      .trim();
    const author = note.attrs['w:author'];
    const date = note.attrs['w:date'];
    notes.set(id, { id, text, ...(author !== undefined ? { author } : {}), ...(date !== undefined ? { date: date.replace(/\.\d+Z$/, 'Z').replace(/T00:00:00Z$/, '') } : {}) });
  }
  return notes;
}
