import { ACK_EKS_API_VERSION } from '../model.js';
import { dnsSafeName } from '../teams/names.js';
import type { GeneratedManifest, Generator } from './input.js';
import { meta } from './meta.js';

const NAME = 'pod-identity';

/** An ACK PodIdentityAssociation per service in pod-identity mode; nothing is written into the pods. */
export const podIdentity: Generator = {
  name: NAME,
  generate(ctx) {
    const { config } = ctx.input;
    return ctx.workloads
      .filter((w) => w.identity.mode === 'pod-identity')
      .map(({ service, identity, roleArn }): GeneratedManifest => ({
        at: identity.at,
        object: {
          apiVersion: ACK_EKS_API_VERSION,
          kind: 'PodIdentityAssociation',
          metadata: meta(dnsSafeName('hm', service.name), { generator: NAME, namespace: config.eks.namespace, team: service.owner }),
          spec: { clusterName: ctx.eksClusterName, namespace: service.namespace, serviceAccount: identity.serviceAccount, roleARN: roleArn },
        },
      }));
  },
};
