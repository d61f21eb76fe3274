// The one error parsing throws: its message says, in a user's words, why these bytes are not a readable feed.
export class FeedParseError extends Error {
  override name = 'FeedParseError';
}
