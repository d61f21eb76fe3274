// Guards against hostile nesting for everything that reads HTML with htmlparser2. Its parser keeps the open
// elements in an array it unshifts and shifts at the front, so each tag costs O(depth): 100,000 nested <div>s
// take 7–13 s to turn into text. Reading stops at a depth limit instead, and the caller falls back to
// flattenTags, which cuts the tags out in one linear scan.
import { Parser, type Handler, type ParserOptions } from 'htmlparser2';

// Browsers stop nesting at 512 levels; no real page or feed item comes near it.
export const MAX_NESTING = 512;

/** Parses `html` with `handler` unless elements nest deeper than `max`. Returns true when all of it was read
 * (the handler saw everything, end included); false when it stopped early (the handler saw only a prefix). */
export function parseWithinDepth(html: string, max: number, handler: Partial<Handler>, options?: ParserOptions): boolean {
  let depth = 0;
  let tooDeep = false;
  const parser = new Parser({
    ...handler,
    onopentag(name, attribs, isImplied) {
      if (++depth > max) {
        tooDeep = true;
        parser.pause(); // the tokenizer stops after this tag; nothing more is read
        return;
      }
      handler.onopentag?.(name, attribs, isImplied);
    },
    onclosetag(name, isImplied) {
      depth--;
      handler.onclosetag?.(name, isImplied);
    },
  }, options);
  parser.write(html);
  if (tooDeep) return false;
  parser.end();
  return true;
}

/** Whether elements in `html` nest deeper than `max`; stops reading as soon as the answer is known. */
export function nestedDeeperThan(html: string, max: number): boolean {
  if (html.length < max * 3) return false; // each level costs at least "<a>"
  return !parseWithinDepth(html, max, {});
}

/**
 * `html` with no elements left, in one linear pass, for markup too deep to parse: every tag is replaced by what
 * `replace` gives for its lower-case name (e.g. "<br>" for a block, to keep the line break), comments and
 * declarations are dropped, the content of `skip` elements (script, style) is dropped up to their end tag, and a
 * stray "<" is escaped. Entities are left for the caller's parser to decode, which then sees no nesting at all.
 */
export function flattenTags(html: string, replace: (name: string) => string, skip: ReadonlySet<string>): string {
  // A comment, a tag (its name captured, and the slash of an end tag), or a declaration / processing instruction.
  const markup = /<!--|<(\/?)([a-zA-Z][^\s/>]*)[^>]*>|<[!?][^>]*>/g;
  // Tags are only looked for up to the last ">": past it none can end, and a "<" there would be scanned to the
  // end of the input again at every later position, which is quadratic.
  const head = html.slice(0, html.lastIndexOf('>') + 1);
  const escape = (text: string): string => text.replace(/</g, '&lt;');
  let out = '';
  let from = 0;
  for (let m = markup.exec(head); m !== null; m = markup.exec(head)) {
    out += escape(html.slice(from, m.index));
    const name = m[2]?.toLowerCase();
    if (m[0] === '<!--') {
      const end = html.indexOf('-->', markup.lastIndex);
      if (end < 0) return out; // an unclosed comment runs to the end, as in a browser
      markup.lastIndex = end + 3;
    } else if (name !== undefined) {
      out += replace(name);
      if (m[1] === '' && skip.has(name)) {
        const close = new RegExp(`</${name}[^>]*>`, 'gi');
        close.lastIndex = markup.lastIndex;
        if (close.exec(head) === null) return out;
        markup.lastIndex = close.lastIndex;
      }
    }
    from = markup.lastIndex;
  }
  return out + escape(html.slice(from));
}
