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
  // One path, extended and cut back as the walk goes: copied only for a problem (every paragraph is walked, few have one).
  const path: (string | number)[] = [];
  const visit = (value: unknown): void => {
    if (typeof value === 'string') {
      const found = findControl(value);
      if (found) {
        out.push({ code: 'CONTROL_CHARACTER', severity: 'warning', message: `${describe(path)} holds a control character (${found.shown})`, path: [...path] as YamlPath, index: found.index });
      }
    } else if (Array.isArray(value)) {
      for (let i = 0; i < value.length; i++) {
        path.push(i);
        visit(value[i]);
        path.pop();
      }
    } else if (typeof value === 'object' && value !== null) {
      for (const key of Object.keys(value)) {
        path.push(key);
        visit((value as Record<string, unknown>)[key]);
        path.pop();
      }
    }
  };
  visit(paragraph);
  return out;
}

function describe(path: readonly (string | number)[]): string {
  return path.map((part) => (typeof part === 'number' ? `[${part}]` : `.${part}`)).join('').replace(/^\./, '') || 'the file';
}
