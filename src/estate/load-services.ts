import { posix } from 'node:path';
import { diag, type Diagnostic } from '../core/diagnostic.js';
import { isObject, type JsonObject } from '../core/json.js';
import type { FileSystem } from '../fs/filesystem.js';
import { DocChecker } from './checker.js';
import { EstateCode } from './codes.js';
import { toWorkloadIdentity } from './load-teams.js';
import { serviceShape } from './schema.js';
import { INVALID, readShape } from './shape.js';
import type { ServiceSpec, ServiceTier } from './types.js';
import { singleDocument } from './yaml-file.js';

export interface LoadedServices {
  /** Valid services by name, alphabetical. */
  services: Map<string, ServiceSpec>;
  /** Every directory under services/, valid or not: references to these are not "unknown". */
  names: string[];
}

/** Loads and checks every services/<name>/service.yaml. */
export function loadServices(fs: FileSystem, estateDir: string, problems: Diagnostic[]): LoadedServices {
  const root = posix.join(estateDir, 'services');
  const names = fs.isDirectory(root) ? fs.readDir(root).filter((n) => fs.isDirectory(posix.join(root, n))) : [];
  const services = new Map<string, ServiceSpec>();
  for (const name of names) {
    const spec = loadService(fs, posix.join(root, name), name, problems);
    if (spec) services.set(name, spec);
  }
  return { services, names };
}

function loadService(fs: FileSystem, dir: string, dirName: string, problems: Diagnostic[]): ServiceSpec | undefined {
  const file = posix.join(dir, 'service.yaml');
  if (!fs.isFile(file)) {
    problems.push(diag(EstateCode.ServiceNoFile, `service directory ${dirName} has no service.yaml`, { file: dir }));
    return undefined;
  }
  const doc = singleDocument(fs, file, problems);
  if (!doc) return undefined;
  const c = new DocChecker(file, doc, problems);
  const read = readShape(doc.value, serviceShape, [], c);
  const base = posix.join(dir, 'base');
  if (!fs.isDirectory(base)) {
    problems.push(diag(EstateCode.ServiceNoBase, `service ${dirName} has no base/ kustomization directory`, { file: base }));
  }
  if (read === INVALID) return undefined;
  const value = read as JsonObject;
  const name = (value.metadata as JsonObject).name as string;
  if (name !== dirName) {
    c.report(EstateCode.ServiceNameMismatch, `metadata.name ${name} differs from its directory ${dirName}`, ['metadata', 'name'], `rename one of them; did you mean ${dirName}?`);
    return undefined;
  }
  return toServiceSpec(value.spec as JsonObject, { name, dir, file, document: doc, overlays: overlaysOf(fs, dir) });
}

function overlaysOf(fs: FileSystem, dir: string): string[] {
  const overlays = posix.join(dir, 'overlays');
  if (!fs.isDirectory(overlays)) return [];
  return fs.readDir(overlays).filter((n) => fs.isDirectory(posix.join(overlays, n)));
}

function toServiceSpec(spec: JsonObject, where: Pick<ServiceSpec, 'name' | 'dir' | 'file' | 'document' | 'overlays'>): ServiceSpec {
  const service: ServiceSpec = {
    ...where,
    owner: (spec.owner as string | undefined) ?? '',
    tier: (spec.tier as ServiceTier | undefined) ?? 'standard',
    description: (spec.description as string | undefined) ?? '',
    namespace: spec.namespace as string,
  };
  if (spec.legacy !== undefined) service.legacy = spec.legacy;
  if (isObject(spec.workloadIdentity ?? null)) {
    const line = where.document.locate(['spec', 'workloadIdentity'])?.line ?? 1;
    service.workloadIdentity = toWorkloadIdentity(spec.workloadIdentity as JsonObject, where.name, { file: where.file, line });
  }
  return service;
}
