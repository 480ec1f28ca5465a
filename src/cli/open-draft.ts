import { inputError, type Diagnostic } from '../diagnostics/diagnostic.js';
import { paragraphNumbered } from '../model/find-paragraph.js';
import { outlineNumbers } from '../model/outline.js';
import type { Draft, DraftMeta, Paragraph } from '../model/schemas.js';
import type { Counts } from '../report/counts.js';
import { loadDraft } from '../store/load-draft.js';
import { locateDraft } from '../store/locate-draft.js';
import { checkDraft } from '../validate/check-draft.js';

export interface OpenedDraft {
  dir: string;
  /** The draft; its paragraphs are read (mostly from the parse cache) when first asked for. */
  readonly draft: Draft;
  meta: DraftMeta;
  warnings: Diagnostic[];
  /** Each paragraph's counts for `status`, by number. */
  counts: Map<string, Counts>;
  /** One paragraph, read alone; an unknown number is an error naming the nearest ones. */
  paragraph(number: string): Paragraph;
}

/** Finds, loads and checks the draft a command works on; a draft with errors is refused with all of them. */
export async function openDraft(explicit: string | undefined, cwd: string): Promise<OpenedDraft> {
  const dir = locateDraft({ explicit, cwd });
  const checked = await checkDraft(await loadDraft(dir));
  const { diagnostics, meta, counts } = checked;
  if (!meta) {
    const errors = diagnostics.filter((d) => d.severity === 'error');
    throw inputError(`the draft has ${errors.length} error${errors.length === 1 ? '' : 's'}; fix ${errors.length === 1 ? 'it' : 'them'} (see "ndraft validate")`, errors);
  }
  return {
    dir,
    meta,
    counts,
    warnings: diagnostics.filter((d) => d.severity === 'warning'),
    paragraph: (number) => paragraphNumbered(number, () => outlineNumbers(meta.sections), (n) => checked.paragraph?.(n)),
    get draft() {
      return checked.draft as Draft;
    },
  };
}
