import { describe, expect, it } from 'vitest';
import { RecordMap } from '../../src/revisions/record-map.js';

describe('RecordMap', () => {
  // Addresses that look like numbers come first in an object, as in a Map made from Object.entries.
  const record = JSON.parse('{"61bis": "b", "61": "a", "__proto__": "p", "art3-2": "c", "10": "d"}') as Record<string, string>;
  const map = new RecordMap(record);
  const copy = new Map(Object.entries(record));

  it('reads as the Map made from the same record', () => {
    expect([...map]).toEqual([...copy]);
    expect([...map.keys()]).toEqual([...copy.keys()]);
    expect([...map.values()]).toEqual([...copy.values()]);
    expect([...map.entries()]).toEqual([...copy.entries()]);
    expect(map.size).toBe(copy.size);
    const seen: string[] = [];
    map.forEach((value, key, self) => seen.push(`${key}=${value}`, String(self === map)));
    expect(seen).toEqual([...copy].flatMap(([key, value]) => [`${key}=${value}`, 'true']));
  });

  it('knows only the record’s own keys', () => {
    for (const key of ['61', '61bis', '__proto__', '10']) expect([map.get(key), map.has(key)]).toEqual([copy.get(key), copy.has(key)]);
    for (const key of ['toString', 'constructor', 'hasOwnProperty', '62']) expect([map.get(key), map.has(key)]).toEqual([undefined, false]);
  });
});
