// The one error a query can raise: it names the position (1-based) and what was expected there.
export class QuerySyntaxError extends Error {
  override name = 'QuerySyntaxError';
  readonly position: number;
  constructor(message: string, position: number) {
    super(message);
    this.position = position;
  }
}

export function expected(what: string, position: number, found?: string): QuerySyntaxError {
  return new QuerySyntaxError(`Expected ${what} at position ${position}${found ? `, found ${found}` : ''}`, position);
}
