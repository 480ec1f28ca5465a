/**
 * The `.gitattributes` lines ndraft needs in a draft folder, with patterns relative to it: git
 * reads a `.gitattributes` in any folder for the files below it, so the lines travel with the
 * draft wherever it sits in a repository, and a repository holding several drafts has them once
 * per draft.
 */
export const DRAFT_ATTRIBUTES: readonly string[] = [
  // Paragraph files merge through ndraft's driver and show in git diff through its textconv.
  'paragraphs/*.yaml merge=ndraft diff=ndraft',
  // The outline merges through the driver too; its diff is plain YAML, readable as it is.
  'draft.yaml merge=ndraft',
];

const HEADER = '# ndraft (written by "ndraft git-setup"): merge paragraphs as alternatives, diff them as text';

/**
 * `existing` (a .gitattributes' text, or undefined when there is none) with each of `lines` it
 * lacks added at the end; the user's own lines are kept as they are. Running it again adds
 * nothing: a line counts as present whatever spaces separate its fields.
 */
export function withAttributes(existing: string | undefined, lines: readonly string[]): { text: string; added: string[] } {
  const normal = (line: string) => line.trim().split(/\s+/).join(' ');
  const present = new Set((existing ?? '').split(/\r?\n/).map(normal));
  const added = lines.filter((line) => !present.has(normal(line)));
  if (added.length === 0) return { text: existing ?? '', added };
  let text = existing ?? '';
  if (text !== '' && !text.endsWith('\n')) text += '\n';
  if (!present.has(HEADER)) text += `${text === '' ? '' : '\n'}${HEADER}\n`;
  return { text: `${text}${added.join('\n')}\n`, added };
}
