// Every `footnote` sub-command, in the order `footnote --help` lists them.
import type { CliCommand } from './command.ts';
import { parseCommand } from './parse.ts';
import { extractCommand } from './extract.ts';
import { addCommand } from './add.ts';
import { removeCommand } from './remove.ts';
import { feedsCommand } from './feeds.ts';
import { pollCommand } from './poll.ts';
import { opmlCommand } from './opml.ts';
import { backupCommand } from './backup.ts';
import { restoreCommand } from './restore.ts';
import { serveCommand } from './serve.ts';
import { searchCommand } from './search.ts';
import { tagCommand, untagCommand, tagsCommand } from './tag.ts';
import { rulesCommand } from './rules.ts';
import { exportCommand } from './export.ts';
import { labelsCommand } from './labels.ts';
import { versionsCommand, diffCommand } from './versions.ts';
import { recheckCommand } from './recheck.ts';
import { pruneCommand } from './prune.ts';
import { libraryCommand } from './library.ts';

export const commands: CliCommand[] = [
  parseCommand,
  extractCommand,
  addCommand,
  removeCommand,
  feedsCommand,
  pollCommand,
  opmlCommand,
  backupCommand,
  restoreCommand,
  serveCommand,
  searchCommand,
  tagCommand,
  untagCommand,
  tagsCommand,
  rulesCommand,
  exportCommand,
  labelsCommand,
  versionsCommand,
  diffCommand,
  recheckCommand,
  pruneCommand,
  libraryCommand,
];
