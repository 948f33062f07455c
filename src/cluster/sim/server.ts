/**
 * The HTTP front of one simulated cluster: routes Kubernetes REST requests
 * to discovery, read, write and watch handlers over the cluster's store,
 * counts requests by verb, applies injected faults, and tracks every socket,
 * timer and watch so that stop() leaves nothing behind.
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { emptyCounts, parseBody, readBody, send, verbOf, type SimRequestCounts } from './http-io.js';
import type { Socket } from 'node:net';
import type { SimDiscovery } from './discovery.js';
import { SimFaults, type SimVerb } from './faults.js';
import { getObject, listObjects } from './read-handlers.js';
import type { Reply, ResourceRequest } from './request.js';
import { parseRoute, type Route } from './routes.js';
import { handleScale } from './scale.js';
import { ApiError } from './status-errors.js';
import type { SimStore } from './store.js';
import { startWatch, WatchHub } from './watch.js';
import { createObject, deleteObject, patchObject, replaceObject } from './write-handlers.js';

export type { SimRequestCounts };

export interface SimServerOptions {
  host?: string;
  /** 0 (default): any free port. */
  port?: number;
  /** How often watches that allow bookmarks get one (default 10 s; 0 turns them off). */
  bookmarkIntervalMs?: number;
}

const NOT_FOUND = () => new ApiError('NotFound', 'the server could not find the requested resource');
const RESOURCE_VERB: Partial<Record<SimVerb, string>> = { get: 'get', list: 'list', watch: 'watch', create: 'create', update: 'update', patch: 'patch', delete: 'delete' };

export class SimApiServer {
  readonly faults: SimFaults;
  readonly #server: Server;
  readonly #sockets = new Set<Socket>();
  readonly #timers = new Set<NodeJS.Timeout>();
  readonly #watches: WatchHub;
  readonly #host: string;
  #port: number;
  #counts = emptyCounts();

  constructor(
    private readonly store: SimStore,
    private readonly discovery: SimDiscovery,
    options: SimServerOptions = {},
  ) {
    this.#host = options.host ?? '127.0.0.1';
    this.#port = options.port ?? 0;
    this.#watches = new WatchHub(options.bookmarkIntervalMs ?? 10_000);
    this.faults = new SimFaults({ down: () => this.#down(), up: () => this.#listen() });
    this.#server = createServer((req, res) => void this.#handle(req, res));
    this.#server.keepAliveTimeout = 5_000;
    this.#server.on('connection', (socket) => {
      this.#sockets.add(socket);
      socket.on('close', () => this.#sockets.delete(socket));
    });
  }

  get port(): number {
    return this.#port;
  }

  get url(): string {
    return `http://${this.#host}:${this.#port}`;
  }

  /** Requests received so far, by verb (faulted ones included, and counted again under `faulted`). */
  requests(): SimRequestCounts {
    return { ...this.#counts };
  }

  resetRequests(): void {
    this.#counts = emptyCounts();
  }

  /** Open watch streams. */
  get openWatches(): number {
    return this.#watches.size;
  }

  async start(): Promise<void> {
    await this.#listen();
  }

  /** Closes the listener, every watch, socket and pending timer. */
  async stop(): Promise<void> {
    await this.#down();
    for (const timer of this.#timers) clearTimeout(timer);
    this.#timers.clear();
  }

  #listen(): Promise<void> {
    return new Promise((resolve, reject) => {
      this.#server.once('error', reject);
      this.#server.listen(this.#port, this.#host, () => {
        this.#server.off('error', reject);
        const address = this.#server.address();
        if (address && typeof address === 'object') this.#port = address.port;
        resolve();
      });
    });
  }

  #down(): Promise<void> {
    return new Promise((resolve) => {
      this.#watches.closeAll();
      if (!this.#server.listening) {
        for (const socket of this.#sockets) socket.destroy();
        resolve();
        return;
      }
      this.#server.close(() => resolve());
      for (const socket of this.#sockets) socket.destroy();
    });
  }

  #delay(ms: number): Promise<void> {
    return new Promise((resolve) => {
      const timer = setTimeout(() => {
        this.#timers.delete(timer);
        resolve();
      }, ms);
      this.#timers.add(timer);
    });
  }

  async #handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    try {
      const url = new URL(req.url ?? '/', 'http://sim');
      const route = parseRoute(url.pathname);
      const method = (req.method ?? 'GET').toUpperCase();
      const verb = verbOf(method, route, url.searchParams);
      this.#counts[verb]++;
      this.#counts.total++;
      const contentType = String(req.headers['content-type'] ?? '').toLowerCase();
      const bodyText = method === 'GET' ? '' : await readBody(req);
      if (this.faults.latencyMs > 0) await this.#delay(this.faults.latencyMs);
      const fault = this.faults.take(verb);
      if (fault) {
        this.#counts.faulted++;
        throw fault;
      }
      if (!route) throw NOT_FOUND();
      if (route.type !== 'resource') {
        if (method !== 'GET') throw new ApiError('MethodNotAllowed', `the server does not allow this method on the requested resource`);
        this.#discoveryReply(res, route);
        return;
      }
      const request = this.#resourceRequest(route, url.searchParams, parseBody(bodyText, contentType), contentType, req.headers['user-agent']);
      if (verb === 'watch') {
        startWatch(request, res, this.#watches);
        return;
      }
      const reply = this.#dispatch(method, request);
      send(res, reply.code, reply.body);
    } catch (err) {
      const error = err instanceof ApiError ? err : new ApiError('InternalError', `Internal error occurred: ${err instanceof Error ? err.message : String(err)}`);
      send(res, error.code, error.toStatus(), error.headers);
    }
  }

  #discoveryReply(res: ServerResponse, route: Exclude<Route, { type: 'resource' }>): void {
    if (route.type === 'health') {
      res.writeHead(200, { 'Content-Type': 'text/plain' });
      res.end('ok');
      return;
    }
    const body =
      route.type === 'version'
        ? this.discovery.versionDocument()
        : route.type === 'api'
          ? this.discovery.coreVersionsDocument(`${this.#host}:${this.#port}`)
          : route.type === 'apis'
            ? this.discovery.groupListDocument()
            : route.type === 'group'
              ? this.discovery.groupDocument(route.group)
              : this.discovery.resourceListDocument(route.groupVersion);
    if (!body) throw NOT_FOUND();
    send(res, 200, body);
  }

  #resourceRequest(route: Extract<Route, { type: 'resource' }>, query: URLSearchParams, body: unknown, contentType: string, userAgent: string | undefined): ResourceRequest {
    const resource = this.discovery.resolve(route.groupVersion, route.resource);
    if (!resource) throw NOT_FOUND();
    const sub = route.subresource;
    if (sub !== undefined && !((sub === 'status' && resource.status) || (sub === 'scale' && resource.scale))) throw NOT_FOUND();
    return { store: this.store, discovery: this.discovery, resource, namespace: route.namespace, name: route.name, subresource: sub as 'status' | 'scale' | undefined, query, body, contentType, userAgent };
  }

  #dispatch(method: string, request: ResourceRequest): Reply {
    const verb = verbOf(method, { type: 'resource', groupVersion: '', resource: '', name: request.name }, request.query);
    const needed = method === 'DELETE' && !request.name ? 'deletecollection' : RESOURCE_VERB[verb];
    if (!request.subresource && needed && !request.resource.verbs.includes(needed)) throw new ApiError('MethodNotAllowed', `the server does not allow this method on the requested resource`);
    if (request.subresource === 'scale') return handleScale(method, request);
    switch (method) {
      case 'GET':
        return request.name ? getObject(request) : listObjects(request);
      case 'POST':
        if (request.subresource) throw new ApiError('MethodNotAllowed', 'the server does not allow this method on the requested resource');
        return createObject(request);
      case 'PUT':
        return replaceObject(request);
      case 'PATCH':
        return patchObject(request);
      case 'DELETE':
        if (request.subresource) throw new ApiError('MethodNotAllowed', 'the server does not allow this method on the requested resource');
        return deleteObject(request);
      default:
        throw new ApiError('MethodNotAllowed', `the server does not allow this method on the requested resource`);
    }
  }
}
