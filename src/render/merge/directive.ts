import { setElement } from './elements.js';
import { isMap, isSeq, textOf, type MNode } from './node.js';

/** A `$patch` directive as kyaml's merge2 reads it. */
export type Directive = 'merge' | 'replace' | 'delete' | 'unknown';

const KEY = '$patch';

/** Thrown for `$patch: <anything else>` where kyaml refuses it. */
export class DirectiveError extends Error {}

/**
 * Reads the `$patch` directive of a patch node and removes it from the node
 * (kyaml mutates the patch the same way). A map carries it as a field; a list
 * carries it as an element `{$patch: …}` with no other field. Scalars have no
 * directive: kyaml reports an error there, which its callers mostly ignore.
 */
export function takeDirective(patch: MNode | undefined): Directive {
  if (patch === undefined) return 'merge';
  if (isSeq(patch)) return takeListDirective(patch);
  if (isMap(patch)) return takeMapDirective(patch);
  throw new DirectiveError('no implemented strategic merge patch strategy for a scalar');
}

/** Like takeDirective, but a scalar patch yields `unknown` instead of throwing. */
export function peekDirectiveLenient(patch: MNode | undefined): Directive {
  try {
    return takeDirective(patch);
  } catch (error) {
    if (error instanceof DirectiveError) return 'unknown';
    throw error;
  }
}

function classify(value: string): Directive {
  if (value === 'delete' || value === 'replace' || value === 'merge') return value;
  throw new DirectiveError(`unknown patch strategy '${value}'`);
}

function takeMapDirective(patch: Record<string, MNode>): Directive {
  if (!Object.prototype.hasOwnProperty.call(patch, KEY)) return 'merge';
  const value = patch[KEY];
  if (value === undefined) return 'merge';
  const directive = classify(textOf(value));
  delete patch[KEY];
  return directive;
}

function takeListDirective(patch: MNode[]): Directive {
  const holder = patch.find((item) => isMap(item) && Object.prototype.hasOwnProperty.call(item, KEY));
  // An element with other fields carries the directive for itself, not for the list.
  if (!isMap(holder) || Object.keys(holder).length > 1) return 'merge';
  const text = textOf(holder[KEY]);
  const directive = classify(text);
  setElement(patch, [KEY], [text]);
  return directive;
}
