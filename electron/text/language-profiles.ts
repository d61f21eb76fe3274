// eld's "medium" language profiles, loaded as data. eld ships them as a 2 MB JavaScript object literal
// (src/ngrams/medium.js) that its load() imports; compiling that literal leaves ~130 MiB of RSS the process never
// gets back (231 MiB after eld.load('medium') against 100 MiB for the same object from JSON.parse, measured
// here: BENCHMARKS.md, ingest5). So the same file is read as text, its literal turned into JSON (keys are
// single-quoted strings, numbers or plain names; values numbers and strings) and parsed, and the object goes to
// a fresh eld instance through the hook eld's own entry files use. eld stays the one source of the profiles; a
// test checks the result equals what eld's module gives, so an eld update that changes the file's form fails it.
import { readFileSync } from 'node:fs';

/** What this module uses of an eld instance (its typings do not export the instance type). */
export interface EldInstance {
  detect(text: string): { language: string; getScores(): Record<string, number>; isReliable(): boolean };
  info(): { Languages: Record<string, string> };
}

/** eld's profile module and its detector factory, beside the package's entry (its exports name only the entries). */
const ELD_ENTRY = import.meta.resolve('eld');
export const PROFILES_URL = new URL('../ngrams/medium.js', ELD_ENTRY);
const DETECTOR_URL = new URL('../languageDetector.js', ELD_ENTRY);

// A single-quoted string (captured), or a bare key after "{" or "," (the lead and the key captured).
const TOKEN = /'((?:[^'\\]|\\.)*)'|([{,])([A-Za-z_$][\w$]*|\d+):/g;

/** The object of `export const ngramsData = {…}` in eld's profile file, without running the file. */
export function profilesFromSource(source: string): unknown {
  const start = source.indexOf('{', source.indexOf('ngramsData'));
  const end = source.lastIndexOf('}');
  if (start < 0 || end < start) throw new Error('eld\'s profile file has no ngramsData object; reinstall Footnote.');
  const json = source.slice(start, end + 1).replace(TOKEN, (_m, str: string | undefined, lead: string, key: string) => {
    if (str === undefined) return `${lead}"${key}":`;
    return JSON.stringify(str.replace(/\\(.)/g, (_e, c: string) => {
      // The file escapes only quotes; any other escape means a form this reader does not know.
      if (c !== '\'' && c !== '"' && c !== '\\') throw new Error(`eld's profile file has an escape (\\${c}) this reader does not know; reinstall Footnote.`);
      return c;
    }));
  });
  return JSON.parse(json) as unknown;
}

/**
 * eld's detector module, imported (small, a few ms); the function it resolves to reads and loads the medium profiles
 * into a new eld instance, synchronously (~0.4 s, ~95 MiB of RSS), so that a caller can load them only when a text
 * first needs them (text/language.ts).
 */
export async function profileLoader(): Promise<() => EldInstance> {
  // eld's detector module has no typings of its own: this is the shape its entry files rely on.
  const { createEld } = await import(DETECTOR_URL.href) as { createEld: () => { instance: EldInstance; loadData: (d: unknown) => string } };
  return () => {
    const data = profilesFromSource(readFileSync(PROFILES_URL, 'utf8'));
    const { instance, loadData } = createEld();
    if (!loadData(data)) throw new Error('The language profiles (eld "medium") did not load; reinstall Footnote.');
    return instance;
  };
}
