// Finding the name a label is attached to: the words just before a marker or parenthesis, just after a
// designation ("запрещенной в России организации «ИГ»"), or at the head of a footnote. Names are proper nouns
// (capitalised runs), quoted names, CJK runs, or Arabic words, in every script the detector reads.

/** Quote pairs, closing → opening. */
const QUOTES: Record<string, string> = { '»': '«', '”': '“', '“': '„', '"': '"', '」': '「', '』': '『', '›': '‹' };
const OPENING = new Set(['«', '“', '„', '"', '「', '『', '‹']);
const CLOSING_FOR: Record<string, string> = { '«': '»', '“': '”', '„': '“', '"': '"', '「': '」', '『': '』', '‹': '›' };

export const MARKER_CHARS = '*✱¹²³⁴⁵⁶⁷⁸⁹';

/** Lower-case words allowed between the capitalised words of one name ("Hayat Tahrir al-Sham", "Voice of America"). */
const CONNECTORS = new Set(['of', 'for', 'al', 'el', 'ul', 'ut', 'ad', 'ash', 'an', 'bin', 'ibn', 'de', 'del', 'da', 'do', 'dos', 'das', 'du', 'des', 'and']);
/** Leading words that are not part of a name. */
const ARTICLES = new Set(['the', 'a', 'an', 'der', 'die', 'das', 'den', 'dem', 'des', 'la', 'le', 'les', 'el', 'los', 'las', 'il', 'lo', 'gli', 'o', 'os', 'as', 'l']);
/** Heads that name the kind of body, not the body: skipped ("the Taliban movement", "Die Organisation Memorial"). */
const HEADS = new Set([
  'movement', 'group', 'regiment', 'organisation', 'organization', 'company', 'network',
  'bewegung', 'gruppe', 'konzern', 'organización', 'organisation', 'organização', 'organizzazione', 'movimento', 'movimiento', 'mouvement',
  'движение', 'движения', 'организация', 'организации', 'компания', 'компании', 'группировка', 'группировки', 'группа', 'соцсеть', 'сеть',
  'منظمة', 'تنظيم', 'حركة', 'جماعة', 'شركة', 'كمنظمة',
  'рух', 'руху', 'організація', 'компанія', 'покрет', 'покрета', 'организација', 'компанија', 'pokret', 'organizacija', 'kompanija',
]);
/** Words that stand for a name without being one: a footnote starting with them points back to the body mention. */
const PRONOUNS = new Set([
  'both', 'all', 'it', 'this', 'they', 'these', 'оба', 'обе', 'все', 'она', 'он', 'они', 'это', 'obje', 'oba', 'ambos', 'ambas', 'tous', 'beide', 'entrambi', 'her',
  'social', 'социальная', 'деятельность', 'принадлежит', 'rede', 'red', 'réseau',
]);
/** Words that open sentences and never names: dropped when they head a name at the start of a sentence. */
const OPENERS = new Set([
  'later', 'earlier', 'meanwhile', 'however', 'also', 'then', 'now', 'today', 'yesterday', 'recently', 'previously', 'and', 'but', 'so', 'thus',
  'still', 'instead', 'besides', 'moreover', 'finally', 'first', 'when', 'while', 'after', 'before', 'since', 'if', 'as', 'by', 'in', 'on', 'at', 'for', 'with',
  'ранее', 'затем', 'также', 'сегодня', 'вчера', 'позже', 'однако', 'теперь', 'кроме', 'при', 'по', 'как', 'когда',
  'ahora', 'luego', 'después', 'además', 'hoy', 'ayer', 'según', 'aussi', 'ensuite', 'puis', 'hier', "aujourd'hui", 'cependant', 'selon',
  'später', 'heute', 'gestern', 'außerdem', 'jedoch', 'dann', 'auch', 'laut', 'ayrıca', 'bugün', 'dün', 'ancak', 'oggi', 'ieri', 'inoltre', 'poi', 'secondo',
  'hoje', 'ontem', 'também', 'depois', 'segundo', 'затим', 'данас', 'јуче', 'такође', 'danas', 'juče', 'takođe', 'також', 'сьогодні', 'вчора', 'потім',
]);
const ARABIC_STOP = new Set(['تنظيم', 'حركة', 'جماعة', 'شركة', 'منظمة', 'وفد', 'من', 'في', 'على', 'عن', 'إلى', 'مع', 'أعلن', 'قالت', 'قال', 'أعلنت', 'و']);
/** Characters that end a Chinese name when walking back from a mention. */
const CJK_STOP = '的了在对与和及是被将向从称据说等把让于为由据中上下旗';
const CJK_SUFFIXES = ['公司', '组织', '运动', '集团'];

const isUpper = (ch: string): boolean => ch !== ch.toLowerCase() && ch === ch.toUpperCase();
const isLetter = (ch: string): boolean => /\p{L}/u.test(ch);
const isCjk = (ch: string): boolean => /\p{Script=Han}/u.test(ch);
const isArabic = (ch: string): boolean => /\p{Script=Arabic}/u.test(ch);

/** A word that can be part of a name: capitalised, an acronym, a connector-prefixed part ("al-Sham", "eş-Şam"). */
function isNameWord(w: string): boolean {
  const first = w[0];
  if (first === undefined) return false;
  if (isUpper(first) || /^\d/.test(w)) return true;
  const dash = w.indexOf('-');
  if (dash > 0 && dash <= 4) {
    const after = w[dash + 1];
    return after !== undefined && isUpper(after);
  }
  return false;
}

function trimMarker(text: string, end: number): number {
  let i = end;
  while (i > 0 && MARKER_CHARS.includes(text[i - 1] ?? '')) i--;
  // A footnote digit glued to a word ("ИГИЛ1"): only a single digit right after a letter.
  if (i === end && /\d/.test(text[i - 1] ?? '') && isLetter(text[i - 2] ?? '') && !/\d/.test(text[i - 2] ?? '')) i--;
  return i;
}

/** The marker glued right after a name that ends at `end` ("Meta*"), or null. */
export function markerAfter(text: string, end: number): string | null {
  let i = end;
  while (i < text.length && MARKER_CHARS.includes(text[i] ?? '')) i++;
  return i > end ? text.slice(end, i) : null;
}

/** The marker glued to the end of a mention that ends at `end`, or null. */
export function markerBefore(text: string, end: number): string | null {
  const i = trimMarker(text, end);
  return i < end ? text.slice(i, end) : null;
}

function sentenceStartBefore(text: string, pos: number): boolean {
  let i = pos - 1;
  while (i >= 0 && (text[i] === ' ' || text[i] === '\t')) i--;
  return i < 0 || '.!?\n:;'.includes(text[i] ?? '');
}

export interface Found {
  name: string;
  start: number;
  end: number;
}

/** The name that ends at `end` (markers and spaces before `end` are skipped). */
export function nameBefore(text: string, end: number, glued = false): Found | null {
  let i = end;
  while (i > 0 && (text[i - 1] === ' ' || text[i - 1] === '\u00a0')) i--;
  i = trimMarker(text, i);
  // Spaces again: a blanked parenthesis may sit between the name and its marker ("«ИГ» (ИГ)*").
  while (i > 0 && (text[i - 1] === ' ' || text[i - 1] === '\u00a0')) i--;
  const last = text[i - 1];
  if (last === undefined) return null;
  const open = QUOTES[last];
  if (open !== undefined) return quotedBefore(text, i, open);
  // A Latin name inside Chinese text ("发布在Meta公司") is walked back like a CJK run.
  if (isCjk(last) || (/[A-Za-z0-9]/.test(last) && isCjk(charBeforeRun(text, i)))) return cjkBefore(text, i);
  if (isArabic(last)) return arabicBefore(text, i);
  return wordsBefore(text, i, 8, glued);
}

/** The character before the run of Latin letters that ends at `end`. */
function charBeforeRun(text: string, end: number): string {
  let i = end;
  while (i > 0 && /[A-Za-z0-9]/.test(text[i - 1] ?? '')) i--;
  return text[i - 1] ?? '';
}

function quotedBefore(text: string, end: number, open: string): Found | null {
  const from = text.lastIndexOf(open, end - 2);
  if (from < 0 || end - from > 120) return null;
  const inner = text.slice(from + 1, end - 1).trim();
  if (inner.length === 0) return null;
  // "Легион «Свобода России»": a capitalised word glued before the quote belongs to the name, unless it opens the sentence.
  const before = text[from - 1] === ' ' ? wordsBefore(text, from - 1, 1) : null;
  if (before && isNameWord(before.name) && !sentenceStartBefore(text, before.start) && !HEADS.has(before.name.toLowerCase())) {
    return { name: text.slice(before.start, end), start: before.start, end };
  }
  // Quotes kept: cleanEntity removes them and knows the name is whole (no head noun to strip).
  return { name: text.slice(from, end), start: from, end };
}

function cjkBefore(text: string, end: number): Found | null {
  let i = end;
  while (i > 0) {
    const ch = text[i - 1] ?? '';
    if (!(isCjk(ch) || /[A-Za-z0-9]/.test(ch)) || CJK_STOP.includes(ch)) break;
    i--;
  }
  const name = stripCjkSuffix(text.slice(i, end));
  return name.length > 0 ? { name, start: i, end: i + name.length } : null;
}

export function stripCjkSuffix(name: string): string {
  for (const s of CJK_SUFFIXES) if (name.endsWith(s) && name.length > s.length) return name.slice(0, -s.length);
  return name;
}

function arabicBefore(text: string, end: number): Found | null {
  const words: { w: string; s: number }[] = [];
  let i = end;
  while (words.length < 3) {
    let s = i;
    while (s > 0 && isArabic(text[s - 1] ?? '')) s--;
    if (s === i) break;
    const w = text.slice(s, i);
    if (ARABIC_STOP.has(w)) break;
    words.unshift({ w, s });
    if (text[s - 1] !== ' ') break;
    i = s - 1;
  }
  const first = words[0];
  if (!first) return null;
  // A verb or preposition may sit before a one-word name: keep only the last word when the run is long.
  const kept = words.length > 2 ? words.slice(-2) : words;
  const start = kept[0]?.s ?? first.s;
  return { name: text.slice(start, end), start, end };
}

const WORD_CHAR = /[\p{L}\p{N}'’\-.&]/u;

/** The run of word characters (letters, digits, ' ’ - . &) ending at `end`, at most 60 long; '' when none. */
function wordEndingAt(text: string, end: number): string {
  let i = end;
  while (i > 0 && end - i < 60 && WORD_CHAR.test(text[i - 1] ?? '')) i--;
  return text.slice(i, end);
}

/** Capitalised words ending at `end`, walking back over connectors and skipping a trailing head or parenthesis. */
function wordsBefore(text: string, end: number, max = 8, lowerTail = false): Found | null {
  const words: { w: string; s: number }[] = [];
  let i = end;
  while (words.length < max) {
    // "The Meta* company": a marker may sit between the name and a head noun that follows it.
    if (words.length === 0) i = trimMarker(text, i);
    let w = wordEndingAt(text, i);
    if (w.length === 0) break;
    let s = i - w.length;
    // A sentence-ending period is not part of the word, nor is a French or Italian elided article (l'État).
    while (w.startsWith('.') || w.startsWith('-')) { w = w.slice(1); s++; }
    const elided = /^(?:[lLdD]|dell|all|nell|dall)['’](?=\p{Lu})/u.exec(w);
    if (elided) { w = w.slice(elided[0].length); s += elided[0].length; }
    if (w.length === 0) break;
    // A word that ends a sentence ("Novosti.") is not part of the name that follows it.
    if (words.length > 0 && /\p{L}{2}\.$/u.test(w)) break;
    const lower = w.toLowerCase();
    const named = isNameWord(w);
    // A name glued to a marker may end in a lower-case adjective ("l'État islamique*"), if a capital precedes it.
    const tail = lowerTail && words.length === 0 && !named && !HEADS.has(lower) && isNameWord(previousWord(text, s));
    if (!named && !tail && !(words.length > 0 && CONNECTORS.has(lower)) && !(words.length === 0 && HEADS.has(lower))) break;
    if (!(words.length === 0 && HEADS.has(lower) && !named)) words.unshift({ w, s });
    if (text[s - 1] !== ' ' || elided) break;
    i = s - 1;
  }
  while (words.length > 0 && CONNECTORS.has(words[0]?.w.toLowerCase() ?? '')) words.shift();
  if (words.length === 0) return null;
  // The first word of a sentence is capitalised for grammar: drop it when a two-word name remains ("Журналіст Дмитро Гордон").
  const head = words[0];
  if (head && words.length >= 2 && sentenceStartBefore(text, head.s)
    && (words.length >= 3 || OPENERS.has(head.w.toLowerCase()) || differentStyle(head.w, words[1]?.w ?? ''))) words.shift();
  // "мэр Екатеринбурга Евгений Ройзман": a Cyrillic place in the genitive before a two-word person's name.
  if (words.length === 3 && /^[А-ЯЁ][а-яё]+(?:а|я|ы|и)$/.test(words[0]?.w ?? '') && words.slice(1).every((x) => /^[А-ЯЁ][а-яё]+$/.test(x.w))) words.shift();
  while (words.length > 0 && CONNECTORS.has(words[0]?.w.toLowerCase() ?? '')) words.shift();
  const first = words[0];
  const lastWord = words[words.length - 1];
  if (!first || !lastWord) return null;
  const start = first.s;
  const stop = lastWord.s + lastWord.w.length;
  return { name: text.slice(start, stop), start, end: stop };
}

function previousWord(text: string, start: number): string {
  if (text[start - 1] !== ' ') return '';
  return wordEndingAt(text, start - 1).replace(/^(?:[lLdD]|dell|all|nell|dall)['’]/, '');
}

/** "Saldırıyı DEAŞ", "Açıklama Facebook": a native sentence opener before an acronym or a Latin brand. */
function differentStyle(first: string, second: string): boolean {
  if (/['’]/.test(first)) return false; // Turkish marks the case ending of a proper noun with an apostrophe
  const ascii = (w: string): boolean => /^[A-Za-z0-9'’\-.&]+$/.test(w);
  const acronym = (w: string): boolean => w.length > 1 && w === w.toUpperCase() && w !== first.toUpperCase();
  return acronym(second) || ascii(first) !== ascii(second);
}

const WORD_AFTER = /^[\p{L}\p{N}'’\-&]+/u;

/** The name that starts at `start` (after spaces): a quoted name or capitalised words. */
export function nameAfter(text: string, start: number): Found | null {
  let i = start;
  while (text[i] === ' ' || text[i] === '\u00a0') i++;
  const ch = text[i];
  if (ch === undefined) return null;
  if (OPENING.has(ch)) {
    const close = text.indexOf(CLOSING_FOR[ch] ?? ch, i + 1);
    if (close < 0 || close - i > 120) return null;
    return { name: text.slice(i, close + 1), start: i, end: close + 1 };
  }
  if (isArabic(ch)) {
    const m = /^[\p{Script=Arabic}]+/u.exec(text.slice(i, i + 60));
    return m ? { name: m[0], start: i, end: i + m[0].length } : null;
  }
  const words: { w: string; s: number }[] = [];
  let j = i;
  while (words.length < 8) {
    const m = WORD_AFTER.exec(text.slice(j, j + 60));
    if (!m) break;
    const w = m[0];
    if (!isNameWord(w) && !(words.length > 0 && CONNECTORS.has(w.toLowerCase()))) break;
    words.push({ w, s: j });
    j += w.length;
    if (text[j] !== ' ') break;
    j++;
  }
  while (words.length > 0 && CONNECTORS.has(words[words.length - 1]?.w.toLowerCase() ?? '')) words.pop();
  const first = words[0];
  const last = words[words.length - 1];
  if (!first || !last) return null;
  return { name: text.slice(first.s, last.s + last.w.length), start: first.s, end: last.s + last.w.length };
}

/** Two names of one entity compare equal by this key: case, quotation marks and a leading article aside. */
export function entityKey(entity: string): string {
  return entity.toLowerCase().replace(/[«»“”„"'’]/g, '').replace(/^(?:the|der|die|das|la|le|les|el|los|las|il|lo|o|os|a)\s+/, '').replace(/\s+/g, ' ').trim();
}

/** Cleans a candidate name: no leading article or head noun, no quotes; null when nothing name-like is left. */
export function cleanEntity(raw: string): string | null {
  let words = raw.trim().replace(/^[—–\-:\s]+/, '').replace(/[\s,.;:]+$/, '').split(/\s+/);
  if (PRONOUNS.has((words[0] ?? '').toLowerCase())) return null;
  // "Die Organisation Memorial" → "Memorial"; a bare article stays: the entity is named as the text names it ("The Taliban").
  const isHead = (w: string | undefined): boolean => HEADS.has((w ?? '').toLowerCase());
  while (words.length > 1 && (isHead(words[0]) || (words.length > 2 && ARTICLES.has(stripElision(words[0] ?? '')) && isHead(words[1])))) {
    words = words.slice(isHead(words[0]) ? 1 : 2);
  }
  let name = words.join(' ').replace(/-(?:Konzern|Gruppe|Holding)$/, '');
  const quoted = /^[«“„"「]([^»”"」]{1,100})[»”"」]$/.exec(name);
  if (quoted?.[1]) name = quoted[1];
  if (!/\p{L}/u.test(name) || PRONOUNS.has(name.toLowerCase()) || HEADS.has(name.toLowerCase())) return null;
  const first = name[0] ?? '';
  if (isCjk(first)) return quoted ? name : stripCjkSuffix(name);
  if (isArabic(first) || OPENING.has(first)) return name;
  return isNameWord(name) ? (quoted ? name : stripCjkSuffix(name)) : null;
}

function stripElision(word: string): string {
  return word.toLowerCase().replace(/['’]$/, '');
}
