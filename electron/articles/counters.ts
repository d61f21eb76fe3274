// View, share and comment counters ("1,204" beside a Sputnik headline) are page chrome that Readability keeps
// when they sit next to the article's lead. They are removed from the page before Readability reads it, and
// only they: an element whose class or id names a counter and whose text is a bare number. An earlier rule that
// dropped every block without letters also dropped table cells, times, scores and the spans of code listings
// (word F1 on Readability's test pages fell from 0.996 to 0.956 with it).

// A class or id token that names a counter: "m-views", "statistic__item", "share-count", "comments_count".
const COUNTER_NAME = /(?:^|[\s_-])(?:views?|view-?count|statistics?|stats|counters?|hits|pageviews|reads|likes|shares|share-?count|comments?-?count)(?:$|[\s_-])/i;
const COUNTER_SELECTOR = ['view', 'stat', 'count', 'hits', 'reads', 'likes', 'share']
  .flatMap((word) => [`[class*="${word}" i]`, `[id*="${word}" i]`]).join(', ');
// "1,204", "12.5K", "3 405": digits with separators and a magnitude letter, nothing else.
const BARE_NUMBER = /^[\d\s.,'’\u00a0\u202f]*\d[\d\s.,'’\u00a0\u202f]*[kmкм]?$/iu;

/** Removes the page's view/share/comment counters in place. */
export function removeCounters(document: Document): void {
  for (const el of [...document.querySelectorAll(COUNTER_SELECTOR)]) {
    const name = `${el.getAttribute('class') ?? ''} ${el.getAttribute('id') ?? ''}`;
    const text = (el.textContent ?? '').trim();
    if (text !== '' && text.length <= 24 && BARE_NUMBER.test(text) && COUNTER_NAME.test(name)) el.remove();
  }
}
