// What a `footnote` sub-command is, and what it is handed when it runs.
import type { ParseArgsOptionsConfig } from 'node:util';
import type { EngineContext } from '../engine/context.ts';
import type { ApiClient } from '../api/client.ts';

export interface CliIo {
  positionals: string[];
  /** Parsed options; every command also gets data-dir, json and help. */
  values: Record<string, string | boolean | (string | boolean)[] | undefined>;
  json: boolean;
  dataDir: string;
  /** Opens the library on first use: commands like `parse` never touch it. */
  context: () => EngineContext;
  /** The API, typed from its own method table; opens the library on the first call. */
  api: ApiClient;
  out: (text: string) => void;
  err: (text: string) => void;
  stdoutIsTTY: boolean;
}

export interface CliCommand {
  name: string;
  usage: string;
  summary: string;
  options?: ParseArgsOptionsConfig;
  run: (io: CliIo) => Promise<number | void>;
}

/** A mistake in how the command was typed: exits 2 with the usage line. */
export class UsageError extends Error {
  override name = 'UsageError';
}

export function stringOption(io: CliIo, name: string): string | undefined {
  const v = io.values[name];
  return typeof v === 'string' ? v : undefined;
}

export function printJson(io: CliIo, value: unknown): void {
  io.out(JSON.stringify(value, null, 2));
}
