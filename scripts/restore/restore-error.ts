/** A restore that stopped before switching anything: the target is as it was. */
export class RestoreError extends Error {
  override name = 'RestoreError';
  constructor(message: string, readonly output = '', options?: ErrorOptions) {
    super(message, options);
  }
}
