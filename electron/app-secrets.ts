// The app's side of Settings → Library, run in the main process before a call reaches the engine: the password
// typed in the form is kept by the OS keychain's SecretStore once the engine saved the choice, and a test of the
// saved library uses the kept password. The kept password goes only to the saved library's server, never to
// another host typed in the form.
import type { Settings } from './settings.ts';
import type { SecretStore } from './secrets.ts';

type Invoke = (name: string, args: unknown) => Promise<unknown>;

interface Fields { host?: unknown; port?: unknown; database?: unknown; user?: unknown; password?: unknown }

function isSaved(settings: Settings, f: Fields): boolean {
  const saved = settings.get('teamLibrary');
  return saved !== null && saved.host === f.host && saved.port === (f.port ?? 5432) && saved.database === f.database && saved.user === f.user;
}

function asObject(value: unknown): Record<string, unknown> {
  return typeof value === 'object' && value !== null ? value as Record<string, unknown> : {};
}

/** Wraps the engine's invoke for the library.* methods; every other call passes through unchanged. */
export function withKeptPassword(invoke: Invoke, secrets: SecretStore, settings: Settings): Invoke {
  if (secrets.keeper === null) return invoke;
  const keeper = secrets.keeper;
  return async (name, args) => {
    if (name === 'library.current') {
      return { ...asObject(await invoke(name, args)), passwordKeeper: keeper, passwordNote: `A saved password is kept encrypted by ${keeper}, never in the settings file.` };
    }
    if (name === 'library.testConnection') {
      const fields = asObject(args) as Fields;
      if (!fields.password && isSaved(settings, fields)) return invoke(name, { ...fields, password: await secrets.load() });
      return invoke(name, args);
    }
    if (name === 'library.use') {
      const team = asObject(args)['team'];
      const sameServer = isSaved(settings, asObject(team) as Fields);
      const typed = (asObject(team) as Fields).password;
      // Saving the saved library again needs no password typed again: the kept one is tested and kept.
      const password = typeof typed === 'string' && typed ? typed : sameServer ? await secrets.load() : undefined;
      const result = await invoke(name, password ? { ...asObject(args), team: { ...asObject(team), password }, passwordKeptBy: keeper } : args);
      if (team === null) await secrets.clear();
      else if (password) await secrets.save(password);
      else if (!sameServer) await secrets.clear(); // the old password must not go to another server
      return result;
    }
    return invoke(name, args);
  };
}
