import { inputError, type Diagnostic } from '../diagnostics/diagnostic.js';
import { paragraphNamed } from '../model/find-paragraph.js';
import type { Draft, DraftMeta, Paragraph } from '../model/schemas.js';
import type { Counts } from '../report/counts.js';
import { loadDraft } from '../store/load-draft.js';
import { locateDraft } from '../store/locate-draft.js';
import { foldersLeavingDraft } from '../store/read-draft-file.js';
import { checkDraft, type CheckOptions } from '../validate/check-draft.js';
import type { DraftSpan } from '../model/spans.js';

export interface OpenedDraft {
  dir: string;
  /** The draft; its paragraphs are read (mostly from the parse cache) when first asked for. */
  readonly draft: Draft;
  meta: DraftMeta;
  warnings: Diagnostic[];
  /** Each paragraph's counts for `status`, by address. */
  counts: Map<string, Counts>;
  /** The bracket spans of the draft, in the order they open: one bracket over several texts. */
  spans: DraftSpan[];
  /** The paragraph files as loaded: address, path and, when known, the SHA-1 of their bytes. */
  readonly files: { address: string | undefined; file: string; hash?: string | undefined }[];
  /** One paragraph by address or unambiguous printed number, read alone when named by its address; an unknown one is an error naming the nearest. */
  paragraph(ref: string): Paragraph;
}

/** A received draft must not make a command read or write elsewhere through a linked folder. */
export function refuseLinkedFolders(dir: string): void {
  const linked = foldersLeavingDraft(dir);
  if (linked.length > 0) throw inputError(`${linked.map((name) => `${name}/`).join(' and ')} of the draft ${linked.length === 1 ? 'is a link' : 'are links'} to a folder outside it; ndraft does not follow ${linked.length === 1 ? 'it' : 'them'} (replace ${linked.length === 1 ? 'it' : 'them'} with the folder itself)`);
}

/**
 * Finds, loads and checks the draft a command works on; a draft with errors is refused with all of
 * them. `options` go to the check (`CheckOptions`).
 */
export async function openDraft(explicit: string | undefined, cwd: string, options: CheckOptions = {}): Promise<OpenedDraft> {
  const dir = locateDraft({ explicit, cwd });
  refuseLinkedFolders(dir);
  const loaded = await loadDraft(dir);
  const checked = await checkDraft(loaded, options);
  const { diagnostics, meta, counts } = checked;
  if (!meta) {
    const errors = diagnostics.filter((d) => d.severity === 'error');
    throw inputError(`the draft has ${errors.length} error${errors.length === 1 ? '' : 's'}; fix ${errors.length === 1 ? 'it' : 'them'} (see "ndraft validate")`, errors);
  }
  return {
    dir,
    meta,
    counts,
    spans: checked.spans,
    warnings: diagnostics.filter((d) => d.severity === 'warning'),
    paragraph: (ref) => paragraphNamed(ref, (address) => checked.paragraph?.(address), () => (checked.draft as Draft).paragraphs),
    get draft() {
      return checked.draft as Draft;
    },
    // Only export asks, to name the current revision: no command pays for it otherwise.
    get files() {
      return loaded.paragraphs.map((p) => ({ address: p.address, file: p.file, hash: p.hash }));
    },
  };
}
