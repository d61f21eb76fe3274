// An article's language from its own text; the feed's or page's declared language is only a hint.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { languageDetector, languageProfilesLoaded, normaliseLanguage } from '../electron/text/language.ts';
import { PROFILES_URL, profilesFromSource } from '../electron/text/language-profiles.ts';

const detect = await languageDetector();

test('the profiles load on the first text only they can tell, not before', () => {
  assert.equal(languageProfilesLoaded(), false);
  assert.equal(detect('Путин', 'ru'), 'ru');
  assert.equal(detect('Η κυβέρνηση', null), 'el');
  assert.equal(detect('Қазақстан үкіметі жаңа заң жобасын мақұлдады, деп хабарлады министрлік.', 'ru'), 'kk');
  assert.equal(languageProfilesLoaded(), false, 'a short text, a script of one language and a Cyrillic minority language need none');
  assert.equal(detect('Die Bundesregierung hat neue Maßnahmen zur Unterstützung der Wirtschaft beschlossen.', 'en'), 'de');
  assert.equal(languageProfilesLoaded(), true);
});

test('Cyrillic text in a feed that declares en is Russian', () => {
  const text = 'Центральный банк сохранил ключевую ставку на прежнем уровне, заявив, что инфляция замедляется медленнее, чем ожидалось.';
  assert.equal(detect(text, 'en'), 'ru');
  assert.equal(detect(text, null), 'ru');
  assert.equal(detect('The central bank held interest rates steady on Thursday, saying inflation was falling slowly.', 'ru'), 'en', 'and English text in a Russian feed is English');
});

test('a short title-only item falls back to the declared language', () => {
  assert.equal(detect('Путин', 'ru'), 'ru');
  assert.equal(detect('Путин', 'uk'), 'uk', 'five letters cannot tell Russian from Ukrainian: the feed can');
  assert.equal(detect('Breaking: fire', 'en'), 'en');
  assert.equal(detect('', 'de'), 'de');
  assert.equal(detect(null, 'fr-FR'), 'fr');
  assert.equal(detect('Новости дня', 'en'), null, 'a short text in a script the declaration does not fit: no language rather than a guess');
  assert.equal(detect('Η κυβέρνηση', null), 'el', 'a script only one language uses names it');
});

test('declared languages normalise: en_US, ru-RU, legacy and three-letter codes', () => {
  assert.equal(normaliseLanguage('en_US'), 'en');
  assert.equal(normaliseLanguage('ru-RU'), 'ru');
  assert.equal(normaliseLanguage(' EN '), 'en');
  assert.equal(normaliseLanguage('iw'), 'he');
  assert.equal(normaliseLanguage('rus'), 'ru');
  assert.equal(normaliseLanguage('nb-NO'), 'no');
  assert.equal(normaliseLanguage('sr-Latn-RS'), 'sr');
  assert.equal(normaliseLanguage('zh-Hant-TW'), 'zh');
  assert.equal(normaliseLanguage('klingon!'), null);
  assert.equal(normaliseLanguage(''), null);
  assert.equal(normaliseLanguage(null), null);
  assert.equal(detect('Breaking: fire', 'en_US'), 'en');
  assert.equal(detect('Путин', 'ru-RU'), 'ru');
});

test('close pairs: the declaration decides where the detector wavers, not where it is sure', () => {
  const serbianLatin = 'Narodna banka Srbije zadržala je referentnu kamatnu stopu na istom nivou, navodeći da se inflacija usporava sporije nego što se očekivalo.';
  assert.equal(detect(serbianLatin, 'sr'), 'sr');
  assert.equal(detect(serbianLatin, null), 'hr', 'undeclared, Latin-script Serbian reads as Croatian');
  const indonesian = 'Bank sentral mempertahankan suku bunga acuan pada hari Kamis dan mengatakan inflasi turun lebih lambat dari perkiraan.';
  assert.equal(detect(indonesian, 'id'), 'id');
  assert.equal(detect(indonesian, null), 'ms');
  const ukrainian = 'Національний банк залишив облікову ставку без змін, пояснивши, що інфляція сповільнюється повільніше, ніж очікувалося.';
  assert.equal(detect(ukrainian, 'ru'), 'uk', 'a Russian declaration does not turn clear Ukrainian into Russian');
  assert.equal(detect(ukrainian, null), 'uk');
});

test('Kazakh, which the detector has no profile for, is told by its letters; a Kazakh name in Russian text is not', () => {
  assert.equal(detect('Ұлттық банк базалық мөлшерлемені өзгеріссіз қалдырды, себебі инфляция күтілгеннен баяу төмендеп жатыр.', 'ru'), 'kk');
  assert.equal(detect('Президент Казахстана Касым-Жомарт Токаев провёл встречу с делегацией в Астане, сообщает пресс-служба Ақорда.', 'kk'), 'ru');
});

test('on the benchmark\'s 84 news texts in 40 languages: at least 80 right undeclared, all with their declaration', () => {
  const samples = JSON.parse(readFileSync(new URL('../bench/fixtures/language-samples.json', import.meta.url), 'utf8')) as [string, string][];
  const wrong = samples.filter(([lang, text]) => detect(text) !== lang).map(([lang, text]) => `${lang}: ${text.slice(0, 30)}`);
  assert.ok(wrong.length <= 4, wrong.join('\n'));
  assert.deepEqual(samples.filter(([lang, text]) => detect(text, lang) !== lang), []);
  assert.equal(samples.filter(([lang, text]) => detect(text, lang === 'en' ? 'fr' : 'en') === lang).length >= 80, true, 'a wrong declaration costs nothing on clear text');
});

test('the profiles read as data are exactly the object eld\'s own profile module exports', async () => {
  const { ngramsData } = await import(PROFILES_URL.href) as { ngramsData: unknown };
  assert.deepEqual(profilesFromSource(readFileSync(PROFILES_URL, 'utf8')), ngramsData);
});

test('a profile file in a form the reader does not know fails with words, not with wrong profiles', () => {
  assert.deepEqual(profilesFromSource("export const ngramsData = {type:'M60',languages:{0:'am'},ngrams:{' d\\'a ':{11:7}}};"),
    { type: 'M60', languages: { 0: 'am' }, ngrams: { " d'a ": { 11: 7 } } });
  assert.throws(() => profilesFromSource("export const ngramsData = {ngrams:{'\\n':{0:1}}};"), /escape \(\\n\) this reader does not know; reinstall Footnote/);
  assert.throws(() => profilesFromSource('export default 1;'), /no ngramsData object; reinstall Footnote/);
});
