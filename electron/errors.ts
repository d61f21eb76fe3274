// The base of every error that carries a machine-readable code beside its sentence for people, so that each layer
// declares only its codes and the API can map them without string matching.
export class CodedError<C extends string> extends Error {
  readonly code: C;
  constructor(code: C, message: string) {
    super(message);
    this.code = code;
  }
}
