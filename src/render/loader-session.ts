import type { Diagnostic } from '../core/diagnostic.js';
import type { FileSystem } from '../fs/filesystem.js';
import { parseDocuments, type ParsedDocument } from '../yaml/index.js';
import type { BuildOptions } from './context.js';
import { decodeKustomization, type DecodedKustomization } from './load-kustomization.js';

let decoder: TextDecoder | undefined;

/** One decoder for every file (it drops a leading BOM, as kustomize's reader does). */
function utf8(): TextDecoder {
  return (decoder ??= new TextDecoder());
}

/** Decoded kustomization files, kept beside a caller's fileCache so they too are decoded once per fleet. */
const sharedKustomizations = new WeakMap<object, Map<string, DecodedKustomization>>();

function kustomizationCacheFor(fileCache: object | undefined): Map<string, DecodedKustomization> {
  if (!fileCache) return new Map();
  let cache = sharedKustomizations.get(fileCache);
  if (!cache) sharedKustomizations.set(fileCache, (cache = new Map()));
  return cache;
}

/**
 * State of one build: file system, options, what was read and parsed, and the
 * warnings printed so far. Parsed documents go to `options.fileCache` when the
 * caller shares one across builds (an estate's clusters share bases), so each
 * file is parsed once per fleet; they are never mutated (values are cloned).
 */
export class BuildSession {
  readonly warnings: Diagnostic[] = [];
  private readonly bytes = new Map<string, Uint8Array>();
  private readonly texts = new Map<string, string>();
  private readonly realPaths = new Map<string, string>();
  private readonly documents: Map<string, readonly ParsedDocument[]>;
  private readonly kustomizations: Map<string, DecodedKustomization>;

  constructor(
    readonly fs: FileSystem,
    readonly options: BuildOptions,
    private readonly onWarning?: (d: Diagnostic) => void,
  ) {
    this.documents = options.fileCache ?? new Map();
    this.kustomizations = kustomizationCacheFor(options.fileCache);
  }

  warn(d: Diagnostic): void {
    this.warnings.push(d);
    this.onWarning?.(d);
  }

  readBytes(path: string): Uint8Array {
    let bytes = this.bytes.get(path);
    if (!bytes) {
      bytes = this.fs.readFile(path);
      this.bytes.set(path, bytes);
    }
    return bytes;
  }

  readText(path: string): string {
    let text = this.texts.get(path);
    if (text === undefined) {
      text = utf8().decode(this.readBytes(path));
      this.texts.set(path, text);
    }
    return text;
  }

  /** Parsed documents of a file (shared: clone values before changing them). */
  parse(path: string): readonly ParsedDocument[] {
    let docs = this.documents.get(path);
    if (!docs) {
      docs = parseDocuments(this.readText(path), path);
      this.documents.set(path, docs);
    }
    return docs;
  }

  /** A decoded kustomization file; shared like parsed documents when the caller shares a fileCache. */
  decodedKustomization(path: string): DecodedKustomization {
    let decoded = this.kustomizations.get(path);
    if (!decoded) {
      decoded = decodeKustomization(path, this.readText(path));
      this.kustomizations.set(path, decoded);
    }
    return decoded;
  }

  realPath(path: string): string {
    let real = this.realPaths.get(path);
    if (real === undefined) {
      real = this.fs.realPath(path);
      this.realPaths.set(path, real);
    }
    return real;
  }
}
