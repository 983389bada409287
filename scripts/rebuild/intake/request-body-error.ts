/** A webhook request whose body cannot be accepted; `status` is what the worker answers. */
export class RequestBodyError extends Error {
  override name = 'RequestBodyError';
  constructor(message: string, readonly status: number, options?: { cause?: unknown }) {
    super(message, options);
  }
}
