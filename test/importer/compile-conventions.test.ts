import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { classifyLine } from '../../src/importer/classify-line.js';
import { compileConventions, DEFAULT_VOCABULARY } from '../../src/importer/compile-conventions.js';
import { importText } from '../../src/importer/import-text.js';
import { newUnit, appendLine, takeStatusMarker } from '../../src/importer/text-unit.js';
import type { Conventions } from '../../src/model/conventions-schema.js';
import type { Draft } from '../../src/model/schemas.js';
import { REPO_ROOT } from '../helpers/sandbox.js';

const FIXTURES = join(REPO_ROOT, 'test', 'fixtures', 'conventions');
const SPANISH = readFileSync(join(FIXTURES, 'borrador-es.txt'), 'utf8');
const CONVENTIONS: Conventions = {
  articleWords: ['Artículo', 'Art.'],
  optionWords: ['Opción'],
  agreedMarkers: ['(Acordado)', '[acordado]'],
  adRefMarkers: ['(Acordado ad ref)'],
  deletedMarkers: ['(Suprimido)'],
};
// The same draft in ndraft's default spellings.
const ENGLISH = SPANISH.replace(/Artículo|Art\./g, 'Article')
  .replace(/Opción/g, 'Option')
  .replace('(Acordado ad ref)', '(Agreed ad ref)')
  .replace(/\(Acordado\)|\[acordado\]/g, '(Agreed)')
  .replace('(Suprimido)', '(Deleted)');

const read = (text: string, conventions?: Conventions) => importText(text, { file: '/in/borrador-es.txt', title: 'T', ...(conventions ? { conventions } : {}) });
const shape = (draft: Draft) => ({
  outline: JSON.stringify(draft.meta.sections).replace(/Artículo|Art\./g, 'Article').replace(/Opción/g, 'Option'),
  paragraphs: draft.paragraphs.map((p) => [p.address, p.number, p.status, p.text]),
});

describe('compileConventions: the importer vocabulary built from a negotiation\'s spellings', () => {
  it('without conventions, the patterns are exactly the ones the importer always had', () => {
    expect(compileConventions()).toBe(DEFAULT_VOCABULARY);
    // Since: `[Article 3bis]`, the heading alone in brackets, and `Article 3 bis`, its suffix spaced.
    expect(DEFAULT_VOCABULARY.article.source).toBe(/^(\[)?\s*(Article|ARTICLE)\s+([0-9A-Z][0-9A-Za-z.–-]*?(?: (?:bis|ter|quater|quinquies|sexies|septies|octies|novies|nonies|decies))?)(\])?\s*[:.]?(?:\s+|$)/.source);
    expect(DEFAULT_VOCABULARY.division.source).toBe(/^(Part|PART|Chapter|CHAPTER|Section|SECTION|Annex|ANNEX)\s+([0-9]{1,3}[A-Za-z]?|[IVXLC]{1,7}|[A-Z])\b\s*[:.–—-]?\s*(.*)$/.source);
    // Since: `Option I (paras 6-9bis):`, a title in parentheses before the colon, and `Option 1 bis.:`.
    expect(DEFAULT_VOCABULARY.option.source).toBe(/^(\[)?\s*(Option|OPTION)\s+(\(?(?:\d{1,2}(?: ?(?:bis|ter|quater|quinquies|sexies|septies|octies|novies|nonies|decies)\b|[A-Za-z]?)|[A-Za-z]|[IVXLC]{1,5})\)?)(?=[\s:.{]|$)\s*(?:\(([^()]*)\)\s*:|[:.]{0,2}\s*(?:\{([^{}]*)\}\s*[:.]?)?)\s*/.source);
    expect(DEFAULT_VOCABULARY.alternative.source).toContain('(?:Alt\\.?|ALT\\.?|Alternative|ALTERNATIVE|Option|OPTION)');
    // The markers as ever (and `(Agreed ad referendum)`, `(Agreed in informals)`), now also before the last punctuation, and first in a text.
    expect(DEFAULT_VOCABULARY.marker.source).toBe(/\s*(?:\((agreed ad ref(?:erendum|\.)?|agreed(?: (?:at|in) informals?)?|deleted)\)|\[(agreed ad ref(?:erendum|\.)?)\]|(?<![\p{L}])(agreed ad ref(?:erendum|\.)?))\s*[.;,:]?\s*$/iu.source);
    expect(DEFAULT_VOCABULARY.leadingMarker.source).toBe(/^\s*(?:\((agreed ad ref(?:erendum|\.)?|agreed(?: (?:at|in) informals?)?|deleted)\)|\[(agreed ad ref(?:erendum|\.)?)\]|(?<![\p{L}])(agreed ad ref(?:erendum|\.)?))\s+(?=\S)/iu.source);
    expect(DEFAULT_VOCABULARY.ownMarker).toBeUndefined();
  });

  it('adds the words as written and in capitals, escaped, to the defaults', () => {
    const v = compileConventions({ articleWords: ['Art.'], divisionWords: ['Capítulo'], alternativeWords: ['Variante'], optionWords: ['Opción'] });
    expect(classifyLine('Art. 3', v)).toMatchObject({ kind: 'article', number: '3', marker: 'Art. 3' });
    expect(classifyLine('Art 3', v).kind).not.toBe('article');
    expect(classifyLine('ARTICLE 4', v)).toMatchObject({ kind: 'article', number: '4' });
    expect(classifyLine('CAPÍTULO II', v)).toMatchObject({ kind: 'division', marker: 'CAPÍTULO II' });
    expect(classifyLine('Opción 2: Cada Parte', v)).toMatchObject({ kind: 'option', label: 'Opción 2', rest: 'Cada Parte' });
    expect(classifyLine('Option 2: Each Party', v)).toMatchObject({ kind: 'option', label: 'Option 2' });
    expect(classifyLine('[Variante 1 5. Cada Parte', v)).toMatchObject({ kind: 'alternative', label: 'Variante 1', ref: '5', bracketed: true });
    // Without the conventions, the same lines are text.
    expect(classifyLine('Opción 2: Cada Parte').kind).toBe('text');
    expect(classifyLine('Art. 3').kind).not.toBe('article');
  });

  it('reads the conventions\' markers, any case, and ndraft\'s own still', () => {
    const { marker } = compileConventions({ agreedMarkers: ['(Acordado)', 'convenu'], adRefMarkers: ['(Acordado ad ref)'], deletedMarkers: ['(Suprimido)'] });
    const take = (text: string) => {
      const unit = newUnit();
      appendLine(unit, text, 1, 1);
      return [takeStatusMarker(unit, marker), unit.text];
    };
    expect(take('Las Partes cooperarán. (ACORDADO)')).toEqual(['agreed', 'Las Partes cooperarán.']);
    expect(take('Las Partes cooperarán. (Acordado ad ref)')).toEqual(['agreed-ad-ref', 'Las Partes cooperarán.']);
    expect(take('Cada Parte contribuirá. (Suprimido)')).toEqual(['deleted', 'Cada Parte contribuirá.']);
    expect(take('Les Parties coopèrent. convenu')).toEqual(['agreed', 'Les Parties coopèrent.']);
    expect(take('Il est bienconvenu')).toEqual([undefined, 'Il est bienconvenu']);
    expect(take('Each Party shall act. (Agreed ad ref)')).toEqual(['agreed-ad-ref', 'Each Party shall act.']);
  });
});

describe('importText with conventions: a Spanish draft', () => {
  it('reads as its twin in the default spellings does: articles, an option block, statuses', () => {
    const spanish = read(SPANISH, CONVENTIONS);
    const english = read(ENGLISH);
    expect(spanish.warnings).toEqual([]);
    expect(shape(spanish.draft)).toEqual(shape(english.draft));
    expect(spanish.markers).toBe(4);
    const articles = spanish.draft.meta.sections[0]?.subsections ?? [];
    expect(articles.map((s) => [s.label, s.title, s.paragraphs.length])).toEqual([
      ['Artículo 1', 'Objetivo', 2],
      ['Artículo 2', 'Financiación', 2],
      ['Art. 3', 'Disposiciones finales', 1],
    ]);
    expect(articles[1]?.paragraphs[1]).toEqual({
      block: 'Options 1/2',
      options: [
        { label: 'Opción 1', paragraphs: ['art2-1-opt1-2', 'art2-1-opt1-3'] },
        { label: 'Opción 2', paragraphs: ['art2-1-opt2-4'] },
      ],
    });
    expect(spanish.draft.paragraphs.map((p) => `${p.address}:${p.status}`)).toEqual([
      'art1-1:agreed', 'art1-2:agreed-ad-ref', 'art2-1:open', 'art2-1-opt1-2:open', 'art2-1-opt1-3:open', 'art2-1-opt2-4:deleted', 'art3-1:agreed',
    ]);
    expect(spanish.draft.meta.conventions).toEqual(CONVENTIONS);
  });

  it('without them, the Spanish labels and markers stay words of the text', () => {
    const { draft, markers } = read(SPANISH);
    expect(markers).toBe(0);
    expect(draft.meta.conventions).toBeUndefined();
    expect(draft.paragraphs.every((p) => p.status === 'open')).toBe(true);
    expect(JSON.stringify(draft.meta.sections)).not.toContain('"block"');
    expect(draft.paragraphs.map((p) => p.text)).toContain('Se establecerá un fondo fiduciario. Opción 2:');
    expect(draft.paragraphs.map((p) => p.text)).toContain('Cada Parte contribuirá según sus capacidades. (Suprimido)');
  });
});
