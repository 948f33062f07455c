import { fail } from '../../core/diagnostic.js';
import { isObject, type JsonObject, type JsonValue } from '../../core/json.js';
import { idString } from '../../core/resource-id.js';
import type { Resource } from '../../core/resource.js';
import { RenderCode } from '../errors.js';
import type { CandidatePool } from './candidates.js';
import { effectiveNamespace } from './ids.js';
import { recordReferral } from './name-context.js';
import { allNamesAndNamespacesEqual, allNamesEqual, selectReferral, type ReferenceSite } from './select-referral.js';

/** A place holding a value, so a scalar can be replaced where it sits. */
interface Slot {
  get(): JsonValue | undefined;
  set(value: JsonValue): void;
}

/**
 * Rewrites one reference field of the referrer (kustomize's fieldspec walk
 * plus nameref's setters). Lists met on the way are walked element by
 * element; a missing or null field is left alone; a scalar where the path
 * goes on is an error. At the end of the path a string is a name, a map has
 * `name` (and optionally `namespace`), and a list holds either.
 */
export function fixReferenceField(site: ReferenceSite, pool: CandidatePool): void {
  const fixer = new FieldFixer(site, pool);
  fixer.walk(rootSlot(site.referrer.obj), splitFieldPath(site.path));
}

class FieldFixer {
  constructor(
    private readonly site: ReferenceSite,
    private readonly pool: CandidatePool,
  ) {}

  walk(slot: Slot, segments: string[]): void {
    if (segments.length === 0) return this.fixAt(slot);
    const value = slot.get();
    if (value === undefined || value === null) return;
    if (Array.isArray(value)) {
      value.forEach((_, i) => this.walk(elementSlot(value, i), segments));
    } else if (isObject(value)) {
      const [field, ...rest] = segments as [string, ...string[]];
      if (Object.hasOwn(value, field)) this.walk(fieldSlot(value, field), rest);
    } else {
      this.invalid('expected sequence or mapping node');
    }
  }

  private fixAt(slot: Slot): void {
    const value = slot.get();
    if (value === undefined || value === null) return;
    if (Array.isArray(value)) {
      value.forEach((element, i) => {
        if (isObject(element)) this.fixMapping(element);
        else if (element !== null && !Array.isArray(element)) this.fixScalar(elementSlot(value, i));
      });
    } else if (isObject(value)) {
      this.fixMapping(value);
    } else {
      this.fixScalar(slot);
    }
  }

  private fixScalar(slot: Slot): void {
    const oldName = scalarText(slot.get());
    const referral = selectReferral(this.site, oldName, this.pool.previouslyNamed(oldName), allNamesEqual);
    if (!referral) return;
    recordReferral(referral, this.site.referrer.id);
    if (referral.name === oldName) return;
    slot.set(referral.name);
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

/** What kustomize reads as a scalar's value; YAML gave us typed values, so print them back. */
function scalarText(value: JsonValue | undefined): string {
  if (value === undefined || value === null) return '';
  return typeof value === 'object' ? '' : String(value);
}

function rootSlot(obj: JsonObject): Slot {
  return { get: () => obj, set: () => undefined };
}

function fieldSlot(map: JsonObject, key: string): Slot {
  return { get: () => map[key], set: (v) => (map[key] = v) };
}

function elementSlot(list: JsonValue[], index: number): Slot {
  return { get: () => list[index], set: (v) => (list[index] = v) };
}
