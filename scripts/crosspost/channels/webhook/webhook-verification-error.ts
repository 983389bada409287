/** A webhook request whose headers or signature do not prove it came from the sender. */
export class WebhookVerificationError extends Error {
  override name = 'WebhookVerificationError';
}
