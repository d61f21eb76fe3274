// The pipeline's errors carry sentences for people; here they get the API's error codes. invoke() translates
// whatever a handler throws, so no handler catches them itself.
import { ApiError } from './define.ts';
import { QuerySyntaxError } from '../query/errors.ts';
import { TagError } from '../tags/tag-names.ts';
import { SubscribeError } from '../feeds/subscribe.ts';
import { OpmlError } from '../feeds/opml.ts';
import { FetchError } from '../net/fetch.ts';

const SUBSCRIBE_CODES = { exists: 'conflict', no_feed: 'not_found', bad_url: 'bad_request', unreachable: 'failed' } as const;

export function asApiError(err: unknown): unknown {
  if (err instanceof QuerySyntaxError) return new ApiError('bad_request', err.message);
  if (err instanceof TagError) return new ApiError(err.code, err.message);
  if (err instanceof SubscribeError) return new ApiError(SUBSCRIBE_CODES[err.code], err.message);
  if (err instanceof OpmlError) return new ApiError('bad_request', err.message);
  if (err instanceof FetchError) return new ApiError('failed', err.message);
  return err;
}
