// `footnote library copy [--to URL]`: moves the local library into a team library and verifies it table by table.
// The URL comes from --to (no password in it: PGPASSWORD) or FOOTNOTE_DATABASE_URL; a re-run copies what is missing.
import { UsageError, printJson, stringOption, type CliCommand } from './command.ts';
import { copyToTeamLibrary } from '../engine/context.ts';
import { teamLibraryUrl } from './database-url.ts';

export const libraryCommand: CliCommand = {
  name: 'library',
  usage: 'library copy [--to postgres://…]',
  summary: 'copy the local library into a team library on PostgreSQL and verify it by counts and checksums',
  options: { to: { type: 'string' } },
  async run(io) {
    const [action, ...extra] = io.positionals;
    if (action !== 'copy' || extra.length > 0) throw new UsageError('the only library action is "copy"');
    const option = stringOption(io, 'to');
    const url = teamLibraryUrl(option, process.env);
    if (!url) throw new UsageError('name the team library: --to postgres://user@host/database (password in PGPASSWORD) or FOOTNOTE_DATABASE_URL');
    const reports = await copyToTeamLibrary(io.dataDir, url, io.json ? undefined : (table) => io.err(`Copying ${table}…`));
    const failed = reports.filter((r) => !r.ok);
    if (io.json) printJson(io, { ok: failed.length === 0, tables: reports });
    else {
      for (const r of reports) io.out(`${r.table}: ${r.rows} rows, ${r.copied} copied now, ${r.verified} verified${r.ok ? '' : ' — MISMATCH'}`);
      io.out(failed.length === 0 ? 'The team library holds the whole local library.' : `Verification failed for ${failed.map((r) => r.table).join(', ')}: the team library holds other rows under the same ids; copy into an empty schema.`);
    }
    return failed.length === 0 ? 0 : 1;
  },
};
