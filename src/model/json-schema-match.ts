import { isIsoDate } from './document-fields.js';

/** A JSON Schema document or subschema, as `schemas/*.json` hold them. */
export type JsonSchema = { readonly [keyword: string]: unknown };

/**
 * Whether `value` is shown to conform to `schema`, one of the JSON Schemas generated from the zod
 * schemas (`npm run schemas`). It is the writers' quick check of what they are about to write:
 * loading zod and building its schemas costs ~100 ms, checking one paragraph well under 1 ms.
 *
 * It answers true only when it is sure: a keyword it does not know, a `$ref` it cannot follow or
 * a format other than `date` (or `date-time` with its pattern) makes it answer false, and the caller then asks zod, which decides
 * and words the refusal. Where JSON Schema and zod differ it follows zod: a number is finite, an
 * optional field may hold `undefined`; lengths count code points, as both do.
 * test/model/json-schema-match.test.ts holds "true here ⇒ zod accepts" against the real schemas.
 */
export function matchesJsonSchema(schema: JsonSchema, value: unknown): boolean {
  return matches(schema, value, schema);
}

/**
 * `value`, which `matchesJsonSchema(schema, value)` accepted, as zod's parse gives it: each
 * object's fields in the schema's order, a field left out given its default (a copy), a union
 * read by its first branch that matches. What zod would give is held by the property test.
 */
export function normalizedBy(schema: JsonSchema, value: unknown): unknown {
  return normalized(schema, value, schema);
}

function normalized(schema: JsonSchema, value: unknown, root: JsonSchema): unknown {
  if (schema.$ref !== undefined) return normalized(resolveRef(schema.$ref, root) as JsonSchema, value, root);
  if (Array.isArray(schema.anyOf)) {
    const branch = (schema.anyOf as JsonSchema[]).find((s) => matches(s, value, root));
    return branch === undefined ? value : normalized(branch, value, root);
  }
  if (Array.isArray(value)) return isPlainObject(schema.items) ? value.map((v) => normalized(schema.items as JsonSchema, v, root)) : [...value];
  if (!isPlainObject(value)) return value;
  const properties = (schema.properties ?? {}) as Record<string, JsonSchema>;
  const out: Record<string, unknown> = {};
  for (const key of Object.keys(properties)) {
    const property = properties[key] as JsonSchema;
    if (value[key] !== undefined) out[key] = normalized(property, value[key], root);
    else if (property.default !== undefined) out[key] = structuredClone(property.default);
  }
  const rest = isPlainObject(schema.additionalProperties) ? schema.additionalProperties : undefined;
  for (const key of Object.keys(value)) {
    if (!Object.hasOwn(properties, key) && value[key] !== undefined) out[key] = rest ? normalized(rest, value[key], root) : value[key];
  }
  return out;
}

/** Keywords that say nothing about validity. */
const ANNOTATIONS = new Set(['$schema', '$defs', 'description', 'default', 'title', 'id']);

/** Whether every keyword of a (sub)schema is one understood here, found once per schema object: a draft visits thousands of times. */
const understood = new WeakMap<JsonSchema, boolean>();

function matches(schema: JsonSchema, value: unknown, root: JsonSchema): boolean {
  let known = understood.get(schema);
  if (known === undefined) {
    known = Object.keys(schema).every((keyword) => ANNOTATIONS.has(keyword) || Object.hasOwn(KEYWORDS, keyword));
    understood.set(schema, known);
  }
  if (!known) return false;
  if (schema.$ref !== undefined) {
    const target = resolveRef(schema.$ref, root);
    if (target === undefined || !matches(target, value, root)) return false;
  }
  if (schema.type !== undefined && !hasType(schema.type, value)) return false;
  if (schema.enum !== undefined && !(Array.isArray(schema.enum) && schema.enum.includes(value))) return false;
  if (schema.anyOf !== undefined && !(Array.isArray(schema.anyOf) && schema.anyOf.some((s: JsonSchema) => matches(s, value, root)))) return false;
  if (typeof value === 'string' && !matchesString(schema, value)) return false;
  if (typeof value === 'number' && !matchesNumber(schema, value)) return false;
  if (Array.isArray(value)) return matchesArray(schema, value, root);
  if (isPlainObject(value)) return matchesObject(schema, value, root);
  return true;
}

/** The validation keywords understood here (each checked below, on the values it applies to). */
const KEYWORDS = {
  $ref: true, type: true, enum: true, anyOf: true,
  minLength: true, pattern: true, format: true,
  minimum: true, maximum: true, exclusiveMinimum: true,
  items: true, minItems: true,
  properties: true, required: true, additionalProperties: true, propertyNames: true,
  // ndraft's own: zod's `.refine` that one of these fields is present and, for an array, not
  // empty (a history entry records a paragraph or the outline), marked on the schema.
  'x-ndraft-some': true,
};

const resolved = new WeakMap<JsonSchema, Map<unknown, JsonSchema | undefined>>();

function resolveRef(ref: unknown, root: JsonSchema): JsonSchema | undefined {
  let byRef = resolved.get(root);
  if (byRef === undefined) resolved.set(root, (byRef = new Map()));
  if (!byRef.has(ref)) byRef.set(ref, findRef(ref, root));
  return byRef.get(ref);
}

function findRef(ref: unknown, root: JsonSchema): JsonSchema | undefined {
  const match = typeof ref === 'string' ? /^#\/\$defs\/([^/~]+)$/.exec(ref) : null;
  const defs = root.$defs as Record<string, JsonSchema> | undefined;
  return match !== null && defs !== undefined && Object.hasOwn(defs, match[1]!) ? defs[match[1]!] : undefined;
}

function hasType(type: unknown, value: unknown): boolean {
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

function matchesString(schema: JsonSchema, value: string): boolean {
  if (schema.minLength !== undefined && !(typeof schema.minLength === 'number' && codePoints(value, schema.minLength) >= schema.minLength)) return false;
  if (schema.pattern !== undefined && !(typeof schema.pattern === 'string' && compiled(schema.pattern).test(value))) return false;
  // zod's `.refine(isIsoDate)` has no JSON Schema; the schema marks it with `format: "date"`.
  // zod's `z.iso.datetime()` is its regex alone, which the schema gives as `pattern` beside
  // `format: "date-time"` (checked above): the format adds nothing to check.
  const format = schema.format;
  if (format !== undefined && !((format === 'date' && isIsoDate(value)) || (format === 'date-time' && typeof schema.pattern === 'string'))) return false;
  return true;
}

/** The length in code points (a surrogate pair is one), as JSON Schema and zod's `.min()` count; exact only below `2 × floor` units. */
function codePoints(text: string, floor: number): number {
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

function matchesNumber(schema: JsonSchema, value: number): boolean {
  const bound = (keyword: string, holds: (limit: number) => boolean) => schema[keyword] === undefined || (typeof schema[keyword] === 'number' && holds(schema[keyword]));
  return bound('minimum', (m) => value >= m) && bound('maximum', (m) => value <= m) && bound('exclusiveMinimum', (m) => value > m);
}

function matchesArray(schema: JsonSchema, value: readonly unknown[], root: JsonSchema): boolean {
  if (schema.minItems !== undefined && !(typeof schema.minItems === 'number' && value.length >= schema.minItems)) return false;
  if (schema.items === undefined) return true;
  if (!isPlainObject(schema.items)) return false;
  for (let i = 0; i < value.length; i++) if (!matches(schema.items, value[i], root)) return false;
  return true;
}

function matchesObject(schema: JsonSchema, value: Record<string, unknown>, root: JsonSchema): boolean {
  const some = schema['x-ndraft-some'];
  if (some !== undefined && !(Array.isArray(some) && some.some((key) => typeof key === 'string' && value[key] !== undefined && !(Array.isArray(value[key]) && value[key].length === 0)))) return false;
  // A schema that says nothing of objects (a `$ref`, an `anyOf`) has had its say above.
  if (schema.properties === undefined && schema.required === undefined && schema.additionalProperties === undefined && schema.propertyNames === undefined) return true;
  const properties = (schema.properties ?? {}) as Record<string, JsonSchema>;
  const required = (schema.required ?? []) as unknown[];
  if (!isPlainObject(properties) || !Array.isArray(required)) return false;
  for (const key of required) if (typeof key !== 'string' || value[key] === undefined) return false;
  for (const key of Object.keys(value)) {
    const known = Object.hasOwn(properties, key);
    // An optional field holding undefined is absent to zod; an unknown field is a refusal to a strict object.
    if (known && value[key] === undefined && !required.includes(key)) continue;
    if (schema.propertyNames !== undefined && !(isPlainObject(schema.propertyNames) && matches(schema.propertyNames, key, root))) return false;
    if (known) {
      if (!matches(properties[key]!, value[key], root)) return false;
    } else if (schema.additionalProperties === false) {
      return false;
    } else if (isPlainObject(schema.additionalProperties)) {
      if (!matches(schema.additionalProperties, value[key], root)) return false;
    } else {
      // Anything else allowed: zod's loose objects and catch-alls are not what we check here.
      return false;
    }
  }
  return true;
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return false;
  const prototype = Object.getPrototypeOf(value);
  return prototype === Object.prototype || prototype === null;
}

const patterns = new Map<string, RegExp>();
function compiled(pattern: string): RegExp {
  let regex = patterns.get(pattern);
  if (regex === undefined) patterns.set(pattern, (regex = new RegExp(pattern)));
  return regex;
}
