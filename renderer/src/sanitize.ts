// Article HTML comes from outlets that may be hostile: it is made inert here, in the page that shows it, whatever
// the main process already did. No scripts, event handlers, forms, frames, styles or plugins; links only to
// http(s)/mailto, opened outside the app; remote images held back unless the user allows them.
import DOMPurify from 'dompurify';

const purifier = DOMPurify(window);

const FORBID_TAGS = ['script', 'style', 'link', 'meta', 'base', 'iframe', 'frame', 'frameset', 'object', 'embed', 'applet',
  'form', 'input', 'button', 'textarea', 'select', 'option', 'video', 'audio', 'source', 'track', 'svg', 'math', 'template',
  'noscript', 'portal', 'dialog'];
const FORBID_ATTR = ['style', 'srcset', 'sizes', 'action', 'formaction', 'ping', 'background', 'poster', 'xlink:href', 'target'];
const SAFE_URL = /^(?:https?:|mailto:)/i;
// In-page links the main-process sanitiser rewrote (footnote markers to their notes) stay inside the article.
const IN_PAGE = /^#user-content-[\w-]+$/;
const REMOTE = /^https?:/i;

let allowRemote = false;

purifier.addHook('afterSanitizeAttributes', (node) => {
  if (node.tagName === 'A') {
    const href = node.getAttribute('href');
    if (href && SAFE_URL.test(href)) {
      node.setAttribute('target', '_blank');
      node.setAttribute('rel', 'noopener noreferrer');
    } else if (!(href && IN_PAGE.test(href))) {
      node.removeAttribute('href');
    }
  }
  if (node.tagName === 'IMG') {
    // The main-process sanitiser may have parked a remote image in data-src: only http(s) ever comes back.
    const held = node.getAttribute('data-src');
    const src = node.getAttribute('src') ?? (held && REMOTE.test(held) ? held : null);
    node.removeAttribute('data-src');
    if (src && REMOTE.test(src) && !allowRemote) {
      node.removeAttribute('src');
      node.setAttribute('data-blocked-src', src);
      node.setAttribute('alt', node.getAttribute('alt') || 'image not loaded: remote images are off');
    } else if (src) {
      node.setAttribute('src', src);
    }
    node.setAttribute('loading', 'lazy');
    node.setAttribute('referrerpolicy', 'no-referrer');
  }
});

export function sanitizeArticle(html: string, options: { allowRemoteImages: boolean }): string {
  allowRemote = options.allowRemoteImages;
  return purifier.sanitize(html, {
    FORBID_TAGS, FORBID_ATTR,
    ALLOWED_URI_REGEXP: /^(?:https?:|mailto:|#user-content-|data:image\/(?:png|gif|jpe?g|webp);)/i,
    ALLOW_DATA_ATTR: false,
    ADD_ATTR: ['data-src'],
    ALLOW_UNKNOWN_PROTOCOLS: false,
  });
}
