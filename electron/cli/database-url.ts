// Which team library the CLI opens: --database-url, else FOOTNOTE_DATABASE_URL, else none (the local library).
// A password is taken from the environment only: on the command line it would show in `ps` and in shell
// history, so a URL with one in --database-url is refused. Footnote never writes either URL to disk.
import { UsageError } from './command.ts';

export function teamLibraryUrl(option: string | undefined, env: NodeJS.ProcessEnv): string | undefined {
  if (option !== undefined) {
    let password = '';
    try {
      password = new URL(option).password;
    } catch {
      throw new UsageError('--database-url must be a URL like postgres://footnote_app@db.example.org/team?sslmode=verify-full.');
    }
    if (password) {
      throw new UsageError('--database-url must not carry a password (other users see command lines): put the whole URL in FOOTNOTE_DATABASE_URL, or the password in PGPASSWORD.');
    }
    return option;
  }
  return env['FOOTNOTE_DATABASE_URL'] || undefined;
}
