import { compileSchema, FAILED } from './compile-schema.js';

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
  return compileSchema(schema, schema).test(value);
}

/**
 * `value` as zod's parse gives it, when `matchesJsonSchema(schema, value)`, else undefined, in one
 * walk: each object's fields in the schema's order, a field left out given its default (a copy), a
 * union read by its first branch that matches. What zod would give is held by the property test.
 */
export function parsedBy(schema: JsonSchema, value: unknown): unknown {
  const parsed = compileSchema(schema, schema).parse(value);
  return parsed === FAILED ? undefined : parsed;
}
