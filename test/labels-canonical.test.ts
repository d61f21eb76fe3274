// Entities as things, not strings: the shipped alias table's quality, every alias back to its entity, case forms
// of Russian, Ukrainian and Belarusian names, scripts and languages merged, designation nouns and clitics around a
// name, unknown names put in the nominative, and the analyst's aliases layered on at run time.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import shippedFile from '../assets/labels/entities.json' with { type: 'json' };
import { canonicalEntity, createCanonicaliser, ENTITY_TYPES, LABEL_KINDS, parseEntityTable, shippedCanonicaliser, withExtraAliases } from '../electron/labels/canonical.ts';

const table = parseEntityTable(shippedFile, 'assets/labels/entities.json');

/** Each name must come back as `canonical`, known. */
function expectAll(canonical: string, names: readonly string[], lang?: string): void {
  for (const n of names) {
    assert.deepEqual(canonicalEntity(n, lang), { canonical, known: true }, `${n} → ${canonical}`);
  }
}

test('the table has at least 200 entries, unique canonical names, known types, and sourced designations of the five kinds', () => {
  assert.ok(table.entities.length >= 200, `${table.entities.length} entries`);
  assert.match(table.asOf, /^\d{4}-\d{2}-\d{2}$/);
  const names = table.entities.map((e) => e.canonical);
  assert.equal(new Set(names).size, names.length, 'canonical names are unique');
  for (const e of table.entities) {
    assert.ok(ENTITY_TYPES.includes(e.type), `${e.canonical}: type ${e.type}`);
    assert.ok(e.designations.length > 0, `${e.canonical} has a designation`);
    for (const d of e.designations) {
      assert.ok(LABEL_KINDS.includes(d.kind), `${e.canonical}: kind ${d.kind}`);
      assert.match(d.source, /^https?:\/\/\S+$/, `${e.canonical}: the designation has a source URL`);
      assert.ok(d.list.length > 10, `${e.canonical}: the designation names its list`);
      if (d.since !== undefined) assert.match(d.since, /^\d{4}(-\d{2}(-\d{2})?)?$/, `${e.canonical}: since ${d.since}`);
    }
    assert.ok((e.aliases['en'] ?? []).length > 0 && (e.aliases['ru'] ?? []).length > 0, `${e.canonical} has English and Russian aliases`);
  }
  const kinds = new Set(table.entities.flatMap((e) => e.designations.map((d) => d.kind)));
  assert.deepEqual([...kinds].sort(), [...LABEL_KINDS].sort(), 'every kind is represented');
});

test('no alias is shared by two entries unless the table declares it ambiguous', () => {
  assert.deepEqual(shippedCanonicaliser().conflicts, []);
  for (const a of table.ambiguous) {
    assert.ok(a.canonicals.length >= 2, `${a.alias} names two entries`);
    for (const c of a.canonicals) {
      const e = shippedCanonicaliser().entry(c);
      assert.ok(e, `${a.alias}: ${c} is an entry`);
      assert.ok(Object.values(e.aliases).flat().includes(a.alias), `${a.alias} is an alias of ${c}`);
    }
    const r = canonicalEntity(a.alias);
    if (a.resolveTo === null) assert.equal(r.known, false, `${a.alias} is left unknown rather than guessed`);
    else assert.equal(r.canonical, a.resolveTo);
  }
});

test('every alias of every entry maps back to it, and so does the canonical name', () => {
  const ambiguous = new Set(table.ambiguous.map((a) => a.alias));
  let checked = 0;
  for (const e of table.entities) {
    expectAll(e.canonical, [e.canonical]);
    for (const [lang, list] of Object.entries(e.aliases)) {
      for (const alias of list) {
        if (ambiguous.has(alias)) continue;
        assert.deepEqual(canonicalEntity(alias, lang), { canonical: e.canonical, known: true }, `${lang} alias «${alias}» → ${e.canonical}`);
        checked++;
      }
    }
  }
  assert.ok(checked > 2000, `${checked} aliases checked`);
});

test('scripts and languages merge into one entity', () => {
  expectAll('Taliban', ['Taliban', 'The Taliban', 'Талибан', 'طالبان', '塔利班', 'Taliban-Bewegung', 'Talibã', 'talebani', 'タリバン', '탈레반', 'तालिबान', 'Ταλιμπάν']);
  expectAll('Meta', ['Meta', '«Мета»', 'ميتا', 'メタ', 'Meta Platforms Inc.', 'META']);
  expectAll('Islamic State', ['ISIS', 'ISIL', 'IS', 'ИГИЛ', 'ИГ', 'داعش', '伊斯兰国', 'DEAŞ', 'IŞİD', 'EI', 'État islamique', 'Estado Islámico', 'Islamischer Staat', 'Daesh']);
  expectAll('Alexei Navalny', ['Alexei Navalny', 'Алексей Навальный', 'Олексій Навальний', 'Alexej Nawalny', 'أليكسي نافالني', 'アレクセイ・ナワリヌイ', 'Navalny']);
  expectAll('Radio Free Europe/Radio Liberty', ['RFE/RL', 'Радио Свобода', 'Radio Liberty', 'Радіо Свобода']);
});

test('Russian case forms of person names, both genders, map to the canonical entity', () => {
  expectAll('Alexei Navalny', ['Алексей Навальный', 'Алексея Навального', 'Алексею Навальному', 'Алексеем Навальным', 'Алексее Навальном', 'Навального', 'Навальному', 'Навальным']);
  expectAll('Yulia Navalnaya', ['Юлия Навальная', 'Юлии Навальной', 'Юлию Навальную', 'Юлией Навальной', 'Навальной', 'Навальную']);
  expectAll('Dmitry Muratov', ['Дмитрия Муратова', 'Дмитрию Муратову', 'Дмитрием Муратовым', 'Дмитрии Муратове']);
  expectAll('Lyudmila Ulitskaya', ['Людмилы Улицкой', 'Людмиле Улицкой', 'Людмилу Улицкую', 'Людмилой Улицкой']);
  expectAll('Yury Dud', ['Юрия Дудя', 'Юрию Дудю', 'Юрием Дудем', 'Юрии Дуде', 'Дудя']);
  expectAll('Ekaterina Schulmann', ['Екатерины Шульман', 'Екатерине Шульман', 'Екатерину Шульман', 'Екатериной Шульман'], 'ru');
  expectAll('Lyubov Sobol', ['Любови Соболь', 'Любовью Соболь']);
  expectAll('Mikhail Khodorkovsky', ['Михаила Ходорковского', 'Михаилу Ходорковскому', 'Михаилом Ходорковским', 'Ходорковского']);
  expectAll('Zemfira', ['Земфиры', 'Земфире', 'Земфиру', 'Земфирой']);
  expectAll('Vladimir Kara-Murza', ['Владимира Кара-Мурзы', 'Владимиру Кара-Мурзе', 'Владимиром Кара-Мурзой']);
});

test('Ukrainian and Belarusian case forms of person names map to the canonical entity', () => {
  expectAll('Alexei Navalny', ['Олексія Навального', 'Олексію Навальному', 'Олексієм Навальним', 'Олексієві Навальному', 'Аляксея Навальнага', 'Аляксею Навальнаму', 'Аляксеем Навальным']);
  expectAll('Yulia Navalnaya', ['Юлії Навальної', 'Юлії Навальній', 'Юлію Навальну', 'Юлією Навальною']);
  expectAll('Dmitry Muratov', ['Дмитра Муратова', 'Дмитру Муратову', 'Дмитром Муратовим', 'Дмитрові Муратові'], 'uk');
});

test('Russian and Ukrainian case forms of organisation names map to the canonical entity', () => {
  expectAll('Taliban', ['Талибана', 'Талибану', 'Талибаном', 'Талибане', '«Талибаном»', 'талибов', 'талибами', 'Талібану', 'Талібаном', 'Талібані']);
  expectAll('Meduza', ['Медузы', 'Медузе', 'Медузу', 'Медузой']);
  expectAll('Islamic State', ['Исламского государства', 'Исламскому государству', 'Исламским государством', 'Исламском государстве', 'Ісламської держави', 'Ісламській державі', 'Ісламську державу', 'Ісламською державою']);
  expectAll('Anti-Corruption Foundation', ['ФБК', 'Фонда борьбы с коррупцией', 'Фонду борьбы с коррупцией', 'Фондом борьбы с коррупцией', 'Фонде борьбы с коррупцией']);
  expectAll('Right Sector', ['Правого сектора', 'Правому сектору', 'Правым сектором', 'Правом секторе']);
  expectAll("Jehovah's Witnesses", ['Свидетелей Иеговы', 'Свидетелям Иеговы', 'Свидетелями Иеговы', 'Свидетелях Иеговы']);
  expectAll('al-Qaeda', ['Аль-Каиды', 'Аль-Каиде', 'Аль-Каиду', 'Аль-Каидой']);
  expectAll('Russian Volunteer Corps', ['Русского добровольческого корпуса', 'Русским добровольческим корпусом']);
  expectAll('Muslim Brotherhood', ['Братьев-мусульман', 'Братьями-мусульманами']);
  expectAll('Memorial', ['Мемориала', '«Мемориалом»']);
});

test('case forms in other inflected languages meet their alias through its stem', () => {
  expectAll('Islamic State', ['Państwa Islamskiego', 'Islámského státu', 'Исламске државе', 'Statului Islamic', 'des Islamischen Staates', 'Ισλαμικού Κράτους', 'Ислямска държава']);
  expectAll('Alexei Navalny', ['Aleksieja Nawalnego', 'Alexeje Navalného', 'Алексеју Наваљном']);
  expectAll('Taliban', ['Talibanów', 'Talibanът', 'Taliban\'ın', 'Tálibánu']);
});

test('quotes, markers, articles, designation nouns and Arabic clitics around a name are looked through', () => {
  expectAll('Memorial', ['«Мемориал»', '«Мемориал»*', 'организация «Мемориал»', 'организации «Мемориал»']);
  expectAll('Taliban', ['the Taliban', 'Taliban movement', 'движение Талибан', 'движения «Талибан»', 'Talibán**', 'Taliban¹', 'les talibans']);
  expectAll('Islamic State', ['the terrorist group ISIS', 'террористической организации «Исламское государство»', 'запрещенной в России террористической группировки ИГИЛ', 'die Terrormiliz IS', "l'État islamique", 'la organización terrorista Estado Islámico', 'DEAŞ terör örgütü', "DEAŞ'ın", '极端组织伊斯兰国', 'تنظيم داعش الإرهابي', 'لتنظيم داعش', 'وداعش']);
  expectAll('Meta', ['компания Meta', 'компании Meta', 'Meta1', 'Meta公司', '„Meta“']);
  expectAll('Taliban', ['وطالبان', 'بطالبان', 'لطالبان']);
  expectAll('al-Qaeda', ['والقاعدة', 'للقاعدة', 'بالقاعدة']);
  expectAll('Alexei Navalny', ["Navalny's"]);
  expectAll('Dmitry Muratov', ['журналистом Дмитрием Муратовым', 'нобелевский лауреат Дмитрий Муратов']);
});

test('short capital aliases match only in capitals', () => {
  assert.equal(canonicalEntity('is').known, false, 'the English word "is" is not the Islamic State');
  assert.equal(canonicalEntity('Иг').known, false);
  assert.equal(canonicalEntity('x').known, false);
  assert.equal(canonicalEntity('X').canonical, 'Twitter');
});

test('declared ambiguities stay unknown instead of guessing', () => {
  assert.deepEqual(canonicalEntity('Исламская группа'), { canonical: 'Исламская группа', known: false });
  assert.equal(canonicalEntity('Гудков').known, false);
  assert.equal(canonicalEntity('Дмитрий Гудков').canonical, 'Dmitry Gudkov');
  assert.equal(canonicalEntity('Геннадия Гудкова').canonical, 'Gennady Gudkov');
});

test('unknown Russian and Ukrainian person names come back in the nominative, other names cleaned', () => {
  const unknown = (name: string, lang?: string): string => {
    const r = canonicalEntity(name, lang);
    assert.equal(r.known, false, `${name} is not in the table`);
    return r.canonical;
  };
  assert.equal(unknown('Алексеем Петровым'), 'Алексей Петров');
  assert.equal(unknown('Ивана Сидорова'), 'Иван Сидоров');
  assert.equal(unknown('Сергею Ивановичу Петрову'), 'Сергей Иванович Петров');
  assert.equal(unknown('Анной Сергеевной Ивановой'), 'Анна Сергеевна Иванова');
  assert.equal(unknown('Марии Смирновой'), 'Мария Смирнова');
  assert.equal(unknown('Ольгой Ковальской'), 'Ольга Ковальская');
  assert.equal(unknown('Петра Достоевского'), 'Петр Достоевский');
  assert.equal(unknown('журналистом Сергеем Петровым'), 'Сергей Петров');
  assert.equal(unknown('Олегом Петренком', 'uk'), 'Олег Петренко');
  assert.equal(unknown('Тарасові Шевченку'), 'Тарас Шевченко');
  assert.equal(unknown('Оксаною Петренко'), 'Оксана Петренко');
  assert.equal(unknown('Сергія Коваленка'), 'Сергій Коваленко');
  assert.equal(unknown('Ирины Ким'), 'Ирина Ким', 'a feminine foreign surname does not decline');
  assert.equal(unknown('Кузнецовым'), 'Кузнецов', 'a lone surname is put in the nominative when its ending says so');
  assert.equal(unknown('Тумсо Абдурахмановым'), 'Тумсо Абдурахманов', 'an -ов surname marks a name whose given name the list does not know');
  assert.equal(unknown('Исламского Государства Ирака'), 'Исламского Государства Ирака', 'capitalised words with adjective endings are no person');
  assert.equal(unknown('компания «Вектор»'), 'Вектор');
  assert.equal(unknown('  The   Foo Group* '), 'Foo Group');
  assert.equal(unknown('Frente Popular'), 'Frente Popular');
  assert.equal(unknown('Вектора'), 'Вектора', 'a lone noun with no name ending is left as printed');
  assert.equal(unknown('Hamas'), 'Hamas', 'not designated in Russia, so not in the table');
  assert.deepEqual(canonicalEntity('<self>'), { canonical: '<self>', known: false });
});

test('the analyst\'s aliases layer on the shipped table at run time and win where they disagree', () => {
  const c = withExtraAliases([
    { canonical: 'Vector Group', alias: 'Вектор', lang: 'ru', type: 'organisation' },
    { canonical: 'Vector Group', alias: 'Vector', lang: 'en' },
    { canonical: 'Талибан', alias: 'Taliban Emirate X', lang: 'en' },
    { canonical: 'Dmitry Gudkov', alias: 'Гудков', lang: 'ru' },
  ]);
  assert.deepEqual(c.canonical('Вектора'), { canonical: 'Vector Group', known: true }, 'the analyst\'s Russian alias inflects like the shipped ones');
  assert.deepEqual(c.canonical('компания «Вектор»'), { canonical: 'Vector Group', known: true });
  assert.equal(c.canonical('Taliban Emirate X').canonical, 'Taliban', 'an alias can be filed under any name of the entity');
  assert.equal(c.canonical('Гудкова').canonical, 'Dmitry Gudkov', 'the analyst settles an ambiguity');
  assert.equal(c.entry('Vector Group')?.type, 'organisation');
  assert.equal(c.canonical('طالبان').canonical, 'Taliban', 'the shipped aliases still work');
  assert.equal(canonicalEntity('Вектора').known, false, 'the shipped canonicaliser is unchanged');
  const again = c.withExtraAliases([{ canonical: 'Vector Group', alias: 'Векторъ' }]);
  assert.equal(again.canonical('Vector').canonical, 'Vector Group', 'layers stack');
});

test('without its cache the canonicaliser gives the same answers', () => {
  const uncached = createCanonicaliser(table, [], { cacheSize: 0 });
  for (const name of ['Алексеем Навальным', 'طالبان', 'Алексеем Петровым', 'компания «Вектор»', 'the terrorist group ISIS']) {
    assert.deepEqual(uncached.canonical(name), canonicalEntity(name), name);
    assert.deepEqual(uncached.canonical(name), canonicalEntity(name), `${name}, asked twice`);
  }
});

test('a malformed table is refused with a message that says what to fix', () => {
  assert.throws(() => parseEntityTable({ entities: [{ canonical: 'X', type: 'planet', designations: [], aliases: {} }] }, 'my.json'), /my\.json: entity #1 \(X\) has type planet/);
  assert.throws(() => parseEntityTable({ entities: [{ canonical: 'X', type: 'person', designations: [{ kind: 'evil', source: 'x' }], aliases: {} }] }, 'my.json'), /kind is not one of/);
  assert.throws(() => parseEntityTable({ entities: [{ canonical: 'X', type: 'person', designations: [{ kind: 'terrorist' }], aliases: {} }] }, 'my.json'), /without a source/);
  assert.throws(() => parseEntityTable({}, 'my.json'), /no "entities" array/);
  const tiny = createCanonicaliser(parseEntityTable({ asOf: '2026-01-01', ambiguous: [], entities: [{ canonical: 'A', type: 'person', designations: [{ kind: 'foreign_agent', list: 'l', source: 's' }], aliases: { en: ['Same'] } }, { canonical: 'B', type: 'person', designations: [{ kind: 'foreign_agent', list: 'l', source: 's' }], aliases: { en: ['same'] } }] }, 'tiny'));
  assert.deepEqual(tiny.conflicts, [{ key: 'same', canonicals: ['A', 'B'] }], 'an undeclared shared alias is reported');
  assert.equal(tiny.canonical('Same').known, false, 'and resolves to neither');
});
