/** The shape every CLI command has; the index lists them. Commands parse and print only. */
import type { ParseArgsConfig } from 'node:util';
import type { PortScopeService } from '../service/index';
import { jsonText } from '../../shared/export/rows-json';
import type { JsonStyle } from '../../shared/export/json-chunks';
import { PID_MAX } from '../../shared/api-schemas';

export const EXIT_OK = 0;
/** Nothing found, or an action refused or failed. */
export const EXIT_NOTHING = 1;
/** Bad input: unknown flag, port outside 1–65535, unreadable file, unknown format. */
export const EXIT_BAD_INPUT = 2;

export interface CliIo {
  out(text: string): void;
  err(text: string): void;
  /** Standard input as bytes (for `import -`). */
  readStdin(): Promise<Buffer>;
  /** stdout is a terminal (a person reads it) rather than a pipe or file (a program does). */
  isTerminal: boolean;
  /**
   * The command serves until stopped (`keepsServing`): from now on output queues rather than blocks, so a
   * reader that stopped reading cannot freeze it.
   */
  keepServing(): void;
}

/** `--json` is indented for a person at a terminal and compact for a program (as `gh` does). */
export function jsonStyleFor(io: CliIo): JsonStyle {
  return io.isTerminal ? 'indented' : 'compact';
}

export function printJson(io: CliIo, value: unknown): void {
  io.out(jsonText(value, jsonStyleFor(io)));
}

export type ParsedValues = Record<string, string | boolean | (string | boolean)[] | undefined>;

export interface CommandContext {
  values: ParsedValues;
  positionals: string[];
  io: CliIo;
  /** Created on first use so `describe`/`import` never start the engine. */
  service(): PortScopeService;
}

export interface CliCommand {
  name: string;
  summary: string;
  /** Full `--help` text. */
  help: string;
  options: NonNullable<ParseArgsConfig['options']>;
  /** Serves until stopped (listen, web): the runner calls `io.keepServing()` before `run`. */
  keepsServing?: true;
  run(ctx: CommandContext): Promise<number>;
}

/** Thrown for bad input; the runner prints `portscope: <message>` and exits 2. */
export class UsageError extends Error {}

/** Parse a port argument: 1–65535 or a UsageError that says what to do. */
export function parsePortArg(text: string | undefined, what = 'port'): number {
  if (text === undefined || text === '') throw new UsageError(`missing ${what}: give a number from 1 to 65535`);
  if (!/^\d+$/.test(text)) throw new UsageError(`"${text}" is not a ${what}: give a number from 1 to 65535`);
  const port = Number(text);
  if (port < 1 || port > 65535) throw new UsageError(`${what} ${text} is out of range: give a number from 1 to 65535`);
  return port;
}

export function parsePidArg(text: string | undefined): number {
  if (text === undefined || !/^\d+$/.test(text)) throw new UsageError(`"${text ?? ''}" is not a pid: give a process id number`);
  const pid = Number(text);
  if (pid > PID_MAX) throw new UsageError(`pid ${text} is too large to be a process id (at most ${PID_MAX}): check the number`);
  return pid;
}
