import type { ChalkInstance } from 'chalk';
import type { Paragraph } from '../model/schemas.js';
import type { Counts } from '../report/counts.js';
import type { StoryStep } from '../revisions/paragraph-story.js';
import { changePhrases } from './describe-comparison.js';
import { markersFor, markWords } from './render-word-diff.js';

/**
 * `ndraft log <paragraph> --revisions`: one block per revision, oldest first, then the working
 * draft. The first revision that has the paragraph shows its whole wording (text, items,
 * alternatives, named as `compare` names them); each later one says what changed, with a word
 * diff of each text that changed (`color`, or `plain` with git's `[-old-]{+new+}` markers).
 */
export function renderParagraphStory(name: string, steps: readonly StoryStep[], format: 'color' | 'plain', c: ChalkInstance): string {
  const markers = markersFor(format, c);
  const revisions = steps.filter((s) => s.revision !== 'working').length;
  const lines = [c.bold(`Paragraph ${name} in ${revisions} revision${revisions === 1 ? '' : 's'} and the working draft`)];
  for (const step of steps) {
    const when = step.time ? `, ${step.time.replace('T', ' ').slice(0, 16)} UTC` : ' (now)';
    const head = `${c.bold(step.revision)}${when}`;
    if (!step.paragraph) {
      lines.push('', `${head}: ${step.state === 'removed' ? 'no longer in the draft' : 'not in the draft'}`);
      continue;
    }
    const state = step.state === 'unchanged' ? 'unchanged' : describeState(step.paragraph, step.counts);
    lines.push('', `${head}: ${state}`);
    if (step.state === 'first') {
      for (const [slot, text] of wordings(step.paragraph)) lines.push(`  ${c.dim(`${slot}:`)} ${text}`);
    } else if (step.change) {
      lines.push(`  ${c.dim(step.state === 'restored' ? 'back, since the last revision that had it:' : 'changed:')} ${changePhrases(step.change).join('; ') || 'wording'}`);
      for (const diff of step.change.diffs) lines.push(`  ${c.dim(`${diff.name}:`)} ${markWords(diff.changes, markers)}`);
    } else if (step.state !== 'unchanged') {
      lines.push(`  ${c.dim('changed: its notes or positions only')}`);
    }
  }
  return lines.join('\n');
}

/** The steps as data: each revision's paragraph (when it has it), figures, and the change with its word diffs as `{type, text}` runs. */
export function paragraphStoryJson(address: string, steps: readonly StoryStep[]): unknown {
  return {
    paragraph: address,
    revisions: steps.map((step) => ({
      revision: step.revision,
      ...(step.time ? { time: step.time } : {}),
      ...(step.author ? { author: step.author } : {}),
      ...(step.message ? { message: step.message } : {}),
      state: step.state,
      ...(step.paragraph && step.counts
        ? { status: step.paragraph.status, brackets: step.counts.brackets, alternatives: step.counts.alternatives, wording: step.paragraph }
        : {}),
      ...(step.change
        ? {
            change: {
              kinds: step.change.kinds,
              phrases: changePhrases(step.change),
              diffs: step.change.diffs.map((d) => ({ name: d.name, changes: d.changes.map((change) => ({ type: change.added ? 'insert' : change.removed ? 'delete' : 'equal', text: change.value })) })),
            },
          }
        : {}),
    })),
  };
}

/** "open, bracketed as a whole; 2 brackets, 3 alternatives". */
function describeState(paragraph: Paragraph, counts: Counts | undefined): string {
  const status = `${paragraph.status}${paragraph.bracketed ? ', bracketed as a whole' : ''}`;
  if (!counts) return status;
  const n = (count: number, one: string, many: string) => (count === 0 ? `no ${many}` : `${count} ${count === 1 ? one : many}`);
  return `${status}; ${n(counts.brackets, 'bracket', 'brackets')}, ${n(counts.alternatives, 'alternative', 'alternatives')}`;
}

/** Each text of the paragraph under the name `compare` gives it: "text", "item a)", "Alt 1", "item f) Alt 71g1". */
function wordings(paragraph: Paragraph): [string, string][] {
  const all: [string, string][] = [['text', paragraph.text]];
  for (const item of paragraph.items) all.push([`item ${item.label}`, item.text]);
  for (const alt of paragraph.alternatives) all.push([alt.label, alt.text]);
  for (const item of paragraph.items) for (const alt of item.alternatives ?? []) all.push([`item ${item.label} ${alt.label}`, alt.text]);
  return all;
}
