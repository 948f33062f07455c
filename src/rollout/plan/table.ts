/**
 * Plain-text tables for the terminal: columns padded to their widest cell,
 * numbers right-aligned so digits line up. No colours: output is often piped.
 */
export function formatTable(headers: string[], rows: string[][], indent = ''): string {
  const numeric = headers.map((_, i) => rows.length > 0 && rows.every((r) => /^-?[\d.,]+%?$|^—$/.test(r[i] ?? '')));
  const widths = headers.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? '').length)));
  const line = (cells: string[]): string =>
    indent +
    cells
      .map((cell, i) => (numeric[i] ? cell.padStart(widths[i]!) : cell.padEnd(widths[i]!)))
      .join('  ')
      .trimEnd();
  return [line(headers), ...rows.map(line)].join('\n') + '\n';
}
