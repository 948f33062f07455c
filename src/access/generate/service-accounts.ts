import { IRSA_ANNOTATION } from '../model.js';
import type { GeneratedManifest, Generator } from './input.js';
import { meta } from './meta.js';

const NAME = 'service-accounts';

/**
 * A ServiceAccount for each workload identity whose account no service
 * manifest defines (an existing one is annotated by a patch in the service's
 * kustomization instead; see irsaPatches). IRSA accounts carry the role annotation.
 */
export const serviceAccounts: Generator = {
  name: NAME,
  generate(ctx) {
    const out: GeneratedManifest[] = [];
    for (const { service, identity, roleArn } of ctx.workloads) {
      if (!ctx.missingServiceAccounts.has(`${service.namespace}/${identity.serviceAccount}`)) continue;
      const metadata = meta(identity.serviceAccount, { generator: NAME, namespace: service.namespace, team: service.owner });
      if (identity.mode === 'irsa') metadata.annotations = { [IRSA_ANNOTATION]: roleArn };
      out.push({ at: identity.at, object: { apiVersion: 'v1', kind: 'ServiceAccount', metadata } });
    }
    return out;
  },
};
