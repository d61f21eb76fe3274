// `footnote backup <file>`: a consistent copy of the library, safe to take while the app is running.
import { UsageError, printJson, type CliCommand } from './command.ts';

export const backupCommand: CliCommand = {
  name: 'backup',
  usage: 'backup <file>',
  summary: 'copy the library to a new file (safe while the app runs)',
  async run(io) {
    const [file, ...extra] = io.positionals;
    if (!file || extra.length > 0) throw new UsageError('give exactly one backup file name');
    const result = await io.context().store.backup(file);
    if (io.json) printJson(io, result);
    else io.out(`Backed up the library to ${result.file} (${result.bytes} bytes).`);
  },
};
