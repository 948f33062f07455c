/**
 * client-node's KubernetesObjectApi, kept for what it does well (URL
 * building, kubeconfig authentication and TLS, middleware, its HTTP stack)
 * and adjusted where its typed models would change the objects:
 *
 * - Responses are returned as the server's JSON. The stock class turns them
 *   into generated model classes, which drop fields the model does not know
 *   and turn timestamps into Date objects.
 * - Server-side apply sends the object's own JSON. The stock `patch` first
 *   serialises through the model of `<version><Kind>` (ignoring the group, so
 *   a custom `Certificate` would go through a built-in model of that name).
 * - Kinds are resolved through our discovery instead of a second private cache.
 */
import { HttpMethod, KubernetesObjectApi, PatchStrategy, type KubeConfig, type KubernetesObject, type ResponseContext, type V1APIResource } from '@kubernetes/client-node';
import { HttpStatusError } from './errors.js';
import type { KubeObject, ObjectRef, ResourceInfo } from './types.js';

export type ResourceResolver = (apiVersion: string, kind: string) => ResourceInfo | undefined;

/** A response body and its HTTP status. */
export interface RawResponse {
  status: number;
  body: unknown;
}

const STATUS = Symbol('httpStatus');

export class RawObjectApi extends KubernetesObjectApi {
  resolver: ResourceResolver = () => undefined;

  /** The context's namespace, for namespaced objects that name none (as kubectl does). */
  useContextNamespace(kubeconfig: KubeConfig): void {
    this.setDefaultNamespace(kubeconfig);
  }

  protected override async resource(apiVersion: string, kind: string): Promise<V1APIResource | undefined> {
    const info = this.resolver(apiVersion, kind);
    return info && { name: info.resource, kind: info.kind, namespaced: info.namespaced, verbs: info.verbs, singularName: '' };
  }

  protected override async processResponse<T extends KubernetesObject>(response: ResponseContext): Promise<T> {
    const text = await response.body.text();
    let body: unknown = text;
    try {
      body = text ? JSON.parse(text) : undefined;
    } catch {
      // Not JSON (a proxy's HTML error page, say): keep the text for the message.
    }
    if (response.httpStatusCode < 200 || response.httpStatusCode > 299) {
      throw new HttpStatusError(response.httpStatusCode, typeof body === 'object' ? body : { message: String(body ?? '').slice(0, 300) }, response.headers);
    }
    return { [STATUS]: response.httpStatusCode, body } as unknown as T;
  }

  /** GET of any path, e.g. discovery documents. */
  async getJson(path: string): Promise<unknown> {
    const context = this.configuration.baseServer.makeRequestContext(path, HttpMethod.GET);
    context.setHeaderParam('Accept', 'application/json');
    return unwrap(await this.requestPromise(context)).body;
  }

  async readObject(ref: ObjectRef): Promise<KubeObject> {
    return unwrap(await this.read(header(ref))).body as KubeObject;
  }

  async listObjects(apiVersion: string, kind: string, namespace: string | undefined, fieldSelector?: string, labelSelector?: string): Promise<unknown> {
    return unwrap(await this.list(apiVersion, kind, namespace, undefined, undefined, undefined, fieldSelector, labelSelector)).body;
  }

  async deleteObject(ref: ObjectRef, propagationPolicy?: string): Promise<void> {
    await this.delete(header(ref), undefined, undefined, undefined, undefined, propagationPolicy);
  }

  /** Server-side apply: PATCH with `application/apply-patch+yaml` (JSON is YAML), fieldManager and force as query parameters. */
  async applyObject(object: KubeObject, options: { fieldManager: string; force: boolean; dryRun: boolean }): Promise<RawResponse> {
    const path = await this.specUriPath(header(refOf(object)), 'patch');
    const context = this.configuration.baseServer.makeRequestContext(path, HttpMethod.PATCH);
    context.setHeaderParam('Accept', 'application/json');
    context.setHeaderParam('Content-Type', PatchStrategy.ServerSideApply);
    context.setQueryParam('fieldManager', options.fieldManager);
    if (options.force) context.setQueryParam('force', 'true');
    if (options.dryRun) context.setQueryParam('dryRun', 'All');
    context.setBody(JSON.stringify(object));
    return unwrap(await this.requestPromise(context));
  }
}

function unwrap(result: unknown): RawResponse {
  const r = result as { [STATUS]: number; body: unknown };
  return { status: r[STATUS], body: r.body };
}

function refOf(object: KubeObject): ObjectRef {
  return { apiVersion: object.apiVersion, kind: object.kind, name: object.metadata.name, namespace: object.metadata.namespace };
}

/** A fresh header object: client-node fills in defaults (namespace) on what it is given. */
function header(ref: ObjectRef): KubernetesObject & { apiVersion: string; kind: string; metadata: { name: string; namespace?: string } } {
  return { apiVersion: ref.apiVersion, kind: ref.kind, metadata: { name: ref.name, ...(ref.namespace ? { namespace: ref.namespace } : {}) } };
}
