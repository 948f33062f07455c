/**
 * Built-in Kubernetes kinds from the generated schema data. Definitions are
 * decoded on first use: a run that sees only Deployments and Services decodes
 * the few dozen definitions those reach, not all of them.
 */
import { SCHEMA_DATA } from '../data/schema-k8s-1-26.js';
import type { SchemaData } from './data-format.js';
import { ANY_NODE, type SchemaNode } from './node.js';

const PRIMITIVES: Record<string, SchemaNode> = {
  s: { type: 'string', origin: 'builtin' },
  B: { type: 'string', format: 'byte', origin: 'builtin' },
  t: { type: 'string', format: 'date-time', origin: 'builtin' },
  i: { type: 'integer', format: 'int64', origin: 'builtin' },
  I: { type: 'integer', format: 'int32', origin: 'builtin' },
  n: { type: 'number', origin: 'builtin' },
  b: { type: 'boolean', origin: 'builtin' },
  q: { type: 'quantity', origin: 'builtin' },
  x: { type: 'int-or-string', origin: 'builtin' },
  '*': ANY_NODE,
  o: { type: 'object', preserveUnknown: true, origin: 'builtin' },
  R: { type: 'object', byKind: true, origin: 'builtin' },
};

export class BuiltinSchemas {
  /** Kubernetes minor version of the data, e.g. `1.26`. */
  readonly version: string;
  private readonly data: SchemaData;
  private readonly decoded: SchemaNode[] = [];
  private kinds?: Map<string, number>;
  private meta?: SchemaNode;

  constructor(data: SchemaData = SCHEMA_DATA) {
    this.data = data;
    this.version = data.version;
  }

  /** The top-level schema of a built-in kind, or undefined when the data has none. */
  kind(apiVersion: string, kind: string): SchemaNode | undefined {
    const def = this.kindTable().get(`${apiVersion} ${kind}`);
    return def === undefined ? undefined : this.definition(def);
  }

  /** Whether the data has any kind under this apiVersion (a built-in group version). */
  hasApiVersion(apiVersion: string): boolean {
    return Object.hasOwn(this.data.kinds, apiVersion);
  }

  /** Kinds the data knows under an apiVersion (for "did you mean" hints). */
  kindsOf(apiVersion: string): string[] {
    const list = Object.hasOwn(this.data.kinds, apiVersion) ? this.data.kinds[apiVersion] : undefined;
    return list ? list.split(' ').map((entry) => entry.slice(0, entry.indexOf(':'))) : [];
  }

  /** `metav1.ObjectMeta`, the metadata of every object (custom resources included). */
  objectMeta(): SchemaNode {
    this.meta ??= this.kind('v1', 'ConfigMap')?.properties?.get('metadata');
    if (!this.meta) throw new Error('schema data lacks v1 ConfigMap metadata');
    return this.meta;
  }

  private kindTable(): Map<string, number> {
    if (this.kinds) return this.kinds;
    this.kinds = new Map();
    for (const [apiVersion, list] of Object.entries(this.data.kinds)) {
      for (const entry of list.split(' ')) {
        const colon = entry.indexOf(':');
        this.kinds.set(`${apiVersion} ${entry.slice(0, colon)}`, Number(entry.slice(colon + 1)));
      }
    }
    return this.kinds;
  }

  private definition(index: number): SchemaNode {
    const cached = this.decoded[index];
    if (cached) return cached;
    const source = this.data.defs[index];
    if (source === undefined) throw new Error(`schema data has no definition ${index}`);
    const properties = new Map<string, SchemaNode>();
    const required: string[] = [];
    const node: SchemaNode = { type: 'object', properties, required, origin: 'builtin' };
    // Stored before its fields are decoded, so recursive definitions resolve to this node.
    this.decoded[index] = node;
    for (const field of source.split(' ')) {
      const colon = field.indexOf(':');
      let name = field.slice(0, colon);
      if (name.startsWith('!')) {
        name = name.slice(1);
        required.push(name);
      }
      properties.set(name, this.decode(field.slice(colon + 1)));
    }
    return node;
  }

  private decode(code: string): SchemaNode {
    const primitive = PRIMITIVES[code];
    if (primitive) return primitive;
    const head = code[0];
    if (head === '[') return { type: 'array', items: this.decode(code.slice(1)), origin: 'builtin' };
    if (head === '{') return { type: 'object', additional: this.decode(code.slice(1)), origin: 'builtin' };
    if (head === '%') return { type: 'string', enum: this.enumValues(Number(code.slice(1))), origin: 'builtin' };
    return this.definition(Number(code));
  }

  private enumValues(index: number): readonly string[] {
    const values = this.data.enums[index];
    if (!values) throw new Error(`schema data has no enum ${index}`);
    return values;
  }
}

let shared: BuiltinSchemas | undefined;

/** The built-in schemas of the committed data, decoded once per process. */
export function builtinSchemas(): BuiltinSchemas {
  shared ??= new BuiltinSchemas();
  return shared;
}
