import { basename } from 'node:path';
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import type { Draft, DraftMeta, OutlineEntry, Paragraph, Section } from '../model/schemas.js';
import type { LoadedDraft, LoadedParagraph } from '../store/load-draft.js';
import { outlineNumbers } from '../model/outline.js';
import { parseParagraph } from '../model/paragraph-slots.js';
import { countParagraph, type Counts } from '../report/counts.js';
import { paragraphFileName } from '../store/paragraph-file-name.js';
import { loadParsers } from '../store/yaml-parser.js';
import { paragraphProblems, placeProblems, type ParagraphProblem } from './check-paragraph.js';
import { controlCharacterProblems } from './control-characters.js';

interface OutlineRef {
  number: string;
  /** Where it is named in draft.yaml; built only when a problem is reported there. */
  path: () => (string | number)[];
}

/**
 * The rules that span files: numbers are unique and match file names, the outline and the
 * paragraph files match exactly, and every paragraph passes `checkParagraph`.
 * Returns the problems; the draft, in reading order, when nothing is wrong (assembled when first
 * asked for: the paragraphs served by the cache are read then); and each paragraph's counts for
 * `status`, which the cache remembers, so that `status` needs neither the paragraphs nor a parse
 * of their notation.
 */
export async function checkDraft(loaded: LoadedDraft): Promise<CheckedDraft> {
  const diagnostics: Diagnostic[] = [...loaded.diagnostics];
  // Placed at the end: placing needs the YAML parser, loaded only when something is wrong.
  const unplaced: { file: LoadedParagraph['yaml'] | LoadedDraft['draftFile']; path: (string | number)[]; code: string; message: string }[] = [];
  const error = (file: LoadedParagraph['yaml'] | LoadedDraft['draftFile'], path: (string | number)[], code: string, message: string) =>
    unplaced.push({ file, path, code, message });
  const counts = new Map<string, Counts>();
  const checked: { loadedParagraph: LoadedParagraph; paragraph: Paragraph; problems: ParagraphProblem[] }[] = [];

  const byNumber = new Map<string, LoadedParagraph>();
  for (const loadedParagraph of loaded.paragraphs) {
    const number = loadedParagraph.number;
    if (number === undefined) continue;
    const expected = paragraphFileName(number);
    if (basename(loadedParagraph.file) !== expected) {
      error(loadedParagraph.yaml, ['number'], 'FILE_NAME', `paragraph ${number} belongs in ${expected}, not ${basename(loadedParagraph.file)}`);
    }
    const first = byNumber.get(number);
    if (first) {
      error(loadedParagraph.yaml, ['number'], 'DUPLICATE_NUMBER', `paragraph number ${number} is also used by ${basename(first.file)}`);
      continue;
    }
    byNumber.set(number, loadedParagraph);
    if (loadedParagraph.problems && loadedParagraph.counts) {
      diagnostics.push(...loadedParagraph.problems);
      counts.set(number, loadedParagraph.counts);
      continue;
    }
    const paragraph = loadedParagraph.paragraph as Paragraph;
    const parsed = parseParagraph(paragraph);
    counts.set(number, countParagraph(paragraph, parsed.brackets.length));
    checked.push({ loadedParagraph, paragraph, problems: paragraphProblems(paragraph, parsed) });
  }

  const meta = loaded.meta;
  if (meta) {
    const listed = new Map<string, OutlineRef>();
    for (const ref of outlineRefs(meta.sections, ['sections'])) {
      const earlier = listed.get(ref.number);
      if (earlier) {
        error(loaded.draftFile, ref.path(), 'OUTLINE_DUPLICATE', `paragraph ${ref.number} is listed twice in the outline`);
        continue;
      }
      listed.set(ref.number, ref);
      // A file of that name that holds another number is reported on the file itself (FILE_NAME).
      if (!byNumber.has(ref.number) && !loaded.paragraphs.some((p) => basename(p.file) === paragraphFileName(ref.number))) {
        error(loaded.draftFile, ref.path(), 'OUTLINE_MISSING_FILE', `paragraph ${ref.number} is in the outline but paragraphs/${paragraphFileName(ref.number)} does not exist`);
      }
    }
    for (const [number, loadedParagraph] of byNumber) {
      if (!listed.has(number)) {
        error(loadedParagraph.yaml, ['number'], 'NOT_IN_OUTLINE', `paragraph ${number} is not in the outline: add it to a section in draft.yaml`);
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
      loaded.cache.set(loadedParagraph.hash, { paragraph, problems: problems.map(({ file: _file, ...rest }) => rest), counts: counts.get(paragraph.number) as Counts });
    }
  }
  for (const { file, path, code, message } of unplaced) diagnostics.push({ code, severity: 'error', message, file: file.file, ...file.locate(path) });
  loaded.cache.save();
  diagnostics.sort(compareDiagnostics);
  if (!meta || diagnostics.some((d) => d.severity === 'error')) return { diagnostics, counts };
  let draft: Draft | undefined;
  return {
    diagnostics,
    meta,
    counts,
    paragraph: (number) => byNumber.get(number)?.paragraph,
    get draft() {
      draft ??= { meta, paragraphs: outlineNumbers(meta.sections).map((number) => byNumber.get(number)?.paragraph as Paragraph) };
      return draft;
    },
  };
}

export interface CheckedDraft {
  diagnostics: Diagnostic[];
  /** draft.yaml's content, when the draft has no error. */
  meta?: DraftMeta;
  /** The draft, when it has no error; its paragraphs are read from the cache when first asked for. */
  readonly draft?: Draft;
  /** Each paragraph's counts for `status`, by number. */
  counts: Map<string, Counts>;
  /** One paragraph, when the draft has no error (read from the cache alone, if it comes from there). */
  paragraph?: (number: string) => Paragraph | undefined;
}

/** Every paragraph the outline names, in reading order, with where it is named in draft.yaml. */
export function outlineRefs(sections: readonly Section[], path: (string | number)[]): OutlineRef[] {
  const refs: OutlineRef[] = [];
  sections.forEach((section, s) => {
    section.paragraphs.forEach((entry: OutlineEntry, e) => {
      if (typeof entry === 'string') refs.push({ number: entry, path: () => [...path, s, 'paragraphs', e] });
      else {
        entry.options.forEach((option, o) => {
          option.paragraphs.forEach((number, n) => refs.push({ number, path: () => [...path, s, 'paragraphs', e, 'options', o, 'paragraphs', n] }));
        });
      }
    });
    refs.push(...outlineRefs(section.subsections ?? [], [...path, s, 'subsections']));
  });
  return refs;
}

function compareDiagnostics(a: Diagnostic, b: Diagnostic): number {
  return (a.file ?? '').localeCompare(b.file ?? '') || (a.line ?? 0) - (b.line ?? 0) || (a.column ?? 0) - (b.column ?? 0);
}
