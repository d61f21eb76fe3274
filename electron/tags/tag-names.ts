// What makes a valid tag, whichever library stores it: a name of at most 100 characters (spaces collapsed; compared
// in any case and script), an optional #rrggbb colour; and the one error tags and rules raise.
import { CodedError } from '../errors.ts';

export type TagErrorCode = 'not_found' | 'conflict' | 'bad_request';

export class TagError extends CodedError<TagErrorCode> {
  override name = 'TagError';
}

/** A tag named by its id or its name (any case, in any script). */
export type TagRef = number | string;

const MAX_NAME = 100;

export function cleanTagName(name: string): string {
  const clean = name.replace(/\s+/g, ' ').trim();
  if (clean === '') throw new TagError('bad_request', 'A tag needs a name: it was empty.');
  if (clean.length > MAX_NAME) throw new TagError('bad_request', `Tag name "${clean.slice(0, 30)}…" is longer than ${MAX_NAME} characters; shorten it.`);
  return clean;
}

export function checkTagColor(color: string | null): string | null {
  if (color === null) return null;
  if (!/^#[0-9a-f]{6}$/i.test(color)) throw new TagError('bad_request', `Tag colour "${color}" is not a #rrggbb colour, like #d04040.`);
  return color.toLowerCase();
}
