/** docs/verify.md lists every built-in rule: its table is the one the registries generate. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { defaultRules } from '../../src/verify/engine.js';
import { ruleCatalog, rulesMarkdown } from '../../src/verify/report/index.js';

test('the rules table in docs/verify.md matches the rule registries', () => {
  const doc = readFileSync(fileURLToPath(new URL('../../../docs/verify.md', import.meta.url)), 'utf8');
  const table = /<!-- rules:start -->\n([\s\S]*?)\n+<!-- rules:end -->/.exec(doc)?.[1];
  const expected = rulesMarkdown(ruleCatalog(defaultRules(), []));
  // To refresh: node -e "import('./dist/src/verify/index.js').then((m) => console.log(m.rulesMarkdown(m.ruleCatalog(m.defaultRules(), []))))"
  assert.equal(table, expected);
});
