import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { draftSchema, paragraphSchema, type DraftMeta, type Paragraph } from '../../src/model/schemas.js';
import { loadDraft } from '../../src/store/load-draft.js';
import { draftMetaForYaml, paragraphForYaml, serializeYaml } from '../../src/store/serialize.js';
import { checkDraft } from '../../src/validate/check-draft.js';
import { BUNDLED_DRAFT } from '../helpers/sandbox.js';

/** What reading a written file gives: the YAML parsed, then the schema applied (zod orders the fields). */
const readBack = <T>(schema: { parse(v: unknown): T }, text: string): T => schema.parse(parse(text));

// Every optional field set, in a scrambled order, as a command building a paragraph might leave it.
const busy = {
  notes: [{ text: 'Chair to consult' }],
  alternatives: [{ notes: [{ text: 'from Rev.1' }], opposedBy: ['G77'], text: 'Alt text', proposedBy: ['EU', 'JUSCANZ'], label: 'Alt 1' }],
  items: [
    { notes: [], alternatives: [{ text: 'x', label: 'Alt a1' }], status: 'agreed', text: 'item [text]', label: 'a)' },
    { text: 'plain', label: 'b)' },
  ],
  text: 'We [shall/should] act.',
  bracketed: true,
  status: 'open',
  number: '12 bis',
  address: '12bis',
} as unknown as Paragraph;

describe('paragraphForYaml and draftMetaForYaml: what is written is what reading gives', async () => {
  const { draft } = await checkDraft(await loadDraft(BUNDLED_DRAFT));

  it('fields in the schema order at every depth, so the parse cache can be seeded without parsing', () => {
    for (const paragraph of [...(draft?.paragraphs ?? []), busy]) {
      const written = paragraphForYaml(paragraph);
      expect(JSON.stringify(readBack(paragraphSchema, serializeYaml(written, 'paragraph', '/x/p.yaml')))).toBe(JSON.stringify(written));
    }
    expect(Object.keys(paragraphForYaml(busy))).toEqual(['address', 'number', 'status', 'bracketed', 'text', 'items', 'alternatives', 'notes']);
    expect(Object.keys(paragraphForYaml(busy).alternatives[0] ?? {})).toEqual(['label', 'text', 'proposedBy', 'opposedBy', 'notes']);
  });

  it('the same for draft.yaml, option blocks and subsections included', () => {
    const meta = {
      conventions: { deletedMarkers: ['(Suprimido)'], agreedMarkers: ['(Acordado)'], optionWords: ['Opción'], articleWords: ['Artículo'] },
      notes: [{ text: 'n' }],
      closing: 'Closing',
      sections: [{ subsections: [{ paragraphs: ['2'], title: 'Sub', number: '1a' }], paragraphs: ['1', { options: [{ paragraphs: ['3'], label: 'Option 1' }, { paragraphs: ['4'], label: 'Option 2' }], block: 'B' }], title: 'One', label: 'I.', number: '1' }],
      preamble: 'Preamble',
      source: 'rev1.txt',
      title: 'T',
    } as unknown as DraftMeta;
    for (const m of [meta, draft?.meta as DraftMeta]) {
      const written = draftMetaForYaml(m);
      expect(JSON.stringify(readBack(draftSchema, serializeYaml(written, 'draft', '/x/draft.yaml')))).toBe(JSON.stringify(written));
    }
    expect(Object.keys(draftMetaForYaml(meta))).toEqual(['title', 'source', 'preamble', 'sections', 'closing', 'notes', 'conventions']);
    expect(Object.keys(draftMetaForYaml(meta).conventions ?? {})).toEqual(['optionWords', 'articleWords', 'agreedMarkers', 'deletedMarkers']);
  });

  it('writes the bundled draft byte for byte as it is committed', () => {
    for (const paragraph of draft?.paragraphs ?? []) {
      const file = `${BUNDLED_DRAFT}/paragraphs/${paragraph.address.padStart(3, '0')}.yaml`;
      expect(serializeYaml(paragraphForYaml(paragraph), 'paragraph', file)).toBe(readFileSync(file, 'utf8'));
    }
  });
});
