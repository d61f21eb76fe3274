// The perturbation checks beside the name swap (issue 10; test/support/perturb.ts, world/README.md "Perturbations"):
// the regression set's and the tune part's positive cases with a role before a person's name, another quote style,
// the marker moved across the closing mark, another marker style, a neutral sentence of context, the Russian label
// phrase re-inflected (perturb-agreement.ts) or paraphrased, Russian and English (perturb-paraphrase.ts, with
// negatives of the same wording told as the news), each family with its expected labels derived from the case's own.
// The detector must read them about as well as the cases as printed; each floor is a little under the figure
// reached, so that a rule that works only for the printed form shows here. Held-out parts are never read.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { Label } from '../electron/model.ts';
import { detectLabels } from '../electron/labels/footnotes.ts';
import { precision, recall, regressionCases, report, score, worldCases } from './support/label-scoring.ts';
import { perturbations } from './support/perturb.ts';

// One detection per text: the originals recur across families.
const seen = new Map<string, Label[]>();
const detect = (text: string): Label[] => {
  let labels = seen.get(text);
  if (!labels) {
    labels = detectLabels(text);
    seen.set(text, labels);
  }
  return labels;
};

/**
 * Each floor a little under the figure reached on the perturbed cases (branch perturb2; world/README.md
 * "Perturbations"). Before its rules (detector at 93d454b): role P 1.000 R 0.972, quote style P 0.946 R 0.841, marker
 * inside/after P 0.954 R 0.939, superscript P 0.981 R 0.978, (*) and [n] P 0.972 R 0.972, glued digit P 0.590 R 0.502,
 * neutral sentence before P 0.989 R 0.961, after P 0.990 R 0.961. After: role unchanged, quote style P 0.991 R 0.967,
 * inside/after P 0.977 R 0.970, superscript P 0.987 R 0.981, (*) and [n] P 0.987 R 0.978, glued P 0.975 R 0.962,
 * sentence before P 0.991 R 0.961, after unchanged.
 */
const FLOORS: Record<string, { precision: number; recall: number }> = {
  'role before the name': { precision: 0.99, recall: 0.96 },
  'quote style': { precision: 0.98, recall: 0.96 },
  'marker inside/after the closing mark': { precision: 0.965, recall: 0.96 },
  'marker style superscript': { precision: 0.975, recall: 0.97 },
  'marker style (*)': { precision: 0.98, recall: 0.97 },
  'marker style [n]': { precision: 0.98, recall: 0.97 },
  'marker style glued': { precision: 0.97, recall: 0.96 }, // gen6: P 0.977 R 0.968 (Han names, `counters`)
  // Branch gen6 (world/README.md "Agreement and paraphrase" has each family's figures before and after its rules).
  // Reached: case P 1.000 R 1.000, gender and number P 0.983 R 0.979, ё P 0.993 R 0.976, state P 0.987 R 0.976, word
  // order P 0.981 R 0.968, activity P 0.930 R 0.914, adverb (ru) P 0.976 R 0.965, abbreviation P 0.977 R 0.969, ban verb
  // and state (en) P 1.000 R 1.000, designated and banned (en) P 1.000 R 0.971, adverb (en) P 1.000 R 0.967.
  'agreement: case': { precision: 0.99, recall: 0.99 },
  'agreement: gender and number': { precision: 0.975, recall: 0.97 },
  'agreement: ё and е': { precision: 0.985, recall: 0.965 },
  'paraphrase: state (ru)': { precision: 0.98, recall: 0.965 },
  'paraphrase: word order (ru)': { precision: 0.97, recall: 0.955 },
  'paraphrase: activity (ru)': { precision: 0.92, recall: 0.9 },
  'paraphrase: recognised and banned (ru)': { precision: 0.975, recall: 0.96 }, // P 0.986 R 0.971 (569bd14: P 0.971 R 0.957)
  'paraphrase: adverb (ru)': { precision: 0.965, recall: 0.955 },
  'paraphrase: abbreviation (ru)': { precision: 0.965, recall: 0.955 },
  'paraphrase: footnote formula (ru)': { precision: 0.99, recall: 0.98 }, // P 1.000 R 0.991, as before the branch
  'paraphrase: bracket formula (ru)': { precision: 0.985, recall: 0.98 }, // P 0.994 R 0.989, as before the branch
  'paraphrase: ban verb and state (en)': { precision: 0.99, recall: 0.99 },
  'paraphrase: designated and banned (en)': { precision: 0.99, recall: 0.96 },
  'paraphrase: adverb (en)': { precision: 0.99, recall: 0.955 },
  // Branch fa7 (world/README.md "Foreign-agent hard negatives"): before its rules (main cb448ef) P 0.569 R 0.958
  // (foreign_agent P 0.434 R 1.000), after P 0.958 R 0.958 (foreign_agent P 1.000 R 1.000; the rest is the originals'
  // own undesirable errors); the kind itself is gated below.
  'foreign agent: hard negatives (ru)': { precision: 0.95, recall: 0.95 },
  'neutral sentence before': { precision: 0.98, recall: 0.95 },
  'neutral sentence after': { precision: 0.98, recall: 0.95 },
};

const families = perturbations([...regressionCases(), ...worldCases('tune')], detect);

test('every family is gated and perturbs enough cases, each text changed', () => {
  assert.deepEqual(families.map((f) => f.name).sort(), Object.keys(FLOORS).sort());
  for (const f of families) {
    assert.ok(f.cases.length >= 40, `${f.name}: ${f.cases.length} cases`);
    for (const c of f.cases) assert.notEqual(c.text, c.original.text, `${f.name}: ${c.id} unchanged`);
  }
});

for (const f of families) {
  const floor = FLOORS[f.name] ?? { precision: 1, recall: 1 };
  test(`${f.name}: the detector reaches the floor (P ${floor.precision}, R ${floor.recall})`, () => {
    const original = score(f.cases.map((c) => c.original), (t) => detect(t));
    const perturbed = score(f.cases, (t) => detect(t));
    console.log(report(`${f.name}, original`, original, false).split('\n')[0]);
    console.log(report(`${f.name}, perturbed`, perturbed, false).split('\n')[0]);
    assert.deepEqual(perturbed.offsetErrors, [], 'every label points at its evidence');
    assert.ok(precision(perturbed.all) >= floor.precision, `precision ${precision(perturbed.all).toFixed(3)} < ${floor.precision}`);
    assert.ok(recall(perturbed.all) >= floor.recall, `recall ${recall(perturbed.all).toFixed(3)} < ${floor.recall}`);
  });
}

test('foreign agent: hard negatives (ru): the foreign-agent labels themselves reach P 0.99, R 0.99', () => {
  const f = families.find((x) => x.name === 'foreign agent: hard negatives (ru)');
  const fa = f ? score(f.cases, (t) => detect(t)).byKind.get('foreign_agent') : undefined;
  assert.ok(fa && fa.tp >= 100, 'the family holds foreign-agent positives');
  assert.ok(precision(fa) >= 0.99 && recall(fa) >= 0.99, `foreign_agent P ${precision(fa).toFixed(3)} R ${recall(fa).toFixed(3)}`);
});

const labelled = (text: string): [string, string, string | null][] => detectLabels(text).map((l) => [l.kind, l.entity, l.marker]);

// The rules the families led to (electron/labels/LABELS.md, "Perturbations").
test('a footnote number flattened from a superscript is read glued to its text, a quote or a dash', () => {
  assert.deepEqual(labelled('Les combattants de Daech1 ont revendiqué.\n1Organisation terroriste interdite en Russie.'), [['terrorist', 'Daech', '1']]);
  assert.deepEqual(labelled('Бойцы батальона «Азов»1 сдались.\n1«Азов» — признан террористической организацией, запрещен в России.'), [['terrorist', 'Азов', '1']]);
  assert.deepEqual(labelled('Според „Медуза“3 преговорите са се провалили.\n3 Призната в Русия за чуждестранен агент.'), [['foreign_agent', 'Медуза', '3']]);
  assert.deepEqual(labelled('Amid the withdrawal, the Taliban1 seized power in Afghanistan, refugees rushed to neighbouring states. 1 A terrorist organization banned in Russia.'),
    [['terrorist', 'Taliban', '1']]);
  // "group1": the number bounds the designation noun, as a star does ("terrorist group*").
  assert.deepEqual(labelled('The Khayyat Tahrir al-Sham terrorist group1 announced a ceasefire.\n1 – prohibited in the Russian Federation'), [['terrorist', 'Tahrir al-Sham', '1']]);
  assert.deepEqual(labelled('Meta5 was fined in 2014. 5 Terrorist organizations banned in Russia were named.'), [], 'a number after a year is no footnote');
  assert.deepEqual(labelled('Ранее сообщалось о приговоре боевикам ИГ1, которые планировали теракты в Москве. 1 — запрещены в РФ.'), [['banned_other', 'ИГ', '1']]);
});

test('a name quoted „…“, ‘…’ or \'…\' is read as one in guillemets, and keeps its marks as printed', () => {
  for (const [o, c] of [['«', '»'], ['„', '“'], ['‘', '’'], ["'", "'"]]) {
    const text = `Rusiyada qadağan olunmuş ${o}İslam Dövləti${c} terror təşkilatının yaraqlıları hücum edib.`;
    const labels = detectLabels(text);
    assert.deepEqual(labels.map((l) => [l.kind, l.entity]), [['terrorist', 'İslam Dövləti']], `${o}${c}`);
    assert.equal(text.slice(labels[0]?.start, labels[0]?.end), labels[0]?.evidence);
  }
  assert.deepEqual(labelled("Die Gruppe „Legion 'Freiheit Russlands'“* griff an.\n* In Russland als Terrororganisation verboten.").map((l) => l[1]), ['Freiheit Russlands']);
  // Nested quotations closing together: the inner one is the name.
  assert.deepEqual(labelled('Боевики «Легиона «Свобода России»»* атаковали.\n* Признан террористической организацией и запрещен в РФ.').map((l) => l[1]), ['Свобода России']);
  // Beside Chinese, where the rules read “…”, a quotation in guillemets or single quotes is read as one in “…”.
  for (const q of ['«伊斯兰国»', '‘伊斯兰国’', '“伊斯兰国”']) assert.deepEqual(labelled(`俄罗斯境内被禁止活动的${q}恐怖组织,是全球安全的主要威胁之一。`).map((l) => l[1]), ['伊斯兰国'], q);
  assert.deepEqual(labelled("Les combattants de l'organisation terroriste Daech (interdite en Russie) ont revendiqué l'attentat d'hier.").map((l) => l[1]), ['Daech'], 'an apostrophe is no quote');
  assert.deepEqual(labelled("Rusya'da yasaklanan IŞİD'in militanları saldırıyı üstlendi.").map((l) => l[1]), ['IŞİD'], 'nor is a Turkish case ending\'s');
});

test('a marker inside the closing quote marks the whole quoted name', () => {
  const text = 'Минюст включил в перечень НПО «Защити защитников*» и «Платформу гражданской солидарности*».\n* Организация признана нежелательной в РФ.';
  assert.deepEqual(labelled(text), [['undesirable', 'Защити защитников', '*'], ['undesirable', 'Платформу гражданской солидарности', '*']]);
});

test('footnotes run on in one line in any marker style', () => {
  const text = 'Обвинения в адрес Невзлина¹ и слова Алексея Венедиктова².\n¹признана экстремистской организацией, деятельность которой запрещена в РФ ²признан иноагентом в РФ';
  assert.deepEqual(labelled(text), [['extremist', 'Невзлина', '¹'], ['foreign_agent', 'Алексея Венедиктова', '²']]);
});

test('a stop after an abbreviation in capitals, or before a letter of a script without capitals, ends a sentence', () => {
  assert.deepEqual(labelled('Rusia declaró a Meta organización extremista en 2022, según informó la agencia TASS. La investigación fue publicada por Bellingcat, organización declarada indeseable en Rusia.'),
    [['undesirable', 'Bellingcat', null]]);
  assert.deepEqual(labelled('أدرجت هيئة الرقابة المالية شركة ميتا على قائمة المتطرفين فالبلاد. وأعلن المركز أن أعضاء من هيئة تحرير الشام الإرهابية والمحظورة في روسيا يخططون لاستفزازات.').map((l) => l[0]),
    ['terrorist']);
});

test('a status sentence standing for a name marked "(*)", "[1]" or with a glued number carries its marker', () => {
  for (const m of ['*', '(*)', '[1]', '1']) {
    const text = `Суд запретил распространять информацию о платной подписке в Instagram${m}. Социальная сеть принадлежит корпорации, которая признана в России экстремистской организацией и запрещена.`;
    assert.deepEqual(labelled(text).map((l) => l[2]), [m], m);
  }
});

test('names listed as a status sentence\'s subject are read past their markers in any style', () => {
  for (const m of ['*', '(*)', '[1]', '1']) {
    assert.deepEqual(labelled(`УПА${m}, ОУН${m} и УНС${m} признаны экстремистскими и запрещены в РФ.`).map((l) => l[1]), ['УПА', 'ОУН', 'УНС'], m);
    // And names listed before a distributive bracket, the number glued to the name too.
    assert.deepEqual(labelled(`Бойцы ИГ${m} и «Джебхат ан-Нусры»${m} (обе запрещены в РФ) атаковали.`).map((l) => l[1]).sort(), ['ИГ', 'Джебхат ан-Нусры'].sort(), m);
  }
});

test('a designation noun followed by its own marked name stands for it, not for a name in the sentence before', () => {
  const text = 'Теперь любая деятельность движения АУЕ будет признана незаконной. МОСКВА, 24 сен - РИА Новости. Деятельность украинской НПО "Фонд 24.02"*, '
    + 'сотрудничающей с террористическими организациями, признана нежелательной на территории России.\n* Организация признана нежелательной в России';
  assert.deepEqual(labelled(text), [['undesirable', 'Фонд 24.02', '*']]);
});

// The rules the agreement and paraphrase families led to (electron/labels/LABELS.md, "Agreement and paraphrase").
test('Russian label phrases in every case, with an adverb, an agent or "на территории", or the participle abbreviated', () => {
  assert.deepEqual(labelled('Во Владивостоке расследуется дело приверженцев запрещенной в России секте "АУМ синрике".'), [['banned_other', 'АУМ синрике', null]]);
  assert.deepEqual(labelled('Задержан сторонник официально запрещенной в России террористической организации «Исламское государство».'), [['terrorist', 'Исламское государство', null]]);
  assert.deepEqual(labelled('Проведены обыски у членов запрещенной по решению суда в России религиозной организации «Свидетели Иеговы».'), [['banned_other', 'Свидетели Иеговы', null]]);
  assert.deepEqual(labelled('Запрещенное на территории РФ движение "Талибан" пригласили в Москву.'), [['banned_other', 'Талибан', null]]);
  assert.deepEqual(labelled('В конце 2017 года Сирия объявила о победе над запрещ. в РФ группировкой «Исламское государство».'), [['banned_other', 'Исламское государство', null]]);
  assert.deepEqual(labelled('Сотрудники ФСБ задержали членов ячейки запрещ. в РФ Хизб ут-Тахрир аль-Ислами, передает телеканал.'), [['banned_other', 'Хизб ут-Тахрир аль-Ислами', null]]);
  assert.deepEqual(labelled('Движение "Колумбайн", запрещ. в РФ как террористическое, внесено в перечень.'), [['terrorist', 'Колумбайн', null]]);
  assert.deepEqual(labelled('В Сочи задержали администратора сообщества «Колумбайн», признанного в Российской Федерации террористическим.'), [['terrorist', 'Колумбайн', null]]);
  assert.deepEqual(labelled('Следующие экстремистские организации запрещ. в РФ: «Свидетели Иеговы», Национал-Большевистская партия.').map((l) => l[1]), ['Свидетели Иеговы', 'Национал-Большевистская партия']);
  assert.deepEqual(labelled('The Anti-Corruption Foundation (FBK), officially recognised as extremist and officially banned in Russia, published the video.'), [['extremist', 'Anti-Corruption Foundation', null]]);
  // "officially" with the designating body's active verb is still the news.
  assert.deepEqual(labelled('Верховный суд России официально признал движение «Арестантское уголовное единство» экстремистским.'), []);
  assert.deepEqual(labelled('Минюст официально признал «Медузу» иностранным агентом.'), []);
});

test('the news in the label\'s own words: a generic note on the designation noun a news cue ends with is that news', () => {
  assert.deepEqual(labelled('Верховный суд РФ 29 декабря 2014 года признал «Исламское государство» террористической организацией, запрещенной в России.'), []);
  assert.deepEqual(labelled('Верховный суд РФ 21 марта 2022 года признал «Meta» экстремистской организацией, деятельность которой запрещена в России.'), []);
  // An aside on another name after the news is still a label.
  assert.deepEqual(labelled('Генпрокуратура признала нежелательной организацию «Фонд 24.02», сообщила «Медуза», признанная иноагентом в России.').map((l) => [l[0], l[1]]), [['foreign_agent', 'Медуза']]);
});

test('a status sentence\'s designation verb after an adverb of the standing status or the state, not after "ранее было"', () => {
  assert.deepEqual(labelled('В России «Хизб ут-Тахрир» официально признана террористической организацией.'), [['terrorist', 'Хизб ут-Тахрир', null]]);
  assert.deepEqual(labelled('«Хизб ут-Тахрир» в России официально признана террористической организацией и запрещена.'), [['terrorist', 'Хизб ут-Тахрир', null]]);
  assert.deepEqual(labelled('Движение «Артподготовка», созданное Мальцевым, ранее было признано экстремистской организацией и запрещено в России.'), []);
  assert.deepEqual(labelled('Жительницу оштрафовали за пентаграмму (Международное движение сатанизма в РФ признано экстремистским и запрещено) в отделе полиции.'),
    [['extremist', 'Международное движение сатанизма', null]]);
  assert.deepEqual(labelled('Решением Верховного суда РФ от 29 декабря 2014 г. группировка "Исламское государство" (до 2014 г. - "ИГИЛ") официально признана террористической организацией.'),
    [['terrorist', 'Исламское государство', null]]);
  assert.deepEqual(labelled('Суд приговорил журналистку телеканала "Дождь*" Анну Монгайт**(и телеканал, и журналистка официально признаны иноагентами в РФ), обвиняемую в фейках.').map((l) => l[1]),
    ['Дождь', 'Анну Монгайт']);
  // English: a present copula, then the whole formula in its clause; not the past, not a ban told of others after a comma.
  assert.deepEqual(labelled('The Islamic State is designated as extremist and banned in Russia. It called itself ISIL.'), [['extremist', 'Islamic State', null]]);
  assert.deepEqual(labelled('Hizb ut-Tahrir was recognized as terrorist and banned in Russia by the Supreme Court.'), []);
  assert.deepEqual(labelled('Meta is recognized as an extremist organization in Russia, Facebook and Instagram are banned.'), []);
  // A long participle after the subject's appositive is an attribute of the name before it, not the subject's predicate.
  assert.deepEqual(labelled('Асан Яников, — обвиняются в причастности к «Хизб ут-Тахрир», признанной в России террористической и запрещенной.'),
    [['terrorist', 'Хизб ут-Тахрир', null]]);
});

test('a complement clause after a verb of saying, and a name that is its own status sentence\'s subject, take no aside', () => {
  assert.deepEqual(labelled('Утверждалось, что блокировка будет происходить по аналогии с ранее заблокированными соцсетями Meta*, которая признана экстремистской организацией и в РФ запрещена.'),
    [['extremist', 'Meta', null]]);
  assert.ok(!labelled('The extremist group Islamic State is officially recognized as a terrorist organization in Russia.').some((l) => l[0] === 'extremist'));
});

test('a footnote number glued between two words of a script without spaces marks the name before it, unless it counts', () => {
  assert.deepEqual(labelled('塔利班1代表团抵达莫斯科。\n1塔利班运动是在俄罗斯被禁止的恐怖组织。'), [['terrorist', '塔利班', '1']]);
  assert.deepEqual(labelled('“伊斯兰国”1武装分子声称对袭击负责。\n1在俄罗斯被禁止的恐怖组织。'), [['terrorist', '伊斯兰国', '1']]);
  assert.deepEqual(labelled('イスラム国1の戦闘員が攻撃した。\n1ロシアで活動が禁止されているテロ組織。').map((l) => l[2]), ['1']);
  // An ordinal or a count: no marker, so the number line is no footnote.
  assert.deepEqual(labelled('这是第1次会议。塔利班代表团抵达。\n1在俄罗斯被禁止的恐怖组织。'), []);
  assert.deepEqual(labelled('会议于3月1日召开，塔利班1名代表出席。\n1在俄罗斯被禁止的恐怖组织。'), []);
});

// The rules the foreign-agent family led to (electron/labels/LABELS.md, "Foreign-agent hard negatives").
test('a foreign-agent note of another state\'s body, a negation, a dated status sentence or a blank notice is no label', () => {
  assert.deepEqual(labelled('Издание «Медуза» (внесено в реестр иноагентов Минюстом Киргизии) выпустило материал.'), []);
  assert.deepEqual(labelled('Издание «Медуза», признанное иноагентом Верховным судом Казахстана, выпустило материал.'), []);
  assert.deepEqual(labelled('Издание «Медуза» (признано иноагентом Минюстом РФ) выпустило материал.').map((l) => l[1]), ['Медуза'], 'Russia\'s ministry still designates');
  assert.deepEqual(labelled('Ivan Petrov is not a foreign agent, the ministry said.'), []);
  assert.deepEqual(labelled('Ivan Petrov (not a foreign agent) spoke in Berlin.'), []);
  assert.deepEqual(labelled('Журналист Иван Петров* выступил в Берлине. Он был внесен в реестр иностранных агентов в прошлую пятницу.'), []);
  assert.deepEqual(labelled('Журналист Иван Петров* выступил в Берлине. Он признан иноагентом.').map((l) => l[1]), ['Иван Петров'], 'the standing status still counts');
  for (const blank of ['____', '(ФИО)', '[наименование]']) {
    assert.deepEqual(labelled(`НАСТОЯЩИЙ МАТЕРИАЛ (ИНФОРМАЦИЯ) ПРОИЗВЕДЕН, РАСПРОСТРАНЕН И (ИЛИ) НАПРАВЛЕН ИНОСТРАННЫМ АГЕНТОМ ${blank} ЛИБО КАСАЕТСЯ ДЕЯТЕЛЬНОСТИ ИНОСТРАННОГО АГЕНТА ${blank}. 18+\nПравозащитник рассказал о деле.`), [], blank);
  }
  assert.deepEqual(labelled('Суд оштрафовал блогера за отсутствие маркировки: НАСТОЯЩИЙ МАТЕРИАЛ (ИНФОРМАЦИЯ) ПРОИЗВЕДЕН, РАСПРОСТРАНЕН И (ИЛИ) НАПРАВЛЕН ИНОСТРАННЫМ АГЕНТОМ ПЕТРОВЫМ ИВАНОМ ИВАНОВИЧЕМ.'), [], 'a cited notice');
  assert.deepEqual(labelled('Іван Петров (визнаний іноагентом у Грузії) виступив у Берліні.'), []);
  assert.deepEqual(labelled("Gürcistan'da yabancı ajan ilan edilen gazeteci İvan Petrov konuştu."), []);
  assert.deepEqual(labelled("Rusya'da yabancı ajan ilan edilen gazeteci İvan Petrov konuştu.").map((l) => l[0]), ['foreign_agent']);
  assert.deepEqual(labelled('Иван Петров (исключен из реестра иноагентов) выступил в Берлине.'), []);
  assert.deepEqual(labelled('Meduza, which Russian authorities have labeled a foreign agent, reported the arrests.'), []);
  assert.deepEqual(labelled('Ivan Petrov (removed from the foreign agents registry in 2024) spoke in Berlin.'), []);
  // Other states with foreign-agent laws of their own (Hungary, Slovakia, Georgia), in Russian, English and German.
  assert.deepEqual(labelled('Словацкая НКО «Человек в беде», признанная иностранным агентом в Словакии, закрыта.'), []);
  assert.deepEqual(labelled('Венгерское издание Átlátszó (признано в Венгрии иностранным агентом) закрыто.'), []);
  assert.deepEqual(labelled('Die Organisation Transparency International Georgien, die sich nach dem georgischen Gesetz als ausländischer Agent registrieren musste, wurde bestraft.'), []);
});
