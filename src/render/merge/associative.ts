import { elementSchema, listMergeInfo, type SchemaNode } from '../schema.js';
import { appendListNode, elementKeyValues, findElement, setElement } from './elements.js';
import { isEmptyMap, isMap, isMissingOrNull, isSeq, textOf, type MMap, type MNode } from './node.js';
import { visitList, walk, type Sources, type WalkContext } from './walk.js';

/**
 * kyaml's associative-sequence walk (kustomize 5.5 / kyaml 0.18), ported
 * literally. Elements are paired by the schema's merge keys; patch elements
 * come first, then the object's. With composite keys (ports) partial key
 * values are merged and re-keyed, which is where kubectl's surprising results
 * (a port patch without `protocol` silently ignored, base ports moved after
 * new ones) come from.
 */
export function walkAssociativeList(sources: Sources, schema: SchemaNode | undefined, ctx: WalkContext): MNode | undefined {
  const dest = visitList(sources, true, ctx);
  sources[0] = dest;
  if (dest === undefined || !isSeq(dest)) return dest;
  const { keys } = listMergeInfo(schema);
  const values = elementValues(sources, keys);
  if (values.length !== 0 || keys.length > 0) return setElements(sources, values, keys, dest, schema, ctx);
  return setElements(sources, primitiveValues(sources), [''], dest, schema, ctx);
}

/** Key values of every element, patch first, without repeats. */
function elementValues(sources: Sources, keys: string[]): string[][] {
  const out: string[][] = [];
  const seen = new Set<string>();
  for (const source of [sources[1], sources[0]]) {
    if (!isSeq(source)) continue;
    for (const values of elementKeyValues(source, keys)) {
      const id = values.length === 1 ? values[0]! : JSON.stringify(values);
      if (values.length === 0 || seen.has(id)) continue;
      out.push(values);
      seen.add(id);
    }
  }
  return out;
}

/** Texts of the items of a primitive list (finalizers), patch first, without repeats. */
function primitiveValues(sources: Sources): string[][] {
  const out: string[][] = [];
  const seen = new Set<string>();
  for (const source of [sources[1], sources[0]]) {
    if (!isSeq(source)) continue;
    for (const item of source) {
      const text = textOf(item);
      if (seen.has(text)) continue;
      out.push([text]);
      seen.add(text);
    }
  }
  return out;
}

function setElements(
  sources: Sources, valuesList: string[][], keys: string[], dest: MNode[], schema: SchemaNode | undefined, ctx: WalkContext,
): MNode | undefined {
  const items: MNode[] = [];
  const itemSchema = elementSchema(schema);
  const list = keys.length > 1 ? mergeValues(valuesList) : valuesList;
  const present = presentKeys(list, keys);
  let validKeys: string[] = [];
  for (const values of list) {
    if (values.length === 0) continue;
    const valid = keepPresent(present, values, keys);
    validKeys = valid.keys;
    const val = walk(elementSources(sources, valid.keys, valid.values), itemSchema, ctx);
    if (isMissingOrNull(val) || isEmptyMap(val)) {
      setElement(dest, valid.keys, valid.values);
      continue;
    }
    valid.keys.forEach((key, i) => {
      const text = valid.values[i] as string;
      if (isMap(val) && !Object.prototype.hasOwnProperty.call(val, key) && text !== '') (val as MMap)[key] = scalarFromText(text);
    });
    setElement(items, valid.keys, valid.values, val);
  }
  if (list.length > 0) return appendListNode(items, dest, validKeys);
  return dest;
}

/** The matching element of each source (ElementList after validateKeys). */
function elementSources(sources: Sources, keys: string[], values: string[]): Sources {
  const valid = validateKeys([values], values, keys);
  return [
    sources[0] === undefined ? undefined : findElement(sources[0], valid.keys, valid.values),
    sources[1] === undefined ? undefined : findElement(sources[1], valid.keys, valid.values),
  ];
}

/** Keeps only the keys some element has a value for (all keys when none has). */
function validateKeys(valuesList: string[][], values: string[], keys: string[]): { keys: string[]; values: string[] } {
  // One key: present or not, everything is kept (the usual `name`-keyed list).
  if (keys.length === 1) return { keys, values };
  return keepPresent(presentKeys(valuesList, keys), values, keys);
}

/** The keys some element of the list has a value for (validateKeys' first half, the same for every element). */
function presentKeys(valuesList: string[][], keys: string[]): Set<string> {
  const present = new Set<string>();
  for (const vs of valuesList) {
    for (let i = 0; i < vs.length; i++) if (vs[i] !== '') present.add(keys[i] as string);
  }
  return present;
}

function keepPresent(present: Set<string>, values: string[], keys: string[]): { keys: string[]; values: string[] } {
  // None present, or all: the filters below would keep everything.
  if (present.size === 0 || present.size === keys.length) return { keys, values };
  return {
    keys: keys.filter((k) => present.has(k)),
    values: values.filter((v, i) => v !== '' || present.has(keys[i] as string)),
  };
}

/** Unifies key tuples that agree except where one side is empty ([80, ""] and [80, TCP]). */
function mergeValues(valuesList: string[][]): string[][] {
  const list = [...valuesList];
  for (let i = 0; i < list.length; i++) {
    const first = list[i] as string[];
    for (let j = 0; j < list.length; j++) {
      const merged = unify(first, list[j] as string[]);
      if (merged) {
        list[i] = merged;
        list[j] = merged;
      }
    }
  }
  return list;
}

function unify(a: string[], b: string[]): string[] | undefined {
  if (a.length !== b.length) return undefined;
  let common = false;
  const out: string[] = [];
  for (let i = 0; i < a.length; i++) {
    const x = a[i] as string;
    const y = b[i] as string;
    if (x === y) {
      common = true;
      out.push(x);
    } else if (x !== '' && y !== '') {
      return undefined;
    } else {
      out.push(x !== '' ? x : y);
    }
  }
  return common ? out : undefined;
}

/** A key value written back by kyaml as an untagged scalar: read it as YAML would. */
function scalarFromText(text: string): MNode {
  if (/^-?(0|[1-9][0-9]*)$/.test(text)) return Number(text);
  if (text === 'true' || text === 'false') return text === 'true';
  return text;
}
