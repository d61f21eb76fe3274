// The outlet registry: the shipped file's quality (sources, dates, no domain claimed twice), matching by host,
// subdomain and mirror, and the analyst's overrides kept in the library.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { openLibrary } from '../electron/store/sqlite/db.ts';
import { forgetRegistry, registryFor, upsertOutletOverride } from '../electron/store/sqlite/outlets.ts';
import shippedFile from '../assets/outlets.json' with { type: 'json' };
import { createRegistry, matchOutlet, shippedOutlets } from '../electron/labels/outlets.ts';
import { tempDir } from './helpers.ts';

const CATEGORIES = new Set(['state_controlled', 'state_affiliated', 'state_proxy', 'public_independent']);

test('the shipped registry has at least 100 outlets, each with domains, a country, a category, a source and its date', () => {
  const outlets = shippedOutlets();
  assert.ok(outlets.length >= 100, `${outlets.length} outlets`);
  for (const o of outlets) {
    assert.ok(o.name.trim().length > 0);
    assert.ok(o.domains.length > 0, `${o.name} has domains`);
    assert.match(o.country, /^[A-Z]{2}$/, `${o.name} has an ISO country code`);
    assert.ok(CATEGORIES.has(o.category), `${o.name}: category ${o.category}`);
    assert.ok(o.source.trim().length > 5, `${o.name} has a source`);
    assert.match(o.date ?? '', /^\d{4}-\d{2}-\d{2}$/, `${o.name} has the date of its source`);
  }
  const countries = new Set(outlets.map((o) => o.country));
  for (const c of ['RU', 'CN', 'IR', 'BY', 'TR', 'VE', 'CU', 'KP', 'QA', 'SA', 'AE', 'AZ']) assert.ok(countries.has(c), `outlets of ${c}`);
  for (const name of ['BBC', 'Deutsche Welle', 'NPR', 'France 24']) {
    assert.equal(outlets.find((o) => o.name === name)?.category, 'public_independent', `${name} is publicly funded but independent`);
  }
});

test('no domain is claimed by two outlets, and every domain is a bare lower-case host', () => {
  const owner = new Map<string, string>();
  for (const o of shippedFile.outlets) {
    for (const d of o.domains) {
      assert.match(d, /^[a-z0-9.-]+\.[a-z]{2,}$/, `${o.name}: ${d}`);
      assert.ok(!d.startsWith('www.'), `${o.name}: ${d} without www.`);
      assert.equal(owner.get(d), undefined, `${d} claimed by ${owner.get(d)} and ${o.name}`);
      owner.set(d, o.name);
    }
  }
});

test('a URL matches its outlet by host, subdomain, language edition and mirror', () => {
  const cases: [string, string | null][] = [
    ['https://sputnikglobe.com/20210809/fears-of-backlash.html', 'Sputnik'],
    ['https://sputniknews.lat/20240101/noticia.html', 'Sputnik'],
    ['https://fr.sputniknews.africa/20240101/x.html', 'Sputnik'],
    ['https://de.rt.com/international/123-x/', 'RT'],
    ['https://actualidad-rt.com/actualidad/1-x', 'RT'],
    ['https://rtde.tech/europa/1-x/', 'RT'],
    ['http://WWW.RT.COM/news/1-x/', 'RT'],
    ['https://english.news.cn/20240101/abc/c.html', 'Xinhua'],
    ['https://en.people.cn/n3/2024/0101/c90000-1.html', "People's Daily"],
    ['https://www.bbc.co.uk/news/world-1', 'BBC'],
    ['https://ria.ru/20240101/x.html', 'RIA Novosti'],
    ['rt.com', 'RT'],
    ['https://vtv.gob.ve/noticia', 'Venezolana de Televisión'],
    ['https://notrt.com/x', null],
    ['https://example.org/rt.com', null],
    ['not a url at all', null],
    ['', null],
  ];
  for (const [url, name] of cases) assert.equal(matchOutlet(url)?.name ?? null, name, url);
  const o = matchOutlet('https://de.rt.com/x');
  assert.deepEqual(o && { domain: o.domain, country: o.country, category: o.category }, { domain: 'rt.com', country: 'RU', category: 'state_controlled' });
  assert.match(o?.source ?? '', /\(\d{4}-\d{2}-\d{2}\)$/, 'the source carries its date');
});

test('a more specific domain entry wins over its parent domain', () => {
  const r = createRegistry([
    { name: 'Parent', domains: ['example.com'], country: 'RU', category: 'state_controlled', source: 's', date: null, origin: 'user' },
    { name: 'Edition', domains: ['de.example.com'], country: 'RU', category: 'state_controlled', source: 's', date: null, origin: 'user' },
  ]);
  assert.equal(r.match('https://de.example.com/a')?.name, 'Edition');
  assert.equal(r.match('https://fr.example.com/a')?.name, 'Parent');
  assert.equal(r.match('https://a.de.example.com/a')?.name, 'Edition');
});

test("an analyst's override wins over the shipped entry, adds outlets and can hide a shipped one", (t) => {
  const db = openLibrary(tempDir(t));
  t.after(() => db.close());
  const now = '2026-01-01T00:00:00Z';
  upsertOutletOverride(db, { name: 'Sputnik', domains: ['sputnikglobe.com', 'sputnik-mirror.example'], country: 'RU', category: 'state_proxy', source: 'my own assessment', date: '2026-01-01', removed: false }, now);
  upsertOutletOverride(db, { name: 'Local Proxy', domains: ['rt.com'], country: 'RU', category: 'state_proxy', source: 'analyst', date: null, removed: false }, now);
  upsertOutletOverride(db, { name: 'BBC', domains: [], country: '', category: '', source: '', date: null, removed: true }, now);
  forgetRegistry(db);
  const r = registryFor(db);
  assert.equal(r.match('https://sputnik-mirror.example/x')?.name, 'Sputnik');
  assert.equal(r.match('https://sputnikglobe.com/x')?.category, 'state_proxy');
  assert.equal(r.match('https://sputniknews.lat/x'), null, 'the edited entry replaces the shipped domains');
  assert.equal(r.match('https://rt.com/x')?.name, 'Local Proxy', "the analyst's claim on a domain wins");
  assert.equal(r.match('https://de.rt.com/x')?.name, 'Local Proxy');
  assert.equal(r.match('https://actualidad-rt.com/x')?.name, 'RT', 'the rest of the shipped entry stays');
  assert.equal(r.match('https://www.bbc.com/news'), null, 'a removed shipped entry no longer matches');
  assert.equal(r.entries.find((e) => e.name === 'Sputnik')?.origin, 'edited');
  assert.equal(r.entries.find((e) => e.name === 'Local Proxy')?.origin, 'user');
  assert.equal(matchOutlet('https://sputniknews.lat/x')?.name, 'Sputnik', 'the shipped registry is unchanged for other libraries');
});
