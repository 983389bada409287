import { networkInterfaces } from 'node:os';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bootCms, type TestCms } from '../helpers/cms.ts';

// Findings 2 and 3 of issue 12. A CMS started without ADMIN_EMAIL/ADMIN_PASSWORD let whoever
// reached its port first register as Super Admin; its CORS answered every origin with
// credentials, so a page on any *.gov.vn site could use an admin's refresh cookie; behind
// the documented TLS proxy its cookies were not Secure.
const CMS_PUBLIC_URL = 'https://cms.thanhthuy.phutho.gov.vn';
const SITE_URL = 'https://thanhthuy.phutho.gov.vn';
const EXTRA_ORIGIN = 'https://bao-cao.thanhthuy.phutho.gov.vn';

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
        CMS_BEHIND_PROXY: 'true',
        CMS_PUBLIC_URL,
        SITE_URL,
        CORS_ORIGINS: EXTRA_ORIGIN,
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

  it('behind the TLS proxy (CMS_BEHIND_PROXY) the admin’s session cookie is Secure', async () => {
    const res = await fetch(`${cms.url}/admin/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-forwarded-proto': 'https', 'x-forwarded-for': '203.0.113.7' },
      body: JSON.stringify({ email: firstAdmin.email, password: firstAdmin.password }),
    });
    expect(res.status, await res.clone().text()).toBe(200);
    const cookies = res.headers.getSetCookie().filter((c) => c.startsWith('strapi_admin_refresh='));
    expect(cookies).toHaveLength(1);
    expect(cookies[0]).toMatch(/;\s*secure/i);
  });

  describe.each(['/admin/access-token', '/api/articles'])('CORS on %s', (path) => {
    const preflight = (origin: string) =>
      fetch(`${cms.url}${path}`, { method: 'OPTIONS', headers: { origin, 'access-control-request-method': 'POST' } });
    const simple = (origin: string) => fetch(`${cms.url}${path}`, { method: 'GET', headers: { origin } });

    it.each(['https://evil.gov.vn', 'https://thanhthuy.phutho.gov.vn.evil.vn', 'http://thanhthuy.phutho.gov.vn', 'null'])(
      'an unrelated origin (%s) gets no CORS grant',
      async (origin) => {
        for (const res of [await preflight(origin), await simple(origin)]) {
          expect(res.headers.get('access-control-allow-origin')).toBeNull();
          expect(res.headers.get('access-control-allow-credentials')).toBeNull();
        }
      },
    );

    it.each([CMS_PUBLIC_URL, SITE_URL, EXTRA_ORIGIN])('the configured origin %s may call with credentials', async (origin) => {
      for (const res of [await preflight(origin), await simple(origin)]) {
        expect(res.headers.get('access-control-allow-origin')).toBe(origin);
        expect(res.headers.get('access-control-allow-credentials')).toBe('true');
      }
    });
  });
});
