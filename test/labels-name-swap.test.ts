// The name-swap check (issue 10; test/support/name-swap.ts, world/README.md "Unknown names"): the regression set's and
// the tune part's positive cases with every expected entity renamed to an unknown name of the same shape. The
// detector must find unknown names about as well as known ones; the floor is the figure reached, so that a later
// rule that works only through the alias table shows here. Held-out parts are never read.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { detectLabels } from '../electron/labels/footnotes.ts';
import { canonicalEntity } from '../electron/labels/canonical.ts';
import { precision, recall, report, score } from './support/label-scoring.ts';
import { mappedBack, markerSwapped, nameSwapped } from './support/name-swap.ts';

const swap = nameSwapped();

/**
 * The figure reached on the swapped cases (world/README.md "Unknown names"): P 0.954 R 0.901 before the rules it led
 * to, P 0.967 R 0.919 after (branch namefree); on the 889 cases of the larger tune part P 0.969 R 0.921 before the
 * second round and P 0.976 R 0.928 after it (branch namefree2; unswapped: P 0.990 R 0.963); on the 949 cases after the
 * fourth Russian round P 0.975 R 0.931 (branch ru4, recall floor raised). A guard against leaning on known names again.
 */
const SWAP_FLOOR = { precision: 0.974, recall: 0.929 };

test('the swap is deterministic and names only unknown entities', () => {
  assert.ok(swap.swapped.length >= 800, `${swap.swapped.length} cases swapped of ${swap.positives}`);
  const again = nameSwapped();
  assert.deepEqual(again.swapped.map((s) => s.text), swap.swapped.map((s) => s.text), 'the same seed gives the same texts');
  for (const s of swap.swapped) {
    for (const e of s.expected) {
      if (e.entity === '<self>') continue;
      assert.equal(canonicalEntity(e.entity, s.lang).known, false, `${s.id}: "${e.entity}" is in the alias table`);
      assert.ok(s.text.includes(e.entity), `${s.id}: "${e.entity}" is not in the swapped text`);
    }
  }
});

test(`on name-swapped cases the detector reaches the floor (P ${SWAP_FLOOR.precision}, R ${SWAP_FLOOR.recall})`, () => {
  const original = score(swap.swapped.map((s) => s.original), (t) => detectLabels(t));
  const swapped = score(swap.swapped.map((s) => ({ ...s, expected: s.original.expected })), (_t, s) => mappedBack(s, detectLabels));
  console.log(`name swap: ${swap.positives} positive cases, ${swap.swapped.length} swapped (skipped: ${swap.skipped.script} script not covered, ${swap.skipped.collision} no unknown draw, ${swap.skipped.notices} self-notices only)`);
  console.log(report('name swap, original', original, false).split('\n').filter((l) => !l.startsWith('  lang')).join('\n'));
  console.log(report('name swap, swapped', swapped, false).split('\n').filter((l) => !l.startsWith('  lang')).join('\n'));
  assert.deepEqual(swapped.offsetErrors, [], 'every label points at its evidence');
  assert.ok(precision(swapped.all) >= SWAP_FLOOR.precision, `precision ${precision(swapped.all).toFixed(3)} < ${SWAP_FLOOR.precision}`);
  assert.ok(recall(swapped.all) >= SWAP_FLOOR.recall, `recall ${recall(swapped.all).toFixed(3)} < ${SWAP_FLOOR.recall}`);
});

test('a footnote marker printed "✱" or "**" instead of "*" is read as well', () => {
  const originals = swap.swapped.map((s) => s.original);
  const base = score(markerSwapped(originals, '*'), (t) => detectLabels(t));
  for (const to of ['✱', '**']) {
    const s = score(markerSwapped(originals, to), (t) => detectLabels(t));
    console.log(report(`marker * → ${to}`, s, false).split('\n')[0]);
    assert.ok(recall(s.all) >= recall(base.all), `marker ${to}: recall ${recall(s.all).toFixed(3)} against ${recall(base.all).toFixed(3)} with *`);
  }
});

// The rules the check led to (electron/labels/LABELS.md, Entities), on names no table knows.
test('an unknown person is named from the given name on, in any case form', () => {
  const moscow = detectLabels('В Москве Гарри Сужмучюда* заочно арестовали.\n…\n* Признан в России иноагентом.');
  assert.deepEqual(moscow.map((l) => [l.kind, l.entity]), [['foreign_agent', 'Гарри Сужмучюда']]);
  const yukos = detectLabels('Бывший владелец ЮКОСа Михаила Жюрюмшюспшого (признан в РФ иноагентом) заявил, что…');
  assert.deepEqual(yukos.map((l) => l.entity), ['Михаила Жюрюмшюспшого']);
});

test('a Turkish case ending after an apostrophe ends an unknown name walking back', () => {
  const labels = detectLabels("Doha'da Ziponil* yetkilileri açıklama yaptı.\n* Ziponil, Rusya'da yasaklanmış bir terör örgütüdür.");
  assert.deepEqual(labels.map((l) => [l.kind, l.entity]), [['terrorist', 'Ziponil']]);
});

test('without spaces, a designation noun after an unknown name bounds it as a quote does', () => {
  const labels = detectLabels('议题。加德亚运动在俄罗斯被认定为恐怖组织,被禁止在俄境内活动。');
  assert.deepEqual(labels.map((l) => [l.kind, l.entity]), [['terrorist', '加德亚']]);
  assert.deepEqual(detectLabels('加德亚在俄罗斯被认定为恐怖组织。'), [], 'unquoted and unknown, with nothing to bound it: no name');
});

test('a name headed by a designation noun goes on in lower case across a preposition, known or not', () => {
  const note = '* Фонд битьбы с зиттяцпией (ЖБЗ) включён в реестр НКО — иностранных агентов.';
  const labels = detectLabels(`Прокуратура просит признать Фонд битьбы с зиттяцпией* террористической организацией.\n${note}`);
  assert.deepEqual(labels.map((l) => [l.kind, l.entity]), [['foreign_agent', 'Фонд битьбы с зиттяцпией']]);
  const bracket = detectLabels('Иск о признании юрлица Фонда хугьхы с луггинцией (признан экстремистской организацией и запрещен в России) подан.');
  assert.deepEqual(bracket.map((l) => [l.kind, l.entity]), [['extremist', 'Фонда хугьхы с луггинцией']]);
});

test('a two-word state name before an unknown name is not part of it; a one-word state may be', () => {
  const de = detectLabels('Im Mai hat das Justizministerium der Russischen Föderation Kala (in der Russischen Föderation als ausländischer Agent anerkannt) aufgenommen.');
  assert.deepEqual(de.map((l) => [l.kind, l.entity]), [['foreign_agent', 'Kala']]);
  const en = detectLabels('Fighters of the Russian Volunteer Corps (banned in Russia) crossed the border.');
  assert.deepEqual(en.map((l) => l.entity), ['Russian Volunteer Corps']);
});

test('a spaced run of stars after a name is its marker; after a number it is a rating', () => {
  const labels = detectLabels('Amid the withdrawal, the Taliban ** seized power in Afghanistan.\n** A terrorist organization banned in Russia.');
  assert.deepEqual(labels.map((l) => [l.kind, l.entity, l.marker]), [['terrorist', 'Taliban', '**']]);
  assert.deepEqual(detectLabels('The hotel got 4 ** from critics.\n** A terrorist organization banned in Russia.').map((l) => l.entity), []);
});

test('a word of nation or faith before an unknown one-word name qualifies it; before two words it is the name\'s own', () => {
  const qatar = detectLabels("Four representatives of the Qatari Vebupel's political office (banned and recognized as terrorists in the Russian Federation) arrived.");
  assert.deepEqual(qatar.map((l) => [l.kind, l.entity]), [['terrorist', 'Vebupel']]);
  const es = detectLabels('Los combatientes del Batallón Nacional Eroh (una organización extremista prohibida en Rusia) se encuentran en la RPD.');
  assert.deepEqual(es.map((l) => [l.kind, l.entity]), [['extremist', 'Eroh']]);
  const sna = detectLabels('Units of the conglomerate Syrian Nokural Army* had some success.\n* A terrorist organization banned in Russia.');
  assert.deepEqual(sna.map((l) => l.entity), ['Syrian Nokural Army']);
});

test('a Latin-script given name of the phrase files starts an unknown person', () => {
  const labels = detectLabels('Um dos curadores é o ex-deputado da Duma Ilya Tiniruled, reconhecido como agente estrangeiro, que fugiu do país.');
  assert.deepEqual(labels.map((l) => [l.kind, l.entity]), [['foreign_agent', 'Ilya Tiniruled']]);
});

test('an unknown name joined to a compound head by a hyphen keeps it ("X-центр")', () => {
  const labels = detectLabels('Согласно опросу "Гэсаза-центра" (включен российскими властями в список иностранных агентов), 54 процента считают иначе.');
  assert.deepEqual(labels.map((l) => [l.kind, l.entity]), [['foreign_agent', 'Гэсаза-центра']]);
});

test('inside a Cyrillic sentence a capitalised designation noun opens an unknown name; at its start it does not', () => {
  const sr = detectLabels('Како преноси Радио Кгямячра Увжяба (проглашен страним агентом у Русији), преговори су прекинути.');
  assert.deepEqual(sr.map((l) => [l.kind, l.entity]), [['foreign_agent', 'Радио Кгямячра Увжяба']]);
  const start = detectLabels('Вчера вечером. Движение Жалибан (признано террористическим и запрещено в России) заявило о переговорах.');
  assert.deepEqual(start.map((l) => l.entity), ['Жалибан'], 'a sentence capitalises its first word, a noun too');
});

test('the Serbian spelling of the Arabic article ("ел") joins an unknown name as "аль" does', () => {
  const labels = detectLabels('Заплењен је материјал у Русији забрањене организације Цюгз ел Руцшюш ел Южчами, средства везе.');
  assert.deepEqual(labels.map((l) => [l.kind, l.entity]), [['banned_other', 'Цюгз ел Руцшюш ел Южчами']]);
});

test('an unknown subject of a status sentence may follow a capitalised article', () => {
  const labels = detectLabels('The Orkemoc Rfefe is an extremist organization banned in Russia.');
  assert.deepEqual(labels.map((l) => [l.kind, l.entity]), [['extremist', 'Orkemoc Rfefe']]);
  assert.deepEqual(detectLabels('In Orkemoc Rfefe is an extremist organization banned in Russia.'), [], 'after another word it is no subject');
});

test('a designation noun hyphenated after a space ends an unknown name before it ("X -bevægelsen")', () => {
  const labels = detectLabels('Forbuddet mod Conisom -bevægelsen* (anerkendt i Rusland af terrorisme) har været effektiv.');
  assert.deepEqual(labels.map((l) => [l.kind, l.entity]), [['terrorist', 'Conisom']]);
});
