import type { DraftMeta, Paragraph } from '../model/schemas.js';
import { findControl } from '../text/control-characters.js';
import type { YamlPath } from '../store/yaml-file.js';
import type { ParagraphProblem } from './check-paragraph.js';

/**
 * A warning for each string of a paragraph file (or of draft.yaml) that holds a control character or a bidi
 * override: harmless in the file, but a sign of a text pasted from somewhere odd, or of a draft
 * made to mislead (ndraft shows them as `\e`, `\u202e` in a terminal; see SECURITY.md).
 */
export function controlCharacterProblems(paragraph: Paragraph | DraftMeta): ParagraphProblem[] {
  const out: ParagraphProblem[] = [];
  const visit = (value: unknown, path: (string | number)[]): void => {
    if (typeof value === 'string') {
      const found = findControl(value);
      if (found) {
        out.push({ code: 'CONTROL_CHARACTER', severity: 'warning', message: `${describe(path)} holds a control character (${found.shown})`, path: path as YamlPath, index: found.index });
      }
    } else if (Array.isArray(value)) {
      value.forEach((item, i) => visit(item, [...path, i]));
    } else if (typeof value === 'object' && value !== null) {
      for (const [key, item] of Object.entries(value)) visit(item, [...path, key]);
    }
  };
  visit(paragraph, []);
  return out;
}

function describe(path: readonly (string | number)[]): string {
  return path.map((part) => (typeof part === 'number' ? `[${part}]` : `.${part}`)).join('').replace(/^\./, '') || 'the file';
}
