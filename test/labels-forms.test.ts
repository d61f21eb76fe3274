// Each structural piece of the detector on small texts: markers, footnote linking, distributive notes, the inline
// forms (parenthetical, prenominal, appositive, relative, status), the notices, entity spans and the exclusions.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { detectLabels } from '../electron/labels/footnotes.ts';

type Brief = [string, string, string | null];
const brief = (text: string): Brief[] => detectLabels(text).map((l) => [l.kind, l.entity, l.marker]);
const sorted = (text: string): Brief[] => brief(text).sort((a, b) => (a.join() < b.join() ? -1 : 1));

test('markers: stars, heavy stars, reference marks, bracketed and superscript numbers, glued digits, after quotes', () => {
  const note = 'Организация признана террористической и запрещена в России.';
  for (const [marker, mention] of [['*', 'Талибан*'], ['**', 'Талибан**'], ['***', 'Талибан***'], ['✱', 'Талибан✱'], ['※', 'Талибан※'],
    ['(*)', 'Талибан (*)'], ['[1]', 'Талибан[1]'], ['¹', 'Талибан¹'], ['1', 'Талибан1'], ['*', '«Талибан»*']] as const) {
    assert.deepEqual(brief(`Делегация ${mention} прибыла в Москву.\n${marker} ${note}`), [['terrorist', 'Талибан', marker]], `${marker} ${mention}`);
  }
  assert.deepEqual(brief('Делегация Талибан * прибыла.\n* Организация запрещена в РФ.'), [['banned_other', 'Талибан', '*']], 'a star after a space');
  assert.deepEqual(brief('Meta* says.\n**Meta is banned in Russia as extremist.**'), [], '** is not *, and a line in ** is Markdown');
  assert.deepEqual(brief('Facebook※の投稿によると…\n※ロシアで過激派組織に指定され活動が禁止されている。'), [['extremist', 'Facebook', '※']],
    'in a script without spaces the next word follows the marker straight on');
  assert.deepEqual(sorted('Боевики «Аль-Каиды»¹ и «Исламского государства»² вновь заявили о себе.\n¹ ² Террористические организации, запрещенные в России.'),
    [['terrorist', 'Аль-Каиды', '¹'], ['terrorist', 'Исламского государства', '²']], 'one footnote line for two markers');
});

test('markers: other asterisks and numbers are not footnotes', () => {
  assert.deepEqual(brief('Shares rose 4%* in early trading.\n* Prices in US dollars, banned in Russia since March.'), []);
  assert.deepEqual(brief('**Update:** the ministry said the group is banned in Russia.'), []);
  assert.deepEqual(brief('9 июня суд признал ФБК экстремистской организацией и запретил его.'), [], 'a date is not a numbered footnote');
  assert.deepEqual(brief('Фото: Reuters.\n*재판매 및 DB 금지'), [], 'a photo credit\'s terms');
});

test('footnotes: one footnote serves several mentions, one mention several footnotes', () => {
  assert.deepEqual(sorted('Об этом заявили Лев Пономарев* и Лев Шлосберг*.\n* Признан иноагентом.'),
    [['foreign_agent', 'Лев Пономарев', '*'], ['foreign_agent', 'Лев Шлосберг', '*']]);
  assert.deepEqual(sorted('ФБК* опубликовал расследование.\n* Признан иноагентом.\n* Признан экстремистской организацией и запрещен в России.'),
    [['extremist', 'ФБК', '*'], ['foreign_agent', 'ФБК', '*']]);
  assert.deepEqual(sorted('Meta✱✱ and Facebook✱ said.\n- ✱ - social network banned in Russia as extremist\n- ✱✱ - listed by Rosfinmonitoring among terrorists and extremists'),
    [['extremist', 'Facebook', '✱'], ['extremist', 'Meta', '✱✱'], ['terrorist', 'Meta', '✱✱']], 'bulleted footnotes; several grounds give several labels');
});

test('footnotes: named, owner and unnamed notes; the note run into the text; the entity as at its mention', () => {
  assert.deepEqual(brief('Боевики «Исламского государства»* атаковали.\n*«Исламское государство» — террористическая организация, запрещенная в России.'),
    [['terrorist', 'Исламского государства', '*']]);
  const [l] = detectLabels('Боевики «Исламского государства»* атаковали.\n*«Исламское государство» — террористическая организация, запрещенная в России.');
  assert.equal(l?.canonical, 'Islamic State');
  assert.deepEqual(brief('The video was posted on Instagram*.\n*Instagram is owned by Meta, which is banned in Russia as an extremist organisation.'),
    [['extremist', 'Meta', '*']], 'the designated entity is the owner (rule 4)');
  assert.deepEqual(sorted('Видео опубликовано в Instagram*.\n*Компания Meta, а также принадлежащие ей соцсети Facebook и Instagram признаны экстремистскими и запрещены в РФ.'),
    [['extremist', 'Facebook', '*'], ['extremist', 'Instagram', '*'], ['extremist', 'Meta', '*']], 'names listed in the footnote');
  assert.deepEqual(brief('US strikes on Taliban* targets continued. *The Taliban is a terrorist group banned in Russia.'),
    [['terrorist', 'The Taliban', '*']], 'a footnote run into the paragraph after a full stop; the footnote\'s article joins the marked name');
  assert.deepEqual(brief('Angriffe auf Taliban* gehen weiter.\n*Die Taliban sind eine in Russland verbotene Terrororganisation.'),
    [['terrorist', 'Die Taliban', '*']], 'the article rule is the phrase files\' (German "Die"), not English only');
  assert.deepEqual(brief('Strikes on Taliban* targets continued.\n*Taliban is a terrorist group banned in Russia.'),
    [['terrorist', 'Taliban', '*']], 'a footnote without an article leaves the mention as written');
  assert.deepEqual(brief('Los excombatientes del grupo terrorista ISIS* abandonan Siria.\n*Autoproclamado Estado Islámico, proscrito en Rusia.'),
    [['terrorist', 'ISIS', '*']], 'a footnote that says only "banned" takes the ground of the designation noun');
  assert.deepEqual(brief('Что сулит господство «Талибана»*?\nСтратегия «Талибана» (*запрещенная в России организация — прим. ред.) провалилась.'),
    [['banned_other', 'Талибана', '*']], 'a translator\'s note inside brackets serves the marked mention');
});

test('distributive notes label each name, sharing the designation noun', () => {
  assert.deepEqual(sorted('مسلحو هيئة تحرير الشام وحراس الدين (المحظورين في روسيا) قصفوا المواقع.'),
    [['banned_other', 'حراس الدين', null], ['banned_other', 'هيئة تحرير الشام', null]], 'an Arabic list joined by a glued و, the first name known');
  assert.deepEqual(sorted('Members of Jabhat al-Nusra and the Islamic State (both outlawed in Russia) fought.'),
    [['banned_other', 'Islamic State', null], ['banned_other', 'Jabhat al-Nusra', null]]);
  assert.deepEqual(sorted('Боевики «Джебхат ан-Нусры», «Хизб ут-Тахрир» и «Исламского государства» (все запрещены в РФ) атаковали.'),
    [['banned_other', 'Джебхат ан-Нусры', null], ['banned_other', 'Исламского государства', null], ['banned_other', 'Хизб ут-Тахрир', null]]);
  assert.deepEqual(sorted('боевиками террористической группировки «Джебхат ан-Нусра» («Хайат Тахрир аш-Шам») (обе группировки запрещены в РФ)'),
    [['terrorist', 'Джебхат ан-Нусра', null], ['terrorist', 'Хайат Тахрир аш-Шам', null]]);
  assert.deepEqual(sorted('Так, в список попали издания Bellingcat и The Insider, признанные иноагентами.'),
    [['foreign_agent', 'Bellingcat', null], ['foreign_agent', 'The Insider', null]]);
});

test('prenominal participles in several languages', () => {
  assert.deepEqual(brief('Сторонник запрещённой в России международной террористической организации «Исламское государство» задержан.'),
    [['terrorist', 'Исламское государство', null]]);
  assert.deepEqual(brief('Die in Russland verbotene Terrororganisation IS bekannte sich zu dem Anschlag.'), [['terrorist', 'IS', null]]);
  assert.deepEqual(brief("Rusya'da yasaklı terör örgütü Heyet Tahrir eş-Şam, İdlib'deki mevzilerini güçlendirdi."), [['terrorist', 'Heyet Tahrir eş-Şam', null]]);
  assert.deepEqual(brief('据报道,在俄罗斯被禁止的极端组织“伊斯兰国”发布视频。'), [['extremist', '伊斯兰国', null]], 'the designation noun decides (rule 1)');
  assert.deepEqual(brief('ロシアで活動が禁止されているテロ組織「タリバン」の代表団が到着した。'), [['terrorist', 'タリバン', null]]);
  assert.deepEqual(brief('Russia in late March banned Facebook and Instagram for extremist activities.'), [], 'a verb, not a prenominal participle');
  assert.deepEqual(brief("Moskova'daki saldırının failleri, Rusya'da yasaklanan IŞİD'in Horasan kolu adına hareket etti."), [['banned_other', 'IŞİD', null]],
    'a verb-final language: the participle heads the name after it, and the apostrophe case ending is left off');
  assert.deepEqual(brief('सीरिया में आतंकवादी संगठन जबाह अल-नुसरा (रूस में प्रतिबंधित) ने हमला किया।'), [['terrorist', 'जबाह अल-नुसरा', null]],
    'a Devanagari name ending in a vowel sign stops at its designation noun, which gives the kind');
});

test('appositives, relative clauses, status sentences and the attributive participle', () => {
  assert.deepEqual(brief('The group Hizb ut-Tahrir, listed as a terrorist group and banned in Russia, recruited members.'), [['terrorist', 'Hizb ut-Tahrir', null]]);
  assert.deepEqual(brief('L\'ONG Amnesty International, jugée indésirable en Russie, a publié un rapport.'), [['undesirable', 'Amnesty International', null]]);
  assert.deepEqual(brief('La organización yihadista ISIS, que se autodenomina Estado Islámico y está proscrita en Rusia, traslada grupos.'), [['banned_other', 'ISIS', null]]);
  assert.deepEqual(brief('Daesh is a terrorist group, outlawed in many countries around the world, including Russia.'), [['terrorist', 'Daesh', null]]);
  assert.deepEqual(brief('«Исламское государство» - террористическая организация, деятельность которой на территории РФ запрещена.'), [['terrorist', 'Исламское государство', null]]);
  assert.deepEqual(brief('تدمير خلية تابعة لتنظيم "داعش" الإرهابي المحظور في روسيا.'), [['terrorist', 'داعش', null]]);
  assert.deepEqual(brief('Meta is recognized as an extremist organization in Russia, Facebook and Instagram are banned.'), [], 'the news of the designation');
});

test('the foreign-agent notices: the 2020 media notice designates the outlet itself, the post-2022 notice names the agent', () => {
  const notice = 'ДАННОЕ СООБЩЕНИЕ (МАТЕРИАЛ) СОЗДАНО И (ИЛИ) РАСПРОСТРАНЕНО ИНОСТРАННЫМ СРЕДСТВОМ МАССОВОЙ ИНФОРМАЦИИ, ВЫПОЛНЯЮЩИМ ФУНКЦИИ ИНОСТРАННОГО АГЕНТА, И (ИЛИ) РОССИЙСКИМ ЮРИДИЧЕСКИМ ЛИЦОМ, ВЫПОЛНЯЮЩИМ ФУНКЦИИ ИНОСТРАННОГО АГЕНТА.';
  const text = `Новости дня\n${notice}\nТекст статьи.`;
  const [l] = detectLabels(text);
  assert.deepEqual(brief(text), [['foreign_agent', '<self>', null]]);
  assert.equal(l?.rule, 'notice-2020:ru:self');
  assert.equal(text.slice(l?.start, l?.end), notice);
  assert.deepEqual(brief(notice.toLowerCase()), [['foreign_agent', '<self>', null]], 'in any case');
  assert.deepEqual(brief('ДАННОЕ СООБЩЕНИЕ(МАТЕРИАЛ) СОЗДАНО И(ИЛИ) РАСПРОСТРАНЕНО ИНОСТРАННЫМ СРЕДСТВОМ МАССОВОЙ ИНФОРМАЦИИ, ВЫПОЛНЯЮЩИМ ФУНКЦИИ ИНОСТРАННОГО АГЕНТА'),
    [['foreign_agent', '<self>', null]], 'without the brackets\' spaces, without the second clause');
  const named = 'НАСТОЯЩИЙ МАТЕРИАЛ (ИНФОРМАЦИЯ) ПРОИЗВЕДЕН, РАСПРОСТРАНЕН И (ИЛИ) НАПРАВЛЕН ИНОСТРАННЫМ АГЕНТОМ ПОНОМАРЕВЫМ ЛЬВОМ АЛЕКСАНДРОВИЧЕМ ЛИБО КАСАЕТСЯ ДЕЯТЕЛЬНОСТИ ИНОСТРАННОГО АГЕНТА ПОНОМАРЕВА ЛЬВА АЛЕКСАНДРОВИЧА. 18+';
  assert.deepEqual(brief(named), [['foreign_agent', 'ПОНОМАРЕВЫМ ЛЬВОМ АЛЕКСАНДРОВИЧЕМ', null]]);
  assert.equal(detectLabels(named)[0]?.rule, 'notice-2022:ru:named');
  assert.deepEqual(brief(`Закон обязывает СМИ ставить пометку «${notice}»`), [], 'a notice quoted in an explanation is not printed');
});

test('entity spans: no titles, roles, quotes or neighbouring words, and not cut short', () => {
  assert.deepEqual(brief('Певица Алла Пугачева* дала концерт.\n* Признана иноагентом.'), [['foreign_agent', 'Алла Пугачева', '*']]);
  assert.deepEqual(brief('Интервью журналиста Дмитрия Гордона* вышло вчера.\n* Внесен в реестр иностранных агентов.'), [['foreign_agent', 'Дмитрия Гордона', '*']]);
  assert.deepEqual(brief('Расследование Фонда борьбы с коррупцией* вышло вчера.\n* Признан экстремистской организацией и запрещен в РФ.'),
    [['extremist', 'Фонда борьбы с коррупцией', '*']]);
  assert.deepEqual(brief('Британский Royal United Services Institute for Defence and Security Studies* внесен в перечень.\n* Нежелательная в РФ организация.'),
    [['undesirable', 'Royal United Services Institute for Defence and Security Studies', '*']]);
  assert.deepEqual(brief('Four representatives of the Qatari Taliban\'s political office (banned and recognized as terrorists in Russia) arrived.'),
    [['terrorist', 'Taliban', null]], 'the possessor, not what it owns, without a qualifier the alias table does not file with it');
  assert.deepEqual(brief('Los combatientes del Batallón Nacional Azov (una organización extremista prohibida en Rusia) están en la RPD.'), [['extremist', 'Azov', null]],
    'an unknown capitalised run ending in a known name is that name');
  assert.deepEqual(brief('Rus heyeti Doha\'da Taliban* temsilcileriyle görüştü.\n*Rusya\'da faaliyetleri yasaklanmış terör örgütü'), [['terrorist', 'Taliban', '*']],
    'a place in the locative before a known name is no part of it');
  assert.deepEqual(brief('FSB cho rằng họ thuộc phong trào truyền giáo đạo Hồi Sunni Tablighi Jamaat, một tổ chức cực đoan bị cấm hoạt động tại Nga.'),
    [['extremist', 'Tablighi Jamaat', null]], 'a qualifier before a known name, in Vietnamese');
  assert.deepEqual(brief('ФСБ включила в реестр издание о культуре Коми Komi Daily*.\n*Признано террористической организацией в России'),
    [['terrorist', 'Komi Daily', '*']], 'a name is written in one script');
  assert.deepEqual(brief('ロシアで禁止されている過激派組織「イスラム国(IS)」に勧誘された犯罪者。'), [['extremist', 'イスラム国', null]],
    'a gloss in brackets at the end of a quoted name');
  assert.deepEqual(detectLabels('Il movimento LGBT (“Movimento sociale internazionale LGBT” riconosciuto come estremista in Russia) è vietato.').map((l) => l.canonical),
    ['International LGBT movement'], 'the translated "international social movement" form is an alias');
  assert.deepEqual(brief('Alexei Navalny (признан в РФ иноагентом) написал.'), [['foreign_agent', 'Alexei Navalny', null]], 'a given name before a known surname stays');
  assert.deepEqual(brief('Les militants de la Légion "Liberté de Russie" (interdits en Fédération de Russie en tant qu\'organisation terroriste) ont parlé.'),
    [['terrorist', 'Liberté de Russie', null]], 'inside quotes a connector before a state does not end the name');
  assert.deepEqual(brief('Der Politiker schrieb auf Facebook*.\n*Facebook gehört zum Meta-Konzern, der in Russland als extremistisch verboten ist.'),
    [['extremist', 'Meta', '*']], 'a designation noun fused to the name');
  assert.deepEqual(brief('At least 4,000 Islamic State (IS, terrorist group banned in Russia) militants are in Afghanistan.'), [['terrorist', 'Islamic State', null]], 'no count');
  assert.deepEqual(brief("Des agents du FSB ont arrêté un combattant du régiment Azov d'Ukraine (reconnu comme une organisation terroriste, interdite en Russie)."),
    [['terrorist', 'Azov', null]], "an elided d' before a state ends the name");
  assert.deepEqual(brief('Les combattants du mouvement taliban (organisation terroriste interdite en Russie) ont pris la ville.'), [['terrorist', 'taliban', null]],
    'a lower-case known name without its article and designation noun');
  assert.deepEqual(brief('He met the CEO of Meta*.\n*Meta is recognised as extremist and banned in Russia.'), [['extremist', 'Meta', '*']], 'a role written in capitals');
  assert.deepEqual(brief('A cell of the Hizb ut-Tahrir (Arabic for Party of Liberation - TASS) international terrorist organization (outlawed in Russia) was found.'),
    [['terrorist', 'Hizb ut-Tahrir', null]], 'the designation noun past a gloss and an adjective gives the kind');
  assert.deepEqual(brief('Video avaldati Instagramis (kuulub ettevõttele Meta, mis on Venemaal tunnistatud äärmuslikuks ja keelatud).'), [['extremist', 'Meta', null]],
    'an owner named in the brackets is the designated entity');
});

test('designation nouns before a name lend their ground past unlisted adjectives, in a noun phrase only', () => {
  assert.deepEqual(brief('El FSB detuvo a miembros de la organización terrorista internacional Hizb ut Tahrir al Islami (prohibida en Rusia) en Crimea.'),
    [['terrorist', 'Hizb ut Tahrir al Islami', null]], 'a postposed adjective between the noun phrase and the name');
  assert.deepEqual(brief('Der FSB hat eine Zelle der extremistischen religiösen Organisation der Zeugen Jehovas, die in Russland verboten ist, ausgehoben.'),
    [['extremist', 'Zeugen Jehovas', null]], 'two adjectives and a genitive article');
  assert.deepEqual(brief('Los terroristas atacaron ayer Hizb ut Tahrir (prohibida en Rusia).'), [['banned_other', 'Hizb ut Tahrir', null]],
    'a ground word past unlisted words and no designation noun is no noun phrase');
});

test('prenominal: a name straight after a designation verb is the clause, not the attribute', () => {
  assert.deepEqual(brief('Иностранными агентами в России признаны Виктор Шендерович, Марат Гельман и Таисия Бекбулатова.'), [], 'the news of the registry');
  assert.deepEqual(brief('Он цитировал признанного в России иноагентом Льва Пономарева.'), [['foreign_agent', 'Льва Пономарева', null]],
    'after the designation word itself the name is designated');
});

test('lists in Chinese: quoted names joined by 和、与、及 share the note before or after them', () => {
  assert.deepEqual(sorted('停火協議不適用於"伊斯蘭國"和"勝利陣線"(在俄羅斯境內和一系列其他國家被禁止活動)。'),
    [['banned_other', '伊斯蘭國', null], ['banned_other', '勝利陣線', null]], 'a note after the list');
  assert.deepEqual(sorted('停火协议不适用于在俄罗斯及一系列其他国家被禁止的"伊斯兰国"和"胜利阵线"。'),
    [['banned_other', '伊斯兰国', null], ['banned_other', '胜利阵线', null]], 'a prenominal phrase before the list');
});

test('lexicon families: Azerbaijani light-verb participles and compound designation nouns', () => {
  assert.deepEqual(brief('Rusiyada qadağan olunmuş "İslam Dövləti" terror təşkilatının yaraqlıları hücum edib.'), [['terrorist', 'İslam Dövləti', null]],
    '"qadağan olunmuş" is one banned participle, and the noun after the name gives the ground');
  assert.deepEqual(brief('Venemaal keelatud terroriorganisatsiooni Islamiriik võitlejad ründasid kontrollpunkti.'), [['terrorist', 'Islamiriik', null]],
    'an Estonian compound of ground and noun heads the name');
  assert.deepEqual(brief('Den i Ryssland förbjudna terrororganisationen IS tog på sig dådet.'), [['terrorist', 'IS', null]], 'a Swedish compound');
  assert.deepEqual(brief('Куч тузилмалари Москвада таъқиқланган "Ўзбекистон ислом ҳаракати" террористик уюшмаси иштирокчиларини қўлга олди, деб хабар бермоқда Россия ФСБ.'),
    [['terrorist', 'Ўзбекистон ислом ҳаракати', null]], 'Cyrillic Uzbek spelled with the hard sign (таъқиқланган), and уюшма as a designation noun');
});

test('Japanese: a translator\'s note in brackets stays in the body; a ground inside a compound noun before a quoted name', () => {
  assert.deepEqual(brief('ウクライナ特殊部隊が支援するテロ組織「ロシア義勇軍団」(※ロシアで活動禁止)の協力者が計画していた。'),
    [['terrorist', 'ロシア義勇軍団', null]], '(※…) is read as a parenthetical, and テロ組織 gives the ground');
  assert.deepEqual(brief('ロシアで禁止されている国際テロ集団ISISによるテロ攻撃を防いだ。'), [['terrorist', 'ISIS', null]], '集団 is a designation noun');
  assert.deepEqual(brief('Стратегия «Талибана» (*запрещенная в России организация — прим.) изменилась.'), [['banned_other', 'Талибана', null]],
    'the Russian translator\'s note');
});

test('prenominal: the sentence frames a phrase with its state only when it says banned or designated', () => {
  assert.deepEqual(brief('Начальник управления МВД России заявил, что террористическая группировка «Исламское государство» смещает интересы в СНГ.'), [],
    'a ground adjective beside an institution\'s name describes');
  assert.deepEqual(brief('Мақомоти амниятии Русия аъзои созмони мамнӯъи террористии «Ҳизб-ут-Таҳрир»-ро боздошт кард.'), [['terrorist', 'Ҳизб-ут-Таҳрир', null]],
    'a banned-word phrase takes the state from its sentence');
  assert.deepEqual(brief('Борците на терористичката организација „Исламска држава“ (забранета во Русија) нападнаа контролен пункт.'),
    [['terrorist', 'Исламска држава', null]], 'Macedonian has its phrase file');
});

test('a news cue followed by "that" is a verb of saying, not the news of a designation', () => {
  assert.deepEqual(brief('Naryshkin a déclaré que Insider *, reconnu en Fédération de Russie comme agent de médias étrangers, est lié à Bellingcat.'),
    [['foreign_agent', 'Insider', null]], 'French "a déclaré que", and "agent de médias étrangers"');
  assert.deepEqual(brief('Le tribunal a déclaré Meta organisation extrémiste interdite en Russie.'), [], 'the designation itself stays the news');
});

test('exclusions: news events, other jurisdictions, critique, self-disclosure, generic mentions', () => {
  assert.deepEqual(brief('A Moscow court on Tuesday declared Meta an extremist organization banned in Russia.'), []);
  assert.deepEqual(brief('Hamas, designated a terrorist organization by the United States, rejected the plan.'), []);
  assert.deepEqual(brief('Meta (признана террористической в США) ответила.'), []);
  assert.deepEqual(brief('RT described the group as "a terrorist organization banned in Russia".'), []);
  assert.deepEqual(brief('Russia\'s FSB detained members of Allya Ayat, a religious group banned as "extremist" under Russian law.'), []);
  assert.deepEqual(brief('We at Meduza have been designated a foreign agent; our work continues.'), []);
  assert.deepEqual(brief('The listed organisations are banned in Russia.'), []);
  assert.deepEqual(brief('Die Liste der in Russland verbotenen Organisationen wurde erweitert.'), [], 'an article is no relative pronoun without a comma');
  assert.deepEqual(brief('Talibani su u Rusiji klasifikovani kao teroristička organizacija, zbog navoda da su pomagali islamističke ekstremiste na Severnom Kavkazu.'), [],
    'a word shared with a verb-final language does not make the note verb-final');
  assert.deepEqual(sorted('Генпрокуратура признала нежелательной деятельность компании «Medusa Project», признанной иноагентом.'),
    [['foreign_agent', 'Medusa Project', null]], 'the news of one designation does not hide an aside about another');
});

test('status: a pronoun subject stands for the name before it, unless its sentence tells the designation as news', () => {
  assert.deepEqual(brief('Обыски прошли в домах членов организации "Свидетели Иеговы". Она запрещена в России и признана экстремистской.'),
    [['extremist', 'Свидетели Иеговы', null]], 'a quoted antecedent; the ban yields to the specific ground');
  assert.deepEqual(brief('Militants of Daesh attacked the town. It is banned in Russia.'), [['banned_other', 'Daesh', null]]);
  assert.deepEqual(brief('Верховный суд РФ признал "Правый сектор" экстремистской организацией. Ее деятельность на территории России запрещена.'), [],
    'the news goes on');
  assert.deepEqual(brief('Die Taliban kehrten an die Macht zurück. Sie bleiben jedoch in der Liste der von Russland anerkannten Terrororganisationen.'), [],
    'the pronoun\'s predicate is not the designation');
});

test('names: "in" inside a name an of-like connector joins; a nested straight quotation is the name', () => {
  assert.deepEqual(sorted('Collabora con la Comunità dei Russi Liberi in Italia* e con la \"Legione \"libertà della Russia\"**.\n* Organizzazione indesiderabile in Russia\n** Organizzazione terroristica vietata nella Federazione Russa'),
    [['terrorist', 'libertà della Russia', '**'], ['undesirable', 'Comunità dei Russi Liberi in Italia', '*']]);
});

test('relative clauses: a verb ending the clause stands between the name and the relative pronoun; »German« quotes close with «', () => {
  assert.deepEqual(brief('Alle sollen der Vereinigung Hizb ut-Tahrir angehören, die in Russland als terroristische Organisation verboten ist.'),
    [['terrorist', 'Hizb ut-Tahrir', null]]);
  assert.deepEqual(sorted('Verfahren wegen der Aktivitäten von Nawalnys »Antikorruptionsstiftung« eingeleitet, die in Russland als ausländischer Agent und extremistische Organisation eingestuft ist.'),
    [['extremist', 'Antikorruptionsstiftung', null], ['foreign_agent', 'Antikorruptionsstiftung', null]]);
});

test('distributive: a plural participle after a list labels each name; a list\'s designation noun before its first name gives the ground', () => {
  assert.deepEqual(sorted('Os militantes de Daesh e Frente al-Nusra, proibidos na Rússia, atacaram.'),
    [['banned_other', 'Daesh', null], ['banned_other', 'Frente al-Nusra', null]]);
  assert.deepEqual(sorted('I miliziani di Daesh e Fronte al-Nusra, vietati in Russia, hanno attaccato.'),
    [['banned_other', 'Daesh', null], ['banned_other', 'Fronte al-Nusra', null]]);
  assert.deepEqual(sorted('تمويل أنشطة التنظيمين الإرهابيين الدوليين إمارة القوقاز، وداعش المحظورين في روسيا.'),
    [['terrorist', 'إمارة القوقاز', null], ['terrorist', 'داعش', null]], '"and" glued to the last name');
});

test('a ground standing as the members\' noun ("terrorists of X") lends no ground to X', () => {
  assert.deepEqual(brief('Afirmó que los terroristas de Daesh (o Estado Islámico, proscrito en Rusia) trasladaron explosivos.'), [['banned_other', 'Daesh', null]]);
  assert.deepEqual(brief('Террористы из группировки “Исламское государство” (ИГ, запрещена в РФ) обстреливают районы.'), [['banned_other', 'Исламское государство', null]]);
  assert.deepEqual(brief('Combaten a la organización terrorista del Estado Islámico (prohibida en Rusia).'), [['terrorist', 'Estado Islámico', null]],
    'an adjective of a designation noun still gives it');
});

test('exclusions: a state after a prenominal phrase, a generic noun before a clause-final verb, a court imposing a ban', () => {
  assert.deepEqual(brief('RT America registered as a foreign agent in the United States upon the demand of the US Justice Department.'), []);
  assert.deepEqual(brief('Es wurden Korrespondenzen mit Kämpfern von terroristischen Organisationen gefunden, die auf dem Territorium der Russischen Föderation verboten sind.'), []);
  assert.deepEqual(brief('Mahkeme, bu örgütlerin Rusya\'daki faaliyetlerine yasak getirdi.'), []);
});

test('news: a designation by a court or a suit to designate is the news; an owner after "владелец компании" is the designated one', () => {
  assert.deepEqual(brief('En mars, Meta avait été déclaré "extrémiste" par un tribunal russe et ses réseaux sociaux, Instagram et Facebook, bloqués en Russie.'), []);
  assert.deepEqual(brief('La Procura ha intentato una causa per riconoscere la piattaforma Meta, proprietaria anche di Facebook, come organizzazione estremista.'), []);
  assert.deepEqual(brief('Он написал в Facebook (владелец компании "Мета" признан в России экстремистским и запрещен).'), [['extremist', 'Мета', null]]);
});

test('status: a designation noun a restrictive relative clause defines is a class, not an anaphor', () => {
  assert.deepEqual(brief('The site of the Medusa Project covers the war.\n\nOrganizations that receive such a classification are banned from operating in Russia.'), []);
});

test('entities: names in scripts without spaces share no stem ("俄罗斯自由" is not "俄罗斯志愿军")', () => {
  assert.deepEqual(sorted('“俄罗斯志愿军”(在俄罗斯被视为恐怖组织)和“俄罗斯自由”军团(在俄罗斯联邦被禁止作为恐怖组织)的武装分子'),
    [['terrorist', '俄罗斯志愿军', null], ['terrorist', '俄罗斯自由', null]]);
});

test('caseless scripts: unlisted adjectives before a designation noun, and a case ending glued to a known name', () => {
  assert.deepEqual(brief('এফএসবি রাশিয়ায় নিষিদ্ধ আন্তর্জাতিক জঙ্গি সংগঠন ইসলামিক স্টেটের একজন সদস্যকে শনাক্ত করেছে।'),
    [['banned_other', 'ইসলামিক স্টেট', null]]);
});

test('Russian forms of the labru round: designating bodies, dates, parts, listed subjects, fronted states', () => {
  assert.deepEqual(brief('Он подал заявление на Каца*.\n*Признан Министерством юстиции РФ иностранным агентом.'), [['foreign_agent', 'Каца', '*']],
    'the ministry in the footnote is the designating body, not the entity');
  assert.deepEqual(brief('«Талибан» числился в списке запрещенных в России организаций с 2003 года.'), [], 'a lower-case word after a number is a date');
  assert.deepEqual(brief('Задержаны члены «Вирда» (ее боевое крыло признано в России террористической организацией и запрещено).'), [],
    'a possessive bracket is about a part of the name');
  assert.deepEqual(brief('Задержаны члены «Хизб ут-Тахрир» (ее деятельность запрещена в России).'), [['banned_other', 'Хизб ут-Тахрир', null]],
    'the name\'s own activity is the name');
  assert.deepEqual(sorted('УПА, УНС и ОУН признаны в России экстремистскими организациями и запрещены.'),
    [['extremist', 'ОУН', null], ['extremist', 'УНС', null], ['extremist', 'УПА', null]], 'names listed as the subject of the whole formula');
  assert.deepEqual(sorted('Фонд сотрудничает с запрещенными в России террористическими организациями «Русский добровольческий корпус»** и «Айдар»**.'),
    [['terrorist', 'Айдар', null], ['terrorist', 'Русский добровольческий корпус', null]], 'a distributive prenominal past markers');
  assert.deepEqual(brief('Статус иностранного агента присвоен журналистке Ольге Романовой.'), [], 'an assigned status is the news');
  assert.deepEqual(brief('Речь идет о движении «Артподготовка», признанном решением Красноярского краевого суда экстремистской организацией.'),
    [['extremist', 'Артподготовка', null]], 'the court in an appositive is the designating body');
  assert.deepEqual(brief('Задержаны лидеры запрещенной в России религиозной экстремистской организации исламистов «Таблиги Джамаат».'),
    [['extremist', 'Таблиги Джамаат', null]], 'one genitive between the designation noun and a quoted name');
  assert.deepEqual(brief('Дело об организации террористического сообщества возбуждено против экс-главы нефтяной компании "ЮКОС".'), [],
    'a second designation noun heads another phrase');
  assert.deepEqual(brief('В России «Хизб ут-Тахрир» признана террористической организацией.'), [['terrorist', 'Хизб ут-Тахрир', null]],
    'a fronted state makes the passive designation an aside');
  assert.deepEqual(brief('В России «Талибан» признан террористическим в 2003 году.'), [], 'with a year it is the news');
  assert.deepEqual(brief('Задержан член «Хизб ут-Тахрир» — организации, признанной террористической и запрещённой в России.'),
    [['terrorist', 'Хизб ут-Тахрир', null]], 'a spaced dash sets the designation noun phrase off the name');
  assert.deepEqual(brief('Иноагентом признан журналист Иван Иванов, сообщили в Минюсте.'), [], 'a short participle is a predicate: the news');
  assert.deepEqual(brief('Таким образом, на российской территории запрещены социальные сети Facebook и Instagram.'), [], 'a short participle ground is a predicate');
  assert.deepEqual(brief('Кроме того, в список нежелательных попали компания Project Media.'), [], 'a verb is no adjective of the designation noun');
  assert.deepEqual(brief('Организация Register of Damage, созданная под эгидой Совета Европы, признана нежелательной в России, сообщает Генпрокуратура РФ.'), [],
    'a short participle after a comma is the predicate, not an appositive');
  assert.deepEqual(brief('В организации заявили, что в России теперь нежелательно защищать природу.'), [], '"нежелательно" (an adverb) is no ground');
  assert.deepEqual(brief('Организация признана террористической в США и Канаде, в России она не запрещена.'), [], 'a negated designation is no label');
  assert.deepEqual(brief('Кристина Орбакайте не входит в список иностранных агентов.'), [], 'nor is a negated listing');
  assert.deepEqual(brief('Как отмечает «Медуза», издание признано в России нежелательным.'), [], 'a noun and a short participle after a comma are a clause');
  assert.deepEqual(brief('Сторонников «Хизб ут-Тахрир»,— террористической организации, запрещенной в РФ,— задержали.'), [['terrorist', 'Хизб ут-Тахрир', null]],
    'a dash after the comma that opens an appositive');
  assert.deepEqual(brief('Задержан участник «Азова» (запр. в РФ).'), [['banned_other', 'Азова', null]], 'the abbreviation "запр."');
  assert.deepEqual(sorted('СВР располагает данными о том, что издания «Проект» и Insider, включенные Минюстом России в список СМИ-иноагентов, связаны с Bellingcat.'),
    [['foreign_agent', 'Insider', null], ['foreign_agent', 'Проект', null]], '"включенные" is distributive; a lower-case word is no listed name');
  assert.deepEqual(brief('Минюст добавил в реестр нежелательных в России организаций Radio Free Europe/Radio Liberty.'), [], '"добавил в реестр" is the news');
  assert.deepEqual(brief('Ярош стал одним из сооснователей организации "Тризуб" имени Степана Бандеры (организация признана в России экстремистской и запрещена).'),
    [['extremist', 'Тризуб', null]], 'the person a name honours qualifies the quoted name');
  assert.deepEqual(brief('Задержаны семеро предателей из так называемого «Русского добровольческого корпуса», террористической организации, запрещенной в России.'),
    [['terrorist', 'Русского добровольческого корпуса', null]], '"так называемого" before the name scorns the name, not the label');
  assert.deepEqual(brief('Так называемые «иноагенты» Иван Иванов и Петр Петров выступили.'), [], 'before the ground it questions the label');
  assert.deepEqual(brief('Суд приговорил Зыгаря* к 8,5 годам. Суд приговорил писателя Михаила Зыгаря* по делу.\n* Находится в реестре иностранных агентов.'),
    [['foreign_agent', 'Михаила Зыгаря', '*']], 'the fullest marked spelling');
  assert.deepEqual(brief('Задержаны трое. Деятельность организации «Свидетели Иеговы» запрещена в РФ.'), [['banned_other', 'Свидетели Иеговы', null]],
    'the ban of a named entity\'s activity, with its state');
  assert.deepEqual(brief('Задержаны трое. Деятельность «Свидетелей Иеговы» запрещена.'), [], 'but not without saying where');
  assert.deepEqual(brief('Речь идет об организации из Польши, которая в случае признания террористической будет запрещена в России.'), [], 'a designation to come is news');
  assert.deepEqual(brief('В ответ на это Госдума РФ приняла законопроект, который позволяет наделять статусом иноагента СМИ.'), [], 'a common noun before the relative is its antecedent');
  assert.deepEqual(brief('Они спонсируют военизированные нацподразделения Украины, признанные в РФ террористическими.'), [], 'a state is where, not who');
  assert.deepEqual(brief('Киргизия признала террористической и экстремистской организацию «Исламское государство» (организация запрещена в России).'),
    [['banned_other', 'Исламское государство', null]], 'a noun phrase completing a news verb lends no ground');
  const glossed = detectLabels('В перечень включены Организация украинских националистов* (ОУН*) и другие.\nОУН*, УНРА* и УПА* признаны экстремистскими и запрещены в РФ.');
  assert.equal(glossed.find((l) => l.entity === 'ОУН')?.canonical, 'Организация украинских националистов', 'an abbreviation spelt out before its brackets is that name');
  assert.deepEqual(brief('В конце 2017 года Сирия объявила о победе над запрещенной в РФ группировкой «Исламское государство».'),
    [['banned_other', 'Исламское государство', null]], 'a cue followed by "о" is a verb of saying');
  assert.deepEqual(brief('НАСТОЯЩИЙ МАТЕРИАЛ (ИНФОРМАЦИЯ) ПРОИЗВЕДЕН, РАСПРОСТРАНЕН ИНОСТРАННЫМ АГЕНТОМ ИВАНОВЫМ ИВАНОМ ИВАНОВИЧЕМ ЛИБО КАСАЕТСЯ ДЕЯТЕЛЬНОСТИ ИНОСТРАННОГО АГЕНТА ИВАНОВА ИВАНА ИВАНОВИЧА'),
    [['foreign_agent', 'ИВАНОВЫМ ИВАНОМ ИВАНОВИЧЕМ', null]], 'the 2022 notice without "и (или) направлен"');
});

test('status: a copula and a designation after a name, with an article, a quotation or a known multi-word name as the subject', () => {
  const cases: [string, string][] = [
    ['La policía detuvo a dos hombres. El Estado Islámico es una organización terrorista prohibida en Rusia.', 'Estado Islámico'],
    ['La police a arrêté deux hommes. L\'État islamique est une organisation terroriste interdite en Russie.', 'L\'État islamique'],
    ['Die Polizei nahm zwei Männer fest. Der Islamische Staat ist eine in Russland verbotene Terrororganisation.', 'Islamische Staat'],
    ['Полицията задържа двама. „Ислямска държава“ е терористична организация, забранена в Русия.', 'Ислямска държава'],
    ['Полиција је привела двојицу. Исламска држава је терористичка организација забрањена у Русији.', 'Исламска држава'],
  ];
  // A known name that opens with a designation noun stays whole.
  assert.deepEqual(brief('La policía detuvo a dos hombres. La Fundación Anticorrupción es una organización extremista prohibida en Rusia.'),
    [['extremist', 'Fundación Anticorrupción', null]]);
  for (const [text, entity] of cases) assert.deepEqual(brief(text), [['terrorist', entity, null]], text);
  // The Spanish pronoun "él" folds to the article "el": before a verb it is still the pronoun, and with no name
  // before it there is nothing to label.
  assert.deepEqual(brief('La policía detuvo a dos hombres. Él es un terrorista prohibido en Rusia.'), []);
  // The news of the designation stays the news.
  assert.deepEqual(brief('El Tribunal Supremo de Rusia declaró este lunes al Estado Islámico organización terrorista.'), []);
});

test('status: a reminder\'s lead words before the subject ("Напомним, что", "Rappelons que", "Zur Erinnerung:") leave the aside an aside', () => {
  const cases: [string, string][] = [
    ['Полиция задержала двоих. Напомним, что «Исламское государство» является террористической организацией, запрещенной в России.', 'Исламское государство'],
    ['La policía detuvo a dos hombres. Recordemos que el Estado Islámico es una organización terrorista prohibida en Rusia.', 'Estado Islámico'],
    ['A polícia deteve dois homens. Vale lembrar que o Estado Islâmico é uma organização terrorista proibida na Rússia.', 'Estado Islâmico'],
    ['Die Polizei nahm zwei Männer fest. Zur Erinnerung: Der Islamische Staat ist eine in Russland verbotene Terrororganisation.', 'Islamische Staat'],
    ['Полицията задържа двама. Припомняме, че „Ислямска държава“ е терористична организация, забранена в Русия.', 'Ислямска държава'],
  ];
  for (const [text, entity] of cases) assert.deepEqual(brief(text), [['terrorist', entity, null]], text);
  // After the lead, the news of the designation stays the news.
  assert.deepEqual(brief('La policía detuvo a dos hombres. Recordemos que el Tribunal Supremo declaró al Estado Islámico organización terrorista en 2014.'), []);
});

test('status: after a reminder\'s lead, a designation noun stands for the name before, as it does without the lead', () => {
  const before = 'В Москве задержан мужчина, создавший страницу «Исламского государства». ';
  for (const lead of ['Отметим, что эта группировка', 'Напомним, эта группировка', 'Напомним, что группировка']) {
    assert.deepEqual(brief(`${before}${lead} признана террористической и запрещена в России.`), [['terrorist', 'Исламского государства', null]], lead);
  }
  assert.deepEqual(brief('A man who ran a page of Islamic State was detained in Moscow. Note that this group is recognized as a terrorist organization and banned in Russia.'),
    [['terrorist', 'Islamic State', null]]);
  assert.deepEqual(brief('Un hombre que creó una página del Estado Islámico fue detenido en Moscú. Cabe recordar que este grupo está reconocido como terrorista y prohibido en Rusia.'),
    [['terrorist', 'Estado Islámico', null]]);
  assert.deepEqual(brief("Un homme qui a créé une page de l'État islamique a été arrêté à Moscou. Rappelons que ce groupe est reconnu comme terroriste et interdit en Russie."),
    [['terrorist', 'État islamique', null]]);
  // The news (a court, a year), another state, a class of organisations: nothing, with the lead as without it.
  for (const after of ['Напомним, что Верховный суд признал группировку террористической в 2014 году.', 'Напомним, что в 2014 году эта группировка была признана террористической и запрещена в России.',
    'Отметим, что эта группировка признана террористической в Казахстане.', 'Напомним, что такие организации запрещены в России.']) assert.deepEqual(brief(before + after), [], after);
  // An Armenian reminder's lead is no name ("Նշենք, որ …": "let us note that").
  assert.deepEqual(brief('Մոսկվայում ձերբակալվել է մի տղամարդ, ով «Իսլամական պետության» անունից էջ էր ստեղծել: Նշենք, որ այդ խմբավորումը ճանաչվել է ահաբեկչական կազմակերպություն և արգելվել է Ռուսաստանում:')
    .filter((l) => l[1] === 'Նշենք'), []);
});

test('Russian round 3: a spaced star after a closing quote, registry nouns, a predicate after adverbs, the notice without "(или)"', () => {
  // The star marks the quoted name; the sentence after it is no footnote (it would have given "extremist" too).
  assert.deepEqual(brief('Запрещенное в России движение «Колумбайн» * внесено в перечень террористических и экстремистских организаций.\n*запрещенное в России террористическое движение'),
    [['terrorist', 'Колумбайн', '*']]);
  // A registry noun ends a name: the participle is on the list's contents.
  assert.deepEqual(brief('Движение внесено в Единый федеральный список организаций, признанных в РФ террористическими.'), []);
  // Adverbs and a past auxiliary before the short participle: the sentence's predicate, not an aside on "Мальцевым".
  assert.deepEqual(brief('Движение «Артподготовка», созданное Мальцевым, ранее было признано экстремистской организацией и запрещено в России.'), []);
  // …while a relative pronoun still opens a relative clause.
  assert.deepEqual(brief('Задержан член организации «Хизб ут-Тахрир», которая была запрещена в России решением Верховного суда.'),
    [['banned_other', 'Хизб ут-Тахрир', null]]);
  assert.deepEqual(brief('НАСТОЯЩИЙ МАТЕРИАЛ (ИНФОРМАЦИЯ) ПРОИЗВЕДЕН И РАСПРОСТРАНЕН ИНОСТРАННЫМ АГЕНТОМ ООО "МЕМО", ЛИБО КАСАЕТСЯ ДЕЯТЕЛЬНОСТИ ИНОСТРАННОГО АГЕНТА ООО "МЕМО".'),
    [['foreign_agent', 'МЕМО', null]], 'the legal form before the quoted name is no part of it');
});

test('Russian round 3: a reference note fronting the court decision and its date; a reporting verb is no name', () => {
  // TASS's note after its rule line: the decision and its date before the subject, a gloss bracket with an
  // abbreviation's full stop inside, then the designation verb.
  assert.deepEqual(brief('Решением Верховного суда РФ от 29 декабря 2014 г. группировка "Исламское государство" (до 2014 г. - "Исламское государство Ирака и Леванта", ИГИЛ) признана террористической организацией. Ее деятельность в России запрещена.'),
    [['terrorist', 'Исламское государство', null]]);
  assert.deepEqual(brief('Решением Верховного суда РФ от 14.02.2003 организация "Хизб ут-Тахрир" признана террористической.'), [['terrorist', 'Хизб ут-Тахрир', null]]);
  // The court as the actor stays the news.
  assert.deepEqual(brief('Решением Верховного суда деятельность А.У.Е. приравняли к фашизму и запретили в России.'), []);
  // "Сообщалось, что …": the clause after a verb of saying is its content, not an aside on a name.
  assert.deepEqual(brief('Сообщалось, что местный житель вступил в ряды запрещенной в России террористической организации.'), []);
});

test('Russian round 3: "в нашей стране" names the designating state in Russian text', () => {
  assert.deepEqual(brief('В Москве задержаны семеро предателей из «Русского добровольческого корпуса», террористической запрещенной организации в нашей стране.'),
    [['terrorist', 'Русского добровольческого корпуса', null]]);
  // The outlet speaking of itself before the ground is still a self-disclosure.
  assert.deepEqual(brief('Наше издание признано в нашей стране иностранным агентом.'), []);
});

test('Russian round 3: the court-ban footnote on a Meta product names Meta, past its abbreviated legal form', () => {
  assert.deepEqual(brief('Его страница в Instagram* удалена.\n\n* Решением суда запрещена деятельность компании Meta Platforms Inc. по реализации продуктов — социальных сетей Facebook и Instagram — на территории Российской Федерации по основаниям осуществления экстремистской деятельности.'),
    [['extremist', 'Meta Platforms', '*']]);
});

test('Russian round 3: a bracket naming its own subject (a known lower-case run, or a noun then a quoted name); "признали экстремизмом" is news', () => {
  assert.deepEqual(brief('Её оштрафовали за демонстрацию пентаграммы (Международное движение сатанизма признано в РФ экстремистским и запрещено) в отделе полиции.'),
    [['extremist', 'Международное движение сатанизма', null]]);
  assert.deepEqual(brief('Её оштрафовали за демонстрацию пентаграммы (движение «Международное движение сатанизма» признано в РФ экстремистским и запрещено).'),
    [['extremist', 'Международное движение сатанизма', null]]);
  assert.deepEqual(brief('Сатанизм признали экстремизмом в России, деятельность этого международного движения теперь будет под запретом.'), []);
});

test('news of a designation in Romanian and Slovak, an Armenian copula, and a predicative "als" after a marked name (third non-Russian round)', () => {
  // Romanian: the agent "de către un tribunal" (by a court) tells the news, as "by a court" does in other languages.
  assert.deepEqual(brief('Formația \"Pussy Riot\", a fost desemnată drept organizaţie extremistă de către un tribunal din Moscova, fiindu-i interzisă activitatea în Rusia.'), []);
  // Slovak: an appeal against the decision on the listing is the news, not an appositive on the name.
  assert.deepEqual(brief('Projekt Meduza, ktorý je registrovaný v Lotyšsku, sa proti rozhodnutiu o svojom zaradení do zoznamu zahraničných agentov odvolá.'), []);
  assert.deepEqual(brief('Portál Meduza, zaradený do zoznamu zahraničných agentov v Rusku, informoval o tom v piatok.'), [['foreign_agent', 'Meduza', null]]);
  // Armenian: the copula "է" (here capitalised "Է", as some Armenian outlets type it) is no name after "banned".
  assert.deepEqual(brief('Այսպիսով՝ այդ կազմակերպությունների գործունեությունն արգելված Է Ռուսաստանի տարածքում:'), []);
  assert.deepEqual(brief('Ռուսաստանում արգելված Իսլամական պետություն խմբավորումը հայտարարել է:'), [['banned_other', 'Իսլամական պետություն', null]]);
  // German: "«Asow»* als terroristische Organisation" is the suit's complement, not the name's designation noun, so a
  // footnote that says only "verboten" stays banned_other; a designation noun heading the name still lends its ground.
  assert.deepEqual(brief('Das Gericht prüft die Klage gegen die bewaffnete Gruppe «Asow»* als terroristische Organisation.\n*- Eine in der Russischen Föderation verbotene Organisation.'),
    [['banned_other', 'Asow', '*']]);
  assert.deepEqual(brief('Die Terrormiliz IS* griff an.\n* In Russland verboten.'), [['terrorist', 'IS', '*']]);
});

test('Bulgarian and Serbian participles ending like a Russian short participle ("обявена", "забрањена") stand as appositives; Bulgarian names of designated organisations resolve', () => {
  assert.deepEqual(brief('Bellingcat, обявена за нежелана в Русия, публикува доклад.'), [['undesirable', 'Bellingcat', null]]);
  assert.deepEqual(brief('Бойци на Исламска држава, забрањена у Русији, напали су село.'), [['banned_other', 'Исламска држава', null]]);
  // The Russian short participle after a comma is still the sentence's predicate, not an aside.
  assert.deepEqual(brief('Организация, созданная под эгидой Совета Европы, признана нежелательной в России.'), []);
  const rdk = detectLabels('Бойци на Руския доброволчески корпус (терористична организация, забранена в Русия) нахлуха в Белгородска област.');
  assert.deepEqual(rdk.map((l) => [l.kind, l.canonical]), [['terrorist', 'Russian Volunteer Corps']]);
  const fbk = detectLabels('Разследването на Фонда за борба с корупцията (признат за екстремистка организация и забранен в Русия) беше публикувано.');
  assert.deepEqual(fbk.map((l) => [l.kind, l.canonical]), [['extremist', 'Anti-Corruption Foundation']]);
});

test('attribution: a Russian authority named as the agent of the designation ("par les autorités russes", "by the Russian Justice Ministry") explains another\'s view, in every language that had only "by Russia"', () => {
  for (const text of [
    'Le site Meduza, désigné agent de l\'étranger par les autorités russes, a déménagé à Riga.',
    'El portal Meduza, declarado agente extranjero por el Ministerio de Justicia ruso, se trasladó a Riga.',
    'Il portale Meduza, dichiarato agente straniero dalle autorità russe, si è trasferito a Riga.',
    'O portal Meduza, declarado agente estrangeiro pelas autoridades russas, mudou-se para Riga.',
    'The Meduza website, designated a foreign agent by the Russian Justice Ministry, moved to Riga.',
    'Portal Meduza, proglašen stranim agentom od strane ruskih vlasti, preselio se u Rigu.',
    'Порталът „Медуза“, обявен за чуждестранен агент от руските власти, се премести в Рига.',
    'Rus makamlarınca yabancı ajan ilan edilen Meduza sitesi Riga\'ya taşındı.',
  ]) assert.deepEqual(brief(text), [], text);
  // A bracketed label elsewhere in the sentence is still a label, and a footnote citing the court's decision still is.
  assert.deepEqual(brief('Le site Meduza, désigné agent de l\'étranger par les autorités russes, a cité l\'État islamique (interdit en Russie).'),
    [['banned_other', 'État islamique', null]]);
  assert.deepEqual(brief('Daech* a revendiqué l\'attentat.\n* Organisation reconnue comme terroriste et interdite en Russie par décision de la Cour suprême.'),
    [['terrorist', 'Daech', '*']]);
});

test('Serbo-Croatian: a relative clause after a known name whose second word is lower case ("Islamske države, koja je …") labels the whole name, and members\' nouns ("Pripadnici") are roles', () => {
  assert.deepEqual(brief('Pripadnici Islamske države, koja je zabranjena u Rusiji, napali su selo.'), [['banned_other', 'Islamske države', null]]);
  assert.deepEqual(brief('Припадници Исламске државе, која је забрањена у Русији, напали су село.'), [['banned_other', 'Исламске државе', null]]);
  // A role after a known name is still no part of it, and a lower-case verb after a generic noun still opens nothing.
  assert.deepEqual(brief('He said Moscow was concerned about the expansion carried out by the Daesh militants, which is outlawed in many countries including Russia.'),
    [['banned_other', 'Daesh', null]]);
  assert.deepEqual(brief('Die Polizei hat Waffen bei Kämpfern von terroristischen Organisationen gefunden, die in Russland verboten sind.'), []);
});

test('postnominal: a ban participle after the designation noun that follows a name ("Hizb ut-Tahrir terrorist organization banned in Russia") is that noun phrase\'s attribute', () => {
  assert.deepEqual(brief('Seven individuals were arrested on suspicion of recruiting new members into Hizb ut-Tahrir terrorist organization banned in Russia, RIA Novosti reported.'),
    [['terrorist', 'Hizb ut-Tahrir', null]]);
  assert.deepEqual(brief('Members of the Islamic State terrorist group banned in Russia were arrested.'), [['terrorist', 'Islamic State', null]]);
  // "banned" as the verb of the news stays the news.
  assert.deepEqual(brief('The court banned the Jehovah\'s Witnesses organization in Russia in 2017.'), []);
  assert.deepEqual(brief('The Taliban government banned music in Afghanistan.'), []);
});

test('scripts without spaces: a ban participle glued by kana or 的 to a name the alias table knows is a prenominal label, and the known name ends where the table says ("伊斯兰国武装分子")', () => {
  assert.deepEqual(brief('ロシアで活動が禁止されているイスラム国(IS)の戦闘員が拘束された。'), [['banned_other', 'イスラム国', null]]);
  assert.deepEqual(brief('ロシアでテロ組織に指定されているタリバンの代表団がモスクワを訪問した。'), [['terrorist', 'タリバン', null]]);
  assert.deepEqual(brief('在俄罗斯被禁止的伊斯兰国武装分子袭击了村庄。'), [['banned_other', '伊斯兰国', null]]);
  assert.deepEqual(brief('在俄罗斯被禁止的恐怖组织伊斯兰国武装分子袭击了村庄。'), [['terrorist', '伊斯兰国', null]]);
  // A verb and its object ("禁止伊斯兰国") are no attribute; Russia as the agent ("被俄方列为") is another's view, the court's
  // upholding ("認めた") and an appeal are the news.
  assert.deepEqual(brief('俄罗斯禁止伊斯兰国。'), []);
  assert.deepEqual(brief('据俄媒报道，被俄方列为恐怖组织的塔利班代表团抵达莫斯科。'), []);
  assert.deepEqual(brief('「エホバの証人」は控訴を行ったが、ロシア最高裁は7月17日、同裁判所による過激派組織の認定を合法的なものであると認めた。'), []);
});

test('an entry ban ("banned from entering Russia", "入国を禁じられた") bars a person\'s entry and designates no one, in any language', () => {
  for (const text of [
    'Supporters of Navalny, banned from entering Russia, protested.',
    'Os talibãs, proibidos de entrar na Rússia, protestaram.',
    'ロシアへの入国を禁じられたナワリヌイ氏の支持者が抗議した。',
  ]) assert.deepEqual(brief(text), [], text);
  assert.deepEqual(brief('The Taliban, banned in Russia, entered Kabul.'), [['banned_other', 'The Taliban', null]]);
});

test('names with lower-case words inside ("Fondo de Lucha contra la Corrupción") are widened back to the alias table\'s whole; a sentence\'s first word heads a name it is joined to by "de"/"of"', () => {
  assert.deepEqual(detectLabels('El Fondo de Lucha contra la Corrupción (declarado extremista en Rusia) publicó una investigación.').map((l) => [l.kind, l.entity, l.canonical]),
    [['extremist', 'Fondo de Lucha contra la Corrupción', 'Anti-Corruption Foundation']]);
  assert.deepEqual(brief('Congreso de Diputados Populares (anteriormente declarado indeseable en Rusia) fue fundado en Polonia.'),
    [['undesirable', 'Congreso de Diputados Populares', null]]);
  // A role before the connector is still no part of the name.
  assert.deepEqual(brief('Activists of Right Sector* gathered.\n*Right Sector is banned in Russia.'), [['banned_other', 'Right Sector', '*']]);
});

test('a legal form between a name and its marker ("Kulturus, z. s.*", "e.V.*") glues the marker and ends no sentence; a footnote opening with the organisation\'s activity names no one', () => {
  const note = '* Die Aktivitäten der Organisation sind in Russland als unerwünscht eingestuft.';
  assert.deepEqual(brief(`Die letzte Organisation war der tschechische Kulturus, z. s.* Diese Organisation wurde verurteilt.\n${note}`), [['undesirable', 'Kulturus', '*']]);
  assert.deepEqual(brief(`Die letzte Organisation war Kulturus* aus Tschechien.\n${note}`), [['undesirable', 'Kulturus', '*']]);
});

test('quotes: a quoted term made only of designation words is no name, and a specific ground in scare quotes quotes the note even beside a plain "banned"', () => {
  assert.deepEqual(brief('Ρωσία: Η WWF απαγορεύθηκε ως «ανεπιθύμητη οργάνωση».'), []);
  assert.deepEqual(brief('The FSB detained members of Allya Ayat, a religious group banned as "extremist" under Russian law, in Rostov.'), []);
  // One ground unquoted is the outlet's own.
  assert.deepEqual(brief('* El movimiento talibán, designado como “organización terrorista” por la ONU, está declarado como grupo terrorista y prohibido en Rusia.\nLos talibanes* controlan Afganistán.').map(([k, , m]) => [k, m]), [['terrorist', '*']]);
});

test('names: a lower-case adjective after an elided article\'s head joins an of-name; a demonym before an acronym-led name qualifies it; a lower-case national word stops no name', () => {
  assert.deepEqual(sorted('Parmi eux figurent l\'Assemblée française des Peuples du Caucase*, la Suisse EF Education First* et la polonaise Fundacja OSTMOST*.\n* L\'organisation est reconnue dans la Fédération de Russie indésirable'),
    [['undesirable', 'Assemblée française des Peuples du Caucase', '*'], ['undesirable', 'EF Education First', '*'], ['undesirable', 'OSTMOST', '*']]);
  assert.deepEqual(brief('A Procuradoria considera indesejável a Associação de russos livres*.\n* Organizações cujas atividades são consideradas indesejáveis na Rússia.'),
    [['undesirable', 'Associação de russos livres', '*']]);
});

test('attribution in Indonesian: "dilarang Rusia" (banned by Russia) explains Russia\'s view; "dilarang di Rusia" (banned in Russia) is a label', () => {
  assert.deepEqual(brief('FSB mengidentifikasi warga yang terlibat dalam pendanaan organisasi teroris ISIS yang dilarang Rusia.'), []);
  assert.deepEqual(brief('Mereka anggota organisasi teroris ISIS yang dilarang di Rusia.'), [['terrorist', 'ISIS', null]]);
});

test('news: a delisting told in Ukrainian ("виключати зі списку") is the news, as "исключить из списка" is in Russian', () => {
  assert.deepEqual(brief('МЗС доповіли, що терористичний рух Талібан можна виключати зі списку заборонених у рф організацій.'), []);
  assert.deepEqual(brief('Слідчі ФСБ звинуватили їх в участі в діяльності забороненої в Росії організації «Хізб ут-Тахрір».'), [['banned_other', 'Хізб ут-Тахрір', null]]);
});

test('lists: a role between the conjunction and a listed name ("X и журналиста Y (признаны …)") keeps X in the list', () => {
  assert.deepEqual(sorted('«АСТ» приостановило распространение книг Бориса Акунина и журналиста Дмитрия Быкова (признаны в РФ иноагентами).'),
    [['foreign_agent', 'Бориса Акунина', null], ['foreign_agent', 'Дмитрия Быкова', null]]);
});

test('status (tune misses round): "considered" after a copula, a known bracketed name after a lower-case description, states as the subject of "consider"', () => {
  assert.deepEqual(brief('O partido da reconquista islâmica (Hizb ut-Tahrir) é considerado terrorista numa série de países, incluindo a Rússia.'),
    [['terrorist', 'Hizb ut-Tahrir', null]]);
  assert.deepEqual(brief('Le Hezb ut-Tahrir est considéré comme terroriste en Russie.').map(([k]) => k), ['terrorist']);
  // An unknown bracketed name after a description may gloss anything; a decision with its year is the news.
  assert.deepEqual(brief('O grupo (Hizb ut-Tahrir) foi considerado terrorista pelo tribunal em 2003.'), []);
  assert.deepEqual(brief('Hizb ut-Tahrir a été fondé en Jordanie. Plusieurs pays, dont la Russie, considèrent l\'organisation comme terroriste et interdisent ses activités.'),
    [['terrorist', 'Hizb ut-Tahrir', null]]);
  assert.deepEqual(brief('Many countries, including Russia, consider Hizb ut-Tahrir a terrorist organization.'), [['terrorist', 'Hizb ut-Tahrir', null]]);
  // Another state alone as the subject is another jurisdiction.
  assert.deepEqual(brief('Hizb ut-Tahrir a été fondé en Jordanie. Les États-Unis considèrent l\'organisation comme terroriste.'), []);
});

test('appositive (tune misses round): after a common noun, the name set between spaced dashes after the appositive', () => {
  assert.deepEqual(brief('The followers of another Islam confession, proscribed in Russia - Nursists - are trying to fight in the courts.'),
    [['banned_other', 'Nursists', null]]);
  assert.deepEqual(brief('The movement, banned in Russia - and elsewhere - says so.'), []);
});

test('status run (tune misses round): a name and its designation verb right after a status sentence, ending with the ground', () => {
  const status = '«Русский добровольческий корпус» признан в России террористической организацией и запрещён.';
  assert.deepEqual(sorted(`${status} Денис Капустин внесён в перечень экстремистов и террористов.`),
    [['extremist', 'Денис Капустин', null], ['terrorist', 'Денис Капустин', null], ['terrorist', 'Русский добровольческий корпус', null]]);
  // Alone, or with its source after it, the same sentence is the news of the listing.
  assert.deepEqual(brief('Михаил Ходорковский внесен в список террористов и экстремистов.'), []);
  assert.deepEqual(brief(`${status} Денис Капустин внесён в перечень экстремистов и террористов, сообщает Росфинмониторинг.`),
    [['terrorist', 'Русский добровольческий корпус', null]]);
});

test('German names: lower-case words inside a name before its legal form; a capitalised designation noun before a known name', () => {
  assert.deepEqual(brief('Der Verein Russland hinter Gittern e.V.* veröffentlichte einen Bericht.\n* In Russland als unerwünscht eingestuft.'),
    [['undesirable', 'Russland hinter Gittern', '*']]);
  assert.deepEqual(brief('"Russland hinter Gittern e.V.* (Deutschland) veröffentlicht Nachrichten.\n* Die Aktivitäten der Organisation sind in Russland als unerwünscht eingestuft.'),
    [['undesirable', 'Russland hinter Gittern', '*']]);
  assert.deepEqual(brief('Die letzte war der tschechische Kulturus, z. s.* Diese Organisation wurde verurteilt.\n* Die Aktivitäten der Organisation sind in Russland als unerwünscht eingestuft.'),
    [['undesirable', 'Kulturus', '*']]);
  // Without a legal form a preposition still ends the name: "Proteste gegen Meta*" is about Meta.
  assert.deepEqual(brief('Proteste gegen Meta* nahmen zu.\n* In Russland als extremistisch verboten.'), [['extremist', 'Meta', '*']]);
  // German capitalises every noun: "Organisation Memorial" is the designation noun and the name; a known name that
  // opens with its noun ("Legion Freiheit Russlands") is headed by it, its state's name no obstacle.
  assert.deepEqual(brief('Die in Russland verbotene Organisation Memorial hat angegriffen.'), [['banned_other', 'Memorial', null]]);
  assert.deepEqual(brief('Kämpfer der in Russland verbotenen Legion Freiheit Russlands griffen an.'), [['banned_other', 'Legion Freiheit Russlands', null]]);
  assert.deepEqual(brief('He was registered as a foreign agent in the United States.'), []);
});

test('news (sixth non-Russian round): a ban lifted or suspended is the news; the bare verb is not', () => {
  assert.deepEqual(brief('Верховний суд Російської Федерації скасував заборону на діяльність терористичного угруповання Талібан.'), []);
  assert.deepEqual(brief('Верховный суд приостановил запрет на деятельность запрещенного в России движения «Талибан».'), []);
  // A bracket stays an aside in any sentence, the news of a lifted ban included.
  assert.deepEqual(brief('Верховный суд приостановил запрет на деятельность движения «Талибан» (запрещено в РФ).'), [['banned_other', 'Талибан', null]]);
  assert.deepEqual(brief('Суд отменил приговор журналисту Ивану Иванову (признан иноагентом).'), [['foreign_agent', 'Ивану Иванову', null]]);
});

test('registries (sixth non-Russian round): designation words followed by a list noun name the list, not the name before', () => {
  assert.deepEqual(brief("Peskov, Taliban'ın, Rusya'da yasaklanan terör örgütleri listesinden çıkarılması konusunda bir gelişme olmadığını belirtti."), []);
  assert.deepEqual(brief("Taliban, Rusya'da yasaklı terör örgütü, Kabil'de geçici hükümet kurduğunu ilan etti."), [['terrorist', 'Taliban', null]]);
});

test('postnominal (sixth non-Russian round): the attribute ends at a comma, and an epithet with a place is no status', () => {
  assert.deepEqual(brief('قالت زاخاروفا إن رفع حركة "طالبان" المحظورة فى روسيا، من على قائمة الإرهاب يتوقف على أفعال الحركة.'),
    [['banned_other', 'طالبان', null]]);
  assert.deepEqual(brief('احتجزت الشرطة أعضاء منظمة "التكفير والهجرة" المتطرفة في موسكو.'), []);
});

test('names (sixth non-Russian round): a capitalised designation noun with lower-case adjectives heads a name where adjectives follow', () => {
  assert.deepEqual(brief("Ancien partisan du Mouvement impérial russe, une organisation paramilitaire classée comme terroriste en Russie, l'homme a parlé."),
    [['terrorist', 'Mouvement impérial russe', null]]);
  assert.deepEqual(brief('Miembros del Movimiento imperial ruso, organización terrorista prohibida en Rusia, fueron detenidos.'),
    [['terrorist', 'Movimiento imperial ruso', null]]);
  assert.deepEqual(brief('La Corte suprema, che ha vietato il gruppo in Russia, ha deciso.'), []);
});

test('status (sixth non-Russian round): a designation noun heading its own name is no anaphor for a name before', () => {
  assert.deepEqual(brief('Tablighi Jamaat opera en Rusia. La organización terrorista Estado Islámico (EI, prohibida en Rusia) reivindicó el ataque.'),
    [['terrorist', 'Estado Islámico', null]]);
  assert.deepEqual(brief('El autodenominado Estado Islámico, o Daesh por su acrónimo en árabe, es una amenaza. Este grupo terrorista está proscrito en numerosos países, incluida Rusia.'),
    [['terrorist', 'Daesh', null]]);
});

test('names (sixth non-Russian round): a name after "of" right after a known name is its possessor; the aside is on the head', () => {
  assert.deepEqual(brief('La Fundación Anticorrupción de Navalni, reconocida como organización extremista en Rusia, publicó una investigación.'),
    [['extremist', 'Fundación Anticorrupción', null]]);
  assert.deepEqual(brief('The Anti-Corruption Foundation of Alexei Navalny, recognized as extremist in Russia, published a report.'),
    [['extremist', 'Anti-Corruption Foundation', null]]);
  assert.deepEqual(brief('Los partidarios de Navalni, reconocido como extremista en Rusia, protestaron.'), [['extremist', 'Navalni', null]]);
  assert.deepEqual(brief('Militants of the Islamic State of Iraq and the Levant, banned in Russia, attacked.'),
    [['banned_other', 'Islamic State of Iraq and the Levant', null]]);
});

test('postnominal (sixth non-Russian round): an Arabic designation participle before the ground opens the attribute', () => {
  assert.deepEqual(brief('أسر الجيش مقاتلين من كتيبة "آزوف" المصنفة إرهابية في روسيا.'), [['terrorist', 'آزوف', null]]);
  assert.deepEqual(brief('قالت شركة "ميتا" المصنفة متطرفة والمحظورة في روسيا إنها ستحظر الحسابات.'), [['extremist', 'ميتا', null]]);
});

test('Russian round 5: "на территории России" in a prenominal phrase, an impersonal plural in a relative clause, the shortened named notice', () => {
  assert.deepEqual(brief('Лидер запрещенного на территории России движения «Артподготовка» Вячеслав Мальцев рассказал журналистам.'),
    [['banned_other', 'Артподготовка', null]]);
  // Another state's territory is no Russian designation.
  assert.deepEqual(brief('Члены запрещенной на территории Украины организации «Артподготовка» задержаны.'), []);
  // "которого … признали" without a subject states the standing status; with the ministry as subject it is the news.
  assert.deepEqual(brief('Комик Семен Слепаков, которого в РФ признали иноагентом, выложил новую песню.'),
    [['foreign_agent', 'Семен Слепаков', null]]);
  assert.deepEqual(brief('Комик Семен Слепаков, которого Минюст РФ признал иноагентом, выложил новую песню.'), []);
  // The notice shortened to "ПРОИЗВЕДЕН ИНОСТРАННЫМ АГЕНТОМ"; a designation noun before the quoted name is no part of it.
  assert.deepEqual(brief('Настоящий материал (информация) произведен иностранным агентом YouTube-шоу «вДудь» либо касается деятельности иностранного агента YouTube-шоу «вДудь».'),
    [['foreign_agent', 'вДудь', null]]);
  // A ban participle heading a name inside a relative clause is that name's, not the clause's antecedent's…
  assert.deepEqual(brief('Militante der Gruppe Nusrat al-Islam wal-Muslimin, die Teil der in der Russischen Föderation verbotenen al-Qaida ist, griffen an.'), []);
  // …while a court after the ground is the designating body.
  assert.deepEqual(brief('Члены ячейки «Чистопольский джамаат», которая была признана террористической Приволжским окружным военным судом в 2017 году, задержаны.'),
    [['terrorist', 'Чистопольский джамаат', null]]);
});

test('languages added for issue 10 (lex7): the footnote, bracket and aside of each, and its news of a designation', () => {
  const cases: [string, Brief[]][] = [
    ['Els talibans* han anunciat un nou govern a Kabul.\n\n*Organització terrorista prohibida a Rússia.', [['terrorist', 'talibans', '*']]],
    ["Els membres del grup terrorista Estat Islàmic, prohibit a Rússia, van reivindicar l'atac.", [['terrorist', 'Estat Islàmic', null]]],
    ['Talibani, ki so v Rusiji prepovedani kot teroristična organizacija, so prevzeli oblast.', [['terrorist', 'Talibani', null]]],
    ['Taliban* telah mengumumkan kerajaan baharu di Kabul.\n\n*Pertubuhan pengganas yang diharamkan di Rusia.', [['terrorist', 'Taliban', '*']]],
    ['Meta, ambayo imetambuliwa kuwa ya itikadi kali na kupigwa marufuku nchini Urusi, ilisema hivyo.', [['extremist', 'Meta', null]]],
    ['Ang Meta, na itinuturing na ekstremista at ipinagbabawal sa Russia, ay naglabas ng pahayag.', [['extremist', 'Meta', null]]],
    ['தலிபான்* புதிய அரசை அறிவித்தது.\n\n*ரஷ்யாவில் தடைசெய்யப்பட்ட பயங்கரவாத அமைப்பு.', [['terrorist', 'தலிபான்', '*']]],
    ['റഷ്യയിൽ നിരോധിച്ച ഭീകര സംഘടനയായ ഐഎസ് ഉത്തരവാദിത്തം ഏറ്റെടുത്തു.', [['terrorist', 'ഐഎസ്', null]]],
    ['रशियामध्ये बंदी घातलेल्या दहशतवादी संघटना इस्लामिक स्टेटने जबाबदारी घेतली.', [['terrorist', 'इस्लामिक स्टेट', null]]],
    ['తాలిబాన్* కొత్త ప్రభుత్వాన్ని ప్రకటించింది.\n\n*రష్యాలో నిషేధించబడిన ఉగ్రవాద సంస్థ.', [['terrorist', 'తాలిబాన్', '*']]],
    ['“Исламын улс” (ОХУ-д хориглосон) бүлэглэлийн гишүүд халдлага үйлджээ.', [['banned_other', 'Исламын улс', null]]],
    ['DAIŞ, ku li Rûsyayê qedexe ye, berpirsiyariya êrîşê girt.', [['banned_other', 'DAIŞ', null]]],
    ['रुसमा प्रतिबन्धित आतङ्कवादी सङ्गठन इस्लामिक स्टेटले जिम्मेवारी लियो।', [['terrorist', 'इस्लामिक स्टेट', null]]],
    ["Die Taliban* het 'n nuwe regering aangekondig.\n\n*'n Terreurorganisasie wat in Rusland verbied is.", [['terrorist', 'Die Taliban', '*']]],
  ];
  for (const [text, want] of cases) assert.deepEqual(brief(text), want, text);
  // The same words as the news of a designation, or another state's, give nothing.
  for (const text of ['Rusko vrhovno sodišče je gibanje talibov razglasilo za teroristično organizacijo.',
    'Mahkamah Agung Rusia mengisytiharkan Taliban sebagai pertubuhan pengganas.', 'Marekani imepiga marufuku kundi la Wagner.',
    'ОХУ-ын Дээд шүүх Талибаныг террорист байгууллага гэж зарлав.', 'రష్యా సుప్రీం కోర్టు తాలిబాన్‌ను ఉగ్రవాద సంస్థగా ప్రకటించింది.',
    'Els Estats Units han designat el grup Wagner com a organització terrorista.']) assert.deepEqual(brief(text), [], text);
});

test('an apostrophe opening a one-letter lower-case word is an elided article, and a state with a hyphenated case ending no bracket subject', () => {
  assert.deepEqual(brief("Meta* het gesê.\n\n*Meta is 'n ekstremistiese organisasie wat in Rusland verbied is."), [['extremist', 'Meta', '*']]);
  assert.deepEqual(brief("Meta* said so.\n\n*Meta is an 'extremist organisation' banned in Russia, Moscow claims."), [], 'a quotation still quotes');
  assert.deepEqual(brief('Талибан (ОХУ-д хориглосон) хөдөлгөөн.'), [['banned_other', 'Талибан', null]]);
});

test('names at a sentence\'s start: a given name with or without diacritics joins the surname; an opener does not', () => {
  const entity = (text: string): string[] => detectLabels(text).map((l) => l.entity);
  for (const [text, name] of [
    ['Iván Petrov, declarado agente extranjero en Rusia, habló ayer.', 'Iván Petrov'],
    ['Dmitri Murátov (reconocido como agente extranjero en Rusia) habló ayer.', 'Dmitri Murátov'],
    ['Sérgio Ivanov (reconhecido como agente estrangeiro na Rússia) falou.', 'Sérgio Ivanov'],
    ['Jürgen Petrov (in Russland als ausländischer Agent eingestuft) sagte.', 'Jürgen Petrov'],
    ['Łukasz Petrov (uznany w Rosji za zagranicznego agenta) powiedział.', 'Łukasz Petrov'],
    ['Aleksey Navalnıy (Rusya\'da yabancı ajan ilan edildi) konuştu.', 'Aleksey Navalnıy'],
  ] as const) assert.deepEqual(entity(text), [name], text);
  for (const text of [
    'Ayer Petrov, declarado agente extranjero en Rusia, habló.',
    'Mañana Petrov (reconocido como agente extranjero en Rusia) hablará.',
    'Così Petrov (riconosciuto come agente straniero in Russia) ha parlato.',
    'Während Petrov (in Russland als ausländischer Agent eingestuft) sprach.',
    'Potom Petrov (v Rusku označen za zahraničního agenta) řekl.',
  ]) assert.deepEqual(entity(text), ['Petrov'], text);
  assert.deepEqual(entity('Açıklama Facebook (Rusya\'da aşırılıkçı olarak yasaklandı) yaptı.'), ['Facebook'], 'a Turkish noun before a foreign name');
});
