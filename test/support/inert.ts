// What "inert" means for stored article HTML once it has gone through the app's sanitiser: parsed back, no
// element that runs, frames, submits or styles, no event handler, and no URL but http(s), mailto, fragments and
// inline raster images. Returns the problems found (empty when inert).
import { JSDOM } from 'jsdom';
import { sanitizeHtml } from '../../electron/articles/sanitize.ts';

const FORBIDDEN_TAGS = new Set(['script', 'iframe', 'frame', 'frameset', 'object', 'embed', 'applet', 'form', 'input', 'button', 'textarea',
  'select', 'meta', 'link', 'base', 'style', 'svg', 'math', 'template', 'noscript', 'animate', 'set', 'foreignobject']);
const URL_ATTRS = ['href', 'src', 'action', 'formaction', 'xlink:href', 'data', 'poster', 'background', 'srcdoc', 'data-src'];
const SAFE_URL = /^(?:https?:|mailto:|#|data:image\/(?:png|jpe?g|gif|webp|avif);)/i;

let dom: JSDOM | undefined;

export function inertnessProblems(html: string, baseUrl: string | null): string[] {
  const safe = sanitizeHtml(html, { baseUrl });
  dom ??= new JSDOM('');
  const body = dom.window.document.createElement('body');
  body.innerHTML = safe;
  const problems: string[] = [];
  for (const el of body.querySelectorAll('*')) {
    const tag = el.localName.toLowerCase();
    if (FORBIDDEN_TAGS.has(tag)) problems.push(`<${tag}> survived`);
    for (const attr of el.attributes) {
      const name = attr.name.toLowerCase();
      if (name.startsWith('on')) problems.push(`${name}= on <${tag}>`);
      if (name === 'style') problems.push(`style= on <${tag}>`);
      if (URL_ATTRS.includes(name) && attr.value.trim() !== '' && !SAFE_URL.test(attr.value.trim())) problems.push(`${name}="${attr.value.slice(0, 60)}" on <${tag}>`);
    }
  }
  return problems;
}
