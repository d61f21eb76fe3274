// `footnote search <query>`: offline Boolean search over the library.
import { positiveOption, printJson, stringOption, UsageError, type CliCommand } from './command.ts';
import { MARK_END, MARK_START } from '../query/snippet.ts';

export const searchCommand: CliCommand = {
  name: 'search',
  usage: 'search <query> [--limit N] [--offset N] [--sort relevance|date]',
  summary: 'offline search: AND OR NOT ( ) "phrases" prefix* NEAR/n, title: feed: tag: date:A..B …',
  options: { limit: { type: 'string' }, offset: { type: 'string' }, sort: { type: 'string' } },
  async run(io) {
    if (io.positionals.length === 0) throw new UsageError('give a query, e.g. footnote search \'sanctions AND "central bank"\'.');
    const sort = stringOption(io, 'sort') ?? 'relevance';
    if (sort !== 'relevance' && sort !== 'date') throw new UsageError(`--sort takes relevance or date, not "${sort}".`);
    const result = await io.api.call('search.query', {
      q: io.positionals.join(' '),
      limit: positiveOption(io, 'limit') ?? 20,
      offset: positiveOption(io, 'offset') ?? 0,
      sort,
    });
    if (io.json) return printJson(io, result);
    for (const w of result.warnings) io.err(`warning: ${w}`);
    const [on, off] = io.stdoutIsTTY ? ['\x1b[1m', '\x1b[0m'] : ['', ''];
    io.out(`${result.total} ${result.total === 1 ? 'article' : 'articles'}`);
    for (const h of result.hits) {
      io.out(`${String(h.id).padStart(6)}  ${(h.published ?? '').slice(0, 10).padEnd(10)}  ${h.feed}  ${h.title ?? '(untitled)'}`);
      if (h.snippet) io.out(`        ${h.snippet.replaceAll(MARK_START, on).replaceAll(MARK_END, off)}`);
      if (h.tags.length > 0) io.out(`        tags: ${h.tags.join(', ')}`);
    }
  },
};
