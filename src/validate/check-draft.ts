import { basename } from 'node:path';
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import type { Draft, OutlineEntry, Paragraph, Section } from '../model/schemas.js';
import type { LoadedDraft, LoadedParagraph } from '../store/load-draft.js';
import { paragraphFileName } from '../store/paragraph-file-name.js';
import { checkParagraph } from './check-paragraph.js';

interface OutlineRef {
  number: string;
  path: (string | number)[];
}

/**
 * The rules that span files: numbers are unique and match file names, the outline and the
 * paragraph files match exactly, and every paragraph passes `checkParagraph`.
 * Returns the assembled draft, in reading order, when nothing is wrong.
 */
export function checkDraft(loaded: LoadedDraft): { diagnostics: Diagnostic[]; draft?: Draft } {
  const diagnostics: Diagnostic[] = [...loaded.diagnostics];
  const error = (file: LoadedParagraph['yaml'] | LoadedDraft['draftFile'], path: (string | number)[], code: string, message: string) =>
    diagnostics.push({ code, severity: 'error', message, file: file.file, ...file.locate(path) });

  const byNumber = new Map<string, LoadedParagraph>();
  for (const loadedParagraph of loaded.paragraphs) {
    const paragraph = loadedParagraph.paragraph;
    if (!paragraph) continue;
    const expected = paragraphFileName(paragraph.number);
    if (basename(loadedParagraph.file) !== expected) {
      error(loadedParagraph.yaml, ['number'], 'FILE_NAME', `paragraph ${paragraph.number} belongs in ${expected}, not ${basename(loadedParagraph.file)}`);
    }
    const first = byNumber.get(paragraph.number);
    if (first) {
      error(loadedParagraph.yaml, ['number'], 'DUPLICATE_NUMBER', `paragraph number ${paragraph.number} is also used by ${basename(first.file)}`);
      continue;
    }
    byNumber.set(paragraph.number, loadedParagraph);
    if (loadedParagraph.problems) {
      diagnostics.push(...loadedParagraph.problems);
      continue;
    }
    const problems = checkParagraph(paragraph, loadedParagraph.yaml);
    diagnostics.push(...problems);
    if (loadedParagraph.hash) loaded.cache.set(loadedParagraph.hash, { paragraph, problems: problems.map(({ file: _file, ...rest }) => rest) });
  }

  const meta = loaded.meta;
  if (meta) {
    const listed = new Map<string, OutlineRef>();
    for (const ref of outlineRefs(meta.sections, ['sections'])) {
      const earlier = listed.get(ref.number);
      if (earlier) {
        error(loaded.draftFile, ref.path, 'OUTLINE_DUPLICATE', `paragraph ${ref.number} is listed twice in the outline`);
        continue;
      }
      listed.set(ref.number, ref);
      // A file of that name that holds another number is reported on the file itself (FILE_NAME).
      if (!byNumber.has(ref.number) && !loaded.paragraphs.some((p) => basename(p.file) === paragraphFileName(ref.number))) {
        error(loaded.draftFile, ref.path, 'OUTLINE_MISSING_FILE', `paragraph ${ref.number} is in the outline but paragraphs/${paragraphFileName(ref.number)} does not exist`);
      }
    }
    for (const [number, loadedParagraph] of byNumber) {
      if (!listed.has(number)) {
        error(loadedParagraph.yaml, ['number'], 'NOT_IN_OUTLINE', `paragraph ${number} is not in the outline: add it to a section in draft.yaml`);
      }
    }
  }

  loaded.cache.save();
  diagnostics.sort(compareDiagnostics);
  if (!meta || diagnostics.some((d) => d.severity === 'error')) return { diagnostics };
  const paragraphs = outlineRefs(meta.sections, ['sections']).map((ref) => byNumber.get(ref.number)?.paragraph as Paragraph);
  return { diagnostics, draft: { meta, paragraphs } };
}

/** Every paragraph the outline names, in reading order, with where it is named in draft.yaml. */
export function outlineRefs(sections: readonly Section[], path: (string | number)[]): OutlineRef[] {
  const refs: OutlineRef[] = [];
  sections.forEach((section, s) => {
    section.paragraphs.forEach((entry: OutlineEntry, e) => {
      const entryPath = [...path, s, 'paragraphs', e];
      if (typeof entry === 'string') refs.push({ number: entry, path: entryPath });
      else {
        entry.options.forEach((option, o) => {
          option.paragraphs.forEach((number, n) => refs.push({ number, path: [...entryPath, 'options', o, 'paragraphs', n] }));
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
