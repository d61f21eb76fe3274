// Entities as things, not strings: "Талибан", "طالبان", "塔利班", "Taliban-Bewegung", "движения «Талибан»" are
// one entity, "Taliban"; "Алексеем Навальным" is "Alexei Navalny". The Flags view groups by this canonical name,
// `label:Taliban` searches by it, and the CLI prints it beside the entity as written (DESIGN.md §2).
//
// Hand-written, because it is the core of the product: which names are one entity, and which spellings, case
// forms and designation nouns around a name still name it, is the analyst's knowledge written down, and every
// answer must be explainable from the alias table (assets/labels/entities.json) and the rules in entity-key.ts
// and declension.ts. No fuzzy matching: a name is known only through an alias, its inflection or its stem.
//
// Speed: the detector canonicalises every label at ingest. The table is indexed once into hash maps (exact keys,
// case-sensitive acronyms, stem keys); a call cleans the name, builds a few candidate keys and looks them up,
// and repeated names come from a bounded cache. See the report of issue 10 for measured calls per second.
import shippedFile from '../../assets/labels/entities.json' with { type: 'json' };
import type { LabelKind } from '../model.ts';
import { baseGivenNames, findNominative, nominativeName, type GivenNames } from './declension.ts';
import { acronymOf, bareName, candidateKeys, cleanName, keyOf, stemKey } from './entity-key.ts';
import { shippedWords } from './lexicon.ts';

export type EntityType = 'organisation' | 'person' | 'media' | 'movement' | 'company';

export interface Designation {
  kind: LabelKind;
  /** The Russian (or Belarusian) list the entity is on. */
  list: string;
  /** YYYY, YYYY-MM or YYYY-MM-DD: when the decision was taken or the entry made. */
  since?: string;
  /** When the designation was lifted (labels written before still count: LABELS.md). */
  until?: string;
  /** The official list or a reliable report of the designation. */
  source: string;
  note?: string;
  /** The date or the listing is from memory and wants an analyst's check. */
  verify?: boolean;
}

export interface EntityEntry {
  canonical: string;
  type: EntityType;
  designations: Designation[];
  /** Nominative forms by language code (ISO 639-1, or 639-3 where there is none). */
  aliases: Record<string, string[]>;
}

/** An alias that names two entries on purpose; `resolveTo` is the one it means, or null to leave it unknown. */
export interface AmbiguousAlias {
  alias: string;
  canonicals: string[];
  resolveTo: string | null;
  note: string;
}

export interface EntityTable {
  asOf: string;
  ambiguous: AmbiguousAlias[];
  entities: EntityEntry[];
}

export interface CanonicalEntity {
  canonical: string;
  /** True when the name is an alias (or a case form of one) in the table. */
  known: boolean;
}

/** An alias the analyst keeps in the library: for an entity of the table (by its canonical name or any alias), or naming a new one. */
export interface ExtraAlias {
  canonical: string;
  alias: string;
  lang?: string | null;
  type?: EntityType;
}

export interface Canonicaliser {
  /** The canonical name of an entity as printed, in any script, case form or spelling the table knows. */
  canonical(name: string, lang?: string | null): CanonicalEntity;
  /** The entry of a canonical name. */
  entry(canonical: string): EntityEntry | undefined;
  readonly entries: readonly EntityEntry[];
  /** Keys that two entries share without being declared ambiguous: errors in the table, listed for its test. */
  readonly conflicts: readonly { key: string; canonicals: string[] }[];
  /** A canonicaliser with the analyst's aliases layered on this one; theirs win where they disagree. */
  withExtraAliases(extra: readonly ExtraAlias[]): Canonicaliser;
}

export const ENTITY_TYPES: readonly EntityType[] = ['organisation', 'person', 'media', 'movement', 'company'];
export const LABEL_KINDS: readonly LabelKind[] = ['terrorist', 'extremist', 'undesirable', 'foreign_agent', 'banned_other'];

/** Checks the shape of an entity table (the shipped file, or one an analyst imports) and says what to fix. */
export function parseEntityTable(raw: unknown, where: string): EntityTable {
  const fail = (what: string): never => {
    throw new Error(`${where}: ${what}; fix the entry and load the table again`);
  };
  if (!isRecord(raw) || !Array.isArray(raw['entities'])) return fail('no "entities" array');
  const entities = (raw['entities'] as unknown[]).map((e, i): EntityEntry => {
    if (!isRecord(e) || typeof e['canonical'] !== 'string' || !e['canonical'].trim()) return fail(`entity #${i + 1} has no canonical name`);
    const name = `entity #${i + 1} (${e['canonical']})`;
    if (!ENTITY_TYPES.includes(e['type'] as EntityType)) fail(`${name} has type ${String(e['type'])}, not one of ${ENTITY_TYPES.join(', ')}`);
    if (!Array.isArray(e['designations'])) fail(`${name} has no "designations" array`);
    for (const d of e['designations'] as unknown[]) {
      if (!isRecord(d) || !LABEL_KINDS.includes(d['kind'] as LabelKind)) fail(`${name} has a designation whose kind is not one of ${LABEL_KINDS.join(', ')}`);
      if (!isRecord(d) || typeof d['source'] !== 'string' || !d['source'].trim()) fail(`${name} has a designation without a source`);
    }
    if (!isRecord(e['aliases'])) fail(`${name} has no "aliases" object`);
    for (const [lang, list] of Object.entries(e['aliases'] as Record<string, unknown>)) {
      if (!Array.isArray(list) || !list.every((a) => typeof a === 'string')) fail(`${name}: aliases.${lang} is not a list of strings`);
    }
    return e as unknown as EntityEntry;
  });
  const ambiguous = Array.isArray(raw['ambiguous']) ? (raw['ambiguous'] as AmbiguousAlias[]) : [];
  return { asOf: typeof raw['asOf'] === 'string' ? raw['asOf'] : '', ambiguous, entities };
}

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** Marks a key that names more than one entry: looking it up answers "unknown" rather than guess. */
const AMBIGUOUS = -1;
const CACHE_SIZE = 20_000;
const CYRILLIC = /\p{Script=Cyrillic}/u;
/** Feminine-looking given names that are masculine: the phrase files' `masculine_in_a` (folded: lower case, ё as е). */
const MASCULINE_IN_A = new Set(shippedWords('masculine_in_a').map((p) => p.tokens[0]?.core ?? ''));

interface Index {
  exact: Map<string, number>;
  /** Every word of every exact key: a case form can only become an alias through these. */
  words: Set<string>;
  acronyms: Map<string, number>;
  stems: Map<string, number>;
  conflicts: { key: string; canonicals: string[] }[];
}

function buildIndex(entries: readonly EntityEntry[], ambiguous: readonly AmbiguousAlias[], analyst: readonly [string, number][]): Index {
  const exact = new Map<string, number>();
  const acronyms = new Map<string, number>();
  const byCanonical = new Map(entries.map((e, i) => [e.canonical, i]));
  // Declared ambiguities: the key resolves to the chosen entry, or stays unknown.
  const declared = new Map<string, number>();
  for (const a of ambiguous) {
    const cleaned = cleanName(a.alias);
    const target = a.resolveTo === null ? AMBIGUOUS : (byCanonical.get(a.resolveTo) ?? AMBIGUOUS);
    declared.set(acronymOf(cleaned) ?? keyOf(cleaned), target);
  }
  const clashes = new Map<string, Set<number>>();
  const add = (alias: string, i: number, analystOwned: boolean): void => {
    const cleaned = cleanName(alias);
    if (!cleaned) return;
    const ac = acronymOf(cleaned);
    const map = ac ? acronyms : exact;
    const key = ac ?? keyOf(cleaned);
    if (!key) return;
    const prev = map.get(key);
    if (analystOwned || prev === undefined || prev === i) {
      map.set(key, i);
      return;
    }
    const d = declared.get(key);
    map.set(key, d ?? AMBIGUOUS);
    if (d === undefined) {
      const set = clashes.get(key) ?? new Set<number>();
      if (prev >= 0) set.add(prev);
      set.add(i);
      clashes.set(key, set);
    }
  };
  entries.forEach((e, i) => {
    add(e.canonical, i, false);
    for (const list of Object.values(e.aliases)) for (const a of list) add(a, i, false);
  });
  for (const [alias, i] of analyst) add(alias, i, true);
  // Stem keys: a case form the inverter does not know still meets its alias ("Nawalnego", "Statului Islamic").
  // A stem two entries share is no evidence for either.
  const stems = new Map<string, number>();
  for (const [key, i] of exact) {
    if (i === AMBIGUOUS) continue;
    const s = stemKey(key);
    if (s === key) continue;
    const prev = stems.get(s);
    stems.set(s, prev === undefined || prev === i ? i : AMBIGUOUS);
  }
  // A person's surname alone ("Гырдымова" of "Елизавета Гырдымова", the real name of the entry Monetochka) names the
  // person when the table knows one person by it and nothing else: texts give the surname alone after the full name.
  // Added after the stems, so that a surname's stem meets no other word ("Белый" is no stem of "БЕЛТА").
  const surnames = new Map<string, number>();
  entries.forEach((e, i) => {
    if (e.type !== 'person') return;
    for (const lang of ['ru', 'uk', 'be']) {
      for (const a of e.aliases[lang] ?? []) {
        const words = cleanName(a).split(' ');
        const last = words[words.length - 1];
        if (words.length < 2 || !last || last.length < 4 || !/^\p{Lu}/u.test(last)) continue;
        const key = keyOf(last);
        const prev = surnames.get(key);
        surnames.set(key, prev === undefined || prev === i ? i : AMBIGUOUS);
      }
    }
  });
  for (const [key, i] of surnames) if (i !== AMBIGUOUS && !exact.has(key) && !declared.has(key)) exact.set(key, i);
  const words = new Set<string>();
  for (const key of exact.keys()) for (const w of key.split(' ')) words.add(w);
  const conflicts = [...clashes].map(([key, set]) => ({ key, canonicals: [...set].map((i) => entries[i]?.canonical ?? '') }));
  return { exact, words, acronyms, stems, conflicts };
}

function givenNamesOf(entries: readonly EntityEntry[]): GivenNames {
  const given = baseGivenNames();
  for (const e of entries) {
    if (e.type !== 'person') continue;
    for (const lang of ['ru', 'uk', 'be']) {
      for (const a of e.aliases[lang] ?? []) {
        const words = a.split(' ');
        const first = (words[0] ?? '').toLowerCase().replace(/ё/gu, 'е');
        if (words.length < 2 || !first || given.has(first)) continue;
        given.set(first, /[ая]$/u.test(first) && !MASCULINE_IN_A.has(first) ? 'f' : 'm');
      }
    }
  }
  return given;
}

export interface CanonicaliserOptions {
  /** Distinct names remembered with their answer (0: none, for measuring the uncached cost). */
  cacheSize?: number;
}

export function createCanonicaliser(table: EntityTable, analyst: readonly [string, number][] = [], options: CanonicaliserOptions = {}): Canonicaliser {
  const cacheSize = options.cacheSize ?? CACHE_SIZE;
  const entries = table.entities;
  const index = buildIndex(entries, table.ambiguous, analyst);
  const given = givenNamesOf(entries);
  const byCanonical = new Map(entries.map((e) => [e.canonical, e]));
  const cache = new Map<string, CanonicalEntity>();

  /** The entry index a cleaned name resolves to, AMBIGUOUS, or undefined when nothing names it. */
  const find = (cleaned: string): number | undefined => {
    const ac = acronymOf(cleaned);
    if (ac) {
      const hit = index.acronyms.get(ac);
      if (hit !== undefined) return hit;
    }
    const key = keyOf(cleaned);
    const direct = index.exact.get(key);
    if (direct !== undefined) return direct;
    const known = (f: string): boolean => index.exact.has(f);
    const isWord = (w: string): boolean => index.words.has(w);
    // Most misses are case forms of a Russian or Ukrainian alias: try those before the other variants.
    const inflected = CYRILLIC.test(key) ? findNominative(key, known, isWord) : null;
    if (inflected !== null) return index.exact.get(inflected);
    const keys = candidateKeys(cleaned, key);
    // Capitalised tokens that may be acronyms once designation words are off ("Terrormiliz IS", "DEAŞ'ın").
    const upper = new Set<string>();
    for (const t of cleaned.split(/[\s'-]+/u)) {
      const a = acronymOf(t);
      if (a) upper.add(a);
    }
    for (const k of keys) {
      const hit = index.exact.get(k);
      if (hit !== undefined) return hit;
      const K = k.toUpperCase();
      if (upper.has(K)) {
        const a = index.acronyms.get(K);
        if (a !== undefined) return a;
      }
    }
    // Case forms of the variants ("террористической организации «Исламского государства»"), on a smaller budget.
    for (const k of keys) {
      const form = k !== key && CYRILLIC.test(k) ? findNominative(k, known, isWord, 24) : null;
      if (form !== null) return index.exact.get(form);
    }
    for (const k of keys) {
      const s = stemKey(k);
      const hit = s === k ? undefined : index.stems.get(s);
      if (hit !== undefined) return hit;
    }
    return undefined;
  };

  const resolve = (name: string, lang: string | null | undefined): CanonicalEntity => {
    const cleaned = cleanName(name);
    if (!cleaned) return { canonical: name.trim(), known: false };
    // "<self>": the detector's stand-in for the publishing outlet.
    if (/^<[^<>]+>$/u.test(cleaned)) return { canonical: cleaned, known: false };
    const hit = find(cleaned);
    const e = hit === undefined || hit < 0 ? undefined : entries[hit];
    if (e) return { canonical: e.canonical, known: true };
    const bare = bareName(cleaned);
    return { canonical: nominativeName(bare, lang, given) ?? bare, known: false };
  };

  const self: Canonicaliser = {
    canonical(name, lang) {
      if (cacheSize === 0) return resolve(name, lang);
      const key = `${lang ?? ''}\u0001${name}`;
      const cached = cache.get(key);
      if (cached) return cached;
      const r = resolve(name, lang);
      if (cache.size >= cacheSize) cache.clear();
      cache.set(key, r);
      return r;
    },
    entry: (canonical) => byCanonical.get(canonical),
    entries,
    conflicts: index.conflicts,
    withExtraAliases(extra) {
      const copy: EntityEntry[] = entries.map((e) => ({ ...e, aliases: { ...e.aliases } }));
      const position = new Map(copy.map((e, i) => [e.canonical.toLowerCase(), i]));
      const added: [string, number][] = [...analyst];
      for (const x of extra) {
        const canonical = x.canonical.trim();
        const alias = x.alias.trim();
        if (!canonical || !alias) continue;
        let i = position.get(canonical.toLowerCase());
        if (i === undefined) {
          // The analyst may name the entity by any alias the table knows ("Талибан" for Taliban).
          const hit = find(cleanName(canonical));
          i = hit !== undefined && hit >= 0 ? hit : undefined;
        }
        if (i === undefined) {
          i = copy.push({ canonical, type: x.type ?? 'organisation', designations: [], aliases: {} }) - 1;
          position.set(canonical.toLowerCase(), i);
        }
        const e = copy[i] as EntityEntry;
        const lang = x.lang?.trim() || 'und';
        e.aliases[lang] = [...(e.aliases[lang] ?? []), alias];
        added.push([alias, i]);
      }
      return createCanonicaliser({ ...table, entities: copy }, added, options);
    },
  };
  return self;
}

let shipped: Canonicaliser | undefined;

/** The canonicaliser of the shipped table (assets/labels/entities.json), built on first use. */
export function shippedCanonicaliser(): Canonicaliser {
  shipped ??= createCanonicaliser(parseEntityTable(shippedFile, 'assets/labels/entities.json'));
  return shipped;
}

/** The canonical name of an entity as printed, by the shipped table. */
export function canonicalEntity(name: string, lang?: string | null): CanonicalEntity {
  return shippedCanonicaliser().canonical(name, lang);
}

/** The shipped table with the analyst's aliases from the library layered on. */
export function withExtraAliases(extra: readonly ExtraAlias[]): Canonicaliser {
  return shippedCanonicaliser().withExtraAliases(extra);
}
