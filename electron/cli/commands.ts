// Every `footnote` sub-command, in the order `footnote --help` lists them.
import type { CliCommand } from './command.ts';
import { backupCommand } from './backup.ts';
import { restoreCommand } from './restore.ts';
import { serveCommand } from './serve.ts';

export const commands: CliCommand[] = [
  backupCommand,
  restoreCommand,
  serveCommand,
];
