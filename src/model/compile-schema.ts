import { isIsoDate } from './document-fields.js';
import type { JsonSchema } from './json-schema-match.js';
import { codePoints, copyOf, hasType, isPlainObject } from './json-value-checks.js';
import { SchemaKeywords } from './schema-keywords.js';

/** Each (sub)schema compiled once per root document: a draft's thousands of values are checked against the same few dozen. */
const compiledByRoot = new WeakMap<JsonSchema, Map<unknown, SchemaNode>>();

/** What `parse` gives for a value the schema is not sure of. */
export const FAILED: unique symbol = Symbol('not shown valid');

export function compileSchema(schema: unknown, root: JsonSchema): SchemaNode {
  let nodes = compiledByRoot.get(root);
  if (nodes === undefined) compiledByRoot.set(root, (nodes = new Map()));
  let node = nodes.get(schema);
  if (node === undefined) {
    node = new SchemaNode();
    // Registered before its parts are compiled: a schema that refers to itself (`$ref`) meets this node.
    nodes.set(schema, node);
    node.fill(schema, root);
  }
  return node;
}

/** A compiled (sub)schema: checks a value, and gives it as zod's parse does (see `json-schema-match.ts`). */
export class SchemaNode extends SchemaKeywords<SchemaNode> {
  protected compile(schema: unknown, root: JsonSchema): SchemaNode {
    return compileSchema(schema, root);
  }

  test(value: unknown): boolean {
    if (this.never) return false;
    if (this.ref !== undefined && !this.ref.test(value)) return false;
    if (this.types !== undefined && !this.types.some((type) => hasType(type, value))) return false;
    if (this.enumValues !== undefined && !this.enumValues.includes(value)) return false;
    if (this.anyOf !== undefined && !this.anyOf.some((branch) => branch.test(value))) return false;
    if (typeof value === 'string') return this.testString(value);
    if (typeof value === 'number') return this.testNumber(value);
    if (Array.isArray(value)) return this.testArray(value);
    if (isPlainObject(value)) return this.testObject(value);
    return true;
  }

  private testString(value: string): boolean {
    if (this.stringNever) return false;
    if (this.minLength !== undefined && codePoints(value, this.minLength) < this.minLength) return false;
    if (this.pattern !== undefined && !this.pattern.test(value)) return false;
    return !this.isDate || isIsoDate(value);
  }

  private testNumber(value: number): boolean {
    if (this.numberNever) return false;
    return !((this.minimum !== undefined && value < this.minimum) || (this.maximum !== undefined && value > this.maximum) || (this.exclusiveMinimum !== undefined && value <= this.exclusiveMinimum));
  }

  private testArray(value: readonly unknown[]): boolean {
    if (this.arrayNever) return false;
    if (this.minItems !== undefined && value.length < this.minItems) return false;
    const items = this.items;
    if (items === undefined) return true;
    for (let i = 0; i < value.length; i++) if (!items.test(value[i])) return false;
    return true;
  }

  private testObject(value: Record<string, unknown>): boolean {
    if (!this.testObjectShape(value)) return false;
    for (const key of Object.keys(value)) {
      const known = Object.hasOwn(this.properties, key);
      // An optional field holding undefined is absent to zod.
      if (known && value[key] === undefined && !this.required.includes(key)) continue;
      if (known) {
        if (!(this.propertyNodes.get(key) as SchemaNode).test(value[key])) return false;
      } else if (this.additional instanceof SchemaNode && !this.additional.test(value[key])) {
        return false;
      }
    }
    return true;
  }

  /**
   * `test(value) ? normalize(value) : FAILED` in one walk: how values read from files are checked,
   * each object built as it is checked rather than walked once to check and again to copy. A
   * `$ref` or an `anyOf` (a few places in the schemas) is left to `test` and `normalize`.
   */
  parse(value: unknown): unknown {
    if (this.never || this.ref !== undefined || this.anyOf !== undefined) return this.test(value) ? this.normalize(value) : FAILED;
    if (this.types !== undefined && !this.types.some((type) => hasType(type, value))) return FAILED;
    if (this.enumValues !== undefined && !this.enumValues.includes(value)) return FAILED;
    if (typeof value === 'string') return this.testString(value) ? value : FAILED;
    if (typeof value === 'number') return this.testNumber(value) ? value : FAILED;
    if (Array.isArray(value)) return this.parseArray(value);
    if (isPlainObject(value)) return this.parseObject(value);
    return value;
  }

  private parseArray(value: readonly unknown[]): unknown {
    if (this.arrayNever || (this.minItems !== undefined && value.length < this.minItems)) return FAILED;
    const items = this.items;
    if (items === undefined) return [...value];
    const out: unknown[] = [];
    for (let i = 0; i < value.length; i++) {
      const item = items.parse(value[i]);
      if (item === FAILED) return FAILED;
      out.push(item);
    }
    return out;
  }

  private parseObject(value: Record<string, unknown>): unknown {
    if (!this.testObjectShape(value)) return FAILED;
    const out: Record<string, unknown> = {};
    for (const key of this.propertyKeys) {
      const field = value[key];
      if (field !== undefined) {
        const node = this.propertyNodes.get(key) as SchemaNode;
        // `test` checks own fields only; `normalize` also copies one inherited.
        const parsed = Object.hasOwn(value, key) ? node.parse(field) : node.normalize(field);
        if (parsed === FAILED) return FAILED;
        out[key] = parsed;
      } else if (this.defaults.has(key)) out[key] = copyOf(this.defaults.get(key));
    }
    // A strict object's shape admitted no other field: no need to look for one.
    if (this.describesObjects && !(this.additional instanceof SchemaNode)) return out;
    const rest = this.additional instanceof SchemaNode ? this.additional : undefined;
    for (const key of Object.keys(value)) {
      if (Object.hasOwn(this.properties, key)) continue;
      const field = value[key];
      // `test` checks an extra field holding undefined too; `normalize` leaves it out.
      if (field === undefined) {
        if (rest !== undefined && !rest.test(field)) return FAILED;
        continue;
      }
      const parsed = rest ? rest.parse(field) : field;
      if (parsed === FAILED) return FAILED;
      out[key] = parsed;
    }
    return out;
  }

  /** What `testObject` checks but the fields' values (which `parseObject` parses as it builds them). */
  private testObjectShape(value: Record<string, unknown>): boolean {
    if (this.objectNever) return false;
    const some = this.some;
    if (some !== undefined && !some.some((key) => typeof key === 'string' && value[key] !== undefined && !(Array.isArray(value[key]) && value[key].length === 0))) return false;
    if (!this.describesObjects) return true;
    for (const key of this.required) if (value[key] === undefined) return false;
    for (const key of Object.keys(value)) {
      const known = Object.hasOwn(this.properties, key);
      if (known && value[key] === undefined && !this.required.includes(key)) continue;
      if (this.propertyNamesNever || (this.propertyNames !== undefined && !this.propertyNames.test(key))) return false;
      // An unknown field is a refusal to a strict object; zod's loose objects and catch-alls are not what we check here.
      if (!known && (this.additional === 'refused' || this.additional === false)) return false;
    }
    return true;
  }

  normalize(value: unknown): unknown {
    if (this.ref !== undefined) return this.ref.normalize(value);
    if (this.anyOf !== undefined) {
      const branch = this.anyOf.find((s) => s.test(value));
      return branch === undefined ? value : branch.normalize(value);
    }
    if (Array.isArray(value)) {
      const items = this.items;
      return items !== undefined ? value.map((v) => items.normalize(v)) : [...value];
    }
    if (!isPlainObject(value)) return value;
    const out: Record<string, unknown> = {};
    for (const key of this.propertyKeys) {
      if (value[key] !== undefined) out[key] = (this.propertyNodes.get(key) as SchemaNode).normalize(value[key]);
      else if (this.defaults.has(key)) out[key] = copyOf(this.defaults.get(key));
    }
    const rest = this.additional instanceof SchemaNode ? this.additional : undefined;
    for (const key of Object.keys(value)) {
      if (!Object.hasOwn(this.properties, key) && value[key] !== undefined) out[key] = rest ? rest.normalize(value[key]) : value[key];
    }
    return out;
  }
}
