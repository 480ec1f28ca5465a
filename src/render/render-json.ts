import type { Draft } from '../model/schemas.js';
import { draftMetaForYaml, paragraphForYaml } from '../store/serialize.js';

/** The whole model as JSON, with the field names of the YAML files: `{title, source, sections, paragraphs}`. */
export function renderJson(draft: Draft): string {
  const model = { ...draftMetaForYaml(draft.meta), paragraphs: draft.paragraphs.map(paragraphForYaml) };
  return `${JSON.stringify(model, null, 2)}\n`;
}
