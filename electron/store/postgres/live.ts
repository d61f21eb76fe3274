// What one client of a team library tells the others, and the poll locks it holds, each on a connection of its
// own outside the pool: LISTEN needs a session that stays open, and a session-level advisory lock lives as long as
// the session that took it (a client that dies releases its locks with its connection).
import pg from 'pg';
import { randomUUID } from 'node:crypto';
import type { LibraryChange } from '../records.ts';

const RELISTEN_MS = 2000;

/** One NOTIFY channel per library schema. */
export const channelOf = (schema: string): string => `footnote_${schema}`;

/** Sent inside a writing transaction: PostgreSQL delivers it on commit, never for a rollback. */
export async function notifyChange(c: pg.ClientBase, schema: string, change: LibraryChange, sender: string): Promise<void> {
  await c.query('SELECT pg_notify($1, $2)', [channelOf(schema), JSON.stringify({ ...change, sender })]);
}

/** A dedicated session, opened on first use and opened again after it drops. */
class Session {
  readonly #config: pg.ClientConfig;
  #client: Promise<pg.Client> | null = null;
  readonly #onOpen: (client: pg.Client) => Promise<void>;

  readonly #onDrop: () => void;

  constructor(config: pg.ClientConfig, onOpen: (client: pg.Client) => Promise<void> = async () => undefined, onDrop: () => void = () => undefined) {
    this.#config = config;
    this.#onOpen = onOpen;
    this.#onDrop = onDrop;
  }

  get(): Promise<pg.Client> {
    this.#client ??= (async () => {
      const client = new pg.Client(this.#config);
      // A dropped session is replaced on the next use; its locks and LISTEN went with it on the server.
      let open = true;
      const dropped = (): void => {
        if (!open) return;
        open = false;
        if (this.#client !== null) {
          this.#client = null;
          this.#onDrop();
        }
      };
      client.on('error', dropped);
      client.on('end', dropped);
      await client.connect();
      await this.#onOpen(client);
      return client;
    })().catch((err: unknown) => {
      this.#client = null;
      throw err;
    });
    return this.#client;
  }

  async end(): Promise<void> {
    const client = this.#client;
    this.#client = null;
    if (client) await (await client.catch(() => null))?.end().catch(() => undefined);
  }
}

export class LiveLink {
  /** Identifies this client's own notifications, which it does not report back to itself. */
  readonly sender = randomUUID();
  readonly #schema: string;
  readonly #locks: Session;
  readonly #listen: Session;
  readonly #listeners = new Set<(change: LibraryChange) => void>();

  constructor(config: pg.ClientConfig, schema: string) {
    this.#schema = schema;
    this.#locks = new Session(config);
    this.#listen = new Session(config, async (client) => {
      client.on('notification', (msg) => {
        if (msg.channel !== channelOf(schema) || !msg.payload) return;
        const { sender, ...change } = JSON.parse(msg.payload) as LibraryChange & { sender: string };
        if (sender === this.sender) return;
        for (const listener of this.#listeners) listener(change);
      });
      await client.query(`LISTEN ${channelOf(schema)}`);
    }, () => this.#relisten());
  }

  /** The listening session dropped (server restart, network): listen again in a moment while anyone watches. */
  #relisten(): void {
    if (this.#listeners.size === 0) return;
    setTimeout(() => {
      if (this.#listeners.size > 0) this.#listen.get().catch(() => this.#relisten());
    }, RELISTEN_MS).unref();
  }

  /** Starts listening (the returned promise settles once LISTEN is in place); returns the function that stops. */
  watch(listener: (change: LibraryChange) => void): { ready: Promise<void>; stop: () => void } {
    this.#listeners.add(listener);
    return { ready: this.#listen.get().then(() => undefined), stop: () => this.#listeners.delete(listener) };
  }

  /** The poll lock of one feed, or null while another client holds it. */
  async claim(feedId: number): Promise<{ release(): Promise<void> } | null> {
    const key = [`footnote.feed.${this.#schema}`, feedId];
    const client = await this.#locks.get();
    const got = await client.query<{ ok: boolean }>('SELECT pg_try_advisory_lock(hashtextextended($1, $2)) AS ok', key);
    if (!got.rows[0]?.ok) return null;
    return {
      release: async () => {
        // A session that dropped meanwhile took the lock with it.
        await client.query('SELECT pg_advisory_unlock(hashtextextended($1, $2))', key).catch(() => undefined);
      },
    };
  }

  async close(): Promise<void> {
    this.#listeners.clear();
    await Promise.all([this.#locks.end(), this.#listen.end()]);
  }
}
