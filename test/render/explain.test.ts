import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { explainResource } from '../../src/render/index.js';
import { KustHarness } from '../harness/kust.js';

describe('explainResource', () => {
  const h = new KustHarness()
    .writeK('base', 'resources: [deploy.yaml]\nconfigMapGenerator:\n- name: cfg\n  literals: [a=b]\n')
    .writeF('base/deploy.yaml', `
apiVersion: apps/v1
kind: Deployment
metadata: {name: web}
spec:
  template:
    spec:
      containers:
      - name: web
        image: nginx:1.25
`)
    .writeK('prod', 'resources: [../base]\nnamespace: prod\nnamePrefix: prod-\nimages:\n- name: nginx\n  newTag: "1.27"\n');
  const [cfg, web] = h.render('prod').resources;

  it('names the source line, every change with the kustomization line that asked for it, and earlier ids', () => {
    assert.equal(
      explainResource(web!),
      `Deployment/prod/prod-web
  from       /app/base/deploy.yaml:1
  1. namespace   /app/prod/kustomization.yaml:2:1   namespace → prod
  2. namePrefix  /app/prod/kustomization.yaml:3:1   name web → prod-web
  3. images      /app/prod/kustomization.yaml:5:3   image nginx:1.25 → nginx:1.27
  previously Deployment/web, Deployment/prod/web
`,
    );
  });

  it('points generated objects at their generator stanza', () => {
    const text = explainResource(cfg!);
    assert.match(text, /^ConfigMap\/prod\/prod-cfg-4h2mbtbbt6\n {2}from {7}\/app\/base\/kustomization\.yaml:3:3 {3}\(generated, name hashed\)\n/);
    assert.match(text, /previously ConfigMap\/cfg, ConfigMap\/prod\/cfg, ConfigMap\/prod\/prod-cfg\n$/);
  });

  it('says when nothing changed an object', () => {
    const plain = new KustHarness().writeK('.', 'resources: [cm.yaml]\n').writeF('cm.yaml', 'apiVersion: v1\nkind: ConfigMap\nmetadata: {name: c}\n');
    assert.equal(explainResource(plain.render('.').resources[0]!), 'ConfigMap/c\n  from       /app/cm.yaml:1\n  unchanged since loaded\n');
  });
});
