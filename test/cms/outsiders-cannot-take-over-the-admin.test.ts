import { networkInterfaces } from 'node:os';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bootCms, type TestCms } from '../helpers/cms.ts';

// Finding 2 of issue 12: a CMS started without ADMIN_EMAIL/ADMIN_PASSWORD let whoever
// reached its port first register as Super Admin.

/** An address of this machine that is not loopback: a request to it arrives from it, as from another machine on the network. */
function externalAddress(): string {
  for (const addresses of Object.values(networkInterfaces())) {
    const found = addresses?.find((a) => a.family === 'IPv4' && !a.internal);
    if (found) return found.address;
  }
  throw new Error('This machine has no non-loopback IPv4 address to reach the CMS from "outside" (bring up a network interface, e.g. a veth pair)');
}

const firstAdmin = { email: 'quantri@thanhthuy.test', firstname: 'Quản trị', lastname: 'viên', password: 'Quantri2025x' };

describe('outsiders cannot take over the admin', () => {
  let cms: TestCms;
  let outside: string;

  beforeAll(async () => {
    cms = await bootCms({
      env: {
        // No admin from the environment: the first one is registered in the panel.
        ADMIN_EMAIL: '',
        ADMIN_PASSWORD: '',
        HOST: '0.0.0.0',
      },
    });
    outside = cms.url.replace('127.0.0.1', externalAddress());
  });

  afterAll(async () => {
    await cms?.stop();
  });

  const register = (base: string, headers: Record<string, string> = {}) =>
    fetch(`${base}/admin/register-admin`, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify(firstAdmin) });

  const hasAdmin = async () => ((await (await fetch(`${cms.url}/admin/init`)).json()) as { data: { hasAdmin: boolean } }).data.hasAdmin;

  it('a visitor from another machine cannot register the first admin, and is told in Vietnamese what to do', async () => {
    const res = await register(outside);
    expect(res.status).toBe(403);
    const { error } = (await res.json()) as { error: { message: string } };
    expect(error.message).toContain('Chỉ được tạo tài khoản quản trị đầu tiên từ chính máy đang chạy CMS');
    expect(error.message).toContain('ADMIN_EMAIL');
    expect(await hasAdmin()).toBe(false);
  });

  it.each([
    ['a remote visitor claiming loopback in X-Forwarded-For', 'outside', { 'x-forwarded-for': '127.0.0.1' }],
    ['a remote visitor claiming loopback in X-Real-IP and Forwarded', 'outside', { 'x-real-ip': '127.0.0.1', forwarded: 'for=127.0.0.1' }],
    ['a visitor relayed by a reverse proxy on this machine', 'loopback', { 'x-forwarded-for': '203.0.113.7', 'x-forwarded-proto': 'https' }],
  ] as const)('%s is refused too', async (_name, from, headers) => {
    const res = await register(from === 'outside' ? outside : cms.url, headers);
    expect(res.status).toBe(403);
    expect(await hasAdmin()).toBe(false);
  });

  it('the operator on the machine itself registers the first admin', async () => {
    const res = await register(cms.url);
    expect(res.status, await res.clone().text()).toBe(200);
    expect(((await res.json()) as { data: { token?: string } }).data.token).toBeTruthy();
    expect(await hasAdmin()).toBe(true);
  });
});
