import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseQuery } from '../electron/query/parser.ts';
import { formatQuery } from '../electron/query/ast.ts';
import { QuerySyntaxError } from '../electron/query/errors.ts';
import { compileQuery } from '../electron/store/sqlite/search/compile.ts';

/** The query as parsed, in explicit parentheses. */
function read(q: string): string {
  const { root } = parseQuery(q);
  return root ? formatQuery(root) : '';
}

function fails(q: string, message: string): void {
  assert.throws(() => parseQuery(q), (err: Error) => {
    assert.ok(err instanceof QuerySyntaxError, `${q}: ${err.name}`);
    assert.equal(err.message, message);
    return true;
  });
}

test('Boolean operators in upper and lower case, implicit AND, parentheses', () => {
  assert.equal(read('taliban AND kabul'), 'taliban AND kabul');
  assert.equal(read('taliban and kabul'), 'taliban AND kabul');
  assert.equal(read('taliban kabul'), 'taliban AND kabul');
  assert.equal(read('taliban OR talibs'), 'taliban OR talibs');
  assert.equal(read('taliban or talibs'), 'taliban OR talibs');
  assert.equal(read('(a OR b) AND (c OR d)'), '(a OR b) AND (c OR d)');
  assert.equal(read('((a))'), 'a');
});

test('NOT in all its forms: binary, AND NOT, leading, -term, lower case', () => {
  assert.equal(read('taliban NOT kabul'), 'taliban AND NOT kabul');
  assert.equal(read('taliban AND NOT kabul'), 'taliban AND NOT kabul');
  assert.equal(read('taliban not kabul'), 'taliban AND NOT kabul');
  assert.equal(read('NOT kabul'), 'NOT kabul');
  assert.equal(read('taliban -kabul -"al qaeda"'), 'taliban AND NOT kabul AND NOT "al qaeda"');
  assert.equal(read('-(a OR b) c'), 'NOT (a OR b) AND c');
  assert.equal(read('+taliban'), 'taliban');
});

test('precedence is NOT > AND > OR, with a warning where Lexis would read it otherwise', () => {
  const q = parseQuery('taliban OR pentagon AND sanctions');
  assert.equal(formatQuery(q.root!), 'taliban OR (pentagon AND sanctions)');
  assert.equal(q.warnings.length, 1);
  assert.match(q.warnings[0]!, /^Read as taliban OR \(pentagon AND sanctions\): AND binds tighter than OR.*LexisNexis reads OR first/);
  assert.equal(read('a b OR c'), '(a AND b) OR c');
  assert.equal(parseQuery('a b OR c').warnings.length, 1);
  assert.equal(read('NOT a AND b OR c'), '(NOT a AND b) OR c');
  assert.deepEqual(parseQuery('(a OR b) AND c').warnings, []);
  assert.deepEqual(parseQuery('a OR b OR c').warnings, []);
  assert.deepEqual(parseQuery('a AND b AND c').warnings, []);
});

test('phrases, prefixes, Lexis truncation, punctuation inside terms', () => {
  assert.equal(read('"central bank of russia"'), '"central bank of russia"');
  assert.equal(read('sanction*'), 'sanction*');
  assert.equal(read('sanction!'), 'sanction*');
  assert.equal(read('"terrorist gro"*'), '"terrorist gro"*');
  assert.equal(read('al-Qaeda U.S. #Ukraine'), 'al-Qaeda AND U.S. AND #Ukraine');
  assert.match(parseQuery('sa*').warnings[0]!, /very short prefix/);
});

test('proximity: NEAR, NEAR/n, near5, w/n; OR groups allowed as operands', () => {
  assert.equal(read('taliban NEAR kabul'), 'taliban NEAR/10 kabul');
  assert.equal(read('taliban NEAR/5 kabul'), 'taliban NEAR/5 kabul');
  assert.equal(read('taliban near/5 kabul'), 'taliban NEAR/5 kabul');
  assert.equal(read('taliban near5 kabul'), 'taliban NEAR/5 kabul');
  assert.equal(read('taliban w/3 kabul'), 'taliban NEAR/3 kabul');
  assert.equal(read('taliban W/3 kabul'), 'taliban NEAR/3 kabul');
  assert.equal(read('a NEAR/5 b NEAR/3 c'), 'a NEAR/3 b NEAR/3 c');
  assert.equal(read('(taliban OR талибан) NEAR/10 (terrorist OR banned)'), '(taliban OR талибан) NEAR/10 (terrorist OR banned)');
  assert.equal(read('x NEAR/2 y OR z'), '(x NEAR/2 y) OR z', 'NEAR binds tighter than OR');
  assert.equal(read('nearby war'), 'nearby AND war', 'words that start like operators stay words');
});

test('every field filter', () => {
  assert.equal(read('title:kabul'), 'title:kabul');
  assert.equal(read('title:"fall of kabul"'), 'title:"fall of kabul"');
  assert.equal(read('title:(kabul OR кабул)'), 'title:kabul OR title:кабул');
  assert.equal(read('title:sanction*'), 'title:sanction*');
  assert.equal(read('author:smith'), 'author:smith');
  assert.equal(read('feed:tass'), 'feed:tass');
  assert.equal(read('feed:"РИА Новости"'), 'feed:"РИА Новости"');
  assert.equal(read('outlet:rt.com'), 'outlet:rt.com');
  assert.equal(read('country:RU'), 'country:RU');
  assert.equal(read('tag:Afghanistan'), 'tag:Afghanistan');
  assert.equal(read('tag:(a OR b)'), 'tag:a OR tag:b');
  assert.equal(read('label:terrorist'), 'label:terrorist');
  assert.equal(read('lang:ru'), 'lang:ru');
  for (const v of ['unread', 'read', 'starred', 'flagged']) assert.equal(read(`is:${v}`), `is:${v}`);
  assert.equal(read('IS:Unread'), 'is:unread');
  const after = parseQuery('after:2021-08-01').root;
  assert.deepEqual(after, { kind: 'filter', field: 'after', value: '2021-08-01', pos: 7, from: '2021-08-01', to: undefined });
  const before = parseQuery('before:2021-08').root;
  assert.deepEqual(before, { kind: 'filter', field: 'before', value: '2021-08', pos: 8, from: undefined, to: '2021-08-01' });
  const range = parseQuery('date:2021-08-01..2021-08-31').root;
  assert.equal(range?.kind === 'filter' && `${range.from}/${range.to}`, '2021-08-01/2021-09-01');
  const month = parseQuery('date:2021-02').root;
  assert.equal(month?.kind === 'filter' && `${month.from}/${month.to}`, '2021-02-01/2021-03-01');
  assert.equal(read('http://example.com/x'), 'http://example.com/x', 'an unknown prefix before a colon is a plain term');
});

test('each malformed query names the position and what was expected', () => {
  fails('(sanctions OR kabul', 'Expected ")" at position 20, found the end of the query');
  fails('sanctions AND (kabul OR', 'Expected a term after "OR" at position 24, found the end of the query');
  fails('sanctions AND', 'Expected a term after "AND" at position 14, found the end of the query');
  fails('sanctions AND OR kabul', 'Expected a term after "AND" at position 15, found "OR"');
  fails('NOT', 'Expected a term after "NOT" at position 4, found the end of the query');
  fails('a )', 'Unexpected ")" at position 3: no "(" before it is still open');
  fails('()', 'Expected a term inside the parentheses at position 2');
  fails('"kabul', 'Expected \'"\' at position 7 to close the phrase opened at position 1');
  fails('""', 'Expected words between the quotes at position 1');
  fails('sanc*ons', 'Expected a wildcard only at the end of a word (like sanction*) at position 5, found "sanc*ons"');
  fails('*', 'Expected a wildcard only at the end of a word (like sanction*) at position 1, found "*"');
  fails('a NEAR/x b', 'Expected a number after "NEAR/" at position 8, found "x"');
  fails('a w/s b', 'Expected a number after "w/" at position 5, found "s"');
  fails('a NEAR/5000 b', 'Expected a distance of at most 1000 words at position 8, found 5000');
  fails('a NEAR', 'Expected a term after "NEAR" at position 7, found the end of the query');
  fails('title:x NEAR y', 'Expected terms, phrases or (a OR b) groups on both sides of NEAR at position 9, found "title:x"');
  fails('(a AND b) NEAR c', 'Expected terms, phrases or (a OR b) groups on both sides of NEAR at position 11, found "a AND b"');
  fails('tag:', 'Expected a value after "tag:" at position 5');
  fails('tag: kabul', 'Expected a value after "tag:" at position 5');
  fails('is:urgent', 'Expected one of unread, read, starred, flagged after "is:" at position 4, found "urgent"');
  fails('after:yesterday', 'Expected a date like 2021-08-01 after "after:" at position 7, found "yesterday"');
  fails('before:2021-02-30', 'Expected a date like 2021-08-01 after "before:" at position 8, found "2021-02-30"');
  fails('date:2021-09-01..2021-08-01', 'Expected a range whose end is not before its start at position 6, found "2021-09-01..2021-08-01"');
  fails('date:2021..x', 'Expected a date or a range like 2021-08-01..2021-08-31 after "date:" at position 6, found "2021..x"');
  fails('title:(a feed:b)', 'Expected a term, not another field, inside title: at position 10, found "feed:"');
  fails('a AND b)', 'Unexpected ")" at position 8: no "(" before it is still open');
});

test('an empty query matches everything; terms without letters are dropped with a warning', () => {
  assert.equal(parseQuery('   ').root, null);
  const q = parseQuery('putin - biden');
  assert.equal(formatQuery(q.root!), 'putin AND biden');
  assert.match(q.warnings[0]!, /Ignored "-" at position 7/);
});

test('the compiler quotes every term, routes unquoted terms to stems and rewrites what FTS5 lacks', () => {
  assert.equal(compileQuery(parseQuery('Sanctions').root).match, '{title_stem text_stem} : "sanction"');
  assert.equal(compileQuery(parseQuery('"Sanctions"').root).match, '{title summary text} : "sanctions"');
  assert.equal(compileQuery(parseQuery('al-Qaeda').root).match, '{title_stem text_stem} : "al qaeda"');
  assert.equal(compileQuery(parseQuery('title:санкции').root).match, 'title_stem : "санкц"');
  assert.equal(compileQuery(parseQuery('author:"Smith"').root).match, 'author : "smith"');
  assert.equal(compileQuery(parseQuery('a NOT b').root).match, '(({title_stem text_stem} : "a")) NOT ({title_stem text_stem} : "b")');
  assert.equal(compileQuery(parseQuery('(a OR b) NEAR/5 c').root).match,
    '{title_stem text_stem} : (NEAR("a" "c", 5) OR NEAR("b" "c", 5))');
  assert.equal(compileQuery(parseQuery('"a b" NEAR/5 sanctions').root).match, '{title summary text} : NEAR("a b" "sanction"*, 5)');
  const leading = compileQuery(parseQuery('NOT kabul').root);
  assert.equal(leading.match, null);
  assert.equal(leading.where, 'NOT (a.id IN (SELECT rowid FROM article_fts WHERE article_fts MATCH ?))');
  const mixed = compileQuery(parseQuery('kabul tag:x').root);
  assert.equal(mixed.match, '{title_stem text_stem} : "kabul"');
  assert.match(mixed.where, /article_tag/);
  const big = '(a OR b OR c OR d OR e OR f OR g OR h) NEAR (i OR j OR k OR l OR m OR n OR o OR p OR q)';
  assert.throws(() => compileQuery(parseQuery(big).root), /expands to 72 combinations of its OR groups \(at most 64\)/);
});
