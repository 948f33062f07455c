/** Table tests for Service, Ingress, NetworkPolicy, ServiceMonitor and namespace rules. */
import { test } from 'node:test';
import type { JsonObject } from '../../src/core/json.js';
import { checkCase, denyAll, deployment, ingress, namespace, namespaced, rbac, service, type RuleCase } from './rules-fixtures.js';

const PATH0 = 'spec.rules[0].http.paths[0].backend';
const netpol = (name: string, spec: JsonObject, ns = 'shop'): JsonObject => namespaced('networking.k8s.io/v1', 'NetworkPolicy', name, { spec }, ns);
const monitor = (name: string, spec: JsonObject): JsonObject => namespaced('monitoring.coreos.com/v1', 'ServiceMonitor', name, { spec: { endpoints: [{ port: 'http' }], ...spec } });
const legacyIngress = (name: string, backend: JsonObject): JsonObject => ({
  apiVersion: 'extensions/v1beta1', kind: 'Ingress', metadata: { name, namespace: 'shop' },
  spec: { rules: [{ host: 'x.example.com', http: { paths: [{ path: '/', backend }] } }] },
});

const CASES: RuleCase[] = [
  {
    rule: 'hm/service-node-port',
    fail: [service('a', { type: 'NodePort' })],
    expect: ['Service/a spec.type'],
    pass: [service('a'), service('b', { type: 'LoadBalancer' })],
  },
  {
    rule: 'hm/service-external-ips',
    fail: [service('a', { externalIPs: ['203.0.113.7'] })],
    expect: ['Service/a spec.externalIPs'],
    pass: [service('a', { externalIPs: [] })],
  },
  {
    rule: 'hm/load-balancer-source-ranges',
    fail: [service('a', { type: 'LoadBalancer' })],
    expect: ['Service/a spec.loadBalancerSourceRanges'],
    pass: [service('a', { type: 'LoadBalancer', loadBalancerSourceRanges: ['10.0.0.0/8'] }), service('b')],
  },
  {
    rule: 'hm/service-selects-nothing',
    fail: [service('a'), service('b', {}, 'other'), deployment('b')],
    expect: ['Service/a spec.selector', 'Service/b spec.selector'],
    pass: [
      service('a'), deployment('a'),
      service('c', { selector: undefined }), service('d', { type: 'ExternalName', externalName: 'db.example.com' }),
      service('kube-dns-upstream', { selector: { 'k8s-app': 'kube-dns' } }, 'kube-system'),
    ],
  },
  {
    rule: 'hm/service-target-port',
    fail: [service('a', { ports: [{ name: 'http', port: 80, targetPort: 'http' }, { name: 'web', port: 81, targetPort: 'web' }] }), deployment('a')],
    expect: ['Service/a spec.ports[1].targetPort'],
    pass: [
      service('a', { ports: [{ port: 80, targetPort: 'http' }, { port: 81, targetPort: 8081 }, { port: 8080 }] }), deployment('a'),
      service('ghost', { ports: [{ port: 80, targetPort: 'nothing' }] }),
    ],
  },
  {
    rule: 'hm/ingress-backend-missing',
    fail: [
      ingress('a'),
      legacyIngress('b', { serviceName: 'b', servicePort: 80 }),
      namespaced('networking.k8s.io/v1', 'Ingress', 'c', { spec: { defaultBackend: { service: { name: 'c', port: { name: 'http' } } } } }),
    ],
    expect: [`Ingress/a ${PATH0}.service.name`, `Ingress/b ${PATH0}.serviceName`, 'Ingress/c spec.defaultBackend.service.name'],
    pass: [ingress('a'), service('a'), legacyIngress('b', { serviceName: 'a', servicePort: 'http' })],
  },
  {
    rule: 'hm/ingress-backend-port',
    fail: [
      ingress('a', { service: { name: 'a', port: { number: 8080 } } }), service('a'),
      ingress('b', { service: { name: 'b', port: { name: 'grpc' } } }), service('b'),
      legacyIngress('c', { serviceName: 'a', servicePort: 81 }),
    ],
    expect: [`Ingress/a ${PATH0}.service.port.number`, `Ingress/b ${PATH0}.service.port.name`, `Ingress/c ${PATH0}.servicePort`],
    pass: [
      ingress('a'), service('a'),
      ingress('b', { service: { name: 'b', port: { name: 'http' } } }), service('b'),
      ingress('ghost'),
    ],
  },
  {
    rule: 'hm/ingress-tls',
    fail: [namespaced('networking.k8s.io/v1', 'Ingress', 'a', { spec: { rules: [] } })],
    expect: ['Ingress/a spec.tls'],
    pass: [ingress('a')],
  },
  {
    rule: 'hm/default-deny-network-policy',
    fail: [
      namespace('shop'), deployment('a'), netpol('a-only', { podSelector: { matchLabels: { app: 'a' } }, policyTypes: ['Ingress'] }),
      deployment('b', { ns: 'team' }), deployment('c', { ns: 'team' }),
      deployment('d', { ns: 'egress' }), netpol('egress-only', { podSelector: {}, policyTypes: ['Egress'] }, 'egress'),
    ],
    expect: ['Namespace/shop metadata.name', 'Deployment/b metadata.namespace', 'Deployment/d metadata.namespace'],
    pass: [
      namespace('shop'), denyAll(), deployment('a'),
      deployment('b', { ns: 'team' }), netpol('isolate', { podSelector: {}, ingress: [{ from: [{ podSelector: {} }] }] }, 'team'),
      deployment('c', { ns: 'kube-system' }),
    ],
  },
  {
    rule: 'hm/network-policy-selects-nothing',
    fail: [netpol('a', { podSelector: { matchLabels: { app: 'ghost' } } }), deployment('a')],
    expect: ['NetworkPolicy/a spec.podSelector'],
    pass: [
      netpol('a', { podSelector: { matchLabels: { app: 'a' } } }), deployment('a'), denyAll(),
      netpol('dns', { podSelector: { matchLabels: { 'k8s-app': 'kube-dns' } } }, 'kube-system'),
    ],
  },
  {
    rule: 'hm/dangling-service-monitor',
    fail: [
      monitor('a', { selector: { matchLabels: { app: 'ghost' } } }),
      monitor('b', { selector: { matchLabels: { app: 'web' } }, namespaceSelector: { matchNames: ['other'] } }),
      service('web'),
    ],
    expect: ['ServiceMonitor/a spec.selector', 'ServiceMonitor/b spec.selector'],
    pass: [
      monitor('a', { selector: { matchLabels: { app: 'web' } } }), service('web'),
      monitor('b', { selector: { matchLabels: { app: 'db' } }, namespaceSelector: { any: true } }), service('db', {}, 'data'),
    ],
  },
  {
    rule: 'hm/default-namespace',
    fail: [
      deployment('a', { ns: 'default' }),
      { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'b' }, data: {} },
      { apiVersion: 'example.com/v1', kind: 'Widget', metadata: { name: 'c' } },
    ],
    expect: ['Deployment/a metadata.namespace', 'ConfigMap/b metadata.namespace', 'Widget/c metadata.namespace'],
    pass: [
      deployment('a'), namespace('shop'),
      rbac('ClusterRole', 'r', { rules: [] }),
      { apiVersion: 'cert-manager.io/v1', kind: 'ClusterIssuer', metadata: { name: 'letsencrypt' } },
      { apiVersion: 'admissionregistration.k8s.io/v1', kind: 'ValidatingAdmissionPolicy', metadata: { name: 'p' } },
      { apiVersion: 'apiextensions.k8s.io/v1', kind: 'CustomResourceDefinition', metadata: { name: 'gadgets.example.com' }, spec: { group: 'example.com', scope: 'Cluster', names: { kind: 'Gadget', plural: 'gadgets' } } },
      { apiVersion: 'example.com/v1', kind: 'Gadget', metadata: { name: 'g' } },
    ],
  },
];

for (const c of CASES) test(c.rule, () => checkCase(c));
