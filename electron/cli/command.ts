// What a `footnote` sub-command is, and what it is handed when it runs.
import type { ParseArgsOptionsConfig } from 'node:util';
import type { EngineContext } from '../engine/context.ts';
import type { EngineHost } from '../engine/host.ts';
import type { Store } from '../store/store.ts';
import type { ApiClient } from '../api/client.ts';

export interface CliIo {
  positionals: string[];
  /** Parsed options; every command also gets data-dir, json and help. */
  values: Record<string, string | boolean | (string | boolean)[] | undefined>;
  json: boolean;
  dataDir: string;
  /** The team library named by --database-url or FOOTNOTE_DATABASE_URL; undefined for the local one. */
  databaseUrl: string | undefined;
  /** Opens the library in this process on first use, for the file-level commands (backup, export) that the API
   * does not carry; commands like `parse` never touch it. */
  context: () => EngineContext<Store>;
  /** The engine on its worker thread, started on first use (without the poll timer). */
  engine: () => Promise<EngineHost>;
  /** The API, typed from its own method table, answered by the engine; starts it on the first call. */
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

/** A --name option that must be a positive whole number; undefined when it was not given. */
export function positiveOption(io: CliIo, name: string): number | undefined {
  const text = stringOption(io, name);
  if (text === undefined) return undefined;
  if (!/^\d+$/.test(text) || Number(text) < 1) throw new UsageError(`--${name} takes a positive whole number, not "${text}".`);
  return Number(text);
}

export function printJson(io: CliIo, value: unknown): void {
  io.out(JSON.stringify(value, null, 2));
}
