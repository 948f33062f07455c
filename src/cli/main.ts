#!/usr/bin/env node
import { realpathSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { processIO, type CliIO, type Command } from './command.js';
import { packageVersion } from './package-info.js';

/**
 * A command as the registry knows it before it is needed: its name and summary,
 * and how to load it. Loading on demand keeps `kustomize` from compiling the
 * verify stage (CEL, RE2, schemas) it never uses — start-up is most of a
 * single render's time.
 */
export interface CommandEntry {
  readonly name: string;
  readonly summary: string;
  load(): Promise<Command>;
}

/** Every command, by the name typed after `harbormaster`. */
export const COMMANDS: ReadonlyMap<string, CommandEntry> = new Map<string, CommandEntry>(
  [
    { name: 'start', summary: 'render and summarise every active cluster, then deploy to a simulated fleet (the demo job of `npm start`)', load: async () => (await import('./start.js')).startCommand },
    { name: 'render', summary: 'render the manifests of every cluster of the estate', load: async () => (await import('./render.js')).renderCommand },
    { name: 'kustomize', summary: 'build a kustomization directory, byte for byte as kubectl kustomize does', load: async () => (await import('./kustomize.js')).kustomizeCommand },
    { name: 'verify', summary: 'check rendered manifests against Pod Security, hardening rules and policies', load: async () => (await import('./verify.js')).verifyCommand },
    { name: 'deploy', summary: 'roll the estate out across the fleet wave by wave, with health gates and automatic rollback', load: async () => (await import('./deploy.js')).deployCommand },
    { name: 'rollout', summary: 'status, pause, resume, abort, rollback and delivery history of rollouts', load: async () => (await import('./rollout.js')).rolloutCommand },
    { name: 'access', summary: 'who can do what in each cluster: who-can, can-i, matrix, escalation review, diff between git refs', load: async () => (await import('./access.js')).accessCommand },
    { name: 'sim', summary: 'serve the simulated clusters of an estate on 127.0.0.1 (sim serve)', load: async () => (await import('./sim.js')).simCommand },
  ].map((c) => [c.name, c]),
);

/** The package version (see package-info.ts). */
export const version = packageVersion;

export function helpText(commands: ReadonlyMap<string, CommandEntry> = COMMANDS): string {
  const width = Math.max(...[...commands.keys()].map((n) => n.length));
  const lines = [...commands.values()].map((c) => `  ${c.name.padEnd(width)}  ${c.summary}`);
  return `usage: harbormaster <command> [flags]   (hm for short)

Commands:
${lines.join('\n')}

  harbormaster <command> --help   flags of one command
  harbormaster --version          print the version
`;
}

/** Dispatches argv (without node and script) to a command; returns the exit code (2 for usage mistakes). */
export async function main(argv: readonly string[], io: CliIO, commands: ReadonlyMap<string, CommandEntry> = COMMANDS): Promise<number> {
  const [first, ...rest] = argv;
  if (first === undefined) {
    io.stderr(helpText(commands));
    return 2;
  }
  if (first === '--help' || first === '-h' || first === 'help') {
    io.stdout(helpText(commands));
    return 0;
  }
  if (first === '--version' || first === '-v') {
    io.stdout(`harbormaster ${version()}\n`);
    return 0;
  }
  const entry = commands.get(first);
  if (!entry) {
    io.stderr(`harbormaster: unknown command '${first}'\n\n${helpText(commands)}`);
    return 2;
  }
  const command = await entry.load();
  // Every command answers --help the same way, whatever its own flag parser does.
  if (rest.length === 1 && (rest[0] === '--help' || rest[0] === '-h')) {
    io.stdout(command.usage.endsWith('\n') ? command.usage : `${command.usage}\n`);
    return 0;
  }
  return command.run(rest, io);
}

function invokedDirectly(): boolean {
  const script = process.argv[1];
  if (!script) return false;
  try {
    return realpathSync(script) === realpathSync(fileURLToPath(import.meta.url));
  } catch {
    return false;
  }
}

if (invokedDirectly()) {
  main(process.argv.slice(2), processIO()).then(
    (code) => {
      process.exitCode = code;
    },
    (err: unknown) => {
      process.stderr.write(`harbormaster: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}\n`);
      process.exitCode = 1;
    },
  );
}
