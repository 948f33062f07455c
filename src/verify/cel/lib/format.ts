/**
 * Kubernetes format library (kubernetes.format, from 1.31): named string
 * validators. `validate` returns none when the value is valid, else the
 * list of problems.
 *
 *   format.dns1123Label().validate('My_Name').hasValue()   // true
 *   format.named('uuid').value().validate(x)
 */
import { Optional, type Environment } from '@marcbachmann/cel-js';
import { v, type CelLibrary } from '../library.js';

type Validator = (value: string) => string[];

const DNS1123_LABEL = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/;
const DNS1123_SUBDOMAIN = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$/;
const DNS1035_LABEL = /^[a-z]([-a-z0-9]*[a-z0-9])?$/;
const QUALIFIED_NAME_PART = /^([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]$/;
const LABEL_VALUE = /^(([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9])?$/;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const BASE64 = /^(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?$/;
const DATE = /^\d{4}-\d{2}-\d{2}$/;
const DATETIME = /^\d{4}-\d{2}-\d{2}[Tt ]\d{2}:\d{2}:\d{2}(\.\d+)?([Zz]|[+-]\d{2}:\d{2})$/;

function maxLength(value: string, max: number): string[] {
  return value.length > max ? [`must be no more than ${max} characters`] : [];
}

function pattern(re: RegExp, description: string, example: string): Validator {
  return (value) => (re.test(value) ? [] : [`${description} (e.g. ${example}, regex used for validation is '${re.source.slice(1, -1)}')`]);
}

const dns1123Label = pattern(DNS1123_LABEL, "a lowercase RFC 1123 label must consist of lower case alphanumeric characters or '-', and must start and end with an alphanumeric character", "'my-name', or '123-abc'");
const dns1123Subdomain = pattern(DNS1123_SUBDOMAIN, "a lowercase RFC 1123 subdomain must consist of lower case alphanumeric characters, '-' or '.', and must start and end with an alphanumeric character", "'example.com'");
const dns1035Label = pattern(DNS1035_LABEL, "a DNS-1035 label must consist of lower case alphanumeric characters or '-', start with an alphabetic character, and end with an alphanumeric character", "'my-name', or 'abc-123'");

/** For names that get a generated suffix: a trailing '-' is fine. */
function prefixOf(validate: Validator): Validator {
  return (value) => validate(value.endsWith('-') ? value.slice(0, -1) : value);
}

function qualifiedName(value: string): string[] {
  const parts = value.split('/');
  if (parts.length > 2) return ["a qualified name must consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character, with an optional DNS subdomain prefix and '/'"];
  const name = parts[parts.length - 1] as string;
  const problems: string[] = [];
  if (parts.length === 2) {
    const prefix = parts[0] as string;
    if (prefix === '') problems.push('prefix part must be non-empty');
    else problems.push(...maxLength(prefix, 253).map((p) => `prefix part ${p}`), ...dns1123Subdomain(prefix).map((p) => `prefix part ${p}`));
  }
  if (name === '') problems.push('name part must be non-empty');
  else if (name.length > 63) problems.push('name part must be no more than 63 characters');
  if (name !== '' && !QUALIFIED_NAME_PART.test(name)) problems.push("name part must consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character");
  return problems;
}

function isUri(value: string): boolean {
  try {
    // The OpenAPI "uri" format: an absolute URI.
    return /^[A-Za-z][A-Za-z0-9+.-]*:/.test(value) && Boolean(new URL(value));
  } catch {
    return false;
  }
}

const VALIDATORS: Record<string, Validator> = {
  dns1123Label: (s) => [...maxLength(s, 63), ...dns1123Label(s)],
  dns1123Subdomain: (s) => [...maxLength(s, 253), ...dns1123Subdomain(s)],
  dns1035Label: (s) => [...maxLength(s, 63), ...dns1035Label(s)],
  qualifiedName,
  dns1123LabelPrefix: prefixOf((s) => [...maxLength(s, 63), ...dns1123Label(s)]),
  dns1123SubdomainPrefix: prefixOf((s) => [...maxLength(s, 253), ...dns1123Subdomain(s)]),
  dns1035LabelPrefix: prefixOf((s) => [...maxLength(s, 63), ...dns1035Label(s)]),
  labelValue: (s) => [...maxLength(s, 63), ...(LABEL_VALUE.test(s) ? [] : ["a valid label must be an empty string or consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character"])],
  uri: (s) => (isUri(s) ? [] : ['invalid URI']),
  uuid: (s) => (UUID.test(s) ? [] : ['does not match the UUID format']),
  byte: (s) => (BASE64.test(s) ? [] : ['invalid base64']),
  date: (s) => (DATE.test(s) && !Number.isNaN(Date.parse(s)) ? [] : ['invalid date']),
  datetime: (s) => (DATETIME.test(s) && !Number.isNaN(Date.parse(s)) ? [] : ['invalid datetime']),
};

export class CelFormat {
  readonly celType = 'kubernetes.NamedFormat';
  constructor(readonly name: string, readonly validate: Validator) {}

  equals(other: unknown): boolean {
    return other instanceof CelFormat && other.name === this.name;
  }
}

class FormatNamespace {}

function install(env: Environment): void {
  env
    .registerType('Format', CelFormat)
    .registerType('FormatNamespace', FormatNamespace)
    .registerConstant('format', 'FormatNamespace', new FormatNamespace())
    .registerFunction('FormatNamespace.named(string): optional<Format>', (_ns: unknown, name: string) => {
      const validate = VALIDATORS[name];
      return validate ? Optional.of(new CelFormat(name, validate)) : Optional.none();
    })
    .registerFunction('Format.validate(string): optional<list<string>>', (f: CelFormat, value: string) => {
      const problems = f.validate(value);
      return problems.length === 0 ? Optional.none() : Optional.of(problems);
    });
  for (const [name, validate] of Object.entries(VALIDATORS)) {
    env.registerFunction(`FormatNamespace.${name}(): Format`, () => new CelFormat(name, validate));
  }
}

export const formatLibrary: CelLibrary = { name: 'kubernetes.format', since: v(1, 31), install };
