import { num, textString, type PdfFile } from './pdf-file.js';

/** A heading as the bookmarks list it: its level and where it stands. */
export interface Bookmark {
  title: string;
  level: number;
  /** The page object's number. */
  page: number;
  y: number;
}

interface Node {
  bookmark?: Bookmark;
  id: number;
  children: Node[];
}

/**
 * The document outline (the viewer's bookmarks pane): the sections and their subsections, each a
 * link to its heading. Returns the number of the outline's root, or none without headings.
 */
export function pdfOutline(file: PdfFile, bookmarks: readonly Bookmark[]): number | undefined {
  if (bookmarks.length === 0) return undefined;
  const root: Node = { id: file.allocate(), children: [] };
  const stack: Node[] = [root];
  for (const bookmark of bookmarks) {
    // A heading two levels below the last one hangs from the nearest above it.
    while (stack.length > 1 && ((stack[stack.length - 1] as Node).bookmark as Bookmark).level >= bookmark.level) stack.pop();
    const node: Node = { bookmark, id: file.allocate(), children: [] };
    (stack[stack.length - 1] as Node).children.push(node);
    stack.push(node);
  }
  write(file, root, undefined);
  return root.id;
}

/**
 * Writes a node and its children; returns how many items are open under it (all are: Count
 * positive shows a section's subsections; the root's Count is every item).
 */
function write(file: PdfFile, node: Node, parent: number | undefined, prev?: number, next?: number): number {
  const kids = node.children;
  let count = kids.length;
  kids.forEach((kid, i) => {
    count += write(file, kid, node.id, kids[i - 1]?.id, kids[i + 1]?.id);
  });
  const links = kids.length === 0 ? '' : ` /First ${(kids[0] as Node).id} 0 R /Last ${(kids[kids.length - 1] as Node).id} 0 R /Count ${count}`;
  const b = node.bookmark;
  if (b === undefined) file.set(node.id, `<< /Type /Outlines${links} >>`);
  else {
    const siblings = `${prev !== undefined ? ` /Prev ${prev} 0 R` : ''}${next !== undefined ? ` /Next ${next} 0 R` : ''}`;
    file.set(node.id, `<< /Title ${textString(b.title)} /Parent ${parent as number} 0 R${siblings}${links} /Dest [${b.page} 0 R /XYZ 0 ${num(b.y)} 0] >>`);
  }
  return count;
}
