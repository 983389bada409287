import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROOT } from '../../scripts/env/config.ts';
import { freePort } from '../../scripts/lib/free-port.ts';
import { waitFor } from '../rebuild/helpers/wait.ts';
import { getByHost } from './helpers/province.ts';
import { startTestRedis, type TestRedis } from './helpers/redis-server.ts';

const DOMAIN = 'tinh.test';
const READY = 'Nhấn Ctrl+C để dừng.';

// `npm start` on a machine whose .env names a Redis: the CMS, the intake, a build worker and
// the portal of every commune come up in one command, as one commune's do without REDIS_URL.
describe('npm start with REDIS_URL', () => {
  let dir: string;
  let redis: TestRedis;
  let child: ChildProcess;
  let output = '';
  const ports = { cms: 0, site: 0, worker: 0 };
  const admin = { email: 'quantri@phutho.test', password: `Tinh${randomBytes(6).toString('hex')}9` };
  const page = (commune: string, path = '/') => getByHost(`http://127.0.0.1:${ports.site}`, `${commune}.${DOMAIN}`, path);

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'tt-province-start-'));
    redis = await startTestRedis();
    [ports.cms, ports.site, ports.worker] = [await freePort(), await freePort(), await freePort()];
    child = spawn(join(ROOT, 'node_modules', '.bin', 'tsx'), ['scripts/start/start.ts'], {
      cwd: ROOT,
      detached: true,
      env: {
        ...process.env,
        ENV_FILE: join(dir, '.env'),
        DATA_DIR: join(dir, 'var'),
        DATABASE_CLIENT: 'sqlite',
        DATABASE_FILENAME: join(dir, 'data.db'),
        CMS_PORT: String(ports.cms),
        SITE_PORT: String(ports.site),
        WORKER_PORT: String(ports.worker),
        HOST: '127.0.0.1',
        REDIS_URL: redis.url,
        PROVINCE_COMMUNES: 'thanh-thuy,dao-xa',
        PROVINCE_DOMAIN: DOMAIN,
        ADMIN_EMAIL: admin.email,
        ADMIN_PASSWORD: admin.password,
        // A commune without details fails at once, rather than after five attempts.
        BUILD_ATTEMPTS: '1',
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    child.stdout!.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.stderr!.on('data', (chunk: Buffer) => (output += chunk.toString()));
    await waitFor('npm start to say the province is ready', async () => output.includes(READY) || child.exitCode !== null, 420_000, 500);
    expect(output, output).toContain(READY);
  }, 480_000);

  afterAll(async () => {
    if (child?.pid && child.exitCode === null) {
      process.kill(-child.pid, 'SIGTERM');
      await waitFor('npm start to stop', async () => child.exitCode !== null || child.signalCode !== null, 60_000).catch(() => process.kill(-child.pid!, 'SIGKILL'));
    }
    await redis?.remove();
    rmSync(dir, { recursive: true, force: true });
  });

  it('prints the admin, the intake and every commune’s address, and which are live', () => {
    expect(output).toContain('Hệ thống cấp tỉnh đã sẵn sàng:');
    expect(output).toContain(`/admin`);
    expect(output).toContain(`http://127.0.0.1:${ports.worker}/status`);
    expect(output).toMatch(/Đã hoạt động: +0 trên 2 xã, phường/);
    // Cross-posting runs for the province, every commune in outbox mode until its accounts are entered.
    expect(output).toMatch(/\[chia sẻ\] Chia sẻ mạng xã hội: 0 trên 2 xã, phường có tài khoản \(.*accounts\.json\)/);
    expect(output).toContain(`http://dao-xa.${DOMAIN}/  chưa dựng được (thêm «Thông tin các xã, phường» của xã, phường này trong CMS; xem npm run doctor)`);
  });

  it('builds a commune’s portal once its details are entered, through its own webhook and queue', async () => {
    const login = await fetch(`http://127.0.0.1:${ports.cms}/admin/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(admin) });
    const token = ((await login.json()) as { data: { token: string } }).data.token;
    const created = await fetch(`http://127.0.0.1:${ports.cms}/content-manager/collection-types/api::commune-profile.commune-profile`, {
      method: 'POST',
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
      body: JSON.stringify({ commune: 'dao-xa', name: 'Xã Đào Xá', authority: 'Ủy ban nhân dân xã Đào Xá', province: 'Phú Thọ' }),
    });
    expect(created.status, await created.clone().text()).toBe(201);
    await waitFor('the portal of Đào Xá', async () => (await page('dao-xa')).status === 200, 180_000, 500);
    expect((await page('dao-xa')).body).toMatch(/<title>[^<]*Xã Đào Xá[^<]*<\/title>/);
    expect((await page('thanh-thuy')).status).not.toBe(200);
  }, 240_000);
});
