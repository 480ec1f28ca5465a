import type { Draft } from '../model/schemas.js';
import type { DocumentHeader } from './document-header.js';
import { draftMetaForYaml, paragraphForYaml } from '../store/serialize.js';

/**
 * The whole model as JSON, with the field names of the YAML files: `{title, source, symbol, date,
 * sections, paragraphs}`. The export's `--symbol` and `--date` replace draft.yaml's; a revision
 * given to the export is added as `revision`.
 */
export function renderJson(draft: Draft, header: DocumentHeader = {}): string {
  const meta = draftMetaForYaml({ ...draft.meta, ...(header.symbol !== undefined ? { symbol: header.symbol } : {}), ...(header.date !== undefined ? { date: header.date } : {}) });
  const model = { ...meta, ...(header.revision !== undefined ? { revision: header.revision } : {}), paragraphs: draft.paragraphs.map(paragraphForYaml) };
  return `${JSON.stringify(model, null, 2)}\n`;
}
