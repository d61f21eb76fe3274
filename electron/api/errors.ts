// Search and tag errors carry user-facing messages; here they get the API's error codes.
import { ApiError } from './define.ts';
import { QuerySyntaxError } from '../store/search/errors.ts';
import { TagError } from '../store/tags.ts';

export function asApiError(err: unknown): unknown {
  if (err instanceof QuerySyntaxError) return new ApiError('bad_request', err.message);
  if (err instanceof TagError) return new ApiError(err.code, err.message);
  return err;
}

/** Runs a handler body, translating search and tag errors. */
export function guarded<T>(fn: () => T): T {
  try {
    return fn();
  } catch (err) {
    throw asApiError(err);
  }
}
