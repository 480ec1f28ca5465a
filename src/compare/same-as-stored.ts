/**
 * Whether two values are equal as JSON stores them (`JSON.stringify` of each, parsed back, deeply
 * equal): fields in any order, a field holding `undefined` the same as one left out. Walks the two
 * values once, without building their JSON, and stops at the first difference: `trackedChanges`
 * asks this of some two thousand pairs of paragraphs, most of them equal (a history entry's
 * "before" against the text the chain has reached). Only plain data is answered (strings, finite
 * numbers, booleans, null, arrays and plain objects of them); anything else gives `undefined`, and
 * the caller compares the JSON itself. `false` is only said when certain.
 */
export function sameAsStored(x: unknown, y: unknown): boolean | undefined {
  if (x === y) return typeof x === 'number' && !Number.isFinite(x) ? undefined : true;
  if (typeof x !== typeof y || x === null || y === null) return plain(x) && plain(y) ? false : undefined;
  if (typeof x === 'string' || typeof x === 'boolean') return false;
  if (typeof x === 'number') return Number.isFinite(x) && Number.isFinite(y) ? false : undefined;
  if (typeof x !== 'object') return undefined;
  const arrayX = Array.isArray(x);
  if (arrayX !== Array.isArray(y)) return plain(x) && plain(y) ? false : undefined;
  if (arrayX) return sameArrays(x as unknown[], y as unknown[]);
  return sameObjects(x as Record<string, unknown>, y as Record<string, unknown>);
}

function sameArrays(x: readonly unknown[], y: readonly unknown[]): boolean | undefined {
  // JSON writes a hole or an undefined element as null: left to the caller.
  if (x.length !== y.length) return x.every(plain) && y.every(plain) ? false : undefined;
  for (let i = 0; i < x.length; i++) {
    const same = sameAsStored(x[i], y[i]);
    if (same !== true) return same;
  }
  return true;
}

function sameObjects(x: Record<string, unknown>, y: Record<string, unknown>): boolean | undefined {
  if (!plainObject(x) || !plainObject(y)) return undefined;
  let count = 0;
  for (const key in x) {
    if (!Object.hasOwn(x, key)) return undefined;
    const value = x[key];
    if (value === undefined) continue;
    count++;
    const other = Object.hasOwn(y, key) ? y[key] : undefined;
    if (other === undefined) return plain(value) ? false : undefined;
    const same = sameAsStored(value, other);
    if (same !== true) return same;
  }
  for (const key in y) {
    if (!Object.hasOwn(y, key)) return undefined;
    const value = y[key];
    if (value === undefined) continue;
    count--;
    if (x[key] === undefined) return plain(value) ? false : undefined;
  }
  return count === 0 ? true : undefined;
}

/** A value JSON stores as itself: what `sameAsStored` can answer "different" about with certainty. */
function plain(value: unknown): boolean {
  if (value === null || typeof value === 'string' || typeof value === 'boolean') return true;
  if (typeof value === 'number') return Number.isFinite(value);
  if (typeof value !== 'object') return false;
  return Array.isArray(value) || plainObject(value as object);
}

function plainObject(value: object): boolean {
  const proto = Object.getPrototypeOf(value) as unknown;
  // An object with its own toJSON is written as whatever that returns.
  return (proto === Object.prototype || proto === null) && !Object.hasOwn(value, 'toJSON');
}
