// Settings → Library: which library is open (a local file, or a team library's server, database and user; never
// a password), and a form to test a team library's connection and to use it from the next start. The password
// goes to the API once per action; the app keeps it in the OS keychain, web mode keeps none (the note says so).
import { useEffect, useState, type FormEvent } from 'react';
import { Dialog } from './Dialog.tsx';
import { api } from './api-client.ts';
import { errorMessage } from './format.ts';
import type { LibraryState, LibraryTest, TeamLibraryForm } from './types.ts';

type SslMode = 'verify-full' | 'disable';

interface Form { host: string; port: string; database: string; user: string; password: string; sslmode: SslMode; caFile: string }

const EMPTY: Form = { host: '', port: '5432', database: '', user: '', password: '', sslmode: 'verify-full', caFile: '' };

/** A pasted postgres:// URL split into the form's fields (its password included: it stays in this form). */
function fromUrl(text: string): Form | null {
  try {
    const u = new URL(text.trim());
    if (!/^postgres(ql)?:$/.test(u.protocol)) return null;
    return {
      host: u.hostname, port: u.port || '5432', database: decodeURIComponent(u.pathname.slice(1)), user: decodeURIComponent(u.username),
      password: decodeURIComponent(u.password), sslmode: u.searchParams.get('sslmode') === 'disable' ? 'disable' : 'verify-full',
      caFile: u.searchParams.get('sslrootcert') ?? '',
    };
  } catch {
    return null;
  }
}

function fields(f: Form): TeamLibraryForm {
  return {
    host: f.host.trim(), port: Number(f.port) || 5432, database: f.database.trim(), user: f.user.trim(), sslmode: f.sslmode,
    ...(f.password ? { password: f.password } : {}), ...(f.sslmode === 'verify-full' && f.caFile.trim() ? { caFile: f.caFile.trim() } : {}),
  };
}

function describe(state: LibraryState): string {
  const l = state.inUse;
  if (l.engine === 'sqlite') return `Local library: ${l.path}`;
  return `Team library: database “${l.database}” on ${l.host}:${l.port} as ${l.user}, ${l.sslmode === 'verify-full' ? 'TLS with the certificate checked (verify-full)' : 'without TLS'}`;
}

export function LibraryDialog({ onClose }: { onClose: () => void }) {
  const [state, setState] = useState<LibraryState | null>(null);
  const [form, setForm] = useState<Form>(EMPTY);
  const [result, setResult] = useState<LibraryTest | null>(null);
  const [message, setMessage] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [pasted, setPasted] = useState('');

  const load = () => api.call('library.current', {}).then((s) => {
    setState(s);
    if (s.saved) setForm((f) => ({ ...f, ...s.saved, port: String(s.saved?.port), caFile: s.saved?.caFile ?? '', password: '' }));
  }, (err: unknown) => setError(errorMessage(err)));
  useEffect(() => void load(), []);

  const set = (patch: Partial<Form>) => {
    setForm((f) => ({ ...f, ...patch }));
    setResult(null);
  };
  const complete = form.host.trim() !== '' && form.database.trim() !== '' && form.user.trim() !== '';

  async function act(action: () => Promise<void>) {
    setBusy(true);
    setError(null);
    setMessage(null);
    try {
      await action();
    } catch (err) {
      setError(errorMessage(err));
    } finally {
      setBusy(false);
    }
  }

  const test = (e?: FormEvent) => {
    e?.preventDefault();
    void act(async () => setResult(await api.call('library.testConnection', fields(form))));
  };
  const use = (team: TeamLibraryForm | null) => void act(async () => {
    setMessage((await api.call('library.use', { team })).message);
    await load();
  });

  return (
    <Dialog title="Settings → Library" onClose={onClose} testId="library-dialog">
      <p data-testid="library-in-use">{state ? describe(state) : 'Reading…'}</p>
      {state?.fromEnvironment && <p className="hint">--database-url or FOOTNOTE_DATABASE_URL chose this library for this run; it wins over the choice saved here.</p>}
      {state?.restartNeeded && (
        <p className="hint" data-testid="library-restart">
          Saved for the next start: {state.saved ? `database “${state.saved.database}” on ${state.saved.host}` : 'the local library'}. Restart Footnote to switch.
        </p>
      )}
      <form onSubmit={test} className="library-form">
        <h3 className="dialog-heading">Team library (PostgreSQL 15 or later)</h3>
        <label className="field"><span>Paste a postgres:// URL to fill the fields</span>
          <input type="text" placeholder="postgres://footnote_app@db.example.org/team?sslmode=verify-full" value={pasted} onChange={(e) => {
            const parsed = fromUrl(e.target.value);
            // Once split into the fields the URL is cleared, so that a password in it is not left on screen.
            if (parsed) set(parsed);
            setPasted(parsed ? '' : e.target.value);
          }} data-testid="library-url" />
        </label>
        <div className="field-row">
          <label className="field"><span>Host</span><input type="text" value={form.host} onChange={(e) => set({ host: e.target.value })} data-testid="library-host" /></label>
          <label className="field"><span>Port</span><input type="number" min={1} max={65535} value={form.port} onChange={(e) => set({ port: e.target.value })} data-testid="library-port" /></label>
        </div>
        <div className="field-row">
          <label className="field"><span>Database</span><input type="text" value={form.database} onChange={(e) => set({ database: e.target.value })} data-testid="library-database" /></label>
          <label className="field"><span>User</span><input type="text" value={form.user} onChange={(e) => set({ user: e.target.value })} data-testid="library-user" /></label>
        </div>
        <label className="field"><span>Password</span>
          <input type="password" autoComplete="off" value={form.password} onChange={(e) => set({ password: e.target.value })} data-testid="library-password" />
        </label>
        {state && <p className="hint" data-testid="library-password-note">{state.passwordNote}</p>}
        <div className="field-row">
          <label className="field"><span>TLS</span>
            <select value={form.sslmode} onChange={(e) => set({ sslmode: e.target.value as SslMode })} data-testid="library-sslmode">
              <option value="verify-full">verify-full: TLS, the server's certificate and name checked</option>
              <option value="disable">disable: no TLS (only for a server on this machine)</option>
            </select>
          </label>
          {form.sslmode === 'verify-full' && (
            <label className="field"><span>CA file (PEM; empty: the system's CAs)</span>
              <input type="text" value={form.caFile} placeholder="/etc/ssl/team-ca.pem" onChange={(e) => set({ caFile: e.target.value })} data-testid="library-ca" />
            </label>
          )}
        </div>
        {result && (
          <div role="status" data-testid="library-test-result" className={result.ok ? 'hint' : 'error-text'}>
            <p>{result.summary}</p>
            <ul className="library-checks">{result.checks.map((c) => <li key={c.what}>{c.ok ? '✓' : '✗'} {c.what}: {c.detail}</li>)}</ul>
          </div>
        )}
        {message && <p className="hint" role="status" data-testid="library-message">{message}</p>}
        {error && <p className="error-text" role="alert" data-testid="library-error">{error}</p>}
        <div className="dialog-buttons">
          {state && (state.saved !== null || state.inUse.engine === 'postgres') && (
            <button type="button" disabled={busy} onClick={() => use(null)} data-testid="library-use-local">Use the local library</button>
          )}
          <button type="submit" disabled={busy || !complete} data-testid="library-test">Test connection</button>
          <button type="button" className="primary" disabled={busy || !complete} onClick={() => use(fields(form))} data-testid="library-use">Use this library</button>
          <button type="button" onClick={onClose}>Close</button>
        </div>
      </form>
    </Dialog>
  );
}
