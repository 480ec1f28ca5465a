import type { BracketNode, RootChild } from './types.js';

/**
 * Labelled brackets side by side, with nothing but blanks between them
 * (`[Option 2A: act now] [Option 2B: act by 2030]`), are one choice between their labels.
 * The group is read off the tree where it is needed rather than stored in it, so the parser,
 * the printer and every walk over brackets stay as they are.
 */
export interface LabelledChoice {
  /** The labelled brackets in reading order; one alone is a "keep or drop" with a name. */
  brackets: BracketNode[];
  /** Their labels as written: `Option 2A`, `Option 2B`. */
  labels: string[];
}

/** Every labelled choice directly in `children` (not inside their brackets). */
export function labelledChoices(children: readonly RootChild[]): LabelledChoice[] {
  const groups: LabelledChoice[] = [];
  let run: BracketNode[] = [];
  const close = (): void => {
    if (run.length > 0) groups.push({ brackets: run, labels: run.map((b) => b.label?.value ?? '') });
    run = [];
  };
  for (const child of children) {
    if (child.type === 'bracket' && child.label !== undefined) run.push(child);
    else if (child.type === 'text' && /^\s*$/u.test(child.value)) continue;
    else close();
  }
  close();
  return groups;
}

/** `Option 2A and Option 2B`, `A, B and C`: the labels of a choice in a sentence. */
export function listLabels(labels: readonly string[]): string {
  return labels.length < 2 ? labels.join('') : `${labels.slice(0, -1).join(', ')} and ${labels[labels.length - 1]}`;
}
