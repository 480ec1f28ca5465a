import type { Alternative, AlternativeScope, Paragraph } from '../model/schemas.js';
import { describeContributor, type Attribute, type Side } from './contributors.js';

/** What a merge gives: the merged value and what the people merging should look at, or why it cannot be represented. */
export type MergeOutcome<T> = { merged: T; warnings: string[] } | { conflict: string };

/** Thrown inside a merge when no value can represent both sides; `mergeParagraph` returns it as a conflict. */
export class CannotRepresent extends Error {}

/**
 * The state of one paragraph's merge: its warnings, the alternatives it adds (labelled at the
 * end, once every label the paragraph keeps is known), and, when one side agreed the paragraph
 * while the other changed it, which side agreed: its wording then stands, the other's is added.
 */
export class MergeContext {
  /** Functions, so that a warning can name an alternative by the label it gets at the end. */
  readonly warnings: (() => string)[] = [];
  readonly fresh = new Set<Alternative>();

  constructor(
    /** What is merged, as messages name it: `paragraph 61`, `draft.yaml`. */
    readonly subject: string,
    readonly address: string,
    readonly attribute: Attribute,
    /** Each side's paragraph, for finding who changed a part of it. */
    readonly versions: Record<Side, Paragraph> | undefined,
    readonly agreedSide?: Side,
  ) {}

  warn(message: string | (() => string)): void {
    this.warnings.push(() => `${this.subject}: ${typeof message === 'string' ? message : message()}`);
  }

  fail(reason: string): never {
    throw new CannotRepresent(`${this.subject}: ${reason}`);
  }

  /**
   * A side's wording of a text the other side changed too, as a new alternative: proposed by the
   * delegation it was entered for where the history says so, with a note naming who entered it.
   * `part` reads that text in a paragraph, to find the history entry that changed it.
   */
  wording(side: Side, text: string, where: string, part: (paragraph: Paragraph) => unknown, scope?: AlternativeScope, from?: Alternative): Alternative {
    const who = this.versions ? this.attribute(side, this.address, part, this.versions[side]) : { author: side };
    const alternative: Alternative = {
      label: from?.label ?? '?',
      ...(scope !== undefined ? { scope } : {}),
      text,
      ...(from?.proposedBy ? { proposedBy: [...from.proposedBy] } : who.delegation !== undefined ? { proposedBy: [who.delegation] } : {}),
      ...(from?.supportedBy ? { supportedBy: [...from.supportedBy] } : {}),
      ...(from?.opposedBy ? { opposedBy: [...from.opposedBy] } : {}),
      notes: [
        ...(from?.notes ?? []),
        { kind: 'comment', author: who.author, text: `Merged copies: ${describeContributor(who)}'s wording of ${where}; the other copy had changed it too.` },
      ],
    };
    this.fresh.add(alternative);
    return alternative;
  }

  /** An alternative kept as a side had it, under a new label (its own is taken by another). */
  relabelled(alternative: Alternative): Alternative {
    const copy = structuredClone(alternative);
    this.fresh.add(copy);
    return copy;
  }
}

/** Gives the alternatives a merge added the next free `Alt N` labels, in reading order; returns the labels given. */
export function labelFresh(paragraph: Paragraph, fresh: ReadonlySet<Alternative>): Map<Alternative, string> {
  const all = [...paragraph.items.flatMap((item) => item.alternatives ?? []), ...paragraph.alternatives];
  const used = all.filter((a) => !fresh.has(a)).map((a) => /^Alt\.?\s*(\d+)$/i.exec(a.label.trim())?.[1]);
  let next = Math.max(0, ...used.filter((n): n is string => n !== undefined).map(Number)) + 1;
  const given = new Map<Alternative, string>();
  for (const alternative of all) {
    if (!fresh.has(alternative)) continue;
    const was = alternative.label;
    alternative.label = `Alt ${next++}`;
    given.set(alternative, was);
  }
  return given;
}
