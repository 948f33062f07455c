/**
 * ConfigMaps and Secrets a pod needs before its containers can start, and the
 * kubelet's words when one is missing. Env references (env valueFrom,
 * envFrom) that are missing stop the container with CreateContainerConfigError;
 * missing volumes keep the pod in ContainerCreating (the real kubelet only
 * emits FailedMount events for those). `optional: true` references never block.
 */
import type { KubeObject } from '../../types.js';
import { isObject, type JsonObject } from '../object-utils.js';
import type { SimStore } from '../store.js';
import { PROVIDER_KEYS_ANNOTATION } from './secret-operators.js';

type Source = 'ConfigMap' | 'Secret';

function lookup(store: SimStore, namespace: string, kind: Source, name: string): KubeObject | undefined {
  return store.get({ group: '', kind, namespace, name });
}

function hasKey(object: KubeObject, key: string): boolean {
  if (object.metadata.annotations?.[PROVIDER_KEYS_ANNOTATION] === 'true') return true;
  const data = isObject(object.data) ? object.data : {};
  const binary = isObject(object.binaryData) ? object.binaryData : {};
  const stringData = isObject(object.stringData) ? object.stringData : {};
  return key in data || key in binary || key in stringData;
}

function missingObject(kind: Source, name: string): string {
  return `${kind.toLowerCase()} "${name}" not found`;
}

/** Why this container cannot be created yet, or undefined when every required reference resolves. */
export function missingEnvReference(store: SimStore, namespace: string, container: JsonObject): string | undefined {
  const env = Array.isArray(container.env) ? container.env.filter(isObject) : [];
  const envFrom = Array.isArray(container.envFrom) ? container.envFrom.filter(isObject) : [];
  for (const variable of env) {
    const problem = valueFromProblem(store, namespace, isObject(variable.valueFrom) ? variable.valueFrom : {});
    if (problem) return problem;
  }
  for (const source of envFrom) {
    const problem = envFromProblem(store, namespace, source);
    if (problem) return problem;
  }
  return undefined;
}

/** env[].valueFrom.configMapKeyRef / secretKeyRef: the object and the key must exist. */
function valueFromProblem(store: SimStore, namespace: string, from: JsonObject): string | undefined {
  for (const [field, kind] of [['configMapKeyRef', 'ConfigMap'], ['secretKeyRef', 'Secret']] as const) {
    const ref = isObject(from[field]) ? from[field] : undefined;
    if (!ref || ref.optional === true) continue;
    const name = String(ref.name ?? '');
    const object = lookup(store, namespace, kind, name);
    if (!object) return missingObject(kind, name);
    const key = String(ref.key ?? '');
    if (!hasKey(object, key)) return `couldn't find key ${key} in ${kind} ${namespace}/${name}`;
  }
  return undefined;
}

/** envFrom[].configMapRef / secretRef: the object must exist. */
function envFromProblem(store: SimStore, namespace: string, source: JsonObject): string | undefined {
  for (const [field, kind] of [['configMapRef', 'ConfigMap'], ['secretRef', 'Secret']] as const) {
    const ref = isObject(source[field]) ? source[field] : undefined;
    if (!ref || ref.optional === true) continue;
    const name = String(ref.name ?? '');
    if (!lookup(store, namespace, kind, name)) return missingObject(kind, name);
  }
  return undefined;
}

/** The first volume whose ConfigMap or Secret is missing, in the kubelet's FailedMount wording. */
export function missingVolumeSource(store: SimStore, namespace: string, podSpec: JsonObject): string | undefined {
  const volumes = Array.isArray(podSpec.volumes) ? podSpec.volumes.filter(isObject) : [];
  for (const volume of volumes) {
    const sources: Array<[Source, JsonObject]> = [];
    if (isObject(volume.configMap)) sources.push(['ConfigMap', volume.configMap]);
    if (isObject(volume.secret)) sources.push(['Secret', { ...volume.secret, name: volume.secret.secretName }]);
    const projected = isObject(volume.projected) && Array.isArray(volume.projected.sources) ? volume.projected.sources.filter(isObject) : [];
    for (const source of projected) {
      if (isObject(source.configMap)) sources.push(['ConfigMap', source.configMap]);
      if (isObject(source.secret)) sources.push(['Secret', source.secret]);
    }
    for (const [kind, ref] of sources) {
      if (ref.optional === true) continue;
      const name = String(ref.name ?? '');
      if (!lookup(store, namespace, kind, name)) return `MountVolume.SetUp failed for volume "${String(volume.name)}" : ${missingObject(kind, name)}`;
    }
  }
  return undefined;
}
