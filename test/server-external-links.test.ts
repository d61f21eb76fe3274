import { test } from 'node:test';
import assert from 'node:assert/strict';
import { isSafeExternalUrl } from '../electron/external-links.ts';

test('only http, https and mailto links go to the system browser', () => {
  for (const ok of ['https://sputnikglobe.com/a', 'http://example.org/', 'mailto:desk@example.org', 'HTTPS://EXAMPLE.ORG/']) {
    assert.equal(isSafeExternalUrl(ok), true, ok);
  }
  for (const bad of ['javascript:alert(1)', 'JaVaScRiPt:alert(1)', 'file:///etc/passwd', 'smb://host/share', 'ms-msdt:/id', 'vbscript:x',
    'data:text/html,<script>1</script>', 'app://footnote/index.html', '', 'not a url', '//evil.example/', ' javascript:alert(1)']) {
    assert.equal(isSafeExternalUrl(bad), false, bad);
  }
});
