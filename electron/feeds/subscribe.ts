// What the user typed to subscribe, as an address, and the error subscribing raises. Subscribing itself (discovery,
// then the library) is api/subscribe.ts.
import { CodedError } from '../errors.ts';

export type SubscribeErrorReason = 'bad_url' | 'exists' | 'no_feed' | 'unreachable';

export class SubscribeError extends CodedError<SubscribeErrorReason> {
  override name = 'SubscribeError';
}

/** What the user typed → an http(s) URL ("example.com/news" means https://example.com/news). */
export function typedToUrl(typed: string): string {
  const text = typed.trim();
  const withScheme = /^[a-z][a-z\d+.-]*:/i.test(text) ? text : `https://${text}`;
  let u: URL;
  try {
    u = new URL(withScheme);
  } catch {
    throw new SubscribeError('bad_url', `"${typed}" is not a web address; type a feed or site URL such as https://example.com/feed.`);
  }
  if (u.protocol !== 'http:' && u.protocol !== 'https:') {
    throw new SubscribeError('bad_url', `"${typed}" is a ${u.protocol} address; Footnote subscribes to http and https feeds only.`);
  }
  return u.href;
}
