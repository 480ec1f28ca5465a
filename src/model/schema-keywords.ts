import type { JsonSchema } from './json-schema-match.js';
import { isPlainObject } from './json-value-checks.js';

/** Keywords that say nothing about validity. */
const ANNOTATIONS = new Set(['$schema', '$defs', 'description', 'default', 'title', 'id']);

/** The validation keywords understood here (each checked below, on the values it applies to). */
const KEYWORDS = new Set([
  '$ref', 'type', 'enum', 'anyOf',
  'minLength', 'pattern', 'format',
  'minimum', 'maximum', 'exclusiveMinimum',
  'items', 'minItems',
  'properties', 'required', 'additionalProperties', 'propertyNames',
  // ndraft's own: zod's `.refine` that one of these fields is present and, for an array, not
  // empty (a history entry records a paragraph or the outline), marked on the schema.
  'x-ndraft-some',
]);

/**
 * A (sub)schema's keywords read once into fields, for `SchemaNode` (compile-schema.ts) to check
 * values with. Whatever is not understood (a keyword, a keyword's value of an unexpected kind, a
 * subschema that is not an object) makes the node, or the kind of value it concerns, answer
 * false: not sure, so zod decides.
 */
export abstract class SchemaKeywords<Node> {
  /** The node of a subschema of the same document (`compileSchema`). */
  protected abstract compile(schema: unknown, root: JsonSchema): Node;

  /** Answers false to every value. */
  protected never = false;
  protected ref: Node | undefined;
  protected types: readonly string[] | undefined;
  protected enumValues: readonly unknown[] | undefined;
  protected anyOf: readonly Node[] | undefined;
  // Strings
  protected stringNever = false;
  protected minLength: number | undefined;
  protected pattern: RegExp | undefined;
  protected isDate = false;
  // Numbers
  protected numberNever = false;
  protected minimum: number | undefined;
  protected maximum: number | undefined;
  protected exclusiveMinimum: number | undefined;
  // Arrays
  protected arrayNever = false;
  protected minItems: number | undefined;
  protected items: Node | undefined;
  // Objects
  protected objectNever = false;
  protected some: readonly unknown[] | undefined;
  protected describesObjects = false;
  protected properties: Record<string, unknown> = {};
  protected propertyKeys: readonly string[] = [];
  protected propertyNodes = new Map<string, Node>();
  protected defaults = new Map<string, unknown>();
  protected required: readonly string[] = [];
  protected propertyNames: Node | undefined;
  protected propertyNamesNever = false;
  /** `additionalProperties`: false, a schema, or anything else (refused: zod's loose objects are not checked here). */
  protected additional: false | Node | 'refused' = 'refused';

  fill(schema: unknown, root: JsonSchema): void {
    if (!isPlainObject(schema) || !Object.keys(schema).every((keyword) => ANNOTATIONS.has(keyword) || KEYWORDS.has(keyword))) {
      this.never = true;
      return;
    }
    if (schema.$ref !== undefined) {
      const target = findRef(schema.$ref, root);
      if (target === undefined) this.never = true;
      else this.ref = this.compile(target, root);
    }
    if (schema.type !== undefined) {
      const types = Array.isArray(schema.type) ? schema.type : [schema.type];
      this.types = types.filter((t): t is string => typeof t === 'string');
    }
    if (schema.enum !== undefined) {
      if (Array.isArray(schema.enum)) this.enumValues = schema.enum;
      else this.never = true;
    }
    if (schema.anyOf !== undefined) {
      if (Array.isArray(schema.anyOf)) this.anyOf = schema.anyOf.map((branch) => this.compile(branch, root));
      else this.never = true;
    }
    this.fillString(schema);
    this.fillNumber(schema);
    if (schema.minItems !== undefined) {
      if (typeof schema.minItems === 'number') this.minItems = schema.minItems;
      else this.arrayNever = true;
    }
    if (schema.items !== undefined) {
      if (isPlainObject(schema.items)) this.items = this.compile(schema.items, root);
      else this.arrayNever = true;
    }
    this.fillObject(schema, root);
  }

  protected fillString(schema: JsonSchema): void {
    if (schema.minLength !== undefined) {
      if (typeof schema.minLength === 'number') this.minLength = schema.minLength;
      else this.stringNever = true;
    }
    if (schema.pattern !== undefined) {
      try {
        if (typeof schema.pattern === 'string') this.pattern = new RegExp(schema.pattern);
        else this.stringNever = true;
      } catch {
        this.stringNever = true;
      }
    }
    // zod's `.refine(isIsoDate)` has no JSON Schema; the schema marks it with `format: "date"`.
    // zod's `z.iso.datetime()` is its regex alone, which the schema gives as `pattern` beside
    // `format: "date-time"` (checked above): the format adds nothing to check.
    const format = schema.format;
    if (format === 'date') this.isDate = true;
    else if (format !== undefined && !(format === 'date-time' && typeof schema.pattern === 'string')) this.stringNever = true;
  }

  protected fillNumber(schema: JsonSchema): void {
    const bound = (keyword: string): number | undefined => {
      const limit = schema[keyword];
      if (limit !== undefined && typeof limit !== 'number') this.numberNever = true;
      return typeof limit === 'number' ? limit : undefined;
    };
    this.minimum = bound('minimum');
    this.maximum = bound('maximum');
    this.exclusiveMinimum = bound('exclusiveMinimum');
  }

  protected fillObject(schema: JsonSchema, root: JsonSchema): void {
    if (schema['x-ndraft-some'] !== undefined) {
      if (Array.isArray(schema['x-ndraft-some'])) this.some = schema['x-ndraft-some'];
      else this.objectNever = true;
    }
    // A schema that says nothing of objects (a `$ref`, an `anyOf`) has had its say with its other keywords.
    this.describesObjects = schema.properties !== undefined || schema.required !== undefined || schema.additionalProperties !== undefined || schema.propertyNames !== undefined;
    const properties = schema.properties ?? {};
    const required = schema.required ?? [];
    if (isPlainObject(properties)) {
      this.properties = properties;
      this.propertyKeys = Object.keys(properties);
      for (const key of this.propertyKeys) {
        const property = properties[key];
        this.propertyNodes.set(key, this.compile(property, root));
        const fallback = isPlainObject(property) ? property.default : undefined;
        if (fallback !== undefined) this.defaults.set(key, fallback);
      }
    } else if (this.describesObjects) this.objectNever = true;
    if (Array.isArray(required) && required.every((key) => typeof key === 'string')) this.required = required;
    else if (this.describesObjects) this.objectNever = true;
    if (schema.propertyNames !== undefined) {
      if (isPlainObject(schema.propertyNames)) this.propertyNames = this.compile(schema.propertyNames, root);
      else this.propertyNamesNever = true;
    }
    const additional = schema.additionalProperties;
    if (additional === false) this.additional = false;
    else if (isPlainObject(additional)) this.additional = this.compile(additional, root);
  }

}

function findRef(ref: unknown, root: JsonSchema): JsonSchema | undefined {
  const match = typeof ref === 'string' ? /^#\/\$defs\/([^/~]+)$/.exec(ref) : null;
  const defs = root.$defs as Record<string, JsonSchema> | undefined;
  return match !== null && defs !== undefined && Object.hasOwn(defs, match[1]!) ? defs[match[1]!] : undefined;
}
