// The foreign-agent notices Russian law makes designated outlets and people print (LABELS.md, "foreign_agent"):
// the 2020 media notice ("ДАННОЕ СООБЩЕНИЕ (МАТЕРИАЛ) СОЗДАНО И (ИЛИ) РАСПРОСТРАНЕНО…"), which designates the
// publishing outlet itself (`<self>`) unless it names the agent, and the post-2022 notice that names the agent
// ("НАСТОЯЩИЙ МАТЕРИАЛ (ИНФОРМАЦИЯ) ПРОИЗВЕДЕН… ИНОСТРАННЫМ АГЕНТОМ <name>…"). The wordings are templates in the
// phrase files (`notices`), `{name}` standing for the agent; words match in any case, separated by any spaces
// and punctuation, since pages print the notice in capitals or not, with or without its brackets' spaces.
import { opensQuote } from './notes.ts';

export const SELF = '<self>';

export interface Notice {
  /** The agent named, `SELF`, or '' for a notice that names no one (its name fields blank, or cited after a colon). */
  entity: string;
  start: number;
  end: number;
  format: string;
  lang: string;
}

interface Template {
  re: RegExp;
  format: string;
  lang: string;
  named: boolean;
}

/**
 * The agent's name: up to 160 characters, ending before a line's end or a word of the phrase files'
 * `notice_name_ends` in lower case or capitals ("… АГЕНТОМ X ЛИБО КАСАЕТСЯ …"), even inside a word.
 */
function namePattern(ends: readonly string[]): string {
  const stops = ends.flatMap((w) => [w.toLowerCase(), w.toUpperCase()]).map((w) => w.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'));
  return String.raw`((?:(?!${[...stops, String.raw`\n`].join('|')})[^.;\n]){2,160}?)`;
}
/**
 * A legal form or a lower-case designation noun before a quoted name, the name captured: 'ООО "МЕМО"', "YouTube-шоу
 * «вДудь»" (a name split by its designation noun keeps its quoted part, LABELS.md, Entities). A capitalised word
 * before the quotes is the name's own ("Исследовательский Центр «Сова»").
 */
const QUOTED_TAIL = /^(?:\p{Lu}{2,4}|[^«»"“”„]*(?:^|[\s\-])\p{Ll}[\p{L}\-]*)[\s\u00a0]+[«"“„]([^«»"“”„]+)[»"”“]?$/u;

function compileTemplate(text: string, name: string): RegExp {
  const parts = text.split(/(\{name\})/).map((part) => {
    if (part === '{name}') return `[\\s,:]*${name}`;
    const words = part.split(/[^\p{L}\p{N}]+/u).filter((w) => w.length > 0);
    return words.map((w) => w.replace(/е/g, '[её]')).join(String.raw`[\s\p{P}]*`);
  });
  let src = '';
  parts.forEach((p, k) => {
    if (p.length === 0) return;
    src += k === 0 || parts[k - 1]?.startsWith('[\\s,:]') ? p : `${String.raw`[\s\p{P}]*`}${p}`;
  });
  // The last name runs to the end of the sentence or line; a notice may close with "18+".
  return new RegExp(`${src}(?=[\\s\\p{P}]*(?:18\\+|$|[.;\\n]))[.]?`, 'giu');
}

let compiled: { key: string; templates: Template[] } | undefined;

function templatesOf(notices: { lang: string; format: string; text: string }[], nameEnds: readonly string[]): Template[] {
  const key = `${notices.map((n) => n.text).join('\u0000')}\u0001${nameEnds.join('\u0000')}`;
  if (compiled?.key !== key) {
    const name = namePattern(nameEnds);
    compiled = { key, templates: notices.map((n) => ({ re: compileTemplate(n.text, name), format: n.format, lang: n.lang, named: n.text.includes('{name}') })) };
  }
  return compiled.templates;
}

/**
 * The notices in `text`: the longest template matching at each place; a notice inside quotation marks is cited, not
 * printed. A name ends before a word of `nameEnds`.
 */
export function findNotices(text: string, notices: { lang: string; format: string; text: string }[], nameEnds: readonly string[]): Notice[] {
  const found: Notice[] = [];
  for (const t of templatesOf(notices, nameEnds)) {
    t.re.lastIndex = 0;
    for (const m of text.matchAll(t.re)) {
      const start = m.index;
      const end = start + m[0].length;
      const lineStart = text.lastIndexOf('\n', start - 1) + 1;
      if (opensQuote(text, lineStart, start)) continue;
      // A notice a sentence introduces with a colon ("посты начинаются с плашки: ДАННОЕ СООБЩЕНИЕ …", "за отсутствие
      // маркировки: НАСТОЯЩИЙ МАТЕРИАЛ …") is cited, as one in quotation marks is: kept as a blank, as below.
      if (/\p{L}[ \u00a0]*:[ \u00a0]*$/u.test(text.slice(lineStart, start))) {
        found.push({ entity: '', start, end, format: t.format, lang: t.lang });
        continue;
      }
      const field = (m[1] ?? '').trim();
      // A name field left blank, as a template prints it ("____", "…", "(ФИО)", "[наименование]"), names no one: kept
      // as a blank so that no shorter template reads the same notice as the outlet's own.
      // (The opening bracket may have gone to the words before the field.)
      if (t.named && field.length > 0 && !/\p{L}/u.test(field.replace(/[([<{][^()[\]<>{}]*(?:[)\]>}]|$)|^[^()[\]<>{}]*[)\]>}]/gu, ''))) {
        found.push({ entity: '', start, end, format: t.format, lang: t.lang });
        continue;
      }
      let name = t.named ? field.replace(/^[«"“]|[»"”]$/g, '').replace(/[,\s]+$/, '') : '';
      // An organisation's legal form or designation noun before its quoted name is no part of the name: 'ООО "МЕМО"'
      // → МЕМО, "YouTube-шоу «вДудь»" → вДудь.
      name = QUOTED_TAIL.exec(name)?.[1] ?? name;
      found.push({ entity: name.length > 0 ? name : SELF, start, end, format: t.format, lang: t.lang });
    }
  }
  // Where templates overlap, the longest wins.
  found.sort((a, b) => a.start - b.start || b.end - a.end);
  return found.filter((n, k) => !found.slice(0, k).some((o) => o.start <= n.start && o.end >= n.end));
}
