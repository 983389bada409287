import { PutObjectCommand } from '@aws-sdk/client-s3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DoctorContext } from '../../scripts/doctor/checks.ts';
import { objectStore } from '../../scripts/doctor/object-store-check.ts';
import { startTestS3, type TestS3 } from './helpers/s3-server.ts';

const check = async (env: Record<string, string>) => [await objectStore({ env, config: {} as DoctorContext['config'], now: new Date() })].flat();

describe('npm run doctor with an object store', () => {
  let s3: TestS3;

  beforeAll(async () => {
    s3 = await startTestS3(['phat-hanh', 'media']);
    const pointer = JSON.stringify({ current: '20261204T101010-000Z-abcd', previous: null, at: new Date().toISOString() });
    await s3.store('phat-hanh').client.send(new PutObjectCommand({ Bucket: 'phat-hanh', Key: 'thanh-thuy/live.json', Body: pointer }));
  });

  afterAll(async () => {
    await s3?.stop();
  });

  it('says nothing without one', async () => {
    expect(await check({})).toEqual([]);
  });

  it('reports both buckets and the communes with nothing live in them, and never prints a key', async () => {
    const lines = await check({ ...s3.env, RELEASE_BUCKET: 'phat-hanh', UPLOAD_BUCKET: 'media', PROVINCE_COMMUNES: 'thanh-thuy,dao-xa' });
    expect(lines).toEqual([
      { status: 'ok', line: `Tệp media của CMS: kho "media" trả lời tại ${s3.endpoint}.` },
      { status: 'ok', line: `Bản phát hành cổng thông tin: kho "phat-hanh" trả lời tại ${s3.endpoint}.` },
      { status: 'info', line: '1 trên 2 xã, phường chưa có bản phát hành trong kho: dao-xa (chạy npm run province -- worker; một xã chưa có «Thông tin các xã, phường» thì chưa dựng được).' },
    ]);
    expect(JSON.stringify(lines)).not.toContain(s3.env.S3_SECRET_ACCESS_KEY);
  });

  it('fails a bucket that does not exist, and says what to do', async () => {
    const lines = await check({ ...s3.env, RELEASE_BUCKET: 'khong-co-kho' });
    expect(lines).toEqual([{ status: 'fail', line: `Bản phát hành cổng thông tin: không có kho "khong-co-kho" tại ${s3.endpoint}: tạo kho đó, hoặc sửa tên trong .env.` }]);
  });

  // s3rver knows its key ids but does not check SigV4 signatures: an unknown key id is what it refuses.
  it('fails keys the store refuses', async () => {
    const lines = await check({ ...s3.env, S3_ACCESS_KEY_ID: 'KHOASAI', RELEASE_BUCKET: 'phat-hanh' });
    expect(lines).toEqual([
      { status: 'fail', line: `Bản phát hành cổng thông tin: kho "phat-hanh" tại ${s3.endpoint} từ chối khóa truy cập (HTTP 403): kiểm tra S3_ACCESS_KEY_ID, S3_SECRET_ACCESS_KEY và quyền của khóa.` },
    ]);
  });

  it('fails a store that does not answer', async () => {
    const lines = await check({ ...s3.env, S3_ENDPOINT: 'http://127.0.0.1:9', RELEASE_BUCKET: 'phat-hanh' });
    expect(lines).toHaveLength(1);
    expect(lines[0].status).toBe('fail');
    expect(lines[0].line).toMatch(/^Bản phát hành cổng thông tin: không kết nối được kho "phat-hanh" tại http:\/\/127\.0\.0\.1:9 \(.+\): kiểm tra S3_ENDPOINT và mạng\.$/);
  });
});
