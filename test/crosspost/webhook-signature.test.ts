import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import {
  verifyWebhookSignature,
  webhookHeaders,
  WebhookVerificationError,
} from '../../scripts/crosspost/channels/webhook/index.ts';

const newSecret = () => `whsec_${randomBytes(32).toString('base64')}`;
const body = JSON.stringify({ type: 'piece.published', data: { title: 'Xã Thanh Thủy khánh thành nhà văn hóa' } });
const now = Date.parse('2026-11-26T08:00:00Z');
const seconds = Math.floor(now / 1000);

describe('verifyWebhookSignature', () => {
  it('accepts a request signed with the shared secret and returns its id', () => {
    const secret = newSecret();
    const headers = webhookHeaders(secret, 'msg_1', seconds, body);
    expect(verifyWebhookSignature(secret, headers, body, now)).toEqual({ id: 'msg_1', timestamp: seconds });
    expect(verifyWebhookSignature(secret, new Headers(headers), Buffer.from(body), new Date(now)).id).toBe('msg_1');
  });

  it('refuses a request signed with another secret', () => {
    const headers = webhookHeaders(newSecret(), 'msg_1', seconds, body);
    expect(() => verifyWebhookSignature(newSecret(), headers, body, now)).toThrow(WebhookVerificationError);
  });

  it('refuses a body changed after signing', () => {
    const secret = newSecret();
    const headers = webhookHeaders(secret, 'msg_1', seconds, body);
    expect(() => verifyWebhookSignature(secret, headers, body.replace('Thủy', 'Thuy'), now)).toThrow(/No valid v1 signature/);
  });

  it('refuses a timestamp more than five minutes old or ahead, even when correctly signed', () => {
    const secret = newSecret();
    const old = webhookHeaders(secret, 'msg_1', seconds - 301, body);
    const ahead = webhookHeaders(secret, 'msg_1', seconds + 301, body);
    expect(() => verifyWebhookSignature(secret, old, body, now)).toThrow(/more than 300 s from now/);
    expect(() => verifyWebhookSignature(secret, ahead, body, now)).toThrow(/more than 300 s from now/);
    expect(verifyWebhookSignature(secret, webhookHeaders(secret, 'msg_1', seconds - 299, body), body, now).id).toBe('msg_1');
  });

  it('accepts any one of several space-separated signatures, so a secret can rotate', () => {
    const oldSecret = newSecret();
    const newOne = newSecret();
    const byOld = webhookHeaders(oldSecret, 'msg_1', seconds, body)['webhook-signature'];
    const byNew = webhookHeaders(newOne, 'msg_1', seconds, body)['webhook-signature'];
    const headers = { 'webhook-id': 'msg_1', 'webhook-timestamp': String(seconds), 'webhook-signature': `${byOld} ${byNew}` };
    expect(verifyWebhookSignature(oldSecret, headers, body, now).id).toBe('msg_1');
    expect(verifyWebhookSignature(newOne, headers, body, now).id).toBe('msg_1');
    expect(() => verifyWebhookSignature(newSecret(), headers, body, now)).toThrow(WebhookVerificationError);
  });

  it('ignores signatures of an unknown version', () => {
    const secret = newSecret();
    const headers = webhookHeaders(secret, 'msg_1', seconds, body);
    const v2 = { ...headers, 'webhook-signature': headers['webhook-signature'].replace(/^v1,/, 'v2,') };
    expect(() => verifyWebhookSignature(secret, v2, body, now)).toThrow(WebhookVerificationError);
  });

  it('refuses a request without the three headers', () => {
    expect(() => verifyWebhookSignature(newSecret(), { 'webhook-id': 'msg_1' }, body, now)).toThrow(/Missing webhook-id/);
  });

  it('matches the Standard Webhooks reference signature', () => {
    // The example from the specification's reference libraries (standard-webhooks, test vectors).
    const secret = 'whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw';
    const id = 'msg_p5jXN8AQM9LWM0D4loKWxJek';
    const timestamp = 1614265330;
    const payload = '{"test": 2432232314}';
    const headers = webhookHeaders(secret, id, timestamp, payload);
    expect(headers['webhook-signature']).toBe('v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=');
  });

  it('never puts the secret in an error message', () => {
    const secret = newSecret();
    const messages: string[] = [];
    const attempts = [
      () => verifyWebhookSignature(secret, webhookHeaders(newSecret(), 'msg_1', seconds, body), body, now),
      () => verifyWebhookSignature(secret, webhookHeaders(secret, 'msg_1', seconds - 9999, body), body, now),
      () => verifyWebhookSignature(secret, {}, body, now),
    ];
    for (const attempt of attempts) {
      try {
        attempt();
      } catch (error) {
        messages.push(String(error), (error as Error).stack ?? '');
      }
    }
    expect(messages).toHaveLength(6);
    const key = secret.slice('whsec_'.length);
    for (const message of messages) expect(message).not.toContain(key);
  });
});
