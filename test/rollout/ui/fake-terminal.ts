import type { TerminalOutput } from '../../../src/rollout/ui/live-region.js';

/**
 * A terminal screen that understands the escape sequences the live table
 * uses (cursor up, clear line, clear below, carriage return, cursor
 * visibility), so a test can assert what a person would see.
 */
export class FakeTerminal implements TerminalOutput {
  readonly lines: string[] = [''];
  row = 0;
  col = 0;
  cursorVisible = true;
  writes = 0;
  raw = '';

  constructor(readonly columns = 120) {}

  write(text: string): void {
    this.writes++;
    this.raw += text;
    let i = 0;
    while (i < text.length) {
      const esc = /^\x1b\[([0-9;?]*)([A-Za-z])/.exec(text.slice(i));
      if (esc) {
        this.control(esc[1] ?? '', esc[2] ?? '');
        i += esc[0].length;
        continue;
      }
      this.put(text[i]!);
      i++;
    }
  }

  /** The screen as text, trailing empty lines dropped. */
  screen(): string {
    const lines = [...this.lines];
    while (lines.length > 0 && lines[lines.length - 1] === '') lines.pop();
    return lines.join('\n');
  }

  private clearBelow(): void {
    this.lines[this.row] = this.lines[this.row]!.slice(0, this.col);
    this.lines.length = this.row + 1;
  }

  private put(ch: string): void {
    if (ch === '\n') {
      this.row++;
      this.col = 0;
      if (this.row >= this.lines.length) this.lines.push('');
      return;
    }
    if (ch === '\r') {
      this.col = 0;
      return;
    }
    const line = this.lines[this.row]!.padEnd(this.col);
    this.lines[this.row] = line.slice(0, this.col) + ch + line.slice(this.col + 1);
    this.col++;
  }

  private control(args: string, op: string): void {
    if (args === '?25' && op === 'l') this.cursorVisible = false;
    else if (args === '?25' && op === 'h') this.cursorVisible = true;
    else if (op === 'A') this.row = Math.max(0, this.row - Number(args || '1'));
    else if (op === 'K') this.lines[this.row] = '';
    else if (op === 'J') this.clearBelow();
    else throw new Error(`fake terminal: unexpected escape ${args}${op}`);
  }
}
