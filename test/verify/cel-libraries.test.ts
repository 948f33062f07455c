/**
 * The Kubernetes CEL libraries on our runtime: the examples of the
 * apiserver's library documentation, edge cases of the Go semantics they
 * inherit (RE2, net/url, netip, resource.Quantity, semver), and which
 * Kubernetes version offers what.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { celEnvironment, fromCel, toCel } from '../../src/verify/cel/index.js';
import { formatDouble, toFixedEven } from '../../src/verify/cel/string-format.js';

const latest = celEnvironment({ variables: { object: 'dyn' } });

function run(expression: string, object: unknown = {}, env = latest): unknown {
  const compiled = env.compile(expression);
  if (!compiled.ok) throw new Error(`does not compile: ${expression}: ${compiled.message}`);
  return fromCel(compiled.program.evaluate({ object }));
}

/** Every case is `expression → expected JSON value`, or `'error'` when it does not compile or fails at evaluation. */
function check(cases: [string, unknown][], object: unknown = {}): void {
  for (const [expression, expected] of cases) {
    if (expected === 'error') assert.throws(() => run(expression, object), Error, expression);
    else assert.deepEqual(run(expression, object), expected, expression);
  }
}

test('regex: find and findAll with Go (RE2) leftmost-first semantics; matches is RE2', () => {
  check([
    ["'abc 123'.find('[0-9]+')", '123'],
    ["'abc 123'.find('xyz')", ''],
    ["'123 abc 456'.findAll('[0-9]+')", ['123', '456']],
    ["'123 abc 456'.findAll('[0-9]+', 1)", ['123']],
    ["'123 abc 456'.findAll('xyz')", []],
    ["'abc'.findAll('b*')", ['', 'b', '']],
    ["'ab'.find('a|ab')", 'a'],
    ["'aaa'.find('a+?')", 'a'],
    ["'héllo wörld'.findAll('[^ ]+')", ['héllo', 'wörld']],
    ["'x-1 y-22'.findAll('\\\\b[a-z]-[0-9]+\\\\b')", ['x-1', 'y-22']],
    ["'a\\nb'.matches('a.b')", false],
    ["'a\\nb'.matches('(?s)a.b')", true],
    ["'ABC'.matches('(?i)^abc$')", true],
    ["'x'.findAll('', 0)", []],
  ]);
  const env = latest;
  for (const pattern of ['^a(?=b)', '(a)\\1', '(?<!x)y']) {
    const compiled = env.compile(`'ab'.matches('${pattern.replace(/\\/g, '\\\\')}')`);
    assert.equal(compiled.ok, false, `RE2 refuses ${pattern}`);
  }
  // A pattern only known at run time fails at run time.
  assert.throws(() => run("'ab'.find(object.p)", { p: '(?=b)' }));
});

test('url: Go net/url parsing, the documented examples', () => {
  check([
    ["url('https://user:pass@example.com:80/path?query=val#fragment').getScheme()", 'https'],
    ["url('/absolute-path').getScheme()", ''],
    ["url('https://example.com:80/').getHost()", 'example.com:80'],
    ["url('https://example.com/').getHost()", 'example.com'],
    ["url('https://[::1]:80/').getHost()", '[::1]:80'],
    ["url('https://[::1]/').getHost()", '[::1]'],
    ["url('/path').getHost()", ''],
    ["url('https://example.com:80/').getHostname()", 'example.com'],
    ["url('https://127.0.0.1:80/').getHostname()", '127.0.0.1'],
    ["url('https://[::1]:80/').getHostname()", '::1'],
    ["url('https://example.com:80/').getPort()", '80'],
    ["url('https://example.com/').getPort()", ''],
    ["url('https://example.com/path').getEscapedPath()", '/path'],
    ["url('https://example.com/path with spaces/').getEscapedPath()", '/path%20with%20spaces/'],
    ["url('https://example.com').getEscapedPath()", ''],
    ["url('https://example.com/a%2Fb').getEscapedPath()", '/a%2Fb'],
    ["url('https://example.com/path?k1=a&k2=b&k2=c').getQuery()", { k1: ['a'], k2: ['b', 'c'] }],
    ["url('https://example.com/path?key with spaces=value with spaces').getQuery()", { 'key with spaces': ['value with spaces'] }],
    ["url('https://example.com/path?').getQuery()", {}],
    ["url('https://example.com/path').getQuery()", {}],
    ["isURL('https://user:pass@example.com:80/path?query=val#fragment')", true],
    ["isURL('/absolute-path')", true],
    ["isURL('https://a:b:c/')", false],
    ["isURL('../relative-path')", false],
    ["isURL('https://exa mple.com/')", false],
    ["isURL('mailto:someone@example.com')", true],
    ["url('../relative-path')", 'error'],
    ["url('https://example.com/') == url('https://example.com/')", true],
  ]);
});

test('ip and cidr: Go netip rules, the documented examples', () => {
  check([
    ["ip('127.0.0.1').family()", 4],
    ["ip('::1').family()", 6],
    ["isIP('127.0.0.256')", false],
    ["isIP(':::1')", false],
    ["isIP('010.0.0.1')", false],
    ["isIP('::ffff:1.2.3.4')", false],
    ["isIP('fe80::1%eth0')", false],
    ["ip.isCanonical('127.0.0.1')", true],
    ["ip.isCanonical('2001:db8::abcd')", true],
    ["ip.isCanonical('2001:DB8::ABCD')", false],
    ["ip.isCanonical('2001:db8::0:0:0:abcd')", false],
    ["string(ip('2001:db8:0:0:1:0:0:1'))", '2001:db8::1:0:0:1'],
    ["ip('0.0.0.0').isUnspecified()", true],
    ["ip('::').isUnspecified()", true],
    ["ip('127.0.0.1').isLoopback()", true],
    ["ip('2001:db8::abcd').isLoopback()", false],
    ["ip('224.0.0.1').isLinkLocalMulticast()", true],
    ["ip('224.0.1.1').isLinkLocalMulticast()", false],
    ["ip('ff02::1').isLinkLocalMulticast()", true],
    ["ip('169.254.169.254').isLinkLocalUnicast()", true],
    ["ip('fe80::1').isLinkLocalUnicast()", true],
    ["ip('fd80::1').isLinkLocalUnicast()", false],
    ["ip('192.168.0.1').isGlobalUnicast()", true],
    ["ip('255.255.255.255').isGlobalUnicast()", false],
    ["ip('ff00::1').isGlobalUnicast()", false],
    ["cidr('192.168.0.0/24').containsIP(ip('192.168.0.1'))", true],
    ["cidr('192.168.0.0/24').containsIP('192.168.1.1')", false],
    ["cidr('192.168.0.0/24').containsCIDR(cidr('192.168.0.0/25'))", true],
    ["cidr('192.168.0.0/24').containsCIDR('192.168.0.0/23')", false],
    ["cidr('2001:db8::/32').containsIP('2001:db8::1')", true],
    ["cidr('2001:db8::/32').containsIP('192.168.0.1')", false],
    ["string(cidr('192.168.0.1/24').masked())", '192.168.0.0/24'],
    ["string(cidr('2001:db8:1::/32').masked())", '2001:db8::/32'],
    ["cidr('192.168.0.0/24').ip() == ip('192.168.0.0')", true],
    ["cidr('2001:db8::/32').prefixLength()", 32],
    ["isCIDR('192.168.0.0/')", false],
    ["isCIDR('192.168.0.0/33')", false],
    ["isCIDR('192.168.0.0/08')", false],
    ["cidr('192.168.0.0/')", 'error'],
  ]);
});

test('quantity: apimachinery parsing and exact arithmetic, the documented examples', () => {
  check([
    ["isQuantity('1.3G')", true],
    ["isQuantity('1.3Gi')", true],
    ["isQuantity('1,3G')", false],
    ["isQuantity('10000k')", true],
    ["isQuantity('200K')", false],
    ["isQuantity('Three')", false],
    // The upstream comment says false, but ParseQuantity reads a bare suffix as zero.
    ["isQuantity('Mi')", true],
    ["isQuantity('1e3')", true],
    ["isQuantity('1e')", false],
    ["isQuantity(' 1')", false],
    ["quantity('50000000G').isInteger()", true],
    ["quantity('50k').isInteger()", true],
    ["quantity('9999999999999999999999999999999999999G').isInteger()", false],
    ["quantity('9999999999999999999999999999999999999G').asInteger()", 'error'],
    ["quantity('50k').asInteger() == 50000", true],
    ["quantity('50k').sub(20000).asApproximateFloat() == 30000.0", true],
    ["quantity('50k').add(quantity('20k')) == quantity('70k')", true],
    ["quantity('50k').add(20) == quantity('50020')", true],
    ["quantity('50k').sub(quantity('20k')) == quantity('30k')", true],
    ["quantity('50k').add(20).sub(quantity('100k')).sub(-50000) == quantity('20')", true],
    ["quantity('200M').compareTo(quantity('0.2G'))", 0],
    ["quantity('50M').compareTo(quantity('50Mi'))", -1],
    ["quantity('50Mi').compareTo(quantity('50M'))", 1],
    ["quantity('150Mi').isGreaterThan(quantity('100Mi'))", true],
    ["quantity('50M').isLessThan(quantity('100M'))", true],
    ["quantity('100m').isInteger()", false],
    ["quantity('1000m').isInteger()", false],
    ["quantity('1.5Gi').isInteger()", false],
    ["quantity('1k').add(quantity('500m')).sub(quantity('500m')).isInteger()", false],
    ["quantity('1k').add(24).asInteger()", 1024],
    ["quantity('1500m') == quantity('1.5')", true],
    ["quantity('0.1n').compareTo(quantity('1n'))", 0],
    ["quantity('-1').sign()", -1],
    ["sign(quantity('0'))", 0],
    ["quantity('1Ki').asInteger()", 1024],
    ["quantity('1e-3') == quantity('1m')", true],
  ]);
});

test('semver: blang/semver parsing, normalisation and precedence', () => {
  check([
    ["isSemver('1.0.0')", true],
    ["isSemver('hello')", false],
    ["isSemver('v1.0')", false],
    ["isSemver('v1.0', true)", true],
    ["isSemver('01.01.01')", false],
    ["semver('01.01.01', true) == semver('1.1.1')", true],
    ["semver('1.0', true).patch()", 0],
    ["semver('1.2.3').major()", 1],
    ["semver('1.2.3').compareTo(semver('2.0.0'))", -1],
    ["semver('1.2.3').compareTo(semver('0.1.2'))", 1],
    ["semver('1.0.0-alpha').isLessThan(semver('1.0.0-alpha.1'))", true],
    ["semver('1.0.0-alpha.beta').isLessThan(semver('1.0.0-beta'))", true],
    ["semver('1.0.0-beta.2').isLessThan(semver('1.0.0-beta.11'))", true],
    ["semver('1.0.0-rc.1').isLessThan(semver('1.0.0'))", true],
    ["semver('1.0.0+build.1') == semver('1.0.0')", true],
    ["semver('1.0.0-01')", 'error'],
  ]);
});

test('lists, sets and two-variable comprehensions', () => {
  check([
    ['[1, 2, 3].isSorted()', true],
    ["['a', 'b', 'b', 'c'].isSorted()", true],
    ['[2.0, 1.0].isSorted()', false],
    ['[1, 3].sum()', 4],
    ['[1.0, 3.0].sum()', 4],
    ['[].sum()', 0],
    ['[1, 3].min()', 1],
    ['[1, 3].max()', 3],
    ['[].min()', 'error'],
    ['[1, 2, 2, 3].indexOf(2)', 1],
    ["['a', 'b', 'b', 'c'].lastIndexOf('b')", 2],
    ['[1.0].indexOf(1.1)', -1],
    ['sets.contains([1, 2, 3, 4], [2, 3])', true],
    ['sets.contains([1, 2], [3])', false],
    ['sets.equivalent([1, 2, 3], [3, 2, 1, 1])', true],
    ['sets.intersects([1, 2], [2, 5])', true],
    ["{'a': 1, 'b': 2}.all(k, v, v > 0 && k != '')", true],
    ['[10, 20, 30].exists(i, v, i == 2 && v == 30)', true],
    ['[1, 2, 1].existsOne(i, v, v == 2)', true],
    ['[1, 2, 3].transformList(i, v, v * 10)', [10, 20, 30]],
    ['[1, 2, 3].transformList(i, v, i > 0, v * 10)', [20, 30]],
    ["{'a': 1, 'b': 2}.transformMap(k, v, v + 1)", { a: 2, b: 3 }],
    ["{'a': 1, 'b': 2}.transformMap(k, v, v > 1, k)", { b: 'b' }],
    ["{'a': 'x', 'b': 'y'}.transformMapEntry(k, v, {v: k})", { x: 'a', y: 'b' }],
    ["{'a': 'x', 'b': 'x'}.transformMapEntry(k, v, {v: k})", 'error'],
    ['[1, 2, 3, 4].slice(1, 3)', [2, 3]],
    ['[1, 2].slice(1, 3)', 'error'],
    ["['b', 'a', 'b'].distinct().sort()", ['a', 'b']],
    ['[1, 2, 3].reverse()', [3, 2, 1]],
    ["[{'n': 'b'}, {'n': 'a'}].sortBy(x, x.n).map(x, x.n)", ['a', 'b']],
    ['[7, 8].first().value() + [7, 8].last().value()', 15],
    ['[].first().hasValue()', false],
    ['lists.range(3)', [0, 1, 2]],
    ["[dyn(1), dyn('a')].sort()", 'error'],
  ]);
  check([
    ['object.nested.flatten()', [1, [2], 3]],
    ['object.nested.flatten(2)', [1, 2, 3]],
  ], toCel({ nested: [[1, [2]], [3]] }));
});

test('strings extension: code points, ASCII-only case mapping, Go Replace/SplitN, format and quote', () => {
  check([
    ["'hello'.charAt(4)", 'o'],
    ["'hello'.charAt(5)", ''],
    ["'hello'.charAt(6)", 'error'],
    ["'tacocat'.indexOf('a')", 1],
    ["'tacocat'.indexOf('a', 3)", 5],
    ["'a😀b😀c'.indexOf('c')", 4],
    ["'a😀b😀c'.lastIndexOf('😀')", 3],
    ["'TacoCat'.lowerAscii()", 'tacocat'],
    ["'ÀÉ ab'.upperAscii()", 'ÀÉ AB'],
    ["'hello hello'.replace('he', 'we')", 'wello wello'],
    ["'hello hello'.replace('he', 'we', 1)", 'wello hello'],
    ["'ab'.replace('', '-')", '-a-b-'],
    ["'hello hello'.split(' ')", ['hello', 'hello']],
    ["'a,b,c'.split(',', 2)", ['a', 'b,c']],
    ["'a,b'.split(',', 0)", []],
    ["'😀ab'.split('')", ['😀', 'a', 'b']],
    ["'tacocat'.substring(4)", 'cat'],
    ["'tacocat'.substring(0, 4)", 'taco'],
    ["'tacocat'.substring(4, 2)", 'error'],
    ["' \\ttrim\\u00a0'.trim()", 'trim'],
    ["'\\ufeffbom'.trim()", '\ufeffbom'],
    ["['a', 'b'].join('-')", 'a-b'],
    ["'%s has %d items'.format(['cart', 3])", 'error'],
    ["'%s has %d items'.format([dyn('cart'), dyn(3)])", 'cart has 3 items'],
    ["'%.1f|%e|%.0f%%'.format([2.25, 1052.0, 99.5])", '2.2|1.052000e+03|100%'],
    ["'%x|%X|%o|%b'.format([255, 255, 8, 5])", 'ff|FF|10|101'],
    ["strings.quote('a\"b\\n')", '"a\\"b\\n"'],
  ]);
  assert.equal(toFixedEven(2.5, 0), '2');
  assert.equal(toFixedEven(3.5, 0), '4');
  assert.equal(toFixedEven(-123.4999, 3), '-123.500');
  assert.equal(formatDouble(Number.NaN), 'NaN');
});

test('optionals, has() on any select, and cross-type numeric comparison of manifest numbers', () => {
  const object = toCel({ spec: { replicas: 3, ratio: 0.5, containers: [{ name: 'a' }], labels: { 'app.kubernetes.io/name': 'x' } } });
  check([
    ['object.?spec.?replicas.orValue(1)', 3],
    ['object.?spec.?missing.orValue(1)', 1],
    ["object.spec.?labels[?'app.kubernetes.io/name'].orValue('')", 'x'],
    ['optional.of(2).optMap(x, x * 2).value()', 4],
    ['optional.none().optMap(x, x * 2).hasValue()', false],
    ['optional.of(2).optFlatMap(x, optional.none()).hasValue()', false],
    ["optional.ofNonZeroValue('').hasValue()", false],
    ['optional.of(1) == optional.of(1)', true],
    ['has(object.spec.containers[0].name)', true],
    ['has(object.spec.containers[0].image)', false],
    ['object.spec.replicas > 2.5', true],
    ['object.spec.ratio < 1', true],
    ['object.spec.missing', 'error'],
    ['object.spec.missing == 1 || true', true],
  ], object);
});

test('Kubernetes versions: each library appears in the release that introduced it', () => {
  const compiles = (version: string, expression: string) =>
    celEnvironment({ kubernetesVersion: version, variables: { object: 'dyn' } }).compile(expression).ok;
  const firstVersion: [string, string][] = [
    ["'a'.find('a')", '1.0'],
    ["url('/x').getPath() == ''", 'never'],
    ["isURL('/x')", '1.0'],
    ['[1].isSorted()', '1.0'],
    ["authorizer_free == 1 || quantity('1').isInteger()", 'never'],
    ["quantity('1').isInteger()", '1.28'],
    ['object.?spec.orValue(1) == 1', '1.28'],
    ["'%s'.format(['a'])", '1.29'],
    ["strings.quote('a') == 'a'", '1.29'],
    ['sets.contains([1], [1])', '1.29'],
    ["ip('::1').family() == 6", '1.30'],
    ["cidr('::/0').prefixLength() == 0", '1.30'],
    ["format.dns1123Label().validate('a').hasValue()", '1.31'],
    ['[1].all(i, v, v > 0)', '1.32'],
    ["semver('1.0.0').major() == 1", '1.33'],
    ['[[1], [2, 3]].flatten().size() == 3', '1.34'],
    ["'abc'.reverse() == 'cba'", 'never'],
  ];
  const versions = ['1.27', '1.28', '1.29', '1.30', '1.31', '1.32', '1.33', '1.34'];
  for (const [expression, since] of firstVersion) {
    for (const version of versions) {
      const expected = since !== 'never' && Number(version.split('.')[1]) >= Number(since.split('.')[1]);
      assert.equal(compiles(version, expression), expected, `${expression} on ${version}`);
    }
  }
  // Regex literals are checked when compiling from 1.29 on, at run time before.
  assert.equal(compiles('1.28', "'a'.matches('(?=a)')"), true);
  assert.equal(compiles('1.29', "'a'.matches('(?=a)')"), false);
});

test('format library: named validators', () => {
  check([
    ["format.dns1123Label().validate('my-name').hasValue()", false],
    ["format.dns1123Label().validate('My_Name').hasValue()", true],
    ["format.dns1123Subdomain().validate('example.com').hasValue()", false],
    ["format.dns1035Label().validate('1abc').hasValue()", true],
    ["format.qualifiedName().validate('example.com/name').hasValue()", false],
    ["format.labelValue().validate('').hasValue()", false],
    ["format.uuid().validate('123e4567-e89b-12d3-a456-426614174000').hasValue()", false],
    ["format.named('dns1123Label').hasValue()", true],
    ["format.named('nope').hasValue()", false],
  ]);
});
