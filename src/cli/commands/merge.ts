import { inputError } from '../../diagnostics/diagnostic.js';
import { describeScope } from '../../model/describe-scope.js';
import { mergeAlternatives, type Merge } from '../../resolve/merge-alternatives.js';
import { changeParagraph, type ChangeOptions } from '../change-paragraph.js';
import { colorsFor, type Io } from '../io.js';
import { openDraft } from '../open-draft.js';
import { commandLine } from '../command-line.js';

export interface MergeOptions extends ChangeOptions {
  apply?: boolean;
  withText?: boolean;
  item?: string;
  json?: boolean;
}

/**
 * `ndraft merge 61 "Alt 1" "Alt 2"`: the streamlined text and a collision report;
 * with `--apply`, the streamlined text becomes the text and the merged alternatives go to history.
 */
export async function mergeCommand(number: string, labels: readonly string[], options: MergeOptions, io: Io): Promise<number> {
  const request = { labels, withText: options.withText === true, ...(options.item !== undefined ? { item: options.item } : {}) };
  if (options.apply) {
    return changeParagraph(io, options, {
      paragraph: number,
      command: commandLine(['merge', number, ...labels, options.item !== undefined && '--item', options.item, options.withText === true && '--with-text', '--apply']),
      change: (p) => refuseIssues(mergeAlternatives(p, request)),
    });
  }
  const merge = mergeAlternatives((await openDraft(options.draft, io.cwd)).paragraph(number), request);
  const { result } = merge;
  if (options.json) {
    io.write(`${JSON.stringify({ wordings: merge.wordings, text: result.text, ...(merge.scope !== undefined ? { scope: merge.scope } : {}), brackets: result.brackets, contestedWords: result.contestedWords, agreedWords: result.agreedWords, issues: result.issues }, null, 2)}\n`);
    return 0;
  }
  const c = colorsFor(io);
  io.write(`${highlightBrackets(result.text, c.yellow)}\n\n`);
  io.write(`${c.bold('Collision report')}: ${result.brackets} bracket${result.brackets === 1 ? '' : 's'}; ${result.contestedWords} words in contest, ${result.agreedWords} agreed (${merge.wordings.join(' + ')})\n`);
  for (const issue of result.issues) io.write(`${c.yellow('warning')}: ${issue.message}\n`);
  const where = merge.scope === undefined ? 'make this the text' : `put this in the text (${describeScope(merge.scope)})`;
  io.write(c.dim(`Nothing written. Add --apply to ${where}.\n`));
  return 0;
}

function refuseIssues(merge: Merge): Merge {
  if (merge.result.issues.length > 0) {
    throw inputError(`the streamlined text cannot be applied: ${merge.result.issues.map((i) => i.message).join('; ')}`);
  }
  return merge;
}

function highlightBrackets(text: string, paint: (s: string) => string): string {
  return text.replace(/[[\]/]/g, (m) => paint(m));
}
