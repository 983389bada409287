import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DoctorContext } from '../../scripts/doctor/checks.ts';
import { channelCredentials } from '../../scripts/doctor/checks.ts';
import { communeAccounts } from '../../scripts/doctor/commune-accounts-check.ts';

// `npm run doctor` in a province reads the accounts file as the runner does: how many communes
// each platform reaches, and which commune's settings would stop the runner.
describe('npm run doctor counts each platform’s communes in a province', () => {
  let dir: string;
  const province = { REDIS_URL: 'redis://127.0.0.1:1', PROVINCE_COMMUNES: 'thanh-thuy,dao-xa,thanh-son' };
  const check = async (env: Record<string, string>) => [await communeAccounts({ env, config: { DATA_DIR: dir } as DoctorContext['config'], now: new Date() })].flat();
  const fileWith = (accounts: unknown) => {
    const file = join(dir, `accounts-${Math.random().toString(36).slice(2)}.json`);
    writeFileSync(file, JSON.stringify(accounts));
    return file;
  };

  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'tt-doctor-accounts-'));
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('says nothing for a single commune, whose channels are in .env', async () => {
    expect(await check({})).toEqual([]);
    const lines = [await channelCredentials({ env: {}, config: {} as DoctorContext['config'], now: new Date() })].flat();
    expect(lines.map((l) => l.line)).toContain('Facebook: chưa cấu hình, chạy ở chế độ hộp thư chờ (cán bộ đăng tay).');
  });

  it('counts, per platform, the communes that post through its API and names them', async () => {
    const file = fileWith({
      'thanh-thuy': { FACEBOOK_PAGE_ID: '1', FACEBOOK_PAGE_ACCESS_TOKEN: 'a', ZALO_OA_ACCESS_TOKEN: 'z', ZALO_ARTICLE_AUTHOR: 'UBND xã Thanh Thủy' },
      'dao-xa': { FACEBOOK_PAGE_ID: '2', FACEBOOK_PAGE_ACCESS_TOKEN: 'b' },
    });
    expect(await check({ ...province, CROSSPOST_ACCOUNTS_FILE: file })).toEqual([
      { status: 'ok', line: 'Facebook: 2 trên 3 xã, phường có tài khoản đăng tự động (thanh-thuy, dao-xa); còn lại dùng hộp thư chờ.' },
      { status: 'ok', line: 'Zalo OA: 1 trên 3 xã, phường có tài khoản đăng tự động (thanh-thuy); còn lại dùng hộp thư chờ.' },
      { status: 'info', line: 'YouTube: 0 trên 3 xã, phường có tài khoản đăng tự động; còn lại dùng hộp thư chờ.' },
      { status: 'info', line: 'TikTok: 0 trên 3 xã, phường có tài khoản đăng tự động; còn lại dùng hộp thư chờ.' },
    ]);
    // The province's .env carries no platform's account: only its webhook is checked there.
    const lines = [await channelCredentials({ env: province, config: {} as DoctorContext['config'], now: new Date() })].flat();
    expect(lines.map((l) => l.line)).toEqual(['Webhook chia sẻ: chưa cấu hình, không gửi thông báo tới hệ thống khác (ví dụ cổng tỉnh).']);
  });

  it('names the commune whose settings would stop the runner, and no secret', async () => {
    const file = fileWith({ 'dao-xa': { YOUTUBE_CLIENT_ID: 'id', YOUTUBE_CLIENT_SECRET: 'bi-mat-youtube' } });
    const lines = await check({ ...province, CROSSPOST_ACCOUNTS_FILE: file });
    const failed = lines.filter((l) => l.status === 'fail').map((l) => l.line);
    expect(failed).toHaveLength(1);
    expect(failed[0]).toContain('dao-xa');
    expect(failed[0]).toContain('YOUTUBE_REFRESH_TOKEN missing');
    expect(failed.join('\n')).not.toContain('bi-mat-youtube');
  });

  it('fails a file the runner would refuse', async () => {
    const file = fileWith({ 'xa-khac': {} });
    expect(await check({ ...province, CROSSPOST_ACCOUNTS_FILE: file })).toEqual([
      { status: 'fail', line: `Tài khoản mạng xã hội của các xã, phường: Invalid cross-posting accounts file ${file}: xa-khac not among PROVINCE_COMMUNES. Sửa tệp rồi khởi động lại trình chia sẻ.` },
    ]);
  });
});
