// Makes hostile article HTML inert before it is stored or shown: an allowlist of reading tags and attributes
// (DOMPurify on one jsdom window, created on first use and reused: its load costs ~0.5 s), then links and
// images rewritten so that nothing can run and nothing loads until the user allows it.
// DOMPurify must run on jsdom, never linkedom: with linkedom's window it returns its input unchanged (STACK.md §7).
import createDOMPurify, { type Config, type DOMPurify } from 'dompurify';
import { JSDOM } from 'jsdom';
import { MAX_NESTING, nestedDeeperThan } from '../text/html-depth.ts';

export interface SanitizeOptions {
  /** The page's address: relative links and images are resolved against it (and dropped without it). */
  baseUrl?: string | null;
  /** Keep remote image URLs in src; otherwise they move to data-src and nothing loads until the user allows. */
  allowRemoteImages?: boolean;
}

// Reading content only. Absent on purpose: script, style, link, meta, base, form controls, frames, object,
// embed, media (they load remote content by themselves), svg and math (script and namespace-confusion payloads).
const ALLOWED_TAGS = [
  'a', 'abbr', 'address', 'article', 'aside', 'b', 'bdi', 'bdo', 'blockquote', 'br', 'caption', 'cite', 'code',
  'col', 'colgroup', 'dd', 'del', 'details', 'dfn', 'div', 'dl', 'dt', 'em', 'figcaption', 'figure', 'footer',
  'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'header', 'hr', 'i', 'img', 'ins', 'kbd', 'li', 'main', 'mark', 'ol', 'p',
  'pre', 'q', 'rp', 'rt', 'ruby', 's', 'samp', 'section', 'small', 'span', 'strong', 'sub', 'summary', 'sup',
  'table', 'tbody', 'td', 'tfoot', 'th', 'thead', 'time', 'tr', 'u', 'ul', 'var', 'wbr',
];

// No style (CSS loads URLs and can redress the app's UI), no class (would match the app's own CSS), no srcset
// (a second, unresolved way to load images), no data-* from the page (data-src is ours, set below).
const ALLOWED_ATTR = [
  'href', 'src', 'alt', 'title', 'width', 'height', 'colspan', 'rowspan', 'headers', 'scope', 'datetime',
  'lang', 'dir', 'id', 'start', 'reversed', 'type', 'abbr', 'span', 'open',
];

const CONFIG: Config = {
  ALLOWED_TAGS,
  ALLOWED_ATTR,
  ALLOW_DATA_ATTR: false,
  ALLOW_ARIA_ATTR: false,
  // First line of defence; the hook below re-checks every URL after resolving it.
  ALLOWED_URI_REGEXP: /^(?:https?:|mailto:|data:image\/|[^a-z]|[a-z+.-]+(?:[^a-z+.\-:]|$))/i,
  // ids become "user-content-…" so the page cannot clobber the app's own element ids.
  SANITIZE_NAMED_PROPS: true,
  RETURN_TRUSTED_TYPE: false,
};

const LINK_SCHEMES = new Set(['http:', 'https:', 'mailto:']);
const IMAGE_SCHEMES = new Set(['http:', 'https:']);
// Inline raster images load nothing and cannot run code, so they stay; data:image/svg+xml does not (an SVG is
// a document that can carry script if it is ever opened on its own).
const DATA_IMAGE = /^data:image\/(?:png|jpe?g|gif|webp|avif);base64,[a-z0-9+/=\s]*$/i;
const ID_PREFIX = 'user-content-';

let purifier: DOMPurify | undefined;
// The options of the sanitize() call in progress: DOMPurify's hooks are per instance, and sanitize is synchronous.
let current: { base: URL | null; allowRemoteImages: boolean } = { base: null, allowRemoteImages: false };
// Where the <img> being sanitised really points (data-src, srcset: attributes that do not survive sanitising),
// used when its src is missing or a placeholder.
const lazySources = new WeakMap<Element, string>();

function getPurifier(): DOMPurify {
  if (purifier) return purifier;
  // jsdom's Window is structurally what DOMPurify wants; the two type packages spell it differently.
  const p = createDOMPurify(new JSDOM('').window as unknown as Parameters<typeof createDOMPurify>[0]);
  if (!p.isSupported) throw new Error('DOMPurify is not supported on this jsdom window; refusing to pass HTML through unsanitised.');
  p.addHook('beforeSanitizeAttributes', (node) => {
    if (node.nodeName !== 'IMG') return;
    const lazy = node.getAttribute('data-src') ?? node.getAttribute('data-original') ?? node.getAttribute('data-lazy-src')
      ?? lastSrcsetUrl(node.getAttribute('data-srcset') ?? node.getAttribute('srcset'));
    if (lazy) lazySources.set(node, lazy);
  });
  p.addHook('afterSanitizeAttributes', rewriteUrls);
  purifier = p;
  return p;
}

/** The last (by convention the largest) URL of a srcset: "a.jpg 480w, b.jpg 1080w" → "b.jpg". */
export function lastSrcsetUrl(srcset: string | null | undefined): string | null {
  const last = srcset?.split(/,\s+/).map((c) => c.trim().split(/\s+/)[0]).filter((u) => u !== undefined && u !== '').at(-1);
  return last ?? null;
}

/** Returns `html` with everything that could run, submit, frame or load removed or disarmed. */
export function sanitizeHtml(html: string, opts: SanitizeOptions = {}): string {
  // jsdom's recursive serialiser overflows the stack a few thousand levels down and slows quadratically before
  // that, so a page nested deeper than any browser allows keeps only its text.
  if (nestedDeeperThan(html, MAX_NESTING)) return textOnly(html);
  const p = getPurifier();
  current = { base: parseBase(opts.baseUrl), allowRemoteImages: opts.allowRemoteImages === true };
  try {
    return p.sanitize(html, CONFIG);
  } finally {
    current = { base: null, allowRemoteImages: false };
  }
}

/** The fallback for a page too deep to parse: its text, tags cut out by a linear scan, in one paragraph.
 * Entities are left as they are (still text); a stray < or > of a broken tag is escaped. */
function textOnly(html: string): string {
  const text = html.replace(/<[^>]*>/g, ' ').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/\s+/g, ' ').trim();
  return text === '' ? '' : `<p>${text}</p>`;
}

function parseBase(url: string | null | undefined): URL | null {
  if (!url) return null;
  try {
    const u = new URL(url);
    return u.protocol === 'http:' || u.protocol === 'https:' ? u : null;
  } catch {
    return null;
  }
}

function rewriteUrls(node: Element): void {
  if (node.hasAttribute('href')) {
    const href = node.getAttribute('href') ?? '';
    const fragment = /^\s*#(.+)$/.exec(href);
    if (fragment?.[1] !== undefined) {
      // In-page link (footnotes): point it at the prefixed id.
      const id = fragment[1].startsWith(ID_PREFIX) ? fragment[1] : ID_PREFIX + fragment[1];
      node.setAttribute('href', `#${id}`);
    } else {
      const url = resolve(href, LINK_SCHEMES);
      if (url === null) node.removeAttribute('href');
      else node.setAttribute('href', url);
    }
  }
  if (node.nodeName === 'A') {
    node.setAttribute('rel', 'noopener noreferrer');
    // Links leave the app (the shell opens them in the system browser); in-page footnote links stay.
    if (!node.getAttribute('href')?.startsWith('#')) node.setAttribute('target', '_blank');
  }
  if (node.nodeName === 'IMG') rewriteImage(node);
  else node.removeAttribute('src');
}

function rewriteImage(img: Element): void {
  const lazy = lazySources.get(img);
  const raw = img.getAttribute('src');
  img.removeAttribute('src');
  // A lazy-loading page keeps the real image in data-src and a placeholder (often a data: pixel) in src.
  const candidate = lazy !== undefined && (raw === null || raw.trim() === '' || /^\s*data:/i.test(raw)) ? lazy : raw;
  if (candidate === null) return;
  if (DATA_IMAGE.test(candidate.trim())) {
    img.setAttribute('src', candidate.trim());
    return;
  }
  const url = resolve(candidate, IMAGE_SCHEMES);
  if (url === null) return;
  img.setAttribute(current.allowRemoteImages ? 'src' : 'data-src', url);
}

/** The absolute URL if its scheme is allowed, else null. The WHATWG parser removes tabs and newlines inside a
 * scheme exactly as browsers do, so "java&#9;script:" is seen as javascript: here too. */
function resolve(value: string, schemes: Set<string>): string | null {
  let url: URL;
  try {
    url = current.base ? new URL(value, current.base) : new URL(value);
  } catch {
    return null; // relative without a base, or unparseable: nothing sensible to point at
  }
  return schemes.has(url.protocol) ? url.href : null;
}
