// One unit of work (a poll's writes, a tag, a review) = one transaction on the team library. When the connection
// drops on the way (server restart, network, an administrator ending the session), PostgreSQL has already
// rolled the transaction back; what is left to do here is to throw the connection away, not hand it to the next
// unit, and fail this one with an error that says what was lost and what to do.
import type pg from 'pg';

export type TransactionStage = 'connecting' | 'working' | 'committing';

/** The connection to the team library was lost during a unit of work. */
export class ConnectionLostError extends Error {
  override name = 'ConnectionLostError';
  readonly what: string;
  readonly stage: TransactionStage;
  /**
   * True when the connection dropped while COMMIT was on its way: the server may have committed before it went.
   * Otherwise nothing of the unit was saved. Either way running the unit again is the remedy, which is why units
   * write with ON CONFLICT and other idempotent statements.
   */
  readonly outcomeUnknown: boolean;

  constructor(what: string, stage: TransactionStage, server: string, cause: unknown) {
    const reason = cause instanceof Error ? cause.message : String(cause);
    const saved = stage === 'committing'
      ? 'while committing: the server may or may not have saved it'
      : stage === 'connecting' ? 'before it started: nothing was saved' : 'in the middle: nothing of it was saved';
    super(`Lost the connection to the team library at ${server} ${what ? `while ${what}, ` : ''}${saved} (${reason}). Check that the server is up and reachable, then try again.`, { cause });
    this.what = what;
    this.stage = stage;
    this.outcomeUnknown = stage === 'committing';
  }
}

// 08xxx: connection exceptions; 57P01-03: the server ended the session (pg_terminate_backend, shutdown, restart).
const LOST_SQLSTATES = new Set(['57P01', '57P02', '57P03']);
const LOST_ERRNOS = new Set(['ECONNRESET', 'ECONNREFUSED', 'EPIPE', 'ETIMEDOUT', 'EHOSTUNREACH', 'ENETUNREACH', 'ENOTCONN']);

/** Whether an error from node-postgres means the connection is gone (as opposed to an error in the SQL). */
export function isConnectionLost(err: unknown): boolean {
  if (!(err instanceof Error)) return false;
  const code = (err as { code?: unknown }).code;
  if (typeof code === 'string' && (code.startsWith('08') || LOST_SQLSTATES.has(code) || LOST_ERRNOS.has(code))) return true;
  // node-postgres raises these as plain Errors without a code.
  return /Connection terminated|is not queryable|Client has encountered a connection error/i.test(err.message);
}

/** host:port/database, from a connected client or, before there is one, from the pool's settings. */
function describeServer(pool: pg.Pool, client?: pg.PoolClient): string {
  if (client) return `${client.host}:${client.port}/${client.database ?? ''}`;
  const o = pool.options;
  const url = o.connectionString ? new URL(o.connectionString) : null;
  return `${url?.hostname || o.host || 'localhost'}:${url?.port || o.port || 5432}/${url?.pathname.slice(1) || o.database || ''}`;
}

/**
 * Runs `work` in a transaction on a connection of `pool` and commits. An error in the work rolls back and is
 * rethrown as it is; a lost connection becomes a ConnectionLostError naming `what` (e.g. "storing the poll of
 * https://example.com/feed"), and the broken connection is discarded.
 */
export async function inTransaction<T>(pool: pg.Pool, what: string, work: (client: pg.PoolClient) => Promise<T>): Promise<T> {
  let client: pg.PoolClient;
  try {
    client = await pool.connect();
  } catch (err) {
    if (isConnectionLost(err)) throw new ConnectionLostError(what, 'connecting', describeServer(pool), err);
    throw err;
  }
  // A checked-out client reports a dropped socket as an 'error' event (the pool listens only to idle ones):
  // without a listener it would crash the process. The failed query reports the same error to the work.
  let dropped: unknown = null;
  const onError = (err: Error): void => { dropped = err; };
  client.on('error', onError);
  let stage: TransactionStage = 'working';
  let broken = false;
  try {
    await client.query('BEGIN');
    const result = await work(client);
    stage = 'committing';
    await client.query('COMMIT');
    return result;
  } catch (err) {
    if (dropped !== null || isConnectionLost(err)) {
      broken = true;
      throw new ConnectionLostError(what, stage, describeServer(pool, client), dropped ?? err);
    }
    await client.query('ROLLBACK').catch(() => { broken = true; });
    throw err;
  } finally {
    client.off('error', onError);
    // release(true) destroys the connection instead of returning it to the pool.
    client.release(broken);
  }
}
