import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { isDeepStrictEqual } from 'node:util';
import { inputError, NdraftError, usageError } from '../../diagnostics/diagnostic.js';
import { compareTwo } from '../../diff/compare-wordings.js';
import { checkedNotation } from '../../edit/checked-notation.js';
import { editFileContent, readEditFile, type EditedText } from '../../edit/edit-file.js';
import { editSlot } from '../../edit/edit-slot.js';
import { paragraphName } from '../../model/paragraph-name.js';
import { withSlotText } from '../../model/paragraph-slots.js';
import type { Paragraph } from '../../model/schemas.js';
import { describeSimilarity, renderMarkedText } from '../../render/render-word-diff.js';
import { changeParagraph, refuseAgreed, type ChangeOptions } from '../change-paragraph.js';
import { commandLine } from '../command-line.js';
import { colorsFor, type Io } from '../io.js';
import { openDraft } from '../open-draft.js';
import { runEditor } from '../run-editor.js';

export interface EditOptions extends ChangeOptions {
  text?: string;
  file?: string;
  item?: string;
  alternative?: string;
}

/**
 * `ndraft edit 61 [--item f] [--alternative "Alt 2"] [--text "…" | --file F]`: a new wording for a
 * text. Without --text or --file the text opens in $VISUAL or $EDITOR. No lock is held while the
 * editor is open; once it closes, the draft is opened again under the lock and the change is
 * refused if the paragraph changed meanwhile. The word diff is shown, then written. Whatever was
 * typed in the editor is never lost: when the change is refused, the file stays, and `--file`
 * applies it.
 */
export async function editCommand(ref: string, options: EditOptions, io: Io): Promise<number> {
  if (options.text !== undefined && options.file !== undefined) throw usageError('give --text or --file, not both');
  const command = commandLine(['edit', ref, options.item !== undefined && '--item', options.item, options.alternative !== undefined && '--alternative', options.alternative]);
  if (options.text !== undefined || options.file !== undefined) {
    // No editor to wait for: the draft is opened once, under the lock (opening it costs what `status` costs).
    const edited = options.text !== undefined ? textOption(options.text) : { ...readEditFile(readFileSync(resolve(io.cwd, options.file as string), 'utf8')), source: options.file as string };
    return changeParagraph(io, options, { paragraph: ref, command, change: (current) => reworded(current, edited, options, io) });
  }

  const opened = await openDraft(options.draft, io.cwd);
  const before = opened.paragraph(ref);
  // Refused now, not after the user has typed a new wording.
  refuseAgreed(before);
  const slot = editSlot(before, options);
  const kept = join(mkdtempSync(join(tmpdir(), 'ndraft-edit-')), `${before.address}.txt`);
  writeFileSync(kept, editFileContent(header(before, slot.name), slot.text));
  runEditorKeeping(io, kept);
  const edited = { ...readEditFile(readFileSync(kept, 'utf8')), source: kept };

  const keptHint = (file: string) => `Your text is kept in ${file}: "ndraft edit ${before.address}${slotFlags(options)} --file ${file}" applies it`;
  try {
    const result = await changeParagraph(io, { ...options, draft: opened.dir }, {
      paragraph: before.address,
      command,
      change: (current: Paragraph) => {
        if (!isDeepStrictEqual(current, before)) {
          throw inputError(`paragraph ${paragraphName(before)} was changed by someone else while you edited it (see "ndraft log ${before.address}"); nothing was written`);
        }
        return reworded(current, edited, options, io);
      },
    });
    if (options.dryRun !== true) rmSync(dirname(kept), { recursive: true, force: true });
    else io.write(`${keptHint(kept)}.\n`);
    return result;
  } catch (error) {
    // Whatever was typed in the editor is never lost.
    if (!(error instanceof NdraftError)) throw error;
    throw new NdraftError(error.kind, `${error.message}. ${keptHint(kept)}`, error.diagnostics);
  }
}

/** `--text`, trimmed; a problem in it is placed in the option's text. */
function textOption(text: string): EditedText & { source: string } {
  return { text: text.trim(), source: '--text', place: (p) => ({ line: 1, column: p.column + text.indexOf(text.trim()), sourceLine: text }) };
}

/** The paragraph with the new wording in the text `options` name, its word diff shown first; refused when empty or not valid notation. */
function reworded(current: Paragraph, edited: EditedText & { source: string }, options: EditOptions, io: Io): { paragraph: Paragraph; summary: string } {
  const slot = editSlot(current, options);
  const where = `${slot.name === 'text' ? 'the text' : slot.name} of paragraph ${paragraphName(current)}`;
  if (edited.text === '') throw inputError(`the new wording of ${where} is empty; nothing was changed (to drop a paragraph: "ndraft delete ${current.address}")`);
  checkedNotation(edited.text, { name: edited.source, place: edited.place });
  if (edited.text !== slot.text) io.write(`${diffLines(where, slot.text, edited.text, io)}\n\n`);
  return { paragraph: withSlotText(current, slot.path, edited.text), summary: `reworded ${where}` };
}

function runEditorKeeping(io: Io, file: string): void {
  try {
    runEditor(io, file);
  } catch (error) {
    rmSync(dirname(file), { recursive: true, force: true });
    if (error instanceof NdraftError) throw new NdraftError(error.kind, `${error.message}; nothing was changed`, error.diagnostics);
    throw error;
  }
}

function header(paragraph: Paragraph, slot: string): string[] {
  return [
    `ndraft edit: paragraph ${paragraphName(paragraph)}, ${slot === 'text' ? 'its text' : slot}. Lines starting with "#" are ignored;`,
    'the others are joined with one space into one text, in bracket notation: [keep or drop], [a/b].',
    'Save and quit to apply; the word diff is shown before it is written. Empty: nothing changes.',
  ];
}

function slotFlags(options: EditOptions): string {
  const flags = commandLine([options.item !== undefined && '--item', options.item, options.alternative !== undefined && '--alternative', options.alternative]);
  return flags === '' ? '' : ` ${flags}`;
}

/** The change word by word, as `ndraft diff` shows it: coloured in a terminal, `[-old-]{+new+}` otherwise. */
function diffLines(where: string, before: string, after: string, io: Io): string {
  const c = colorsFor(io);
  const comparison = compareTwo(where, { label: 'before', text: before }, { label: 'after', text: after });
  return `${c.bold(`${where.charAt(0).toUpperCase()}${where.slice(1)}: ${describeSimilarity(comparison)}`)}\n${renderMarkedText(comparison.changes, c.level > 0 ? 'color' : 'plain', c)}`;
}
