/**
 * One test per Pod Security control: which check fires, at which policy
 * versions, and the exact field paths it reports.
 */
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import type { JsonObject } from '../../src/core/json.js';
import { formatFieldPath } from '../../src/verify/finding.js';
import { checkPod, type Level, type PodInput, type PolicyVersion } from '../../src/verify/pss/index.js';

function pod(spec: JsonObject, metadata: JsonObject = { name: 'p' }): PodInput {
  return { spec, metadata };
}

/** checkId → formatted field paths, for every violation. */
function fieldPaths(input: PodInput, level: Level, version: PolicyVersion = 'latest'): Record<string, string[]> {
  const out: Record<string, string[]> = {};
  for (const v of checkPod(input, level, version)) out[v.checkId] = v.fields.map((f) => formatFieldPath(f.path));
  return out;
}

function checkIds(input: PodInput, level: Level, version: PolicyVersion = 'latest'): string[] {
  return checkPod(input, level, version).map((v) => v.checkId);
}

function detailOf(input: PodInput, level: Level, checkId: string, version: PolicyVersion = 'latest'): string | undefined {
  return checkPod(input, level, version).find((v) => v.checkId === checkId)?.detail;
}

/** A pod that passes restricted at every version. */
function restrictedPod(container: JsonObject = {}, extra: JsonObject = {}): JsonObject {
  return {
    securityContext: { runAsNonRoot: true, seccompProfile: { type: 'RuntimeDefault' } },
    containers: [{ name: 'app', image: 'x', securityContext: { allowPrivilegeEscalation: false, capabilities: { drop: ['ALL'] } }, ...container }],
    ...extra,
  };
}

function withSecurityContext(sc: JsonObject): JsonObject {
  const base = restrictedPod();
  const container = (base.containers as JsonObject[])[0]!;
  container.securityContext = { ...(container.securityContext as JsonObject), ...sc };
  return base;
}

test('a minimal pod passes baseline; the restricted-ready pod passes restricted at every version', () => {
  assert.deepEqual(checkIds(pod({ containers: [{ name: 'a', image: 'x' }] }), 'baseline'), []);
  for (let minor = 0; minor <= 40; minor++) assert.deepEqual(checkIds(pod(restrictedPod()), 'restricted', minor), [], `v1.${minor}`);
  assert.deepEqual(checkIds(pod({ hostNetwork: true, containers: [{ name: 'a', securityContext: { privileged: true } }] }), 'privileged'), []);
});

describe('baseline controls', () => {
  test('HostProcess: pod and container windowsOptions.hostProcess', () => {
    const p = pod({
      securityContext: { windowsOptions: { hostProcess: true } },
      containers: [{ name: 'a', securityContext: { windowsOptions: { hostProcess: true } } }],
    });
    assert.deepEqual(fieldPaths(p, 'baseline').windowsHostProcess, [
      'spec.securityContext.windowsOptions.hostProcess',
      'spec.containers[0].securityContext.windowsOptions.hostProcess',
    ]);
    assert.equal(detailOf(p, 'baseline', 'windowsHostProcess'), 'pod and container "a" must not set securityContext.windowsOptions.hostProcess=true');
  });

  test('Host Namespaces: hostNetwork, hostPID, hostIPC', () => {
    const p = pod({ hostNetwork: true, hostPID: false, hostIPC: true, containers: [{ name: 'a' }] });
    assert.deepEqual(fieldPaths(p, 'baseline'), { hostNamespaces: ['spec.hostNetwork', 'spec.hostIPC'] });
    assert.equal(detailOf(p, 'baseline', 'hostNamespaces'), 'hostNetwork=true, hostIPC=true');
  });

  test('Privileged: init, regular and ephemeral containers', () => {
    const sc = { securityContext: { privileged: true } };
    const p = pod({ initContainers: [{ name: 'i', ...sc }], containers: [{ name: 'a' }, { name: 'b', ...sc }], ephemeralContainers: [{ name: 'e', ...sc }] });
    assert.deepEqual(fieldPaths(p, 'baseline').privileged, [
      'spec.initContainers[0].securityContext.privileged',
      'spec.containers[1].securityContext.privileged',
      'spec.ephemeralContainers[0].securityContext.privileged',
    ]);
    assert.equal(detailOf(p, 'baseline', 'privileged'), 'containers "i", "b", "e" must not set securityContext.privileged=true');
  });

  test('Capabilities (baseline): only the default set may be added, names compared exactly', () => {
    const p = pod({ containers: [{ name: 'a', securityContext: { capabilities: { add: ['CHOWN', 'NET_RAW', 'CAP_CHOWN'] } } }] });
    assert.deepEqual(fieldPaths(p, 'baseline').capabilities_baseline, [
      'spec.containers[0].securityContext.capabilities.add[1]',
      'spec.containers[0].securityContext.capabilities.add[2]',
    ]);
    assert.equal(detailOf(p, 'baseline', 'capabilities_baseline'), 'container "a" must not include "CAP_CHOWN", "NET_RAW" in securityContext.capabilities.add');
  });

  test('HostPath Volumes: any hostPath source', () => {
    const p = pod({ containers: [{ name: 'a' }], volumes: [{ name: 'ok', emptyDir: {} }, { name: 'host', hostPath: { path: '/' } }, { name: 'nil', hostPath: null }] });
    assert.deepEqual(fieldPaths(p, 'baseline'), { hostPathVolumes: ['spec.volumes[1].hostPath'] });
  });

  test('Host Ports: non-zero hostPort; ports listed as upstream sorts them', () => {
    const p = pod({ containers: [{ name: 'a', ports: [{ containerPort: 80, hostPort: 9 }, { containerPort: 81, hostPort: 0 }, { containerPort: 82, hostPort: 10 }] }] });
    assert.deepEqual(fieldPaths(p, 'baseline').hostPorts, ['spec.containers[0].ports[0].hostPort', 'spec.containers[0].ports[2].hostPort']);
    assert.equal(detailOf(p, 'baseline', 'hostPorts'), 'container "a" uses hostPorts 10, 9');
  });

  test('AppArmor: annotations and appArmorProfile fields, at every version', () => {
    const key = 'container.apparmor.security.beta.kubernetes.io/a';
    const annotated = pod({ containers: [{ name: 'a' }] }, { annotations: { [key]: 'unconfined', 'container.apparmor.security.beta.kubernetes.io/b': 'localhost/foo' } });
    assert.deepEqual(fieldPaths(annotated, 'baseline', 0).appArmorProfile, [`metadata.annotations[${JSON.stringify(key)}]`]);
    const fields = pod({
      securityContext: { appArmorProfile: { type: 'Unconfined' } },
      containers: [{ name: 'a', securityContext: { appArmorProfile: { type: 'Localhost', localhostProfile: 'x' } } }, { name: 'b', securityContext: { appArmorProfile: {} } }],
    });
    assert.deepEqual(fieldPaths(fields, 'baseline', 0).appArmorProfile, [
      'spec.securityContext.appArmorProfile.type',
      'spec.containers[1].securityContext.appArmorProfile.type',
    ]);
    assert.equal(detailOf(fields, 'baseline', 'appArmorProfile'), 'pod and container "b" must not set AppArmor profile type to "", "Unconfined"');
  });

  test('SELinux: container_engine_t allowed from v1.31; user and role never', () => {
    const engine = pod({ containers: [{ name: 'a', securityContext: { seLinuxOptions: { type: 'container_engine_t' } } }] });
    assert.deepEqual(fieldPaths(engine, 'baseline', 30), { seLinuxOptions: ['spec.containers[0].securityContext.seLinuxOptions.type'] });
    assert.deepEqual(checkIds(engine, 'baseline', 31), []);
    const userRole = pod({ securityContext: { seLinuxOptions: { user: 'u', role: 'r', level: 's0' } }, containers: [{ name: 'a' }] });
    assert.deepEqual(fieldPaths(userRole, 'baseline').seLinuxOptions, ['spec.securityContext.seLinuxOptions.user', 'spec.securityContext.seLinuxOptions.role']);
    assert.equal(detailOf(userRole, 'baseline', 'seLinuxOptions'), 'pod set forbidden securityContext.seLinuxOptions: user may not be set; role may not be set');
  });

  test('/proc Mount Type: relaxed for user-namespace pods from v1.35 in baseline only', () => {
    const unmasked = (hostUsers?: boolean) => pod({ ...(hostUsers === undefined ? {} : { hostUsers }), containers: [{ name: 'a', securityContext: { procMount: 'Unmasked' } }] });
    assert.deepEqual(fieldPaths(unmasked(), 'baseline'), { procMount: ['spec.containers[0].securityContext.procMount'] });
    assert.deepEqual(checkIds(unmasked(false), 'baseline', 34), ['procMount']);
    assert.deepEqual(checkIds(unmasked(false), 'baseline', 35), []);
    assert.deepEqual(checkIds(unmasked(true), 'baseline', 35), ['procMount']);
    assert.deepEqual(checkIds(pod(withSecurityContext({ procMount: 'Unmasked' }), {}), 'restricted', 35), ['procMount_restricted']);
    assert.deepEqual(checkIds(pod({ ...withSecurityContext({ procMount: 'Unmasked' }), hostUsers: false }), 'restricted', 35), ['procMount_restricted']);
    assert.deepEqual(checkIds(pod(withSecurityContext({ procMount: 'Default' })), 'restricted'), []);
  });

  test('Seccomp (baseline): annotations before v1.19, fields from v1.19', () => {
    const annotations = { 'seccomp.security.alpha.kubernetes.io/pod': 'unconfined', 'container.seccomp.security.alpha.kubernetes.io/a': 'docker/default' };
    const annotated = pod({ containers: [{ name: 'a' }] }, { annotations });
    assert.deepEqual(fieldPaths(annotated, 'baseline', 18), { seccompProfile_baseline: ['metadata.annotations["seccomp.security.alpha.kubernetes.io/pod"]'] });
    assert.equal(detailOf(annotated, 'baseline', 'seccompProfile_baseline', 18), 'forbidden annotation seccomp.security.alpha.kubernetes.io/pod="unconfined"');
    assert.deepEqual(checkIds(annotated, 'baseline', 19), []);
    const field = pod({ containers: [{ name: 'a', securityContext: { seccompProfile: { type: 'Unconfined' } } }] });
    assert.deepEqual(checkIds(field, 'baseline', 18), []);
    assert.deepEqual(fieldPaths(field, 'baseline', 19), { seccompProfile_baseline: ['spec.containers[0].securityContext.seccompProfile.type'] });
  });

  test('Sysctls: the safe list grows with the version', () => {
    const sysctls = (name: string) => pod({ securityContext: { sysctls: [{ name: 'kernel.shm_rmid_forced', value: '0' }, { name, value: '1' }] }, containers: [{ name: 'a' }] });
    assert.deepEqual(fieldPaths(sysctls('net.ipv4.ip_local_reserved_ports'), 'baseline', 26), { sysctls: ['spec.securityContext.sysctls[1].name'] });
    assert.deepEqual(checkIds(sysctls('net.ipv4.ip_local_reserved_ports'), 'baseline', 27), []);
    assert.deepEqual(checkIds(sysctls('net.ipv4.tcp_keepalive_time'), 'baseline', 28), ['sysctls']);
    assert.deepEqual(checkIds(sysctls('net.ipv4.tcp_keepalive_time'), 'baseline', 29), []);
    assert.deepEqual(checkIds(sysctls('net.ipv4.tcp_wmem'), 'baseline', 31), ['sysctls']);
    assert.deepEqual(checkIds(sysctls('net.ipv4.tcp_wmem'), 'baseline', 32), []);
    assert.deepEqual(checkIds(sysctls('net.ipv4.tcp_notsent_lowat'), 'baseline', 36), ['sysctls']);
    assert.deepEqual(checkIds(sysctls('net.ipv4.tcp_notsent_lowat'), 'baseline', 'latest'), []);
    assert.deepEqual(checkIds(sysctls('kernel.msgmax'), 'baseline', 99), ['sysctls']);
  });

  test('Host Probes / Lifecycle Hooks: from v1.34', () => {
    const p = pod({
      containers: [{
        name: 'a',
        livenessProbe: { httpGet: { host: 'evil.example', port: 80 } },
        readinessProbe: { tcpSocket: { host: '', port: 80 } },
        lifecycle: { preStop: { tcpSocket: { host: '10.0.0.1', port: 1 } } },
      }],
    });
    assert.deepEqual(checkIds(p, 'baseline', 33), []);
    assert.deepEqual(fieldPaths(p, 'baseline', 34), {
      hostProbesAndHostLifecycle: ['spec.containers[0].livenessProbe.httpGet.host', 'spec.containers[0].lifecycle.preStop.tcpSocket.host'],
    });
    assert.equal(detailOf(p, 'baseline', 'hostProbesAndHostLifecycle'), 'container "a" uses probe or lifecycle hosts "10.0.0.1", "evil.example"');
  });
});

describe('restricted controls', () => {
  test('Volume Types: only core types; a volume with no source defaults to emptyDir', () => {
    const p = pod(restrictedPod({}, {
      volumes: [{ name: 'none' }, { name: 'img', image: { reference: 'r' } }, { name: 'share', nfs: { server: 's', path: '/' } }, { name: 'host', hostPath: { path: '/' } }],
    }));
    assert.deepEqual(fieldPaths(p, 'restricted'), { restrictedVolumes: ['spec.volumes[2].nfs', 'spec.volumes[3].hostPath'] });
    assert.equal(detailOf(p, 'restricted', 'restrictedVolumes'), 'volumes "share", "host" use restricted volume types "hostPath", "nfs"');
    assert.deepEqual(checkIds(p, 'baseline'), ['hostPathVolumes']);
  });

  test('Privilege Escalation: from v1.8; Windows pods exempt from v1.25', () => {
    const p = pod(withSecurityContext({ allowPrivilegeEscalation: null }));
    assert.deepEqual(checkIds(p, 'restricted', 7), []);
    assert.deepEqual(fieldPaths(p, 'restricted', 8), { allowPrivilegeEscalation: ['spec.containers[0].securityContext.allowPrivilegeEscalation'] });
    const windows = pod({ os: { name: 'windows' }, securityContext: { runAsNonRoot: true }, containers: [{ name: 'a' }] });
    assert.deepEqual(checkIds(windows, 'restricted', 24), ['allowPrivilegeEscalation', 'capabilities_restricted', 'seccompProfile_restricted']);
    assert.deepEqual(checkIds(windows, 'restricted', 25), []);
  });

  test('Running as Non-root: explicit false reported before missing; user namespaces exempt from v1.35', () => {
    const explicit = pod({ ...restrictedPod(), securityContext: { runAsNonRoot: true, seccompProfile: { type: 'RuntimeDefault' } }, initContainers: [{ name: 'i', securityContext: { runAsNonRoot: false, allowPrivilegeEscalation: false, capabilities: { drop: ['ALL'] } } }] });
    assert.deepEqual(fieldPaths(explicit, 'restricted'), { runAsNonRoot: ['spec.initContainers[0].securityContext.runAsNonRoot'] });
    const missing = pod({ ...restrictedPod(), securityContext: { seccompProfile: { type: 'RuntimeDefault' } } });
    assert.deepEqual(fieldPaths(missing, 'restricted'), { runAsNonRoot: ['spec.containers[0].securityContext.runAsNonRoot'] });
    assert.equal(detailOf(missing, 'restricted', 'runAsNonRoot'), 'pod or container "app" must set securityContext.runAsNonRoot=true');
    const userNamespace = pod({ ...missing.spec, hostUsers: false });
    assert.deepEqual(checkIds(userNamespace, 'restricted', 34), ['runAsNonRoot']);
    assert.deepEqual(checkIds(userNamespace, 'restricted', 35), []);
  });

  test('Running as Non-root user: runAsUser=0 from v1.23', () => {
    const p = pod({ ...restrictedPod(), securityContext: { runAsNonRoot: true, runAsUser: 0, seccompProfile: { type: 'RuntimeDefault' } } });
    assert.deepEqual(checkIds(p, 'restricted', 22), []);
    assert.deepEqual(fieldPaths(p, 'restricted', 23), { runAsUser: ['spec.securityContext.runAsUser'] });
    assert.deepEqual(checkIds(pod({ ...p.spec, hostUsers: false }), 'restricted', 35), []);
  });

  test('Seccomp (restricted): must be set; replaces the baseline check, which Windows pods then escape', () => {
    const missing = pod({ ...restrictedPod(), securityContext: { runAsNonRoot: true } });
    assert.deepEqual(checkIds(missing, 'restricted', 18), []);
    assert.deepEqual(fieldPaths(missing, 'restricted', 19), { seccompProfile_restricted: ['spec.containers[0].securityContext.seccompProfile'] });
    const windowsUnconfined = pod({ os: { name: 'windows' }, securityContext: { runAsNonRoot: true, seccompProfile: { type: 'Unconfined' } }, containers: [{ name: 'a' }] });
    assert.deepEqual(checkIds(windowsUnconfined, 'baseline'), ['seccompProfile_baseline']);
    assert.deepEqual(checkIds(windowsUnconfined, 'restricted'), []);
  });

  test('Capabilities (restricted): drop ALL, add only NET_BIND_SERVICE, from v1.22', () => {
    const p = pod(withSecurityContext({ capabilities: { drop: ['NET_RAW'], add: ['NET_BIND_SERVICE', 'CHOWN'] } }));
    assert.deepEqual(fieldPaths(p, 'restricted', 21), {});
    assert.deepEqual(fieldPaths(p, 'restricted', 22), {
      capabilities_restricted: ['spec.containers[0].securityContext.capabilities.drop', 'spec.containers[0].securityContext.capabilities.add[1]'],
    });
    assert.equal(
      detailOf(p, 'restricted', 'capabilities_restricted'),
      'container "app" must set securityContext.capabilities.drop=["ALL"]; container "app" must not include "CHOWN" in securityContext.capabilities.add',
    );
    const rawAdd = pod(withSecurityContext({ capabilities: { drop: ['ALL'], add: ['NET_RAW'] } }));
    assert.deepEqual(checkIds(rawAdd, 'restricted', 21), ['capabilities_baseline']);
    assert.deepEqual(checkIds(rawAdd, 'restricted', 22), ['capabilities_restricted']);
  });
});
