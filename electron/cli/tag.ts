// `footnote tag|untag <id> <tag…>` and `footnote tags`: tagging articles by hand, and the list of tags.
import { printJson, UsageError, type CliCommand, type CliIo } from './command.ts';

function articleId(io: CliIo): number {
  const [first] = io.positionals;
  if (first === undefined || !/^\d+$/.test(first)) throw new UsageError(`give an article id (a number) first${first ? `, not "${first}"` : ''}.`);
  if (io.positionals.length < 2) throw new UsageError('give at least one tag after the article id.');
  return Number(first);
}

async function printArticleTags(io: CliIo, id: number): Promise<void> {
  const result = await io.api.call('tags.article', { id });
  if (io.json) return printJson(io, result.tags);
  io.out(result.tags.length > 0 ? result.tags.join('\n') : `(article ${id} has no tags)`);
}

export const tagCommand: CliCommand = {
  name: 'tag',
  usage: 'tag <article-id> <tag…>',
  summary: "tag an article (a new tag is created); prints the article's tags",
  async run(io) {
    const id = articleId(io);
    for (const tag of io.positionals.slice(1)) await io.api.call('tags.apply', { tag, ids: [id] });
    await printArticleTags(io, id);
  },
};

export const untagCommand: CliCommand = {
  name: 'untag',
  usage: 'untag <article-id> <tag…>',
  summary: "take tags off an article; prints the article's tags",
  async run(io) {
    const id = articleId(io);
    for (const tag of io.positionals.slice(1)) await io.api.call('tags.remove', { tag, ids: [id] });
    await printArticleTags(io, id);
  },
};

export const tagsCommand: CliCommand = {
  name: 'tags',
  usage: 'tags',
  summary: 'list tags with their article counts',
  async run(io) {
    const tags = await io.api.call('tags.list', {});
    if (io.json) return printJson(io, tags);
    if (tags.length === 0) {
      io.out('No tags yet: "footnote tag <id> <tag>" adds one.');
      return;
    }
    for (const t of tags) io.out(`${String(t.id).padStart(4)}  ${t.name}  ${t.count} ${t.count === 1 ? 'article' : 'articles'}${t.color ? `  ${t.color}` : ''}`);
  },
};
