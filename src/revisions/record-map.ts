/**
 * A manifest's `paragraphs` (address → file hash, as parsed) read as a map, without copying it:
 * `log N --revisions` opens every revision of a long life (51 manifests of 5,000 hashes on the
 * benchmark's) to look one address up in each, and copying each into a `Map` cost more than
 * parsing it. Iterates in `Object.entries` order, as a `Map` made from it would.
 */
export class RecordMap implements ReadonlyMap<string, string> {
  constructor(private readonly record: Readonly<Record<string, string>>) {}

  get(key: string): string | undefined {
    return Object.hasOwn(this.record, key) ? this.record[key] : undefined;
  }

  has(key: string): boolean {
    return Object.hasOwn(this.record, key);
  }

  get size(): number {
    return Object.keys(this.record).length;
  }

  entries(): MapIterator<[string, string]> {
    return Object.entries(this.record)[Symbol.iterator]();
  }

  keys(): MapIterator<string> {
    return Object.keys(this.record)[Symbol.iterator]();
  }

  values(): MapIterator<string> {
    return Object.values(this.record)[Symbol.iterator]();
  }

  forEach(callback: (value: string, key: string, map: ReadonlyMap<string, string>) => void, thisArg?: unknown): void {
    for (const [key, value] of Object.entries(this.record)) callback.call(thisArg, value, key, this);
  }

  [Symbol.iterator](): MapIterator<[string, string]> {
    return this.entries();
  }
}
