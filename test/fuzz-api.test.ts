// Every API method (apiNames, so new ones are covered without touching this file) gets hundreds of random and
// malformed arguments on a real library: no crash, no exception that is not an ApiError with a message, no
// write when the arguments are refused, no prototype pollution. The seed is printed; FUZZ_SEED=<n> replays it.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import net from 'node:net';
import dns from 'node:dns';
import { apiNames, invoke, ApiError } from '../electron/api/methods.ts';
import { createContext } from '../electron/engine/context.ts';
import { tempDir } from './helpers.ts';
import { insertArticles, libraryDigest } from './support/library-fixture.ts';
import { describeArgs, fuzzSeed, randomArgs, rng } from './support/fuzz.ts';

const CALLS_PER_METHOD = 150;
const CODES = new Set(['bad_request', 'not_found', 'conflict', 'failed']);

test(`API fuzzing: ${CALLS_PER_METHOD} random and malformed calls per method, on a real library`, { timeout: 600_000 }, async (t) => {
  const seed = fuzzSeed();
  t.diagnostic(`FUZZ_SEED=${seed}`);
  const r = rng(seed);

  // No call may reach the network, whatever URL it carries: sockets fail at once, names do not resolve.
  const realConnect = net.Socket.prototype.connect;
  const realLookup = dns.lookup;
  net.Socket.prototype.connect = function fuzzConnect(this: net.Socket) {
    process.nextTick(() => this.destroy(Object.assign(new Error('network disabled in the fuzz test'), { code: 'ECONNREFUSED' })));
    return this;
  } as typeof net.Socket.prototype.connect;
  // The callback shape of dns.lookup varies with its options; every shape takes an error first.
  (dns as { lookup: unknown }).lookup = (_host: string, ...rest: unknown[]) => {
    const cb = rest.at(-1) as (err: Error) => void;
    process.nextTick(() => cb(Object.assign(new Error('no DNS in the fuzz test'), { code: 'ENOTFOUND' })));
  };
  t.after(() => {
    net.Socket.prototype.connect = realConnect;
    (dns as { lookup: unknown }).lookup = realLookup;
  });

  const uncaught: unknown[] = [];
  const onUncaught = (err: unknown): void => void uncaught.push(err);
  process.on('uncaughtException', onUncaught);
  process.on('unhandledRejection', onUncaught);
  t.after(() => {
    process.off('uncaughtException', onUncaught);
    process.off('unhandledRejection', onUncaught);
  });

  const ctx = createContext(tempDir(t));
  t.after(() => ctx.store.close());
  insertArticles(ctx.store.db, 'https://one.example/feed', 20, 'One');
  insertArticles(ctx.store.db, 'https://two.example/feed', 5, 'Two');
  const state = (): string => `${libraryDigest(ctx.store.db)}|${JSON.stringify(ctx.settings.store)}`;

  const problems: string[] = [];
  let refused = 0;
  let accepted = 0;
  for (const name of apiNames) {
    for (let i = 0; i < CALLS_PER_METHOD; i++) {
      const args = randomArgs(r);
      const before = state();
      try {
        await invoke(ctx, name, args);
        accepted++;
      } catch (err) {
        refused++;
        if (!(err instanceof ApiError)) {
          problems.push(`${name}(${describeArgs(args)}) threw ${(err as Error)?.name}: ${(err as Error)?.message}`);
          continue;
        }
        if (!CODES.has(err.code) || err.message.trim().length < 5) problems.push(`${name}(${describeArgs(args)}) gave an unclear error: ${err.code} "${err.message}"`);
        if ((err.code === 'bad_request' || err.code === 'not_found') && state() !== before) problems.push(`${name}(${describeArgs(args)}) was refused (${err.code}) but wrote to the library`);
      }
    }
  }
  t.diagnostic(`${apiNames.length} methods, ${accepted} calls accepted, ${refused} refused`);
  assert.deepEqual(problems.slice(0, 15), [], `FUZZ_SEED=${seed}: ${problems.length} problems`);
  assert.deepEqual(uncaught.map(String), [], 'no uncaught exception or unhandled rejection');
  assert.equal(({} as Record<string, unknown>)['polluted'], undefined, 'Object.prototype not polluted');
  assert.equal(({} as Record<string, unknown>)['isAdmin'], undefined, 'Object.prototype not polluted');
  assert.equal(ctx.store.db.pragma('integrity_check', { simple: true }), 'ok');
});

test('an unknown method name is refused as not_found, whatever it looks like', async (t) => {
  const ctx = createContext(tempDir(t));
  t.after(() => ctx.store.close());
  for (const name of ['__proto__', 'constructor', 'toString', 'hasOwnProperty', '', 'feeds.list ', 'FEEDS.LIST', '../feeds.list', 'x'.repeat(100_000)]) {
    await assert.rejects(invoke(ctx, name, {}), (err: unknown) => err instanceof ApiError && err.code === 'not_found', name.slice(0, 30));
  }
});
