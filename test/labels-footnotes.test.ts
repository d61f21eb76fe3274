// Conventions of DESIGN.md §2 that the scored set does not spell out one by one: the foreign-agent notices,
// one label per kind and entity, specific kinds absorbing "banned", offsets, and texts that must yield nothing.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { detectLabels } from '../electron/labels/footnotes.ts';

const brief = (text: string): [string, string, string | null][] => detectLabels(text).map((l) => [l.kind, l.entity, l.marker]);

test('the foreign-agent notice designates the outlet itself (<self>), in capitals or not; the 2022 form names the agent', () => {
  const notice = 'ДАННОЕ СООБЩЕНИЕ (МАТЕРИАЛ) СОЗДАНО И (ИЛИ) РАСПРОСТРАНЕНО ИНОСТРАННЫМ СРЕДСТВОМ МАССОВОЙ ИНФОРМАЦИИ, ВЫПОЛНЯЮЩИМ ФУНКЦИИ ИНОСТРАННОГО АГЕНТА, И (ИЛИ) РОССИЙСКИМ ЮРИДИЧЕСКИМ ЛИЦОМ, ВЫПОЛНЯЮЩИМ ФУНКЦИИ ИНОСТРАННОГО АГЕНТА.';
  const text = `Новости дня\n${notice}\nТекст статьи.`;
  const [l] = detectLabels(text);
  assert.deepEqual(brief(text), [['foreign_agent', '<self>', null]]);
  assert.equal(text.slice(l?.start, l?.end), notice);
  assert.deepEqual(brief(notice.toLowerCase().replace(/^д/, 'Д')), [['foreign_agent', '<self>', null]]);
  const named = 'НАСТОЯЩИЙ МАТЕРИАЛ (ИНФОРМАЦИЯ) ПРОИЗВЕДЕН, РАСПРОСТРАНЕН И (ИЛИ) НАПРАВЛЕН ИНОСТРАННЫМ АГЕНТОМ ПОНОМАРЕВЫМ ЛЬВОМ АЛЕКСАНДРОВИЧЕМ ЛИБО КАСАЕТСЯ ДЕЯТЕЛЬНОСТИ ИНОСТРАННОГО АГЕНТА ПОНОМАРЕВА ЛЬВА АЛЕКСАНДРОВИЧА. 18+';
  assert.deepEqual(brief(named), [['foreign_agent', 'ПОНОМАРЕВЫМ ЛЬВОМ АЛЕКСАНДРОВИЧЕМ', null]]);
});

test('one label per kind and entity per text; a specific kind absorbs a generic "banned" note on the same entity', () => {
  const text = 'Meta (banned in Russia) posted. Later Meta (recognised as extremist and banned in Russia) replied. Meta (recognised as extremist in Russia) again.';
  assert.deepEqual(brief(text), [['extremist', 'Meta', null]]);
  assert.deepEqual(brief('Facebook (banned in Russia) and Instagram (banned in Russia).'), [['banned_other', 'Facebook', null], ['banned_other', 'Instagram', null]]);
});

test('every label points at its evidence in the text', () => {
  const text = 'Militants of Daesh* attacked.\nThe Taliban (a terrorist organisation banned in Russia) met.\n*Daesh is a terrorist organisation banned in Russia.';
  const labels = detectLabels(text);
  assert.equal(labels.length, 2);
  for (const l of labels) assert.equal(text.slice(l.start, l.end), l.evidence);
  assert.deepEqual(labels.map((l) => l.evidence), ['(a terrorist organisation banned in Russia)', '*Daesh is a terrorist organisation banned in Russia.']);
});

test('texts without a label yield nothing, quickly and without errors', () => {
  for (const text of ['', '*', '**\n*', '( banned in Russia )', '(((((', 'Russia', '*banned in Russia', 'x'.repeat(100_000), '*'.repeat(10_000) + '\n*Terrorist group banned in Russia.']) {
    assert.deepEqual(detectLabels(text), [], JSON.stringify(text.slice(0, 40)));
  }
});

test('a marked name before a head noun, in an appositive (as republished by news-pravda.com)', () => {
  const text = 'WASHINGTON, 17 Sep - RIA Novosti. The Meta* company, recognized as an extremist in the Russian Federation, will block RT.';
  const [l, ...rest] = detectLabels(text);
  assert.equal(rest.length, 0);
  // The footnote of the marker is not in the text: the inline label is the one, without a marker (LABELS.md, Decisions).
  assert.deepEqual([l?.kind, l?.entity, l?.marker, l?.evidence], ['extremist', 'The Meta', null, 'recognized as an extremist in the Russian Federation']);
  assert.equal(text.slice(l?.start, l?.end), l?.evidence);
});

test('two footnotes run on one line without a full stop: the second marker opens its own footnote', () => {
  const text = 'Обвинения в адрес Невзлина* и слова Алексея Венедиктова**.\n*признана экстремистской организацией, деятельность которой запрещена в РФ **признан иноагентом в РФ';
  const got = detectLabels(text).map((l) => [l.kind, l.entity, l.marker]);
  assert.deepEqual(got, [['extremist', 'Невзлина', '*'], ['foreign_agent', 'Алексея Венедиктова', '**']]);
  // Without a name carrying "**", the run stays inside the first footnote's text.
  assert.deepEqual(detectLabels('Обвинения в адрес Невзлина*.\n*признан иноагентом в РФ ** примечание').map((l) => l.kind), ['foreign_agent']);
});

test('a case ending adds no word: the first marked spelling stays the entity as written', () => {
  const text = 'Киев направил боевиков группировки «Азов»*. Подразделения «Азова»* переброшены.\n*Организация признана террористической, запрещена в РФ.';
  assert.deepEqual(detectLabels(text).map((l) => [l.kind, l.entity, l.marker]), [['terrorist', 'Азов', '*']]);
});

test('a state inside a quotation after the ground is the cited reason, not another jurisdiction', () => {
  const text = 'Жена Максима Галкина (которого признали в РФ иноагентом за «финансирование от Украины при «осуществлении политической деятельности») попросила Минюст.';
  assert.deepEqual(detectLabels(text).map((l) => [l.kind, l.entity]), [['foreign_agent', 'Максима Галкина']]);
  // Without the quotation, Ukraine named right after a ground is Ukraine's designation (LABELS.md, Exclusions).
  assert.deepEqual(detectLabels('Группа «Икс» (признана террористической на Украине) провела акцию.').map((l) => l.kind), []);
});

test('a bracket after a cited legal article is its title, not a note on a name', () => {
  assert.deepEqual(detectLabels('Активиста признали виновным по статье 20.33 КоАП (участие в деятельности нежелательной организации).'), []);
  assert.deepEqual(detectLabels('Дело завели по ст. 284.1 УК РФ (деятельность нежелательной организации).'), []);
});

test('a name nested in guillemets that close once is the inner quotation ("«Легион «Свобода России»")', () => {
  const text = 'Фонд сотрудничает с запрещенными в России террористическими организациями «Легион «Свобода России»** и «Айдар»**.';
  assert.deepEqual(detectLabels(text).map((l) => [l.kind, l.entity]), [['terrorist', 'Свобода России'], ['terrorist', 'Айдар']]);
});

test('a bracket that names its own entity gives way to the body mention the same label is written on', () => {
  const text = 'Фото: instagram.com/maxim_katz (Максим Кац признан в РФ иноагентом)\n\nСуд заочно арестовал блогера Максима Каца (признан в России иностранным агентом) по делу.';
  assert.deepEqual(detectLabels(text).map((l) => [l.kind, l.entity]), [['foreign_agent', 'Максима Каца']]);
});

test('a footnote may open with its name carrying the marker, then a dash ("«Талибан*» — …")', () => {
  assert.deepEqual(brief('Представители «Талибана*» прибыли в Москву.\n«Талибан*» — террористическая организация, запрещенная в России'), [['terrorist', 'Талибана', '*']]);
  assert.deepEqual(brief('Kämpfer der Taliban* griffen an.\nTaliban* – in Russland verbotene Terrororganisation.'), [['terrorist', 'Taliban', '*']]);
  assert.deepEqual(brief('連邦保安局は、イスラム国家*の違法な活動を防止しました。\n…\nイスラム国家*-ロシアで禁止されているテロ組織'), [['terrorist', 'イスラム国家', '*']]);
  // Each name its own footnote, by marker.
  assert.deepEqual(brief('Бойцы «Азова»* и «Айдара»** атаковали.\n«Азов»* — признан террористической организацией и запрещен в России.\n«Айдар»** — запрещен в России.'),
    [['terrorist', 'Азова', '*'], ['banned_other', 'Айдара', '**']]);
  // Read as the appositive it is written as: an epithet without the state, another state's ban, give nothing.
  assert.deepEqual(brief('Боевики "Катиба Тавхид валь-Джихад"* взяли ответственность.\n"Катиба Тавхид валь-Джихад"* - радикальная террористическая группировка.'), []);
  assert.deepEqual(brief('Боевики «Исламского государства»* атаковали.\n«Ислам мемлекеті»* — Қазақстан Республикасының аумағында тыйым салынған ұйым'), []);
  // A note naming another entity before its ground is an appositive on that one, read inline; the real footnote of the
  // marker still labels the marked name.
  assert.deepEqual(brief('Соратники Навального* провели акцию.\nНавальный* — основатель ФБК, признанного экстремистской организацией и запрещенного в России.\n* Внесен в перечень террористов и экстремистов.'),
    [['extremist', 'ФБК', null], ['extremist', 'Навального', '*'], ['terrorist', 'Навального', '*']]);
  // A hyphen glued to a Latin or Cyrillic word joins a compound ("Taliban*-Bewegung"), no footnote.
  assert.deepEqual(brief('Er sagte, die Taliban*-Bewegung sei mächtig.\nTaliban*-Bewegung ist in Russland als Terrororganisation verboten.'), []);
});

test('a footnote\'s head name the alias table knows whole is read whole, and labels a lower-case word derived from it', () => {
  // "Международное" alone was the subject: a name the table does not know, so no label on the marked "ЛГБТ".
  for (const note of ['*Международное общественное движение ЛГБТ признано экстремистским и запрещено в России.', '* Движение ЛГБТ признано экстремистским и запрещено в РФ.']) {
    assert.deepEqual(detectLabels(`Суд оштрафовал блогера за пропаганду ЛГБТ*.\n${note}`).map((l) => [l.kind, l.canonical, l.marker]), [['extremist', 'International LGBT movement', '*']], note);
  }
  assert.deepEqual(brief('Мужчина вывесил полотно с изображением сатанинской* символики.\n*«Международное движение сатанизма» признано экстремистской организацией, деятельность которой запрещена на территории РФ.'),
    [['extremist', 'Международное движение сатанизма', '*']]);
});
