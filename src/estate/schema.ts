import { EstateCode } from './codes.js';
import { accessShape, clusterEksShape, workloadIdentityShape } from './schema-access.js';
import { rolloutShape } from './schema-rollout.js';
import type { Field, Problem, Shape } from './shape.js';

/** The shapes of harbormaster.yaml and service.yaml (format v1alpha1). */
export const API_VERSION = 'harbormaster.dev/v1alpha1';

const DNS_LABEL = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/;

export function isDnsLabel(name: string): boolean {
  return name.length <= 63 && DNS_LABEL.test(name);
}

export function dnsLabelProblem(name: string): Problem | undefined {
  if (isDnsLabel(name)) return undefined;
  const lower = name.toLowerCase();
  return {
    code: EstateCode.BadName,
    message: `${JSON.stringify(name)} is not a DNS label`,
    hint: isDnsLabel(lower)
      ? `did you mean ${lower}?`
      : 'use at most 63 lowercase letters, digits and "-", starting and ending with a letter or digit',
  };
}

const dnsName: Shape = { type: 'string', code: EstateCode.BadName, check: dnsLabelProblem };
const text: Shape = { type: 'string' };
const nonEmpty: Shape = {
  type: 'string',
  check: (v) => (v === '' ? { code: EstateCode.BadValue, message: 'must not be empty' } : undefined),
};

const kubernetesVersion: Shape = {
  type: 'string',
  code: EstateCode.BadVersion,
  hint: 'quote it, e.g. "1.30" (unquoted, 1.30 is the number 1.3)',
  check: (v) =>
    /^[0-9]+\.[0-9]+$/.test(v)
      ? undefined
      : { code: EstateCode.BadVersion, message: `${JSON.stringify(v)} is not a MAJOR.MINOR version`, hint: 'e.g. "1.30"' },
};

/** A version is a directory name under addons/<addon>/: one path segment, no tricks. */
const addonVersion: Shape = {
  type: 'nullable',
  shape: {
    type: 'string',
    check: (v) =>
      v === '' || /^[A-Za-z0-9][A-Za-z0-9._+-]*$/.test(v)
        ? undefined
        : { code: EstateCode.BadValue, message: `${JSON.stringify(v)} is not a valid addon version directory name` },
  },
};

const stringMap: Shape = { type: 'map', values: { type: 'nullable', shape: text } };

const replicaKey = (key: string): Problem | undefined =>
  /^([^/]+\/)?[^/]+$/.test(key)
    ? undefined
    : { code: EstateCode.BadValue, message: `replicas key ${JSON.stringify(key)} must be "<service>/<workload>" or "<workload>"` };

const settings: Shape = {
  type: 'object',
  fields: {
    labels: { shape: stringMap },
    annotations: { shape: stringMap },
    namespace: {
      shape: { type: 'string', code: EstateCode.BadName, check: (v) => (v === '' ? undefined : dnsLabelProblem(v)) },
    },
    images: {
      shape: {
        type: 'map',
        values: {
          type: 'nullable',
          shape: { type: 'object', fields: { newName: { shape: nonEmpty }, newTag: { shape: nonEmpty }, digest: { shape: nonEmpty } } },
        },
      },
    },
    replicas: {
      shape: { type: 'map', key: replicaKey, values: { type: 'nullable', shape: { type: 'integer', min: 0 } } },
    },
  },
};

const layerFields: Record<string, Field> = {
  addons: { shape: { type: 'map', key: dnsLabelProblem, values: addonVersion } },
  settings: { shape: settings },
};

const layer: Shape = { type: 'object', fields: layerFields };

const emptyContext: Problem = { code: EstateCode.BadConnection, message: 'context must name a kubeconfig context' };

const connection: Shape = {
  type: 'object',
  code: EstateCode.BadConnection,
  fields: {
    sim: { shape: { type: 'object', code: EstateCode.BadConnection, fields: {} } },
    context: { shape: { type: 'string', code: EstateCode.BadConnection, check: (v) => (v === '' ? emptyContext : undefined) } },
  },
  check: (v) => {
    const n = Object.keys(v).length;
    return n === 1 ? undefined : { code: EstateCode.BadConnection, message: `must set exactly one of sim or context, found ${n}` };
  },
};

const cluster: Shape = {
  type: 'object',
  fields: {
    name: { shape: dnsName, required: true },
    region: { shape: nonEmpty, required: true },
    environment: { shape: nonEmpty, required: true },
    kubernetesVersion: { shape: kubernetesVersion },
    wave: { shape: { type: 'integer', code: EstateCode.BadWave, min: 0 }, required: true },
    status: { shape: { type: 'enum', code: EstateCode.BadStatus, values: ['active', 'planned'] } },
    connection: { shape: connection, required: true },
    services: { shape: { type: 'list', items: dnsName } },
    eks: { shape: clusterEksShape },
    ...layerFields,
  },
};

function header(kind: string): Record<string, Field> {
  return {
    apiVersion: { shape: { type: 'enum', code: EstateCode.BadApiVersion, values: [API_VERSION] }, required: true },
    kind: { shape: { type: 'enum', code: EstateCode.BadKind, values: [kind] }, required: true },
    metadata: { shape: { type: 'object', fields: { name: { shape: dnsName, required: true } } }, required: true },
  };
}

/** harbormaster.yaml's header; the spec is read on its own (`estateSpecShape`) so a bad header does not hide its problems. */
export const estateShape: Shape = {
  type: 'object',
  fields: { ...header('Estate'), spec: { shape: { type: 'any' }, required: true } },
};

export const estateSpecShape: Shape = {
  type: 'object',
  fields: {
    defaults: { shape: { type: 'object', fields: { kubernetesVersion: { shape: kubernetesVersion }, ...layerFields } } },
    environments: { shape: { type: 'map', values: layer } },
    regions: { shape: { type: 'map', values: layer } },
    clusters: { shape: { type: 'list', items: cluster }, required: true },
    access: { shape: accessShape },
    rollout: { shape: rolloutShape },
  },
};

export const serviceShape: Shape = {
  type: 'object',
  fields: {
    ...header('Service'),
    spec: {
      required: true,
      shape: {
        type: 'object',
        fields: {
          owner: { shape: text },
          tier: { shape: { type: 'enum', code: EstateCode.BadValue, values: ['critical', 'standard', 'batch'] } },
          description: { shape: text },
          namespace: { shape: dnsName, required: true },
          legacy: { shape: { type: 'any' } },
          workloadIdentity: { shape: workloadIdentityShape },
        },
      },
    },
  },
};
