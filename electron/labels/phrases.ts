// The words of Russian legal-designation notes in the languages state outlets publish in, as precompiled
// regular expressions. Stems, not whole words, so that case endings ("запрещенной", "запрещена") all match.
// Sources: the wordings in test/fixtures/labels/cases.jsonl, taken from Sputnik, RT, TASS, RIA and their
// language editions.
import type { LabelKind } from '../model.ts';

const TERRORIST = String.raw`террор|терор|terror|teror|terör|إرهاب|恐怖`;
const EXTREMIST = String.raw`экстремист|екстремі|екстремист|extremis|extrémis|estremis|ekstremist|aşırılıkçı|تطرف|极端`;
const UNDESIRABLE = String.raw`нежелательн|небажан|непожељн|nepoželjn|undesirab|indeseabl|indésirabl|unerwünscht|istenmeyen|غير مرغوب|不受欢迎|indesejáve|indesiderabil`;
const FOREIGN_AGENT = String.raw`иноагент|іноагент|иностранн\S*\s+агент|іноземн\S*\s+агент|стран\S*\s+агент|foreign agent|agente extranjer|agent de l'étranger|agent étranger|ausländische\S*\s+Agent|yabancı ajan|عميل أجنبي|وكيل أجنبي|外国代理人|agente stranier|agente estrangeir|strani\S*\s+agent`;
const BANNED = String.raw`запрещ|заборон|забрањ|zabranj|banned|outlawed|proscri|prohibid|prohibited|interdit|verboten|yasak|محظور|禁止|被禁|proibid|vietat|bandit`;

/** Cheap first pass: a text without any of these stems carries no label. */
export const TRIGGER = new RegExp(`${TERRORIST}|${EXTREMIST}|${UNDESIRABLE}|иноагент|іноагент|агент|agent|ajan|عميل|وكيل|代理人|${BANNED}`, 'gi');

export const KIND_PATTERNS: [LabelKind, RegExp][] = [
  ['terrorist', new RegExp(TERRORIST, 'i')],
  ['extremist', new RegExp(EXTREMIST, 'i')],
  ['undesirable', new RegExp(UNDESIRABLE, 'i')],
  ['foreign_agent', new RegExp(FOREIGN_AGENT, 'i')],
  ['banned_other', new RegExp(BANNED, 'i')],
];

/** Russia as the designating state. */
export const RUSSIA = /Росси|Россі|РФ|Russia|Rusia|Russie|Russland|Rusya|روسيا|俄罗斯|在俄|Русиј|Rusij|Росі|Rússia|Rusko/i;
/** Another designating state or bloc: with no mention of Russia, the note is someone else's designation. */
export const OTHER_STATE = /США|Соедин[её]нн|Украин|Україн|Казахстан|Беларус|Белорус|Германи|Евросоюз|Европейск|United States|\bU\.?S\.?A?\b|Ukraine|Germany|Deutschland|European Union|\bEU\b|Britain|\bUK\b|Kazakhstan|Belarus|Türkiye|Israel|Estados Unidos|Unión Europea|États-Unis|Union européenne|\bUSA\b|\bABD\b|الولايات المتحدة|الاتحاد الأوروبي|美国|欧盟|乌克兰|САД|\bSAD\b|Stati Uniti|Unione europea|União Europeia|Türkiye'de/;

/** Words that quote or question the label rather than apply it. */
export const CRITIQUE = /so-called|so called|what (?:Moscow|Russia|the Kremlin) (?:calls|deems)|так называем|так зван|sogenannt|soi-disant|llamad[oa]s? |cosiddett|sözde|所谓|المزعوم/i;
/** A kind word wrapped in quotation marks is the label quoted, not applied ("labelled it 'extremist'"). */
export const QUOTED_KIND = new RegExp(`(?:["«“„]|(?:^|[\\s(])['‘])(?:${TERRORIST}|${EXTREMIST}|${UNDESIRABLE}|иноагент|foreign agent)`, 'i');
/** An outlet speaking of itself. */
export const FIRST_PERSON = /(?:^|[\s(])(?:we|our|мы|нас|наш\S*|nous|notre|wir|unser\S*|nosotros|nuestr\S*|biz|noi|nós|ми)(?=[\s,.;:)])/i;

/** "owned by X" and its kin: the designated entity is X, not the product mentioned in the body. */
export const OWNER = /(?:owned by|belongs to|appartient à|appartenant à|pertencente à|pertence à|pertenece a|appartiene a|(?:a )?product of|gehört zu[mr]?|隶属于|属于|принадлеж\S*(?:\s+(?:компании|корпорации))?|принадлежащ\S*\s+компании|propiedad de|propriété de|propriedade da|di proprietà di|Mutterkonzern|sahibi|تابع لشركة|لشركة|у власништву компаније|u vlasništvu kompanije|належить компанії|(?:rede social|red social|réseau social|social network|социальная сеть|соцсеть) (?:da|de|du|of|компании))\s*/gi;

/** Where the name at the head of a footnote ends: a copula, a comma or dash, or a designation word. */
export const SUBJECT_END = new RegExp(
  String.raw`\s(?:is|are|was|has been|have been|es|está|son|est|sont|ist|sind|é|è|je|је|су|su|є|là)\s|\s?[,—–:(]|\s-\s|(?:^|\s)(?:признан|внесен|внесён|включен|визнан|призна|проглаш|recogni[sz]ed|designated|declared|listed|calificad|reconnu|reconhecid|considerad|riconosciut|eingestuft|tanınmış|منظمة|المصنفة|تنظيم|在|被)|是|${TERRORIST}|${EXTREMIST}|${BANNED}`,
  'i',
);

/** A note that applies to every name before it ("members of X and Y (both terrorist groups banned in Russia)"). */
export const DISTRIBUTIVE = /^\s*(?:both|all|each|оба|обе|все|обидві|обидва|ambos|ambas|todos|les deux|tous|toutes|beide|alle|entrambi|tutti|her ikisi|oba|obe|obje|обе|كلاهما|两者|均)\b/i;
/** What joins two names in a list: "X and the Y", "X и Y", "X, Y". */
export const NAME_JOIN = /(?:,|\s(?:and|и|і|та|y|e|et|und|ve|i|или|or|ou|o))\s+(?:the\s+|la\s+|le\s+|les\s+|el\s+|los\s+|die\s+|der\s+)?$/i;

/** An appositive clause after a name: ", a terrorist group banned in Russia". */
export const APPOSITIVE_START = /(?:,\s+|\s[—–]\s+)/g;

/**
 * A designation before the name it qualifies ("запрещенной в России террористической организации «ИГ»",
 * "die in Russland verbotene Terrororganisation IS", "Rusya'da yasaklı terör örgütü DEAŞ"): the name follows
 * the match.
 */
export const PRENOMINAL = [
  /(?:запрещ[её]нн|признанн|заборонен|визнан)\S*\s+(?:[^\s.,;:()]+\s+){0,5}?(?:организаци|компани|группировк|движени|объединени|організаці|компані|угруповання|рух)\S*(?=\s)/gi,
  /(?:verboten|eingestuft)\S*\s+(?:Terror\S*|Organisation|Gruppe|Konzern\S*)(?=\s)/g,
  /yasaklı\s+(?:terör\s+)?örgüt\S*(?=\s)/gi,
];

/** The long capitalised notice a Russian "foreign agent" outlet must print on its own material. */
export const SELF_NOTICE = /ДАННОЕ\s+СООБЩЕНИЕ\s*\(\s*МАТЕРИАЛ\s*\)\s+СОЗДАНО\s+И\s*\(\s*ИЛИ\s*\)\s+РАСПРОСТРАНЕНО\s+ИНОСТРАНН[\s\S]{0,300}?ФУНКЦИИ\s+ИНОСТРАННОГО\s+АГЕНТА(?:[^.\n]{0,200}?ФУНКЦИИ\s+ИНОСТРАННОГО\s+АГЕНТА)?\.?/gi;
/** The 2022 form that names the agent: "…ИНОСТРАННЫМ АГЕНТОМ ИВАНОВЫМ ИВАНОМ ИВАНОВИЧЕМ ЛИБО КАСАЕТСЯ…". */
export const NAMED_NOTICE = /НАСТОЯЩИЙ\s+МАТЕРИАЛ\s*\(\s*ИНФОРМАЦИЯ\s*\)\s+ПРОИЗВЕД[\s\S]{0,200}?ИНОСТРАННЫМ\s+АГЕНТОМ\s+([^\n]{2,150}?)\s+(?:ЛИБО\s+КАСАЕТСЯ\s+ДЕЯТЕЛЬНОСТИ\s+ИНОСТРАННОГО\s+АГЕНТА[^\n.]*|(?=[.\n]))\.?/gi;
