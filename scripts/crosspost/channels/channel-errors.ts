// Three ways a channel call can fail; the runner's reaction depends only on which.

/** Worth retrying later: network error, 429, 5xx on a read, a platform rate limit. */
export class TransientChannelError extends Error {
  override name = 'TransientChannelError';
  constructor(
    message: string,
    /** The platform's hint, when it gave one (Retry-After, X-App-Usage, Zalo -32 …). */
    readonly retryAfterMs?: number,
    options?: { cause?: unknown },
  ) {
    super(message, options);
  }
}

/** Retrying cannot help: invalid or expired token, missing permission, rejected content. */
export class PermanentChannelError extends Error {
  override name = 'PermanentChannelError';
  constructor(
    message: string,
    /** For the editor, in Vietnamese plain words ("Mã truy cập trang Facebook đã hết hạn …"). */
    readonly editorMessage: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
  }
}

/** The post may or may not exist (timeout or 5xx on create): reconcile with find() first. */
export class UnknownOutcomeError extends Error {
  override name = 'UnknownOutcomeError';
}
