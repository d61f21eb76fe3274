// Charset choice: BOM, then the HTTP header, then the XML prolog or HTML <meta>, then UTF-8; never an exception.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import iconv from 'iconv-lite';
import { decodeFeedBytes, declaredCharset, normaliseCharset, charsetFromContentType } from '../electron/text/decode.ts';

const cyr = 'Привет, мир';

test('the BOM wins over the header and the prolog', () => {
  const bytes = Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(`<?xml version="1.0" encoding="koi8-r"?><a>${cyr}</a>`)]);
  assert.equal(decodeFeedBytes(bytes, 'text/xml; charset=windows-1251'), `<?xml version="1.0" encoding="koi8-r"?><a>${cyr}</a>`);
  const le = Buffer.concat([Buffer.from([0xff, 0xfe]), iconv.encode('<a>ü</a>', 'utf-16le')]);
  assert.equal(decodeFeedBytes(le), '<a>ü</a>');
});

test('the HTTP charset wins over the prolog; the prolog over the default', () => {
  const koi = iconv.encode(`<?xml version="1.0" encoding="windows-1251"?><a>${cyr}</a>`, 'koi8-r');
  assert.match(decodeFeedBytes(koi, 'application/xml; charset="KOI8-R"'), new RegExp(cyr));
  const win = iconv.encode(`<?xml version='1.0' encoding='windows-1251'?><a>${cyr}</a>`, 'windows-1251');
  assert.match(decodeFeedBytes(win, 'application/xml'), new RegExp(cyr));
});

test('an HTML page says its charset in <meta>', () => {
  const html = iconv.encode(`<!doctype html><html><head><meta http-equiv="Content-Type" content="text/html; charset=windows-1251"><title>${cyr}</title>`, 'windows-1251');
  assert.match(decodeFeedBytes(html), new RegExp(cyr));
  assert.equal(declaredCharset(Buffer.from('<html><meta charset="shift_jis">')), 'shift_jis');
});

test('windows-1252 bytes 0x80–0x9F decode to the right characters, also when labelled iso-8859-1 or us-ascii', () => {
  const bytes = Buffer.from([0x80, 0x20, 0x93, 0x71, 0x94, 0x20, 0x96, 0x20, 0x85]);
  for (const label of ['windows-1252', 'ISO-8859-1', 'latin1', 'us-ascii']) {
    assert.equal(decodeFeedBytes(bytes, `text/xml; charset=${label}`), '€ “q” – …', label);
  }
});

test('invalid bytes become U+FFFD; an unknown label falls back to UTF-8', () => {
  assert.equal(decodeFeedBytes(Buffer.from([0x61, 0xff, 0x62])), 'a\uFFFDb');
  assert.equal(decodeFeedBytes(Buffer.from('<?xml version="1.0" encoding="x-klingon"?><a>ü</a>'), 'text/xml; charset=bogus'), '<?xml version="1.0" encoding="x-klingon"?><a>ü</a>');
  assert.equal(normaliseCharset('no-such-charset'), null);
  assert.equal(normaliseCharset('x-windows-1251'), 'windows-1251'); // an x- prefix iconv-lite does not know is dropped
});

test('a prolog claiming UTF-16 on ASCII-compatible bytes is read as UTF-8', () => {
  assert.equal(decodeFeedBytes(Buffer.from('<?xml version="1.0" encoding="utf-16"?><a>ü</a>')), '<?xml version="1.0" encoding="utf-16"?><a>ü</a>');
});

test('charset parameter parsing', () => {
  assert.equal(charsetFromContentType('text/xml;charset=UTF-8'), 'UTF-8');
  assert.equal(charsetFromContentType('application/rss+xml; type=feed; charset="koi8-r"'), 'koi8-r');
  assert.equal(charsetFromContentType('application/rss+xml'), null);
  assert.equal(charsetFromContentType(null), null);
});
