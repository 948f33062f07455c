/** A CliIO that keeps what a command prints, for CLI tests. */
import type { CliIO } from '../../src/cli/command.js';

export interface Captured extends CliIO {
  out: string;
  err: string;
}

export function captureIO(cwd: string = process.cwd(), isTTY = false): Captured {
  const io: Captured = {
    out: '',
    err: '',
    isTTY,
    cwd,
    stdout(text: string) {
      io.out += text;
    },
    stderr(text: string) {
      io.err += text;
    },
  };
  return io;
}
