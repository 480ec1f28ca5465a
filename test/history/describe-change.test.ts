import { describe, expect, it } from 'vitest';
import { describeChange } from '../../src/history/describe-change.js';
import type { Paragraph } from '../../src/model/schemas.js';
import { acceptAlternative } from '../../src/resolve/accept-alternative.js';
import { agree } from '../../src/resolve/agree.js';
import { recordPosition } from '../../src/resolve/positions.js';
import { resolveBracket } from '../../src/resolve/resolve-bracket.js';
import { restoreWording } from '../../src/resolve/restore-wording.js';
import { settleParagraph } from '../../src/resolve/settle-paragraph.js';
import { bundled, historyEntry } from '../resolve/paragraphs.js';

const para = (fields: Partial<Paragraph> = {}): Paragraph => ({ address: '9', number: '9', status: 'open', bracketed: false, text: 'We agree.', items: [], alternatives: [], ...fields });

describe('describeChange', () => {
  it('says created and removed', () => {
    expect(describeChange(null, para())).toBe('created');
    expect(describeChange(para(), null)).toBe('removed');
  });

  it('says when nothing visible changed', () => {
    expect(describeChange(para(), para())).toBe('no visible change');
  });

  it('says a paragraph was renumbered (a later revision imported with import --into)', () => {
    expect(describeChange(para(), { ...para(), number: '62' })).toBe(`renumbered ${para().number} → 62`);
  });

  it('describes accepting "Alt 3" of 61', () => {
    const p61 = bundled('61');
    expect(describeChange(p61, acceptAlternative(p61, 'Alt 3').paragraph)).toBe('text reworded; 1 → 0 brackets; 3 → 0 alternatives');
  });

  it('describes keeping and bracketing a paragraph as a whole', () => {
    const p61 = bundled('61');
    const kept = settleParagraph(p61, 'keep').paragraph;
    expect(describeChange(p61, kept)).toBe('no longer bracketed as a whole');
    expect(describeChange(kept, p61)).toBe('bracketed as a whole');
    expect(describeChange(p61, settleParagraph(p61, 'drop').paragraph)).toBe('status open → deleted');
  });

  it('describes agreeing and reopening', () => {
    const p = para();
    const agreed = agree(p, {}).paragraph;
    expect(describeChange(p, agreed)).toBe('status open → agreed');
    expect(describeChange(agreed, p)).toBe('status agreed → open');
  });

  it('describes resolving a bracket', () => {
    const p56 = bundled('56');
    expect(describeChange(p56, resolveBracket(p56, 1, { kind: 'option', option: 2 }).paragraph)).toBe('text reworded; 1 → 0 brackets');
    const nested = para({ text: 'We [a [b] c] d' });
    expect(describeChange(nested, resolveBracket(nested, 1, { kind: 'drop' }).paragraph)).toBe('text reworded; 2 → 0 brackets');
  });

  it('names the items that changed', () => {
    const p71 = bundled('71');
    const accepted = acceptAlternative(p71, 'Alt 71g2').paragraph;
    expect(describeChange(p71, accepted)).toBe('item f) reworded; 2 → 0 alternatives');
    expect(describeChange(accepted, agree(accepted, { item: 'f' }).paragraph)).toBe('item f) open → agreed');
    const two = agree(agree(accepted, { item: 'a' }).paragraph, { item: 'b' }).paragraph;
    expect(describeChange(accepted, two)).toBe('item a) open → agreed; item b) open → agreed');
  });

  it('describes a restored or proposed alternative as a count', () => {
    const p61 = bundled('61');
    const accepted = acceptAlternative(p61, 'Alt 3').paragraph;
    const restored = restoreWording(accepted, 'Alt 1', [historyEntry('accept 61 "Alt 3"', p61, accepted)]).paragraph;
    expect(describeChange(accepted, restored)).toBe('0 → 1 alternatives');
  });

  it('describes a position as a change of alternatives or positions', () => {
    const p61 = bundled('61');
    expect(describeChange(p61, recordPosition(p61, 'Alt 2', 'G77', 'support').paragraph)).toBe('alternatives or positions changed');
    const p71 = bundled('71');
    expect(describeChange(p71, recordPosition(p71, 'Alt 71g1', 'EU', 'oppose').paragraph)).toBe('alternatives or positions changed');
  });
});
