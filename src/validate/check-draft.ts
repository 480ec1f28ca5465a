import { basename } from 'node:path';
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import type { Draft, DraftMeta, OptionBlock, OutlineEntry, Paragraph, Section } from '../model/schemas.js';
import type { LoadedDraft, LoadedParagraph } from '../store/load-draft.js';
import { outlineAddresses } from '../model/outline.js';
import { findOption } from '../model/option-blocks.js';
import { parseParagraph } from '../model/paragraph-slots.js';
import { countParagraph, type Counts } from '../report/counts.js';
import { paragraphFileName } from '../store/paragraph-file-name.js';
import { loadParsers } from '../store/yaml-parser.js';
import { paragraphProblems, placeProblems, problemsOfKnownTexts, type ParagraphProblem } from './check-paragraph.js';
import type { KnownTexts } from '../notation/known-texts.js';
import { isReservedFileName } from '../model/reserved-names.js';
import { controlCharacterProblems } from './control-characters.js';
import { legacySupporterCount } from './legacy-supporters.js';
import { collectSpans, hasSpanMarks, type DraftSpan } from '../model/spans.js';

/** A paragraph named in the outline. A class, not a literal with a closure: a large draft names thousands. */
class OutlineRef {
  constructor(
    readonly address: string,
    private readonly list: readonly (string | number)[],
    private readonly index: number,
  ) {}

  /** Where it is named in draft.yaml; built only when a problem is reported there. */
  path(): (string | number)[] {
    return [...this.list, this.index];
  }
}

/**
 * The rules that span files: addresses are unique (also regardless of case) and match file
 * names, the outline and the
 * paragraph files match exactly, bracket spans open and close in order across paragraphs, and
 * every paragraph passes `checkParagraph`.
 * Returns the problems; the draft, in reading order, when nothing is wrong (assembled when first
 * asked for: the paragraphs served by the cache are read then); and each paragraph's counts for
 * `status`, which the cache remembers, so that `status` needs neither the paragraphs nor a parse
 * of their notation.
 */
export async function checkDraft(loaded: LoadedDraft, options: CheckOptions = {}): Promise<CheckedDraft> {
  const diagnostics: Diagnostic[] = [...loaded.diagnostics];
  // Placed at the end: placing needs the YAML parser, loaded only when something is wrong.
  const unplaced: { file: LoadedParagraph['yaml'] | LoadedDraft['draftFile']; path: (string | number)[]; code: string; message: string }[] = [];
  const error = (file: LoadedParagraph['yaml'] | LoadedDraft['draftFile'], path: (string | number)[], code: string, message: string) =>
    unplaced.push({ file, path, code, message });
  const counts = new Map<string, Counts>();
  const spanned = new Set<string>();
  /** Alternatives listing several proposers, by paragraph (validate's note reads the paragraphs only when there are some). */
  const legacy = new Map<string, number>();
  const checked: { loadedParagraph: LoadedParagraph; paragraph: Paragraph; problems: ParagraphProblem[] }[] = [];

  const byAddress = new Map<string, LoadedParagraph>();
  const byFoldedAddress = new Map<string, LoadedParagraph>();
  for (const loadedParagraph of loaded.paragraphs) {
    const address = loadedParagraph.address;
    if (address === undefined) continue;
    const expected = paragraphFileName(address);
    if (basename(loadedParagraph.file) !== expected) {
      error(loadedParagraph.yaml, ['address'], 'FILE_NAME', `paragraph ${address} belongs in ${expected}, not ${basename(loadedParagraph.file)}`);
    }
    const first = byAddress.get(address) ?? byFoldedAddress.get(address.toLowerCase());
    if (first) {
      const same = first.address === address;
      error(loadedParagraph.yaml, ['address'], 'DUPLICATE_ADDRESS', same ? `paragraph address ${address} is also used by ${basename(first.file)}` : `paragraph address ${address} differs only in case from ${first.address} (${basename(first.file)}); file systems that ignore case would mix them up`);
      continue;
    }
    if (isReservedFileName(address)) {
      error(loadedParagraph.yaml, ['address'], 'RESERVED_ADDRESS', `paragraph address ${address} is a reserved file name on Windows; choose another, e.g. p-${address}`);
    }
    byAddress.set(address, loadedParagraph);
    byFoldedAddress.set(address.toLowerCase(), loadedParagraph);
    if (loadedParagraph.problems && loadedParagraph.counts) {
      diagnostics.push(...loadedParagraph.problems);
      counts.set(address, loadedParagraph.counts);
      if (loadedParagraph.spanned) spanned.add(address);
      if (loadedParagraph.legacy) legacy.set(address, loadedParagraph.legacy);
      continue;
    }
    const paragraph = loadedParagraph.paragraph as Paragraph;
    // Parsed here unless its texts were parsed where they were read (an import about to be written).
    const known = options.known ? problemsOfKnownTexts(paragraph, options.known) : undefined;
    const parsed = known ? undefined : parseParagraph(paragraph);
    counts.set(address, countParagraph(paragraph, known ? known.brackets : parsed?.brackets.length));
    if (hasSpanMarks(paragraph)) spanned.add(address);
    const several = legacySupporterCount(paragraph);
    if (several > 0) legacy.set(address, several);
    checked.push({ loadedParagraph, paragraph, problems: known ? known.problems : paragraphProblems(paragraph, parsed) });
  }

  const meta = loaded.meta;
  let spans: DraftSpan[] = [];
  if (meta) {
    const listed = new Map<string, OutlineRef>();
    for (const ref of outlineRefs(meta.sections, ['sections'])) {
      const earlier = listed.get(ref.address);
      if (earlier) {
        error(loaded.draftFile, ref.path(), 'OUTLINE_DUPLICATE', `paragraph ${ref.address} is listed twice in the outline`);
        continue;
      }
      listed.set(ref.address, ref);
      // A file of that name that holds another address is reported on the file itself (FILE_NAME).
      if (!byAddress.has(ref.address) && !loaded.paragraphs.some((p) => basename(p.file) === paragraphFileName(ref.address))) {
        error(loaded.draftFile, ref.path(), 'OUTLINE_MISSING_FILE', `paragraph ${ref.address} is in the outline but paragraphs/${paragraphFileName(ref.address)} does not exist`);
      }
    }
    for (const { path, accepted, block } of unknownAcceptedOptions(meta.sections, ['sections'])) {
      error(loaded.draftFile, path, 'UNKNOWN_ACCEPTED_OPTION', `block "${block.block}" records "${accepted}" as accepted, but has no option so labelled (${block.options.map((o) => o.label).join(', ')})`);
    }
    for (const [address, loadedParagraph] of byAddress) {
      if (!listed.has(address)) {
        error(loadedParagraph.yaml, ['address'], 'NOT_IN_OUTLINE', `paragraph ${address} is not in the outline: add it to a section in draft.yaml`);
      }
    }
    // Bracket spans, across files: only the paragraphs that take part in one are read for it.
    if (spanned.size > 0) {
      const found = collectSpans(meta.sections, (address) => spanned.has(address), (address) => byAddress.get(address)?.paragraph);
      spans = found.spans;
      for (const problem of found.problems) {
        const file = byAddress.get(problem.paragraph.address)?.yaml;
        if (file) error(file, problem.path, problem.code, problem.message);
      }
    }
  }

  const metaWarnings = meta ? controlCharacterProblems(meta) : [];
  // Placing a problem parses its file's YAML: the parser is loaded only when there is one.
  if (unplaced.length > 0 || metaWarnings.length > 0 || checked.some((c) => c.problems.length > 0)) await loadParsers();
  diagnostics.push(...placeProblems(metaWarnings, loaded.draftFile));
  for (const { loadedParagraph, paragraph, problems: found } of checked) {
    const problems = placeProblems(found, loadedParagraph.yaml);
    diagnostics.push(...problems);
    if (loadedParagraph.hash) {
      loaded.cache.set(loadedParagraph.hash, { paragraph, problems: problems.map(({ file: _file, ...rest }) => rest), counts: counts.get(paragraph.address) as Counts, spanned: spanned.has(paragraph.address), legacy: legacy.get(paragraph.address) ?? 0 });
    }
  }
  for (const { file, path, code, message } of unplaced) diagnostics.push({ code, severity: 'error', message, file: file.file, ...file.locate(path) });
  if (options.saveCache !== false) loaded.cache.save();
  diagnostics.sort(compareDiagnostics);
  const legacySupporters = [...legacy.values()].reduce((a, b) => a + b, 0);
  if (!meta || diagnostics.some((d) => d.severity === 'error')) return { diagnostics, counts, spans: [], legacySupporters };
  let draft: Draft | undefined;
  return {
    diagnostics,
    meta,
    counts,
    spans,
    legacySupporters,
    paragraph: (address) => byAddress.get(address)?.paragraph,
    get draft() {
      draft ??= { meta, paragraphs: outlineAddresses(meta.sections).map((address) => byAddress.get(address)?.paragraph as Paragraph) };
      return draft;
    },
  };
}

export interface CheckOptions {
  /**
   * Whether to save the parse cache with what the check learned (by default). A writer that is
   * about to change the draft passes false: its change saves the cache (`recordCommitted`), with
   * all of it, and a large draft's cache (~4 MB) is then written once, not twice.
   */
  saveCache?: boolean;
  /** The notation of texts already parsed (by the importer), which the check then does not parse again. */
  known?: KnownTexts;
}

export interface CheckedDraft {
  diagnostics: Diagnostic[];
  /** draft.yaml's content, when the draft has no error. */
  meta?: DraftMeta;
  /** The draft, when it has no error; its paragraphs are read from the cache when first asked for. */
  readonly draft?: Draft;
  /** Each paragraph's counts for `status`, by address. */
  counts: Map<string, Counts>;
  /** The bracket spans of the draft, each with the texts it covers, in the order they open (none when the draft has errors). */
  spans: DraftSpan[];
  /** How many alternatives, in all, list several delegations in proposedBy (see `legacySupportersNote`). */
  legacySupporters: number;
  /** One paragraph by its exact address, when the draft has no error (read from the cache alone, if it comes from there). */
  paragraph?: (address: string) => Paragraph | undefined;
}

/** Every paragraph the outline names, option blocks (nested ones too) included, in reading order, with where it is named in draft.yaml. */
export function outlineRefs(sections: readonly Section[], path: (string | number)[]): OutlineRef[] {
  const refs: OutlineRef[] = [];
  const entries = (list: readonly OutlineEntry[], at: (string | number)[]) => {
    list.forEach((entry, e) => {
      if (typeof entry === 'string') refs.push(new OutlineRef(entry, at, e));
      else entry.options.forEach((option, o) => entries(option.paragraphs, [...at, e, 'options', o, 'paragraphs']));
    });
  };
  sections.forEach((section, s) => {
    entries(section.paragraphs, [...path, s, 'paragraphs']);
    refs.push(...outlineRefs(section.subsections ?? [], [...path, s, 'subsections']));
  });
  return refs;
}

/** Blocks whose `accepted` names none of their options, with where it is written in draft.yaml. */
function unknownAcceptedOptions(sections: readonly Section[], path: (string | number)[]): { path: (string | number)[]; accepted: string; block: OptionBlock }[] {
  const found: { path: (string | number)[]; accepted: string; block: OptionBlock }[] = [];
  const entries = (list: readonly OutlineEntry[], at: (string | number)[]) => {
    list.forEach((entry, e) => {
      if (typeof entry === 'string') return;
      if (entry.accepted !== undefined && findOption(entry, entry.accepted) === undefined) found.push({ path: [...at, e, 'accepted'], accepted: entry.accepted, block: entry });
      entry.options.forEach((option, o) => entries(option.paragraphs, [...at, e, 'options', o, 'paragraphs']));
    });
  };
  sections.forEach((section, s) => {
    entries(section.paragraphs, [...path, s, 'paragraphs']);
    found.push(...unknownAcceptedOptions(section.subsections ?? [], [...path, s, 'subsections']));
  });
  return found;
}


function compareDiagnostics(a: Diagnostic, b: Diagnostic): number {
  return (a.file ?? '').localeCompare(b.file ?? '') || (a.line ?? 0) - (b.line ?? 0) || (a.column ?? 0) - (b.column ?? 0);
}
