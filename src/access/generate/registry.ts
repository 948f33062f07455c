import { accessEntries } from './access-entries.js';
import { awsAuth } from './aws-auth.js';
import { clusterRoles } from './cluster-roles.js';
import type { Generator } from './input.js';
import { namespaces } from './namespaces.js';
import { podIdentity } from './pod-identity.js';
import { roleBindings } from './role-bindings.js';
import { serviceAccounts } from './service-accounts.js';

/** Every output kind, in the order their files are listed. Each writes `access/<name>.yaml` when it has objects. */
export const GENERATORS: readonly Generator[] = [namespaces, clusterRoles, roleBindings, serviceAccounts, accessEntries, podIdentity, awsAuth];
