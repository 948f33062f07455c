/**
 * Kubernetes label-selector expressions (`app=web,tier!=db,env in (a,b),!x`),
 * as kustomize parses them for `labelSelector` and `annotationSelector`.
 * Follows apimachinery's labels.Parse: same tokens, same validation, same
 * matching (`!=` and `notin` match objects that lack the key).
 */

export type SelectorOperator = 'exists' | '!' | '=' | '==' | '!=' | 'in' | 'notin' | 'gt' | 'lt';

export interface Requirement {
  key: string;
  operator: SelectorOperator;
  values: string[];
}

/** Thrown for a malformed expression; callers turn it into a diagnostic. */
export class SelectorSyntaxError extends Error {}

type TokenKind = 'id' | '!' | '!=' | '=' | '==' | '(' | ')' | ',' | '<' | '>' | 'in' | 'notin' | 'end';
interface Token {
  kind: TokenKind;
  text: string;
}

const SPECIAL = new Set(['!', '=', '(', ')', ',', '<', '>']);

function tokenize(input: string): Token[] {
  const tokens: Token[] = [];
  let i = 0;
  while (i < input.length) {
    const ch = input[i] as string;
    if (/\s/.test(ch)) {
      i++;
    } else if (SPECIAL.has(ch)) {
      const two = input.slice(i, i + 2);
      if (two === '!=' || two === '==') {
        tokens.push({ kind: two, text: two });
        i += 2;
      } else {
        tokens.push({ kind: ch as TokenKind, text: ch });
        i++;
      }
    } else {
      let j = i;
      while (j < input.length && !SPECIAL.has(input[j] as string) && !/\s/.test(input[j] as string)) j++;
      const text = input.slice(i, j);
      const kind: TokenKind = text === 'in' ? 'in' : text === 'notin' ? 'notin' : 'id';
      tokens.push({ kind, text });
      i = j;
    }
  }
  tokens.push({ kind: 'end', text: '' });
  return tokens;
}

const NAME_PART = /^[A-Za-z0-9]([-A-Za-z0-9_.]*[A-Za-z0-9])?$/;
const DNS_SUBDOMAIN = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$/;

function validateKey(key: string): void {
  const slash = key.lastIndexOf('/');
  const name = slash < 0 ? key : key.slice(slash + 1);
  const prefix = slash < 0 ? '' : key.slice(0, slash);
  if (slash >= 0 && (prefix.length === 0 || prefix.length > 253 || !DNS_SUBDOMAIN.test(prefix))) {
    throw new SelectorSyntaxError(`invalid label key "${key}": prefix must be a DNS subdomain`);
  }
  if (name.length === 0 || name.length > 63 || !NAME_PART.test(name)) {
    throw new SelectorSyntaxError(`invalid label key "${key}": name part must be a qualified name`);
  }
}

function validateValue(value: string): void {
  if (value === '') return;
  if (value.length > 63 || !NAME_PART.test(value)) {
    throw new SelectorSyntaxError(`invalid label value "${value}"`);
  }
}

class Parser {
  private pos = 0;
  constructor(private readonly tokens: Token[]) {}

  private peek(): Token {
    return this.tokens[this.pos] as Token;
  }

  private next(): Token {
    const t = this.peek();
    if (t.kind !== 'end') this.pos++;
    return t;
  }

  parse(): Requirement[] {
    const out: Requirement[] = [];
    for (;;) {
      const t = this.peek();
      if (t.kind === 'end') return out;
      if (t.kind !== 'id' && t.kind !== '!') throw new SelectorSyntaxError(`found '${t.text}', expected: !, identifier, or 'end of string'`);
      out.push(this.requirement());
      const after = this.next();
      if (after.kind === 'end') return out;
      if (after.kind !== ',') throw new SelectorSyntaxError(`found '${after.text}', expected: ',' or 'end of string'`);
      if (this.peek().kind === 'end') throw new SelectorSyntaxError("found 'end of string', expected: identifier after ','");
    }
  }

  private requirement(): Requirement {
    let negated = false;
    if (this.peek().kind === '!') {
      this.next();
      negated = true;
    }
    const keyToken = this.next();
    if (keyToken.kind !== 'id') throw new SelectorSyntaxError(`found '${keyToken.text}', expected: identifier`);
    validateKey(keyToken.text);
    const key = keyToken.text;
    const ahead = this.peek().kind;
    if (negated) return { key, operator: '!', values: [] };
    if (ahead === 'end' || ahead === ',') return { key, operator: 'exists', values: [] };
    const op = this.operator();
    if (op === 'in' || op === 'notin') return { key, operator: op, values: this.valueSet() };
    return { key, operator: op, values: [this.exactValue(op)] };
  }

  private operator(): SelectorOperator {
    const t = this.next();
    switch (t.kind) {
      case '=': case '==': case '!=': case 'in': case 'notin':
        return t.kind;
      case '>': return 'gt';
      case '<': return 'lt';
      default:
        throw new SelectorSyntaxError(`found '${t.text}', expected: '=', '!=', '==', 'in', notin'`);
    }
  }

  private exactValue(op: SelectorOperator): string {
    const ahead = this.peek();
    if (ahead.kind === 'end' || ahead.kind === ',') return '';
    const t = this.next();
    if (t.kind !== 'id' && t.kind !== 'in' && t.kind !== 'notin') throw new SelectorSyntaxError(`found '${t.text}', expected: identifier`);
    if (op === 'gt' || op === 'lt') {
      if (!/^-?\d+$/.test(t.text)) throw new SelectorSyntaxError(`for 'Gt', 'Lt' operators, the value must be an integer`);
    } else {
      validateValue(t.text);
    }
    return t.text;
  }

  private valueSet(): string[] {
    const open = this.next();
    if (open.kind !== '(') throw new SelectorSyntaxError(`found '${open.text}', expected: '('`);
    const values: string[] = [];
    if (this.peek().kind === ')') {
      this.next();
      return [''];
    }
    let expectValue = true;
    for (;;) {
      const t = this.next();
      if (t.kind === 'id' || t.kind === 'in' || t.kind === 'notin') {
        if (!expectValue) throw new SelectorSyntaxError(`found '${t.text}', expected: ',' or ')'`);
        validateValue(t.text);
        values.push(t.text);
        expectValue = false;
      } else if (t.kind === ',') {
        if (expectValue) values.push('');
        expectValue = true;
      } else if (t.kind === ')') {
        if (expectValue) values.push('');
        return values;
      } else {
        throw new SelectorSyntaxError(`found '${t.text}', expected: ',', ')' or identifier`);
      }
    }
  }
}

/** Parses an expression; an empty string yields no requirements (matches everything). */
export function parseLabelSelector(expression: string): Requirement[] {
  return new Parser(tokenize(expression)).parse();
}

function matchesOne(req: Requirement, labels: Record<string, string>): boolean {
  const has = Object.prototype.hasOwnProperty.call(labels, req.key);
  const value = has ? labels[req.key] : undefined;
  switch (req.operator) {
    case 'exists': return has;
    case '!': return !has;
    case '=': case '==': case 'in': return has && req.values.includes(value as string);
    case '!=': case 'notin': return !has || !req.values.includes(value as string);
    case 'gt': case 'lt': return has && compareInteger(value as string, req);
  }
}

function compareInteger(value: string, req: Requirement): boolean {
  if (!/^-?\d+$/.test(value)) return false;
  const actual = BigInt(value);
  const bound = BigInt(req.values[0] as string);
  return req.operator === 'gt' ? actual > bound : actual < bound;
}

export function matchesLabelSelector(requirements: readonly Requirement[], labels: Record<string, string>): boolean {
  return requirements.every((req) => matchesOne(req, labels));
}
