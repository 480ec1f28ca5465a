import { child, children, valueOf, type XmlElement } from './parse-xml-part.js';

/** One level of a Word list: how its number is written and where it starts. */
interface Level {
  start: number;
  format: string;
  text: string;
  /** Restart after a paragraph of this level (1-based) or higher; 0: never restart. */
  restart?: number;
}

interface NumberingInstance {
  abstractId: string;
  /** Levels whose numbering this instance restarts (`startOverride`), and levels it redefines. */
  starts: Map<number, number>;
  levels: Map<number, Level>;
}

/**
 * Word's automatic numbering, computed as Word shows it. numbering.xml defines abstract lists
 * (`w:abstractNum`, up to nine levels each, with a format such as lowerLetter and a text such as
 * `(%2)`) and instances of them (`w:num`) that paragraphs point at by `numId`. Paragraphs whose
 * instances share an abstract list count on from each other; an instance with a `startOverride`
 * starts its levels again at its first paragraph. A paragraph at a level resets the levels below.
 */
export class WordNumbering {
  private readonly abstracts = new Map<string, Map<number, Level>>();
  private readonly instances = new Map<string, NumberingInstance>();
  private readonly counters = new Map<string, (number | undefined)[]>();
  private readonly started = new Set<string>();
  /** Formats met that ndraft does not write out (written as decimal instead). */
  readonly unknownFormats = new Set<string>();
  /** How many numbers were computed: for the import summary. */
  numbered = 0;

  constructor(root: XmlElement | undefined) {
    const numbering = child(root, 'w:numbering');
    for (const abstract of children(numbering, 'w:abstractNum')) {
      const id = abstract.attrs['w:abstractNumId'];
      if (id !== undefined) this.abstracts.set(id, readLevels(children(abstract, 'w:lvl')));
    }
    for (const num of children(numbering, 'w:num')) {
      const id = num.attrs['w:numId'];
      const abstractId = valueOf(num, 'w:abstractNumId');
      if (id === undefined || abstractId === undefined) continue;
      const starts = new Map<number, number>();
      const levels = new Map<number, Level>();
      for (const override of children(num, 'w:lvlOverride')) {
        const ilvl = Number(override.attrs['w:ilvl'] ?? 0);
        const start = valueOf(override, 'w:startOverride');
        if (start !== undefined) starts.set(ilvl, Number(start));
        const redefined = readLevels(children(override, 'w:lvl')).get(ilvl);
        if (redefined) levels.set(ilvl, redefined);
      }
      this.instances.set(id, { abstractId, starts, levels });
    }
  }

  /** The label Word prints before a paragraph of list `numId` at level `ilvl` (`12.`, `(b)`, `(iv)`); counts it. */
  next(numId: string, ilvl: number): string | undefined {
    const instance = this.instances.get(numId);
    if (!instance) return undefined;
    const level = (l: number) => instance.levels.get(l) ?? this.abstracts.get(instance.abstractId)?.get(l);
    const own = level(ilvl);
    if (!own) return undefined;
    const counters: (number | undefined)[] = this.counters.get(instance.abstractId) ?? [];
    this.counters.set(instance.abstractId, counters);
    if (!this.started.has(numId)) {
      this.started.add(numId);
      for (const [l, start] of instance.starts) counters[l] = start - 1;
    }
    const current = counters[ilvl];
    counters[ilvl] = current === undefined ? own.start : current + 1;
    for (let deeper = ilvl + 1; deeper < 9; deeper++) {
      const restart = level(deeper)?.restart;
      if (restart === 0 || (restart !== undefined && restart - 1 < ilvl)) continue;
      counters[deeper] = undefined;
    }
    this.numbered++;
    return own.text.replace(/%([1-9])/g, (_, n: string) => {
      const l = Number(n) - 1;
      const def = level(l);
      return this.format(counters[l] ?? def?.start ?? 1, def?.format ?? 'decimal');
    });
  }

  private format(value: number, format: string): string {
    switch (format) {
      case 'decimal':
        return String(value);
      case 'decimalZero':
        return String(value).padStart(2, '0');
      case 'lowerLetter':
        return letters(value);
      case 'upperLetter':
        return letters(value).toUpperCase();
      case 'lowerRoman':
        return roman(value).toLowerCase();
      case 'upperRoman':
        return roman(value);
      case 'bullet':
      case 'none':
        return '';
      default:
        this.unknownFormats.add(format);
        return String(value);
    }
  }
}

function readLevels(list: readonly XmlElement[]): Map<number, Level> {
  const levels = new Map<number, Level>();
  for (const lvl of list) {
    const ilvl = Number(lvl.attrs['w:ilvl'] ?? 0);
    const format = valueOf(lvl, 'w:numFmt') ?? 'decimal';
    const restart = valueOf(lvl, 'w:lvlRestart');
    // A bullet's lvlText is the bullet itself; "none" prints nothing, whatever the text says.
    const text = format === 'none' ? '' : (valueOf(lvl, 'w:lvlText') ?? '');
    levels.set(ilvl, { start: Number(valueOf(lvl, 'w:start') ?? 1), format, text, ...(restart !== undefined ? { restart: Number(restart) } : {}) });
  }
  return levels;
}

/** 1 → a, 26 → z, 27 → aa: Word repeats the letter rather than counting in base 26. */
function letters(value: number): string {
  if (value < 1) return String(value);
  const letter = String.fromCharCode(97 + ((value - 1) % 26));
  return letter.repeat(Math.floor((value - 1) / 26) + 1);
}

function roman(value: number): string {
  if (value < 1 || value >= 4000) return String(value);
  const table: [number, string][] = [[1000, 'M'], [900, 'CM'], [500, 'D'], [400, 'CD'], [100, 'C'], [90, 'XC'], [50, 'L'], [40, 'XL'], [10, 'X'], [9, 'IX'], [5, 'V'], [4, 'IV'], [1, 'I']];
  let rest = value;
  let out = '';
  for (const [n, s] of table) while (rest >= n) (out += s), (rest -= n);
  return out;
}
