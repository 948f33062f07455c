import { fail } from '../../core/diagnostic.js';
import { isObject, type JsonObject, type JsonValue } from '../../core/json.js';
import { idString } from '../../core/resource-id.js';
import type { Resource } from '../../core/resource.js';
import { RenderCode } from '../errors.js';
import type { CandidatePool } from './candidates.js';
import { effectiveNamespace } from './ids.js';
import { recordReferral } from './name-context.js';
import { allNamesAndNamespacesEqual, allNamesEqual, selectReferral, type ReferenceSite } from './select-referral.js';

/** Where a value sits: its map and key, or its list and index. */
type Container = JsonObject | JsonValue[];

/**
 * Rewrites one reference field of the referrer (kustomize's fieldspec walk
 * plus nameref's setters). Lists met on the way are walked element by
 * element; a missing or null field is left alone; a scalar where the path
 * goes on is an error. At the end of the path a string is a name, a map has
 * `name` (and optionally `namespace`), and a list holds either.
 */
export function fixReferenceField(site: ReferenceSite, pool: CandidatePool): void {
  const fixer = new FieldFixer(site, pool);
  fixer.walk({ root: site.referrer.obj }, 'root', splitFieldPath(site.path), 0);
}

class FieldFixer {
  constructor(
    private readonly site: ReferenceSite,
    private readonly pool: CandidatePool,
  ) {}

  /** Follows `segments` from `depth` into the value at `container[key]`; lists are walked element by element. */
  walk(container: Container, key: string | number, segments: string[], depth: number): void {
    if (depth === segments.length) return this.fixAt(container, key);
    const value = valueAt(container, key);
    if (value === undefined || value === null) return;
    if (Array.isArray(value)) {
      for (let i = 0; i < value.length; i++) this.walk(value, i, segments, depth);
    } else if (isObject(value)) {
      const field = segments[depth]!;
      if (Object.hasOwn(value, field)) this.walk(value, field, segments, depth + 1);
    } else {
      this.invalid('expected sequence or mapping node');
    }
  }

  private fixAt(container: Container, key: string | number): void {
    const value = valueAt(container, key);
    if (value === undefined || value === null) return;
    if (Array.isArray(value)) {
      for (let i = 0; i < value.length; i++) {
        const element = value[i]!;
        if (isObject(element)) this.fixMapping(element);
        else if (element !== null && !Array.isArray(element)) this.fixScalar(value, i);
      }
    } else if (isObject(value)) {
      this.fixMapping(value);
    } else {
      this.fixScalar(container, key);
    }
  }

  private fixScalar(container: Container, key: string | number): void {
    const oldName = scalarText(valueAt(container, key));
    const referral = selectReferral(this.site, oldName, this.pool.previouslyNamed(oldName), allNamesEqual);
    if (!referral) return;
    recordReferral(referral, this.site.referrer.id);
    if (referral.name === oldName) return;
    (container as Record<string | number, JsonValue>)[key] = referral.name;
    this.recordChange(oldName, referral);
  }

  /** A `{name, namespace?}` map: the namespace, when given, narrows the candidates and is updated too. */
  private fixMapping(map: JsonObject): void {
    if (!Object.hasOwn(map, 'name')) this.invalid("path config error; no 'name' field in node");
    const oldName = scalarText(map.name);
    let candidates = this.pool.previouslyNamed(oldName);
    if (Object.hasOwn(map, 'namespace')) candidates = this.inNamespace(candidates, scalarText(map.namespace));
    const referral = selectReferral(this.site, oldName, candidates, allNamesAndNamespacesEqual);
    if (!referral) return;
    recordReferral(referral, this.site.referrer.id);
    if (referral.name === oldName && referral.namespace === '') return;
    map.name = referral.name;
    // An empty namespace is a wildcard here, not `default`: never write it.
    if (referral.namespace !== '') map.namespace = referral.namespace;
    this.recordChange(oldName, referral);
  }

  /**
   * Candidates whose original namespace is `ns`; only if no object at all in
   * the pool started out there, those whose current namespace is.
   */
  private inNamespace(candidates: readonly Resource[], ns: string): readonly Resource[] {
    if (this.pool.hasOriginalNamespace(ns)) return candidates.filter((r) => effectiveNamespace(r.originalId) === ns);
    return candidates.filter((r) => effectiveNamespace(r.id) === ns);
  }

  private recordChange(oldName: string, referral: Resource): void {
    this.site.referrer.record({
      transformer: 'nameReference',
      detail: `${this.site.path.replaceAll('/', '.')}: ${oldName} → ${referral.name} (${idString(referral.id)})`,
    });
  }

  private invalid(message: string): never {
    const { referrer, path } = this.site;
    return fail(RenderCode.NameRefInvalid, `updating name reference in '${path}' field of '${idString(referrer.id)}': ${message}`, {
      file: referrer.origin.file,
      line: referrer.origin.line,
      yamlPath: path.replaceAll('/', '.'),
    });
  }
}

const splitCache = new Map<string, string[]>();

/** Field-spec paths split at `/`; `\/` stands for a slash inside a key (annotation names). */
export function splitFieldPath(path: string): string[] {
  let parts = splitCache.get(path);
  if (!parts) {
    parts = path.split(/(?<!\\)\//).map((part) => part.replaceAll('\\/', '/'));
    splitCache.set(path, parts);
  }
  return parts;
}

function valueAt(container: Container, key: string | number): JsonValue | undefined {
  return (container as Record<string | number, JsonValue>)[key];
}

/** What kustomize reads as a scalar's value; YAML gave us typed values, so print them back. */
function scalarText(value: JsonValue | undefined): string {
  if (value === undefined || value === null) return '';
  return typeof value === 'object' ? '' : String(value);
}

