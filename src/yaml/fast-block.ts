/**
 * Block scalars for the quick reader: literal (`|`) and folded (`>`), with
 * `-`/`+` chomping and an optional 1-9 indentation indicator.
 */
import { giveUp, indentOf, restIsBlank } from './fast-scalars.js';

const HEADER = /^[|>]([1-9]?)([-+]?)([1-9]?)/;

/** Indentation of the content when no indicator gives it: that of the first non-blank line. */
function detectIndent(lines: string[], from: number, end: number, parent: number): number {
  let k = from;
  let leadingMax = 0;
  for (; k < end && indentOf(lines[k]!) === lines[k]!.length; k++) leadingMax = Math.max(leadingMax, lines[k]!.length);
  if (k >= end) giveUp();
  const indent = indentOf(lines[k]!);
  // Blank lines before the first line may not be longer than its indentation (a YAML error).
  if (indent <= parent || leadingMax > indent) giveUp();
  return indent;
}

function chomped(parts: string[], lastContent: number, chomp: string, folded: boolean): string {
  if (lastContent < 0) return chomp === '+' ? '\n'.repeat(parts.length) : '';
  const body = folded ? foldedBody(parts, lastContent) : parts.slice(0, lastContent + 1).join('\n');
  if (chomp === '-') return body;
  if (chomp === '+') return body + '\n'.repeat(parts.length - lastContent);
  return `${body}\n`;
}

/**
 * Folding of `>` blocks: a break between two lines reads as a space, blank
 * lines between them as one newline each. Lines that start with a space
 * (more indented) keep their breaks, by rules on which kubectl and the full
 * parser differ; they are left to the full parser, which the project's
 * tests hold the quick reader to.
 */
function foldedBody(parts: string[], lastContent: number): string {
  let out = '';
  let blanks = 0;
  for (let k = 0; k <= lastContent; k++) {
    const text = parts[k]!;
    if (text === '') {
      blanks++;
      continue;
    }
    if (text.charCodeAt(0) === 32) giveUp();
    if (k > blanks) out += blanks === 0 ? ' ' : '\n'.repeat(blanks);
    else out += '\n'.repeat(blanks);
    out += text;
    blanks = 0;
  }
  return out;
}

/**
 * Reads the block whose header is at lines[at], column `col`, inside a
 * block collection indented `parent`. Returns the text and the first line after it.
 */
export function readLiteral(
  lines: string[], at: number, end: number, unterminatedLast: boolean, col: number, parent: number,
): { value: string; next: number } {
  const line = lines[at]!;
  const header = HEADER.exec(line.slice(col))!;
  if (header[1] && header[3]) giveUp();
  if (!restIsBlank(line, col + header[0].length)) giveUp();
  const explicit = Number(header[1] || header[3] || 0);
  const indent = explicit ? parent + explicit : detectIndent(lines, at + 1, end, parent);
  const parts: string[] = [];
  let lastContent = -1;
  let k = at + 1;
  for (; k < end; k++) {
    const text = lines[k]!;
    const spaces = indentOf(text);
    const blank = spaces === text.length;
    if (!blank && spaces < indent) break;
    // A line of spaces up to the indentation is an empty line; longer ones are content.
    if (blank && spaces <= indent) parts.push('');
    else {
      parts.push(text.slice(indent));
      lastContent = parts.length - 1;
    }
  }
  // The last line of a file without a final newline changes chomping; leave that to the full parser.
  if (k === end && unterminatedLast) giveUp();
  return { value: chomped(parts, lastContent, header[2]!, line.charCodeAt(col) === 62), next: k };
}
