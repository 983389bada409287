/** A request to the CMS failed: unreachable, refused or an unexpected response. */
export class CmsRequestError extends Error {
  override name = 'CmsRequestError';
  constructor(
    message: string,
    readonly url: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
  }
}
