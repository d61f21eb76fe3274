// The label lexicon: the phrase syntax an analyst writes (stems, infixes, gaps, capitals, letter variants), the
// shipped phrase files (every language the state outlets publish in, every list well-formed), and the one-pass
// index that finds them.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { KINDS, LISTS, Lexicon, PHRASE_FILES, WORD_LISTS, type PhraseFile } from '../electron/labels/lexicon.ts';
import { matchAt, parsePhrase } from '../electron/labels/phrase-syntax.ts';
import { detectLabels } from '../electron/labels/footnotes.ts';
import { findNotices } from '../electron/labels/notices.ts';

const at = (phrase: string, text: string, pos = 0): string | null => {
  const end = matchAt(parsePhrase(phrase), text, pos);
  return end < 0 ? null : text.slice(pos, end);
};

test('phrases: stems, infixes, gaps, word boundaries and case', () => {
  assert.equal(at('запрещ*', 'Запрещённая в РФ'), 'Запрещённая', 'a stem takes any ending; е matches ё; any case');
  assert.equal(at('*محظور*', 'والمحظورة في روسيا'), 'والمحظورة', 'an infix takes the clitics before it');
  assert.equal(at('признан* … иноагент*', 'признан Минюстом России иноагентом'), 'признан Минюстом России иноагентом');
  assert.equal(at('признан* … иноагент*', 'признан один два три четыре пять иноагентом'), null, 'a gap is at most four words');
  assert.equal(at('banned', 'bannedness'), null, 'a phrase without a star ends at a word boundary');
  assert.equal(at('ban', 'urban', 2), null, 'and starts at one');
  assert.equal(at('US', 'US sanctions'), 'US');
  assert.equal(at('US', 'let us go', 4), null, 'a word written in capitals matches only capitals');
  assert.equal(at("Rusya*", 'Rusya’da yasaklı'), 'Rusya', "' matches ’ and the stem stops at it");
  assert.equal(at('İstenmeyen', 'istenmeyen'), 'istenmeyen', 'Turkish dotted İ matches i');
  assert.equal(at('禁止', '被禁止的', 1), '禁止', 'Chinese has no word boundaries');
  assert.equal(at('data (материал)', 'DATA(МАТЕРИАЛ)'), 'DATA(МАТЕРИАЛ)', 'no space is needed next to a bracket');
  assert.throws(() => parsePhrase(' … '), /must start and end with a word/);
});

test('the shipped phrase files: one per language the state outlets publish in, every list well-formed', () => {
  const dir = join(import.meta.dirname, '..', 'assets', 'labels', 'phrases');
  const files = readdirSync(dir).filter((f) => f.endsWith('.json')).map((f) => f.replace(/\.json$/, ''));
  assert.deepEqual(files.sort(), Object.keys(PHRASE_FILES).sort(), 'every file is imported by lexicon.ts');
  const wanted = ['ru', 'uk', 'be', 'en', 'es', 'pt', 'fr', 'de', 'it', 'nl', 'ar', 'fa', 'prs', 'ps', 'tr', 'az', 'hy', 'ka', 'kk', 'ky', 'uz', 'tg',
    'zh', 'ja', 'ko', 'hi', 'bn', 'ur', 'vi', 'id', 'sr', 'hr', 'bg', 'pl', 'cs', 'sk', 'ro', 'hu', 'el', 'lv', 'lt', 'et', 'da', 'sv', 'no', 'fi', 'sq', 'he', 'mk',
    'ca', 'sl', 'ms', 'sw', 'tl', 'ta', 'ml', 'mr', 'te', 'mn', 'ku', 'ne', 'af'];
  for (const code of wanted) {
    const f = PHRASE_FILES[code] as PhraseFile | undefined;
    assert.ok(f, `a phrase file for ${code}`);
    assert.equal(f.language, code);
    for (const kind of KINDS) {
      const list = f[kind];
      assert.ok(Array.isArray(list), `${code}.${kind} is a list`);
    }
    for (const key of ['terrorist', 'banned_other', 'states'] as const) assert.ok((f[key] as string[]).length > 0, `${code} has ${key} phrases`);
    for (const key of Object.keys(f)) {
      assert.ok(['language', 'name', 'sources', 'notices', 'postnominal', 'prenominal', 'verb_final', 'participle_first', ...KINDS, ...LISTS, ...WORD_LISTS].includes(key), `${code}: "${key}" is a known list`);
    }
  }
  // Every phrase parses (a bad one would throw when the lexicon is built).
  assert.ok(new Lexicon(PHRASE_FILES).languages.length >= wanted.length);
});

test('the index finds every list of every language in one pass, and says which phrase matched', () => {
  const lex = new Lexicon(PHRASE_FILES);
  const text = 'Талибан — террористическая организация, запрещённая в РФ. Rusya\'da yasaklı. المحظورة في روسيا. 在俄罗斯被禁止的';
  const hits = lex.find(text).map((h) => `${h.list}:${h.lang}:${text.slice(h.index, h.end)}`);
  for (const want of ['terrorist:ru:террористическая', 'banned_other:ru:запрещённая', 'states:ru:РФ', 'banned_other:tr:yasaklı', 'states:tr:Rusya',
    'banned_other:ar:المحظورة', 'states:ar:روسيا', 'banned_other:zh:被禁', 'states:zh:俄罗斯']) {
    assert.ok(hits.includes(want), `${want} in ${JSON.stringify(hits)}`);
  }
  assert.equal(lex.quiet('The central bank kept its key rate unchanged on Friday.'), true, 'a text without a ground is quiet');
  assert.equal(lex.quiet('the group was banned'), false);
});

test('an analyst extends a language by adding a phrase to its file', () => {
  const text = 'Die Gruppe Xenon (in Russland geächtet) griff an.';
  const de = PHRASE_FILES.de as PhraseFile;
  const without: Record<string, PhraseFile> = { ...PHRASE_FILES, de: { ...de, banned_other: (de.banned_other as string[]).filter((p) => p !== 'geächtet*') } };
  assert.deepEqual(detectLabels(text, { lexicon: new Lexicon(without) }), []);
  assert.deepEqual(detectLabels(text).map((l) => [l.kind, l.entity, l.rule]), [['banned_other', 'Xenon', 'parenthetical:de:geächtet*']]);
});

test('word lists: read where one rule looks, per language; an ending list holds endings', () => {
  const lex = new Lexicon(PHRASE_FILES);
  assert.equal(lex.endsWith('short_participle_endings', 'запрещены'), true);
  assert.equal(lex.endsWith('short_participle_endings', 'запрещённых'), false);
  assert.equal(lex.endsWith('short_participle_endings', 'ен'), false, 'an ending needs letters before it');
  assert.equal(lex.endsWith('oblique_participle_endings', 'Запрещённой'), true, 'case and ё fold as in phrases');
  assert.equal(lex.endsWith('adjective_endings', 'міжнародної'), true, 'the Ukrainian file adds its endings');
  assert.equal(lex.endsWith('adjective_endings', 'міжнародної', new Set(['ru'])), false, 'the Russian list alone lacks them');
  const text = 'Naryshkin a déclaré que le groupe';
  const at = text.indexOf('que');
  assert.equal(lex.wordAt('saying', text, at), at + 3);
  assert.equal(lex.wordAt('saying', text, at, new Set(['en'])), -1, 'not an English conjunction');
  assert.equal(lex.wordAt('attributive_particles', '被禁止的“伊斯兰国”', 3), 4);
  assert.equal(lex.prefixAt('glued_and', 'وداعش', 0), 1, 'a prefix list gives the prefix, not the word');
  assert.equal(lex.prefixAt('glued_and', 'داعش', 0), 0);
  const ru = PHRASE_FILES.ru as PhraseFile;
  assert.throws(() => new Lexicon({ ...PHRASE_FILES, ru: { ...ru, adjective_endings: ['ый'] } }),
    /ru\.json, "adjective_endings": "ый" must be one ending written "\*ending"/);
  assert.throws(() => new Lexicon({ ...PHRASE_FILES, ar: { ...(PHRASE_FILES.ar as PhraseFile), glued_and: ['و'] } }),
    /ar\.json, "glued_and": "و" must be one prefix written "prefix\*"/);
});

test('an analyst changes a rule\'s words in the phrase files: a saying conjunction, a named-after word', () => {
  const ru = PHRASE_FILES.ru as PhraseFile;
  const labels = (text: string, files = PHRASE_FILES): string[][] =>
    detectLabels(text, { lexicon: new Lexicon(files) }).map((l) => [l.kind, l.entity]);
  // A news cue followed by "о" tells of something else: the designation after it is an aside.
  const saying = 'Сирия объявила о победе над запрещенной в РФ группировкой «Исламское государство».';
  assert.deepEqual(labels(saying), [['banned_other', 'Исламское государство']]);
  assert.deepEqual(labels(saying, { ...PHRASE_FILES, ru: { ...ru, saying: ['что'] } }), [], 'without "о" the cue is the news');
  // "«Тризуб» имени Степана Бандеры (…)": the note is on the quoted name, not on the person it is named after.
  const named = 'В Москве «Тризуб» имени Степана Бандеры (признан экстремистским и запрещен в России) упомянули снова.';
  assert.deepEqual(labels(named), [['extremist', 'Тризуб']]);
  assert.deepEqual(labels(named, { ...PHRASE_FILES, ru: { ...ru, named_after: [] } }), [['extremist', 'Степана Бандеры']]);
});

test('an analyst changes the joining words of scripts without capitals or spaces: Chinese 和 and 在, the Arabic glued و', () => {
  const zh = PHRASE_FILES.zh as PhraseFile;
  const ar = PHRASE_FILES.ar as PhraseFile;
  const labels = (text: string, files = PHRASE_FILES): string[] =>
    detectLabels(text, { lexicon: new Lexicon(files) }).map((l) => l.entity).sort();
  // Chinese marks no plural: a note after names joined by 和 is on each.
  const list = '报道称，“伊斯兰国”和“胜利阵线”（在俄罗斯被禁止）发动了袭击。';
  assert.deepEqual(labels(list), ['伊斯兰国', '胜利阵线']);
  assert.deepEqual(labels(list, { ...PHRASE_FILES, zh: { ...zh, list_and: [] } }), ['胜利阵线']);
  // 在 after a quoted subject opens its designation.
  const status = '“伊斯兰国”在俄罗斯被禁止。';
  assert.deepEqual(labels(status), ['伊斯兰国']);
  assert.deepEqual(labels(status, { ...PHRASE_FILES, zh: { ...zh, subject_particles: [] } }), []);
  // "and" glued to the next name splits a run of caseless words into two names.
  const glued = 'قاتل مسلحو هيئة تحرير الشام وحراس الدين (المحظورين في روسيا) في إدلب.';
  assert.deepEqual(labels(glued), ['حراس الدين', 'هيئة تحرير الشام']);
  assert.deepEqual(labels(glued, { ...PHRASE_FILES, ar: { ...ar, glued_and: [] } }), ['الشام وحراس الدين']);
});

test('an analyst changes the words joining listed names: "and", an article after it, "und" after a designated name', () => {
  const labels = (text: string, files = PHRASE_FILES): string[] =>
    detectLabels(text, { lexicon: new Lexicon(files) }).map((l) => l.entity).sort();
  const without = (lang: string, list: string, word: string): Record<string, PhraseFile> => {
    const f = PHRASE_FILES[lang] as PhraseFile;
    return { ...PHRASE_FILES, [lang]: { ...f, [list]: (f[list] as string[]).filter((w) => w !== word) } };
  };
  // A note after names joined by "and" is on each; read back from the last name (joins_before).
  const before = 'The Islamic State and Jabhat al-Nusra (both banned in Russia) claimed the attack.';
  assert.deepEqual(labels(before), ['Islamic State', 'Jabhat al-Nusra']);
  assert.deepEqual(labels(before, without('en', 'joins_before', 'and')), ['Jabhat al-Nusra']);
  // An article between the conjunction and the name (join_articles).
  const article = 'Fighters of the Taliban and the Haqqani Network (both banned in Russia) met.';
  assert.deepEqual(labels(article), ['Haqqani Network', 'Taliban']);
  assert.deepEqual(labels(article, without('en', 'join_articles', 'the')), ['Haqqani Network']);
  // A designation before a name is on the names joined after it (joins_after).
  const after = 'Die in Russland verbotenen Terrormilizen Islamischer Staat und Al-Nusra griffen an.';
  assert.deepEqual(labels(after), ['Al-Nusra', 'Islamischer Staat']);
  assert.deepEqual(labels(after, without('de', 'joins_after', 'und')), ['Islamischer Staat']);
});

test('an analyst changes the words adding a name to a footnote\'s subject: "а также", "and"', () => {
  const labels = (text: string, files = PHRASE_FILES): string[] =>
    detectLabels(text, { lexicon: new Lexicon(files) }).map((l) => l.entity).sort();
  const without = (lang: string, word: string): Record<string, PhraseFile> => {
    const f = PHRASE_FILES[lang] as PhraseFile;
    return { ...PHRASE_FILES, [lang]: { ...f, footnote_joins: (f.footnote_joins as string[]).filter((w) => w !== word) } };
  };
  const meta = 'Видео опубликовано в Instagram*.\n*Компания Meta, а также принадлежащие ей соцсети Facebook и Instagram признаны экстремистскими и запрещены в РФ.';
  assert.deepEqual(labels(meta), ['Facebook', 'Instagram', 'Meta']);
  assert.deepEqual(labels(meta, without('ru', 'а также')), ['Meta']);
  const qaeda = 'Fighters of al-Qaeda* attacked.\n*Al-Qaeda and ISIS are terrorist organisations banned in Russia.';
  assert.deepEqual(labels(qaeda), ['ISIS', 'al-Qaeda']);
  assert.deepEqual(labels(qaeda, without('en', 'and')), ['al-Qaeda']);
});

test('an analyst changes the words of the foreign-agent notices: the cue "агент", the name\'s end "либо"', () => {
  const ru = PHRASE_FILES.ru as PhraseFile;
  const rules = (text: string, files = PHRASE_FILES): string[] =>
    detectLabels(text, { lexicon: new Lexicon(files) }).map((l) => `${l.rule.split(':')[0] ?? ''} ${l.entity}`);
  const notice = 'НАСТОЯЩИЙ МАТЕРИАЛ (ИНФОРМАЦИЯ) ПРОИЗВЕДЕН, РАСПРОСТРАНЕН И (ИЛИ) НАПРАВЛЕН ИНОСТРАННЫМ АГЕНТОМ ИВАНОВЫМ ИВАНОМ ИВАНОВИЧЕМ ЛИБО КАСАЕТСЯ ДЕЯТЕЛЬНОСТИ ИНОСТРАННОГО АГЕНТА ИВАНОВА ИВАНА ИВАНОВИЧА.';
  assert.deepEqual(rules(notice), ['notice-2022 ИВАНОВЫМ ИВАНОМ ИВАНОВИЧЕМ']);
  assert.ok(!rules(notice, { ...PHRASE_FILES, ru: { ...ru, notice_cues: [] } }).some((r) => r.startsWith('notice')), 'no cue word, no notice read');
  // A named notice's name ends before "либо": a notice with another clause after it is no notice of that form.
  const lex = new Lexicon(PHRASE_FILES);
  const other = 'НАСТОЯЩИЙ МАТЕРИАЛ (ИНФОРМАЦИЯ) ПРОИЗВЕДЕН, РАСПРОСТРАНЕН И (ИЛИ) НАПРАВЛЕН ИНОСТРАННЫМ АГЕНТОМ ИВАНОВЫМ ИВАНОМ ИВАНОВИЧЕМ ЛИБО КАСАЕТСЯ ЕГО ДЕЯТЕЛЬНОСТИ.';
  assert.deepEqual(findNotices(other, lex.notices, lex.words('notice_name_ends').map((p) => p.text)), []);
  assert.deepEqual(findNotices(other, lex.notices, []).map((n) => n.entity), ['ИВАНОВЫМ ИВАНОМ ИВАНОВИЧЕМ ЛИБО КАСАЕТСЯ ЕГО ДЕЯТЕЛЬНОСТИ']);
});
