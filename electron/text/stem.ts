// Snowball stemming for the stemmed copy of the index: Cyrillic words get the Russian stemmer, Latin words the
// English one, others (Arabic, CJK, digits) stay as folded. Choosing by script rather than by the article's
// language keeps a query word and a document word on the same stemmer whatever either is tagged as.
import snowball from 'snowball-stemmers';
import { foldWord, wordList } from './fold.ts';

const russian = snowball.newStemmer('russian');
const english = snowball.newStemmer('english');

// Stemming costs ~10 µs a word; words follow Zipf's law, so a bounded memo removes almost all of it.
const memo = new Map<string, string>();
const MEMO_LIMIT = 200_000;

/** The stem of one word (any case); the same function serves documents and queries. */
export function stemWord(word: string): string {
  // Keyed by the word as written, so a repeated word skips folding (Unicode normalisation) too.
  const known = memo.get(word);
  if (known !== undefined) return known;
  const folded = foldWord(word);
  let stem = folded;
  if (/\p{Script=Cyrillic}/u.test(folded)) stem = russian.stem(folded);
  else if (/^[a-z][a-z0-9]*$/.test(folded)) stem = english.stem(folded);
  if (memo.size >= MEMO_LIMIT) memo.clear();
  memo.set(word, stem);
  return stem;
}

/** A text as the stemmed index columns hold it: one stem per word, in order, so NEAR distances are kept. */
export function stemText(text: string): string {
  return wordList(text).map(stemWord).join(' ');
}
