export { createWebhookChannel, sendWebhookWithdrawn, newWebhookId, type WebhookChannel } from './webhook-channel.ts';
export { loadWebhookConfig, type WebhookConfig } from './webhook-config.ts';
export { verifyWebhookSignature, WEBHOOK_TOLERANCE_SECONDS, type WebhookRequestHeaders } from './verify-webhook-signature.ts';
export { WebhookVerificationError } from './webhook-verification-error.ts';
export { webhookHeaders } from './sign-webhook.ts';
export type { WebhookEvent, WebhookEventType } from './webhook-event.ts';
