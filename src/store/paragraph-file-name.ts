/**
 * `61` → `061.yaml`, `61bis` → `061bis.yaml`: the leading digits are padded to three so that the
 * files of a draft of up to 999 paragraphs sort in reading order. Reading order itself always
 * comes from the outline in draft.yaml, never from file names.
 */
export function paragraphFileName(number: string): string {
  const match = /^(\d+)(.*)$/.exec(number);
  const stem = match ? `${(match[1] as string).padStart(3, '0')}${match[2]}` : number;
  return `${stem}.yaml`;
}

export const PARAGRAPHS_DIR = 'paragraphs';
export const DRAFT_FILE = 'draft.yaml';
