/**
 * The simulated controllers of one cluster: kube-controller-manager's
 * workload controllers, the scheduler and kubelet, the cloud controller's load
 * balancers and the apiextensions controller, all driven by store events.
 * Each event queues a reconcile of the object and of its controlling owner;
 * time-based transitions are tasks on one timeline. stop() ends all of it.
 */
import { groupOf, type KubeObject } from '../../types.js';
import type { SimControllers, StartControllers } from '../controller-api.js';
import { keyOf, storeKeyString, type SimStore, type StoreEvent, type StoreKey } from '../store.js';
import { ControllerContext } from './context.js';
import { reconcileCrd } from './crd.js';
import { reconcileDaemonSet } from './daemonset.js';
import { DeploymentController } from './deployment.js';
import { JobController } from './job.js';
import { Kubelet } from './kubelet.js';
import { reconcileNamespace } from './namespace.js';
import { publishNodes } from './node-objects.js';
import { resolveSimWorkloadOptions, type SimWorkloadOptions } from './options.js';
import { reconcileClaim } from './pvc.js';
import { reconcileReplicaSet } from './replicaset.js';
import { ServiceController } from './service.js';
import { reconcileExternalSecret, reconcileSealedSecret } from './secret-operators.js';
import { reconcileStatefulSet } from './statefulset.js';

export { DEFAULT_SIM_WORKLOAD_OPTIONS, resolveSimWorkloadOptions, type SimWorkloadOptions } from './options.js';

/** SimControllers plus what tests and benchmarks look at. */
export interface SimWorkloadControllers extends SimControllers {
  readonly options: SimWorkloadOptions;
  /** Errors thrown inside reconciles or timed tasks (kept, not thrown: a controller bug must not break the API server). */
  errors(): readonly unknown[];
  /** Timed transitions still pending. */
  pendingTasks(): number;
}

type Reconcile = (key: StoreKey) => void;

export function startWorkloadControllers(store: SimStore, options: Partial<SimWorkloadOptions> = {}): SimWorkloadControllers {
  const ctx = new ControllerContext(store, resolveSimWorkloadOptions(options));
  const kubelet = new Kubelet(ctx);
  const deployments = new DeploymentController(ctx);
  const services = new ServiceController(ctx);
  const jobs = new JobController(ctx);
  const reconcilers: Record<string, Reconcile> = {
    'apps/Deployment': (key) => deployments.reconcile(key),
    'apps/ReplicaSet': (key) => reconcileReplicaSet(ctx, key),
    'apps/StatefulSet': (key) => reconcileStatefulSet(ctx, key),
    'apps/DaemonSet': (key) => reconcileDaemonSet(ctx, key),
    'batch/Job': (key) => jobs.reconcile(key),
    '/Pod': (key) => kubelet.reconcile(key),
    '/PersistentVolumeClaim': (key) => reconcileClaim(ctx, key),
    '/Service': (key) => services.reconcile(key),
    '/Namespace': (key) => reconcileNamespace(ctx, key),
    'apiextensions.k8s.io/CustomResourceDefinition': (key) => reconcileCrd(ctx, key),
    'external-secrets.io/ExternalSecret': (key) => reconcileExternalSecret(ctx, key),
    'bitnami.com/SealedSecret': (key) => reconcileSealedSecret(ctx, key),
  };
  const enqueue = (kind: string, key: StoreKey) => {
    const reconcile = reconcilers[kind];
    if (reconcile) ctx.queue.add(`${kind}|${storeKeyString(key)}`, () => reconcile(key));
  };

  const onEvent = (event: StoreEvent) => {
    const object = event.object;
    const kind = `${groupOf(object.apiVersion)}/${object.kind}`;
    if (event.type === 'DELETED') forget(kind, object);
    else enqueue(kind, keyOf(object));
    const owner = object.metadata.ownerReferences?.find((ref) => ref.controller);
    if (owner) enqueue(`${groupOf(owner.apiVersion)}/${owner.kind}`, { group: groupOf(owner.apiVersion), kind: owner.kind, namespace: object.metadata.namespace, name: owner.name });
    if ((object.kind === 'ConfigMap' || object.kind === 'Secret') && kind.startsWith('/') && event.type !== 'DELETED') kubelet.configChanged(object.metadata.namespace ?? '');
  };
  const forget = (kind: string, object: KubeObject) => {
    if (kind === '/Pod') kubelet.forget(object);
    if (kind === 'apps/Deployment') deployments.forget(object);
    if (kind === 'batch/Job') jobs.forget(object);
    if (kind === 'apiextensions.k8s.io/CustomResourceDefinition') {
      for (const crd of store.list('apiextensions.k8s.io', 'CustomResourceDefinition')) enqueue(kind, keyOf(crd)); // names it held may now be free
    }
  };

  const unsubscribe = store.subscribe(onEvent);
  publishNodes(ctx);
  for (const kind of Object.keys(reconcilers)) {
    const [group = '', name = ''] = kind.split('/');
    for (const object of store.list(group, name)) enqueue(kind, keyOf(object));
  }
  return {
    options: ctx.options,
    errors: () => ctx.errors,
    pendingTasks: () => ctx.timeline.size,
    stop() {
      unsubscribe();
      ctx.queue.stop();
      ctx.timeline.stop();
    },
  };
}

/** The hook the simulated cluster calls (controller-api.ts); options are partial, defaults fill the rest. */
export const startControllers: StartControllers = (store, options) => startWorkloadControllers(store, options as Partial<SimWorkloadOptions>);
