import { inputError, type Diagnostic } from '../diagnostics/diagnostic.js';
import type { Draft } from '../model/schemas.js';
import { loadDraft } from '../store/load-draft.js';
import { locateDraft } from '../store/locate-draft.js';
import { checkDraft } from '../validate/check-draft.js';

export interface OpenedDraft {
  dir: string;
  draft: Draft;
  warnings: Diagnostic[];
  /** How many brackets each paragraph holds, by number. */
  brackets: Map<string, number>;
}

/** Finds, loads and checks the draft a command works on; a draft with errors is refused with all of them. */
export async function openDraft(explicit: string | undefined, cwd: string): Promise<OpenedDraft> {
  const dir = locateDraft({ explicit, cwd });
  const { diagnostics, draft, brackets } = await checkDraft(await loadDraft(dir));
  if (!draft) {
    const errors = diagnostics.filter((d) => d.severity === 'error');
    throw inputError(`the draft has ${errors.length} error${errors.length === 1 ? '' : 's'}; fix ${errors.length === 1 ? 'it' : 'them'} (see "ndraft validate")`, errors);
  }
  return { dir, draft, warnings: diagnostics.filter((d) => d.severity === 'warning'), brackets };
}
