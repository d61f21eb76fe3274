// An article's words as the six tsvectors of article_search, made in the app with the same code that feeds the
// SQLite index, so that both engines see the same words at the same positions:
// - raw columns: the text folded (fold.ts indexFold), split where unicode61 splits, each word folded (foldWord);
// - stem columns: the stemmed text (stem.ts stemText, which the SQLite index stores), split again.
// Why not to_tsvector(): see migration 3. The vectors travel as tsvector literals ('word':1,4 'other':2), which
// PostgreSQL reads without its parser or any text-search configuration.
import { foldWord, indexFold, words } from '../../text/fold.ts';
import { stemText } from '../../text/stem.ts';

/** PostgreSQL's limits (tsvector.h): larger positions are stored as this one; later positions of a word are dropped. */
const MAX_POSITION = 16383;
const MAX_POSITIONS_PER_WORD = 256;
/** A longer lexeme is rejected by tsvector input; to_tsvector() skips such words too. */
const MAX_WORD_BYTES = 2046;
/** The lexemes of one tsvector may take at most 1 MiB; a text with more distinct words is indexed up to there. */
const MAX_LEXEME_BYTES = (1 << 20) - 1;

export interface SearchableText {
  title: string | null;
  author: string | null;
  summary: string | null;
  text: string | null;
}

/** Column name → tsvector literal, for INSERT … VALUES ($1::tsvector, …). */
export interface SearchVectors {
  title: string;
  author: string;
  summary: string;
  text: string;
  title_stem: string;
  text_stem: string;
}

export const SEARCH_COLUMNS = ['title', 'author', 'summary', 'text', 'title_stem', 'text_stem'] as const;

/** The words of a text as the raw columns index them. */
export function rawWords(text: string | null): string[] {
  return text ? words(indexFold(text)).map((w) => foldWord(w.word)) : [];
}

/** The words of a text as the stem columns index them. */
export function stemWords(text: string | null): string[] {
  return text ? words(stemText(text)).map((w) => w.word) : [];
}

/** A lexeme quoted for tsvector and tsquery input. */
export function quoteLexeme(word: string): string {
  return `'${word.replace(/\\/g, '\\\\').replace(/'/g, "''")}'`;
}

/** Words in text order → a tsvector literal with 1-based positions. */
export function tsvectorLiteral(tokens: readonly string[]): string {
  const positions = new Map<string, number[]>();
  let bytes = 0;
  tokens.forEach((word, i) => {
    let at = positions.get(word);
    if (!at) {
      const size = Buffer.byteLength(word);
      if (size > MAX_WORD_BYTES || bytes + size > MAX_LEXEME_BYTES) return;
      bytes += size;
      positions.set(word, (at = []));
    }
    // Every word keeps its place in the count, indexed or not, so positions stay those of FTS5.
    const position = Math.min(i + 1, MAX_POSITION);
    if (at.length < MAX_POSITIONS_PER_WORD && at.at(-1) !== position) at.push(position);
  });
  return [...positions].map(([word, at]) => `${quoteLexeme(word)}:${at.join(',')}`).join(' ');
}

export function searchVectors(a: SearchableText): SearchVectors {
  return {
    title: tsvectorLiteral(rawWords(a.title)),
    author: tsvectorLiteral(rawWords(a.author)),
    summary: tsvectorLiteral(rawWords(a.summary)),
    text: tsvectorLiteral(rawWords(a.text)),
    title_stem: tsvectorLiteral(stemWords(a.title)),
    // As in the SQLite index: the text's stems, else the summary's.
    text_stem: tsvectorLiteral(stemWords(a.text ? a.text : a.summary)),
  };
}

/** The statement that (re)indexes one article; parameters: the article id, then the vectors in SEARCH_COLUMNS order. */
export const UPSERT_SEARCH_SQL = `INSERT INTO article_search (article_id, ${SEARCH_COLUMNS.join(', ')})
  VALUES ($1, ${SEARCH_COLUMNS.map((_, i) => `$${i + 2}::tsvector`).join(', ')})
  ON CONFLICT (article_id) DO UPDATE SET ${SEARCH_COLUMNS.map((c) => `${c} = excluded.${c}`).join(', ')}`;

export function upsertSearchParams(articleId: number, a: SearchableText): unknown[] {
  const v = searchVectors(a);
  return [articleId, ...SEARCH_COLUMNS.map((c) => v[c])];
}
