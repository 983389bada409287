/** A release (build directory or the current/previous links) that cannot be switched to. */
export class ReleaseError extends Error {
  override name = 'ReleaseError';
  constructor(message: string, readonly siteDir: string, options?: { cause?: unknown }) {
    super(`${message} (in ${siteDir})`, options);
  }
}
