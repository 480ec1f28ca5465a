/** The checks of one JSON value that the compiled schemas (`compile-schema.ts`) are made of. */

export function hasType(type: unknown, value: unknown): boolean {
  if (Array.isArray(type)) return type.some((t) => hasType(t, value));
  switch (type) {
    case 'string': return typeof value === 'string';
    case 'boolean': return typeof value === 'boolean';
    case 'null': return value === null;
    case 'number': return typeof value === 'number' && Number.isFinite(value);
    case 'integer': return Number.isSafeInteger(value);
    case 'array': return Array.isArray(value);
    case 'object': return isPlainObject(value);
    default: return false;
  }
}

/** The length in code points (a surrogate pair is one), as JSON Schema and zod's `.min()` count; exact only below `2 × floor` units. */
export function codePoints(text: string, floor: number): number {
  if (text.length < floor || text.length >= 2 * floor) return text.length;
  let count = text.length;
  for (let i = 0; i < text.length - 1; i++) {
    if ((text.charCodeAt(i) & 0xfc00) === 0xd800 && (text.charCodeAt(i + 1) & 0xfc00) === 0xdc00) {
      count--;
      i++;
    }
  }
  return count;
}

export function isPlainObject(value: unknown): value is Record<string, unknown> {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return false;
  const prototype = Object.getPrototypeOf(value);
  return prototype === Object.prototype || prototype === null;
}

/** A default as a fresh value: the usual empty list or object made directly, anything else cloned. */
export function copyOf(value: unknown): unknown {
  if (Array.isArray(value) && value.length === 0) return [];
  if (typeof value !== 'object' || value === null) return value;
  return structuredClone(value);
}
