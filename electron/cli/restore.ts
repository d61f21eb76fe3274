// `footnote restore <file>`: replaces the library with a checked backup; the old library is kept aside.
import { UsageError, printJson, type CliCommand } from './command.ts';
import { restoreLibrary } from '../engine/library.ts';

export const restoreCommand: CliCommand = {
  name: 'restore',
  usage: 'restore <file>',
  summary: 'replace the library with a backup (quit the app first; the old library is kept aside)',
  async run(io) {
    const [file, ...extra] = io.positionals;
    if (!file || extra.length > 0) throw new UsageError('give exactly one backup file to restore');
    // The library is deliberately not opened here: restoring is how one recovers from a library that will not open.
    const result = restoreLibrary(io.dataDir, file);
    if (io.json) printJson(io, result);
    else {
      io.out(`Restored ${result.articles} articles in ${result.feeds} feeds from ${file}.`);
      if (result.previous) io.out(`The previous library is kept at ${result.previous}.`);
    }
  },
};
