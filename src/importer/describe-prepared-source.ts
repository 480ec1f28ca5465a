import type { RemovedFurniture } from './source-lines.js';

/**
 * What cleaning took out, said in words: for the import summary, and as the draft's note of kind
 * `furniture`.
 */
export function describeFurniture(furniture: readonly RemovedFurniture[]): string | undefined {
  if (furniture.length === 0) return undefined;
  const parts = KINDS.flatMap(([kind, one, many]) => {
    const found = furniture.filter((f) => f.kind === kind);
    if (found.length === 0) return [];
    const texts = [...new Set(found.map((f) => f.text.trim().replace(/\s+/g, ' ')).filter((t) => t !== '' && kind !== 'page-number'))];
    const shown = texts.length > 0 && texts.length <= 3 ? ` (${texts.map((t) => `"${t}"`).join(', ')})` : '';
    return [`${found.length} ${found.length === 1 ? one : many}${shown}`];
  });
  return `${furniture.length} line${furniture.length === 1 ? '' : 's'} of page furniture removed: ${parts.join(', ')}`;
}

const KINDS: [RemovedFurniture['kind'], string, string][] = [
  ['form-feed', 'form feed', 'form feeds'],
  ['page-header', 'page header line', 'page header lines'],
  ['page-footer', 'page footer line', 'page footer lines'],
  ['page-number', 'page number', 'page numbers'],
  ['redaction', 'redaction bar', 'redaction bars'],
];
