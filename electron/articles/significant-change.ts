// What counts as a change (issue 13, item 2; the reasoning is in CHANGES.md beside this file): a new version is
// made only when the title, the text or the labels change as an analyst reads them. Both sides are brought to a
// comparable form first: Unicode NFC, invisible characters dropped, whitespace collapsed, tracking parameters
// cut from links written in the text, and the volatile lines pages carry around an article (counters,
// "5 minutes ago", ad slots, "related stories" lists, share buttons) left out by the rules below.
//
// Hand-written: the rules are the product's judgement of what matters, tuned on the pages Footnote reads; no
// library decides that.
import { createHash } from 'node:crypto';
import { canonicalLink } from './normalise.ts';
import { labelIdentity, type VersionContent } from './versions.ts';

export type ChangedPart = 'title' | 'text' | 'labels';

export interface ChangeDecision {
  /** True when the new fetch makes a new version. */
  changed: boolean;
  /** What changed, in the order title, text, labels. */
  parts: ChangedPart[];
  /** Why, in words (shown in logs and the re-check report). */
  reason: string;
}

// Invisible characters that CMSs insert and drop at will: soft hyphen, zero-width space/joiners, word joiner,
// invisible operators, BOM, Mongolian vowel separator, combining grapheme joiner.
const INVISIBLE = /[\u00AD\u034F\u180E\u200B-\u200D\u2060-\u2064\uFEFF]/g;
const LINE_BREAK = /\r\n|[\r\n\u2028\u2029\u0085]/;
const URL_IN_TEXT = /\bhttps?:\/\/[^\s<>"'«»]+/gi;
/** A legal footnote ("*The Taliban is…", "** признан иноагентом"): never chrome, whatever else it looks like. */
const FOOTNOTE_LINE = /^\*{1,3}\s*\S/;

/** Printable ASCII with no run of spaces is already normal (NFC-stable, no invisibles): only trimmed. */
const NEEDS_NORMALISING = /[^\u0020-\u007E]|  /;

/** Characters only: NFC, invisibles dropped, every run of whitespace (NBSP, ideographic space…) one space. */
export function normaliseChars(text: string): string {
  // Every article's text goes through here at ingest (its fingerprint): the plain case skips Unicode normalisation.
  if (!NEEDS_NORMALISING.test(text)) return text.trim();
  return text.normalize('NFC').replace(INVISIBLE, '').replace(/\s+/gu, ' ').trim();
}

const words = (line: string): number => line.split(' ').filter(Boolean).length;

// --- Volatile lines: each rule matches a whole line (after normaliseChars), case-insensitively. ---

const UPDATED = String.raw`(?:last\s+)?updated|modified|edited|обновлено|обновлен[оа]?|изменено|aktualisiert|mis à jour|actualizado|atualizado|aggiornato|更新(?:于|時間|时间)?`;
const UNIT = String.raw`s|secs?|seconds?|m|mins?|minutes?|h|hrs?|hours?|d|days?|w|weeks?|months?|years?|сек\S*|мин\S*|час\S*|дн\S*|день|недел\S*|месяц\S*|Sekunden?|Minuten?|Stunden?|Tagen?|Wochen?|heures?|jours?|semaines?|segundos?|minutos?|horas?|días?|dias?|semanas?`;
const AMOUNT = String.raw`\d+|an?|one|a few|several|несколько|einigen|quelques|unos`;

/** "Updated 5 minutes ago", "3 ч назад", "vor 2 Stunden", "il y a 5 minutes", "hace 3 horas", "5分钟前", "just now". */
const RELATIVE_TIME = new RegExp(String.raw`^(?:(?:${UPDATED}|published|posted|опубликовано)\s*:?\s*)?(?:`
  + String.raw`(?:${AMOUNT})\s*(?:${UNIT})\.?\s+(?:ago|назад)`
  + String.raw`|(?:vor|il y a|hace|há)\s+(?:${AMOUNT})\s*(?:${UNIT})`
  + String.raw`|\d+\s*(?:秒|分钟|分鐘|小时|小時|天|周|个月)前`
  + String.raw`|just now|moments? ago|только что|gerade eben|à l'instant|ahora mismo|刚刚)$`, 'iu');

/** Words a date stamp may hold beside its digits: months, weekdays, time zones, "at", "on". */
const STAMP_WORD = /^(?:(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec|mon|tue|wed|thu|fri|sat|sun|янв|фев|мар|апр|ма[йя]|июн|июл|авг|сен|окт|ноя|дек)\p{L}*|gmt|utc|msk|мск|cet|cest|est|edt|bst|am|pm|at|on|в|um|à|le|el|de|the|года?|г)$/iu;

/** "Updated: 14.03.2024, 09:10", "Обновлено 9 августа 2021, 16:22 (МСК)": when the page was last touched, not
 * what it says. The keyword, then digits and date words only. "Published" lines are kept: a publication date
 * moving is worth a look. */
const UPDATED_START = new RegExp(String.raw`^(?:${UPDATED})(?!\p{L})\s*:?`, 'iu');
function isUpdatedStamp(line: string): boolean {
  const m = UPDATED_START.exec(line);
  if (!m) return false;
  const rest = line.slice(m[0].length);
  return /\d/.test(rest) && (rest.match(/\p{L}+/gu) ?? []).every((w) => STAMP_WORD.test(w));
}

/** A date and time alone on a line ("09.08.2021 16:22", "2024-03-14T09:10Z"): a dateline re-rendered. Needs a
 * clock time, so a number in a table cell is never taken for one (and a line with no colon is not one: its
 * look-ahead would read the whole line to learn that). */
const BARE_STAMP = /^(?=.*\d{1,2}:\d{2})(?:[\d\s.,/\-–:+()]|T(?=\d)|Z$|GMT|UTC|MSK|МСК|CET|CEST|EST|EDT|BST)+$/iu;

const COUNTER_WORD = String.raw`views?|reads?|comments?|shares?|likes?|reactions?|retweets?|просмотр\S*|комментари\S*|прочтени\S*|прочитал\S*|репост\S*|лайк\S*|Aufrufe|Kommentare|vues|commentaires|visitas|lecturas|comentarios|visualizações|阅读|浏览|评论|閱讀|瀏覽`;
const NUMBER = String.raw`\d[\d\s.,]*(?:[KkMmКкМм]|тыс\.?)?\+?`;
const COUNTER_ITEM = String.raw`(?:[\p{So}\p{Sk}]\uFE0F?\s*)?(?:${NUMBER}\s*(?:${COUNTER_WORD})|(?:${COUNTER_WORD})\s*:?\s*${NUMBER})`;
/** "1,234 views", "Просмотров: 5 120", "12 comments · 1.2K shares", "👁 1234": counters and nothing else. */
const COUNTER = new RegExp(String.raw`^${COUNTER_ITEM}(?:\s*[·•|/]?\s*${COUNTER_ITEM})*$`, 'iu');
/** An icon and a number ("👁 1234", "💬 12"): a counter drawn with a symbol instead of a word. */
const ICON_COUNTER = /^(?:[\p{So}\p{Sk}]\uFE0F?\s*)+[\d\s.,]+[KkMmКкМм]?$|^[\d\s.,]+[KkMmКкМм]?\s*(?:[\p{So}\p{Sk}]\uFE0F?\s*)+$/u;

/** Share buttons and their labels. */
const SHARE = /^(?:share(?: this(?: article| story| page)?)?(?: on [\p{L} ]{1,20})?|share via e-?mail|tweet|copy link|print|поделиться|отправить|teilen|partager|compartir)$/iu;

/** An ad slot's label: the slot and a short line of ad copy after it rotate on every load. */
const AD_LABEL = /^(?:advertisement|advert|ad|ads|sponsored(?: content)?|promoted|paid content|реклама|партнерский материал|anzeige|werbung|publicité|publicidad|pubblicità|广告|廣告)$/iu;

const RELATED_HEADING_WORDS = String.raw`related(?: (?:stories|articles|news|content|coverage|links|topics))?|read (?:more|also|next)|also read|see also|more (?:from|on|about|stories|news)\b.*|most (?:read|viewed|popular|shared)|recommended(?: for you)?|you (?:may|might) also like|trending(?: now)?|top stories|latest news|читайте также|по теме|ещ[её] по теме|смотрите также|самое читаемое|самое популярное|популярное|рекомендуем|новости по теме|lesen sie auch|mehr zum thema|meistgelesen|à lire aussi|lire aussi|sur le même sujet|lea también|te puede interesar|más leídas|相关(?:新闻|阅读|文章|报道)?|推荐阅读|延伸阅读`;
/** A "related stories" block's heading, alone on its line: the list below it rotates. */
const RELATED_HEADING = new RegExp(String.raw`^(?:${RELATED_HEADING_WORDS})\s*:?$`, 'iu');
/** One related link inline: "Read also: Kremlin says…", "Читайте также: …". */
const RELATED_INLINE = new RegExp(String.raw`^(?:read (?:more|also)|also read|related|see also|читайте также|по теме|смотрите также|lesen sie auch|à lire aussi|lire aussi|lea también|相关阅读|延伸阅读)\s*[:：—–-]\s*\S`, 'iu');

/** How many lines after an ad label, and after a related heading, may be taken for its contents. */
const AD_COPY_LINES = 1;
const RELATED_LINES = 12;
/** A headline or a link title: short, and not a sentence (sentences end with a full stop or a colon). */
function isHeadlineLike(line: string): boolean {
  return words(line) <= 14 && !/[.!…。！:;：；]["'»”’)\]]*$/u.test(line) && !FOOTNOTE_LINE.test(line);
}

/** Chrome lines are short; a longer line is content and skips the rules below. */
const MAX_CHROME_CHARS = 200;

function isVolatileLine(line: string): boolean {
  if (line.length > MAX_CHROME_CHARS) return false;
  return RELATIVE_TIME.test(line) || isUpdatedStamp(line) || (line.includes(':') && BARE_STAMP.test(line))
    || COUNTER.test(line) || ICON_COUNTER.test(line) || SHARE.test(line) || RELATED_INLINE.test(line);
}

/** Text with every link written in it stripped of tracking parameters and fragment (normalise.ts's rule). */
function canonicalLinksIn(line: string): string {
  return line.replace(URL_IN_TEXT, (url) => canonicalLink(url) ?? url);
}

/**
 * The text as the change decision reads it: NFC, invisibles dropped, whitespace collapsed, links canonical,
 * volatile lines left out, paragraphs joined by one space (re-wrapping a paragraph is not an edit).
 */
export function comparableText(text: string): string {
  const lines = text.split(LINE_BREAK).map((l) => canonicalLinksIn(normaliseChars(l))).filter(Boolean);
  const kept: string[] = [];
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i] as string;
    if (FOOTNOTE_LINE.test(line)) {
      kept.push(line);
      continue;
    }
    const block = AD_LABEL.test(line) ? AD_COPY_LINES : RELATED_HEADING.test(line) ? RELATED_LINES : -1;
    if (block >= 0) {
      let skip = 0;
      while (skip < block && i + 1 < lines.length && isHeadlineLike(lines[i + 1] as string)) {
        i++;
        skip++;
      }
      continue;
    }
    if (!isVolatileLine(line)) kept.push(line);
  }
  return kept.join(' ');
}

/** The title as the change decision reads it (no line rules: a title is one line of content). */
export function comparableTitle(title: string | null): string {
  return normaliseChars(title ?? '');
}

/** The labels' identities (kind and canonical entity), sorted: evidence and offsets move with any edit. */
export function comparableLabels(labels: VersionContent['labels']): string[] {
  return [...new Set(labels.map(labelIdentity))].sort();
}

/**
 * Hex SHA-256 of the comparable title, text and labels: two fetches with the same fingerprint are one version.
 * A version row can keep it, so a re-poll compares one column instead of re-reading the stored text.
 */
export function changeFingerprint(content: VersionContent): string {
  const h = createHash('sha256');
  h.update(comparableTitle(content.title)).update('\u0000').update(comparableText(content.text)).update('\u0000');
  h.update(comparableLabels(content.labels).join('\u0001'));
  return h.digest('hex');
}

/**
 * Does the new fetch of an article make a new version? `stored` is the current version, `fetched` the same
 * fields read from the new fetch (the same source: feed item against feed item, page against page). A fetch
 * with no text or no title says nothing about an edit (a failed extraction, a feed that dropped the field):
 * the deletion rules judge an empty page, so here it never makes a version.
 */
export function significantChange(stored: VersionContent, fetched: VersionContent): ChangeDecision {
  const newText = comparableText(fetched.text);
  if (newText === '') return { changed: false, parts: [], reason: 'The new fetch has no article text: not an edit (the deletion rules judge an empty page).' };
  const parts: ChangedPart[] = [];
  const newTitle = comparableTitle(fetched.title);
  if (newTitle !== '' && newTitle !== comparableTitle(stored.title)) parts.push('title');
  if (newText !== comparableText(stored.text)) parts.push('text');
  const before = comparableLabels(stored.labels);
  const after = comparableLabels(fetched.labels);
  if (before.length !== after.length || before.some((k, i) => k !== after[i])) parts.push('labels');
  if (parts.length === 0) return { changed: false, parts, reason: 'Title, text and labels read the same once chrome, whitespace and tracking parameters are set aside.' };
  return { changed: true, parts, reason: `The ${joinWords(parts)} changed.` };
}

function joinWords(parts: ChangedPart[]): string {
  if (parts.length === 1) return parts[0] as string;
  return `${parts.slice(0, -1).join(', ')} and ${parts[parts.length - 1]}`;
}
