// Every `footnote` sub-command, in the order `footnote --help` lists them.
import type { CliCommand } from './command.ts';
import { serveCommand } from './serve.ts';

export const commands: CliCommand[] = [
  serveCommand,
];
