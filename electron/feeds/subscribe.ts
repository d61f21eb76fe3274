// What the user typed to subscribe, as an address, and the error subscribing raises. Subscribing itself (discovery,
// then the library) is api/subscribe.ts.
import { CodedError } from '../errors.ts';
import { isIP } from 'node:net';
import { shortUrl } from '../text/short-url.ts';

export type SubscribeErrorReason = 'bad_url' | 'exists' | 'no_feed' | 'unreachable';

export class SubscribeError extends CodedError<SubscribeErrorReason> {
  override name = 'SubscribeError';
}

/** What the user typed → an http(s) URL ("example.com/news" means https://example.com/news). */
export function typedToUrl(typed: string): string {
  const text = typed.trim();
  const hasScheme = /^[a-z][a-z\d+.-]*:/i.test(text);
  const notAnAddress = new SubscribeError('bad_url', `"${shortUrl(text)}" is not a web address; type a feed or site URL such as https://example.com/feed.`);
  let u: URL;
  try {
    u = new URL(hasScheme ? text : `https://${text}`);
  } catch {
    throw notAnAddress;
  }
  // Without a scheme, a host with no dot ("htp//x" reads as host "htp") is a typo, not a name to look up in DNS.
  const plainHost = u.hostname.replace(/^\[|\]$/g, '');
  if (!hasScheme && !plainHost.includes('.') && plainHost !== 'localhost' && isIP(plainHost) === 0) throw notAnAddress;
  if (u.protocol !== 'http:' && u.protocol !== 'https:') {
    throw new SubscribeError('bad_url', `"${shortUrl(text)}" is a ${u.protocol} address; Footnote subscribes to http and https feeds only.`);
  }
  return u.href;
}
