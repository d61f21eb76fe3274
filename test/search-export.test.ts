// Exports read back: CSV parsed as RFC 4180 (BOM present, Cyrillic and Arabic intact), JSON and NDJSON parsed.
import { test, type TestContext } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { openLibrary, type Db } from '../electron/store/sqlite/db.ts';
import { exportRows } from '../electron/store/sqlite/search/export.ts';
import { writeExport, CSV_COLUMNS, type ExportFormat } from '../electron/api/export-format.ts';
import { csvField } from '../electron/text/csv.ts';
import type { ExportRow } from '../electron/store/records.ts';
import { applyTag, ensureTag } from '../electron/store/sqlite/tags.ts';
import { loadCorpus, corpus } from './fixtures/corpus/load.ts';
import { tempDir } from './helpers.ts';

function library(t: TestContext): { db: Db; dir: string } {
  const dir = tempDir(t);
  const db = openLibrary(dir);
  t.after(() => db.close());
  loadCorpus(db);
  db.prepare(`UPDATE article SET title = 'Putin: "no comment", then
a second line' WHERE id = 4`).run();
  applyTag(db, ensureTag(db, 'Санкции'), [5, 4], null);
  applyTag(db, ensureTag(db, 'Russia'), [5], null);
  db.prepare(`INSERT INTO label (article_id, kind, entity, evidence, first_seen_at) VALUES (6, 'terrorist', 'Талибан', 'запрещена в России', '2021-01-01')`).run();
  return { db, dir };
}

async function exportTo(db: Db, dir: string, format: ExportFormat, query: string | null): Promise<string> {
  const parts: string[] = [];
  await writeExport(exportRows(db, query), format, (chunk) => { parts.push(chunk); });
  const file = join(dir, `out.${format}`);
  writeFileSync(file, parts.join(''), 'utf8');
  return file;
}

/** A strict RFC 4180 reader: CRLF records, quoted fields with doubled quotes. */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let i = 0;
  let quoted = false;
  while (i < text.length) {
    const c = text[i]!;
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') { field += '"'; i += 2; continue; }
      if (c === '"') { quoted = false; i++; continue; }
      field += c; i++; continue;
    }
    if (c === '"' && field === '') { quoted = true; i++; continue; }
    if (c === ',') { row.push(field); field = ''; i++; continue; }
    if (c === '\r' && text[i + 1] === '\n') { row.push(field); rows.push(row); row = []; field = ''; i += 2; continue; }
    assert.notEqual(c, '\n', 'a bare LF outside quotes is not RFC 4180');
    field += c; i++;
  }
  assert.equal(field, '', 'the file ends with CRLF');
  return rows;
}

test('CSV: BOM, header, RFC 4180 quoting, Cyrillic and Arabic intact, newest first', async (t) => {
  const { db, dir } = library(t);
  const bytes = readFileSync(await exportTo(db, dir, 'csv', null));
  assert.deepEqual([...bytes.subarray(0, 3)], [0xef, 0xbb, 0xbf]);
  const rows = parseCsv(bytes.subarray(3).toString('utf8'));
  assert.deepEqual(rows[0], [...CSV_COLUMNS]);
  assert.equal(rows.length, corpus.articles.length + 1);
  const body = rows.slice(1);
  assert.deepEqual(body.map((r) => r[0]), [...body.map((r) => r[0]!)].sort().reverse(), 'newest first');
  const ria = body.find((r) => r[3] === 'https://ria.ru/20210802/5.html')!;
  assert.deepEqual(ria.slice(0, 5), ['2021-08-02T07:00:00Z', 'РИА Новости', 'ЕС ввел новые санкции против России', 'https://ria.ru/20210802/5.html', 'Russia; Санкции']);
  assert.match(ria[6]!, /^Евросоюз ввел новые санкции/);
  const quoted = body.find((r) => r[3] === 'https://tass.com/politics/4')!;
  assert.equal(quoted[2], 'Putin: "no comment", then\na second line');
  const labelled = body.find((r) => r[3] === 'https://ria.ru/20210820/6.html')!;
  assert.equal(labelled[5], 'terrorist: Талибан');
  const arabic = body.find((r) => r[3] === 'https://www.aljazeera.net/news/10')!;
  assert.equal(arabic[2], 'طالبان تسيطر على كابل');
});

test('CSV of a query holds only its results; formula-like cells are defused', async (t) => {
  const { db, dir } = library(t);
  const rows = parseCsv(readFileSync(await exportTo(db, dir, 'csv', 'санкции'), 'utf8').replace(/^\uFEFF/, ''));
  assert.deepEqual(rows.slice(1).map((r) => r[3]).sort(), ['https://ria.ru/20210802/5.html', 'https://ria.ru/20210905/7.html']);
  assert.equal(csvField('=HYPERLINK("x")'), `"'=HYPERLINK(""x"")"`);
  assert.equal(csvField('plain'), 'plain');
});

test('JSON and NDJSON read back to the same rows', async (t) => {
  const { db, dir } = library(t);
  const json = JSON.parse(readFileSync(await exportTo(db, dir, 'json', 'tag:санкции'), 'utf8')) as ExportRow[];
  const ndjson = readFileSync(await exportTo(db, dir, 'ndjson', 'tag:санкции'), 'utf8').trimEnd().split('\n').map((l) => JSON.parse(l) as ExportRow);
  assert.deepEqual(json, ndjson);
  assert.deepEqual(json.map((r) => r.id), [4, 5]);
  assert.deepEqual(json[1], {
    id: 5, date: '2021-08-02T07:00:00Z', outlet: 'РИА Новости', title: 'ЕС ввел новые санкции против России', url: 'https://ria.ru/20210802/5.html',
    tags: ['Russia', 'Санкции'], labels: [], snippet: 'Евросоюз ввел новые санкции против российских банков. В Москве назвали решение незаконным',
  });
  assert.deepEqual(JSON.parse(readFileSync(await exportTo(db, dir, 'json', 'nothingmatchesthis'), 'utf8')), []);
});
