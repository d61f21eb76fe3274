// Consent walls and paywalls, read from the page itself: what stands between Footnote and an article's text.
//
// A consent banner or a paywall script alone blocks nothing for us: most pages ship the whole article under the
// overlay, and Readability reads it. A page is blocked when such a wall is there AND what Readability found is
// not the article: very short, or the wall's own text ("We use cookies…", "Subscribe to continue reading").
// Hand-written: no library reads consent managers and paywalls from HTML; the markers below are the public
// names of the common ones (IAB TCF's __tcfapi, OneTrust, Quantcast, Didomi, Sourcepoint, Usercentrics,
// Cookiebot, Google Funding Choices, consentmanager.net, TrustArc, Piano), schema.org's isAccessibleForFree,
// and the wording of walls in the languages Footnote's users read most.

import { jsonLdObjects } from './json-ld.ts';

export type WallKind = 'consent' | 'paywall';

export interface Wall {
  kind: WallKind;
  /** What was seen, in words: "a OneTrust consent banner", "JSON-LD isAccessibleForFree: false". */
  evidence: string;
}

/** A wall seen on the page. A strong one is the publisher's own statement that the article is locked. */
interface SeenWall extends Wall {
  strong: boolean;
}

/** What the page says about itself before Readability takes it apart (it removes scripts and overlays). */
export interface PageSignals {
  walls: SeenWall[];
  /** A page drawn by scripts: its body holds almost no text but asks for JavaScript. */
  scriptShell: boolean;
  /** Letters of the body's readable text (scripts, styles and noscript left out). */
  letters: number;
}

// An extraction shorter than this on a page with a wall is the wall's leftovers, not the article.
const SHORT_LETTERS = 600;
// A paywalled teaser runs to a few paragraphs; a full article the publisher marks as locked is longer. Weaker
// signs (a "paywall" class, "Already a subscriber?" in a footer) sit on free articles too, so with them only a
// text as short as a wall's leftovers counts as blocked.
const TEASER_LETTERS = 1500;

/** Markers in the page's source: consent-manager scripts and the addresses of consent pages. */
const CONSENT_SOURCE: [RegExp, string][] = [
  [/__tcfapi|__cmp\s*\(|\bcmpapi\b/, 'an IAB TCF consent manager'],
  [/consent\.google\.com|consent\.youtube\.com/, 'Google\'s consent page'],
  [/guce\.yahoo\.com|consent\.yahoo\.com|guce\.aol\.com/, 'Yahoo\'s consent page'],
  [/cdn\.cookielaw\.org|optanon/i, 'a OneTrust consent banner'],
  [/quantcast\.mgr\.consensu\.org|cmp\.quantcast\.com/, 'a Quantcast consent banner'],
  [/sdk\.privacy-center\.org|didomi/i, 'a Didomi consent banner'],
  [/sourcepoint|sp-prod\.net|_sp_\.config/i, 'a Sourcepoint consent wall'],
  [/app\.usercentrics\.eu|usercentrics/i, 'a Usercentrics consent banner'],
  [/consent\.cookiebot\.com|cookiebot/i, 'a Cookiebot consent banner'],
  [/fundingchoicesmessages\.google\.com/, 'a Google Funding Choices consent banner'],
  [/consentmanager\.net|cdn\.consentmanager/, 'a consentmanager.net consent banner'],
  [/consent\.trustarc\.com|truste-consent/i, 'a TrustArc consent banner'],
];

/** Elements of consent overlays and cookie walls. */
const CONSENT_ELEMENTS: [string, string][] = [
  ['#onetrust-consent-sdk, #onetrust-banner-sdk', 'a OneTrust consent banner'],
  ['.qc-cmp2-container, #qc-cmp2-ui', 'a Quantcast consent banner'],
  ['#didomi-host, #didomi-popup', 'a Didomi consent banner'],
  ['[id^="sp_message_container"]', 'a Sourcepoint consent wall'],
  ['#usercentrics-root', 'a Usercentrics consent banner'],
  ['#CybotCookiebotDialog', 'a Cookiebot consent banner'],
  ['.fc-consent-root', 'a Google Funding Choices consent banner'],
  ['#cmpbox, #cmpwrapper', 'a consentmanager.net consent banner'],
  ['form[action*="consent" i], [class*="consent-wall" i], [id*="consent-wall" i], [class*="cookiewall" i], [id*="cookiewall" i], [class*="cookie-wall" i], [id*="cookie-wall" i], [class*="consent-overlay" i]', 'a cookie wall'],
];

/** Elements that hold a paywall or a registration wall, or the locked part of an article. */
const PAYWALL_ELEMENTS = '[class*="paywall" i], [id*="paywall" i], [class*="regwall" i], [id*="regwall" i], [class*="tp-modal" i], [id*="piano" i], [class*="piano-" i], [class*="subscriber-only" i], [class*="premium-wall" i], [class*="article-locked" i], [class*="content-locked" i], [class*="metered-content" i], [class*="meteredContent" i]';

/** The words of consent walls: titles, buttons and their first sentence. */
const CONSENT_WORDS = new RegExp([
  'before you continue', 'we use cookies', 'we and our (?:\\d+ )?partners', 'accept all', 'reject all', 'accept cookies',
  'cookie (?:settings|preferences|policy)', 'manage (?:your )?(?:privacy|cookie|consent)', 'your privacy choices', 'legitimate interest', 'your consent', 'personali[sz]ed ads',
  'zustimmen und weiter', 'alle akzeptieren', 'wir verwenden cookies', 'einwilligung', 'datenschutzeinstellungen',
  'tout accepter', 'nous utilisons des cookies', 'avant de continuer', 'votre consentement',
  'aceptar todo', 'utilizamos cookies', 'antes de continuar', 'su consentimiento',
  'accetta tutto', 'utilizziamo (?:i )?cookie', 'prima di continuare', 'il tuo consenso',
  'alles accepteren', 'voordat je verdergaat', 'toestemming', 'zaakceptuj wszystko', 'zanim przejdziesz dalej',
  'мы используем (?:файлы )?cookie', 'принять все', 'согласие на обработку',
].join('|'), 'iu');

/** The words of paywalls and registration walls. */
const PAYWALL_WORDS = new RegExp([
  'subscribe (?:now )?to (?:continue|keep) reading', 'subscribe to read', 'to continue reading,? (?:please )?(?:subscribe|sign in|log in)',
  'this (?:article|story|content) is (?:only )?(?:available )?(?:for|to) (?:subscribers|members)', 'for subscribers only', 'already a subscriber',
  'become a subscriber', 'you have reached your (?:limit|maximum) of free articles', 'free articles? (?:left|remaining) this month',
  'jetzt weiterlesen mit', 'weiterlesen mit', 'nur für abonnenten', 'mit abo weiterlesen',
  'réservé aux abonnés', 'cet article est réservé', 'exclusivo para (?:suscriptores|assinantes)', 'suscríbete para seguir leyendo',
  'riservato agli abbonati', 'alleen voor abonnees',
  'только (?:для )?подписчик', 'доступ(?:ен|но)? (?:только )?по подписке', 'оформите подписку,? чтобы', 'чтобы продолжить чтение',
].join('|'), 'iu');

const SCRIPT_SHELL = /enable javascript|javascript (?:is )?(?:required|disabled)|turn on javascript|включите javascript|aktivieren sie javascript|activez javascript/i;

function letterCount(text: string | null | undefined): number {
  return text?.match(/\p{L}/gu)?.length ?? 0;
}

/** Reads the page's walls and shape. Call it on the parsed page before Readability runs. */
export function readPageSignals(document: Document, html: string): PageSignals {
  const walls: SeenWall[] = [];
  const add = (kind: WallKind, evidence: string, strong = false): void => {
    if (!walls.some((w) => w.kind === kind && w.evidence === evidence)) walls.push({ kind, evidence, strong });
  };
  const title = document.querySelector('title')?.textContent?.trim() ?? '';
  if (/^before you continue/i.test(title)) add('consent', `a consent page titled "${title.slice(0, 60)}"`);
  for (const [pattern, evidence] of CONSENT_SOURCE) if (pattern.test(html)) add('consent', evidence);
  for (const [selector, evidence] of CONSENT_ELEMENTS) if (document.querySelector(selector)) add('consent', evidence);

  const locked = lockedByJsonLd(document);
  if (locked) add('paywall', locked, true);
  const content = document.querySelector('meta[property="article:content_tier" i], meta[name="article:content_tier" i]')?.getAttribute('content');
  if (content && /^(?:locked|metered)$/i.test(content.trim())) add('paywall', `article:content_tier "${content.trim()}"`, true);
  const element = document.querySelector(PAYWALL_ELEMENTS);
  if (element) add('paywall', `a paywall element (${describe(element)})`);
  const body = document.body;
  const bodyText = body?.textContent ?? '';
  const phrase = PAYWALL_WORDS.exec(bodyText);
  if (phrase) add('paywall', `the words "${phrase[0]}"`);

  let hidden = 0;
  let noscript = '';
  for (const el of body?.querySelectorAll('script, style, template, noscript') ?? []) {
    hidden += letterCount(el.textContent);
    if (el.tagName === 'NOSCRIPT') noscript += ` ${el.textContent ?? ''}`;
  }
  const letters = Math.max(0, letterCount(bodyText) - hidden);
  return { walls, scriptShell: letters < SHORT_LETTERS && SCRIPT_SHELL.test(noscript), letters };
}

/** The id or class token that made `el` a paywall element. */
function describe(el: Element): string {
  const wallish = /paywall|regwall|piano|tp-modal|subscriber|premium|locked|meter/i;
  const id = el.getAttribute('id');
  if (id && wallish.test(id)) return `#${id}`;
  const cls = el.getAttribute('class')?.trim().split(/\s+/).find((c) => wallish.test(c));
  return cls ? `.${cls}` : el.tagName.toLowerCase();
}

/** schema.org: the article says it is not free (isAccessibleForFree false), and its locked part is not on the
 * page (a site that ships the whole text marks the locked part with hasPart.cssSelector; when that part is there
 * with its text, nothing is missing). */
function lockedByJsonLd(document: Document): string | null {
  for (const record of jsonLdObjects(document)) {
    // A part names its own selector; an article names its parts'.
    if (isFalse(record['isAccessibleForFree']) && !lockedPartPresent(document, [record, ...[record['hasPart']].flat()])) {
      return 'JSON-LD isAccessibleForFree: false';
    }
  }
  return null;
}

function isFalse(value: unknown): boolean {
  return value === false || (typeof value === 'string' && value.trim().toLowerCase() === 'false');
}

function lockedPartPresent(document: Document, parts: unknown[]): boolean {
  for (const part of parts) {
    const selector = (part as Record<string, unknown> | null)?.['cssSelector'];
    if (typeof selector !== 'string') continue;
    try {
      if ([...document.querySelectorAll(selector)].some((el) => letterCount(el.textContent) >= 200)) return true;
    } catch {
      // a selector the DOM cannot read says nothing about the page
    }
  }
  return false;
}

/** Whether most lines of `text` are a wall's own words. */
function readsAs(words: RegExp, text: string): boolean {
  const lines = text.split('\n').filter((l) => letterCount(l) > 0);
  if (lines.length === 0) return false;
  return lines.filter((l) => words.test(l)).length * 2 >= lines.length;
}

/** The wall that kept the article out of `text` (what Readability found on the page), or null when the text is
 * the article. A page can carry a consent banner and a paywall; the one that explains the text wins. */
export function blockingWall(signals: PageSignals, text: string): Wall | null {
  const letters = letterCount(text);
  const short = letters < SHORT_LETTERS;
  const consent = signals.walls.find((w) => w.kind === 'consent');
  const paywall = signals.walls.find((w) => w.kind === 'paywall' && (w.strong ? letters < TEASER_LETTERS : short));
  const consentText = readsAs(CONSENT_WORDS, text);
  let wall: SeenWall | undefined;
  if (consent && (consentText || (short && !paywall))) wall = consent;
  else if (paywall) wall = paywall;
  else if (short && consentText) wall = { kind: 'consent', evidence: 'a cookie notice in place of the article', strong: false };
  else if (short && readsAs(PAYWALL_WORDS, text)) wall = { kind: 'paywall', evidence: 'a subscription notice in place of the article', strong: false };
  return wall ? { kind: wall.kind, evidence: wall.evidence } : null;
}
