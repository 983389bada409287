import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AdminApi, connect, publicGet } from '../helpers/admin-api.ts';
import { userWithRole } from '../helpers/admin-users.ts';
import { bootCms, type TestCms } from '../helpers/cms.ts';
import { articleFields } from '../fixtures/entries.ts';

const ARTICLE = 'api::article.article';
const HOUR = 3_600_000;

// Issue 10, "Scheduling": a real CMS whose scheduler reads a test clock (SCHEDULER_CLOCK_FILE),
// so hours pass in milliseconds; everything else (publish, the public API) is real.
describe('scheduled publishing', () => {
  let cms: TestCms;
  let superAdmin: AdminApi;
  let editor: AdminApi;
  let reviewer: AdminApi;
  let relations: Record<string, unknown>;
  const dir = mkdtempSync(join(tmpdir(), 'tt-clock-'));
  const clockFile = join(dir, 'now');
  // Monday 1 September 2025, 07:00 in Vietnam.
  let now = Date.parse('2025-09-01T00:00:00.000Z');
  const setClock = (at: number) => {
    now = at;
    writeFileSync(clockFile, new Date(at).toISOString());
  };
  // The panel sends Vietnam's wall-clock time with its offset.
  const vietnam = (at: number) => new Date(at + 7 * HOUR).toISOString().replace('.000Z', '+07:00');

  const draft = async (title: string) => {
    const created = await editor.create(ARTICLE, { ...articleFields, title, ...relations });
    expect(created.status, JSON.stringify(created.body)).toBe(201);
    return created.body.data.documentId as string;
  };
  const approved = async (title: string) => {
    const id = await draft(title);
    expect((await editor.review(ARTICLE, id, 'submit')).status).toBe(200);
    expect((await reviewer.review(ARTICLE, id, 'approve')).status).toBe(200);
    return id;
  };
  const schedule = (api: AdminApi, id: string, times: { publishAt?: number | null; unpublishAt?: number | null }) =>
    api.request('PUT', `/schedule/${ARTICLE}/${id}`, {
      publishAt: times.publishAt ? vietnam(times.publishAt) : null,
      unpublishAt: times.unpublishAt ? vietnam(times.unpublishAt) : null,
    });
  const isPublic = async (id: string) => (await publicGet(cms, `/api/articles/${id}`, cms.siteToken)).status === 200;
  const scheduleOf = async (id: string) => (await reviewer.request('GET', `/schedule/${ARTICLE}/${id}`)).body.data;

  beforeAll(async () => {
    setClock(now);
    cms = await bootCms({ env: { SCHEDULER_CLOCK_FILE: clockFile, SCHEDULER_INTERVAL_MS: '250' } });
    superAdmin = new AdminApi(cms, cms.adminToken);
    editor = await userWithRole(cms, superAdmin, 'Biên tập viên', 'viet.lich@thanhthuy.test');
    reviewer = await userWithRole(cms, superAdmin, 'Lãnh đạo duyệt', 'duyet.lich@thanhthuy.test');
    relations = { themes: connect(await superAdmin.ids('theme', ['kiem-tra-don-doc'])), unit: connect(await superAdmin.ids('unit', ['phong-vhxh'])) };
  });

  afterAll(async () => {
    await cms?.stop();
    rmSync(dir, { recursive: true, force: true });
  });

  it('an editor cannot set a schedule, and is told who can', async () => {
    const id = await draft('Bài biên tập viên muốn hẹn giờ');
    const refused = await schedule(editor, id, { publishAt: now + HOUR });
    expect(refused.status).toBe(403);
    expect(refused.body.error.message).toBe('Chỉ Lãnh đạo duyệt mới hẹn giờ đăng hoặc gỡ tin bài.');
  });

  it('refuses a time in the past, an unpublish before the publish, and a malformed time, in Vietnamese', async () => {
    const id = await approved('Bài hẹn giờ sai');
    const past = await schedule(reviewer, id, { publishAt: now - HOUR });
    expect(past.status).toBe(400);
    expect(past.body.error.message).toBe('Giờ đăng phải sau thời điểm hiện tại (07:00 01/09/2025).');
    const backwards = await schedule(reviewer, id, { publishAt: now + 2 * HOUR, unpublishAt: now + HOUR });
    expect(backwards.status).toBe(400);
    expect(backwards.body.error.message).toBe('Giờ gỡ phải sau giờ đăng.');
    const garbage = await reviewer.request('PUT', `/schedule/${ARTICLE}/${id}`, { publishAt: 'sáng mai', unpublishAt: null });
    expect(garbage.status).toBe(400);
    expect(garbage.body.error.message).toContain('Thời điểm không hợp lệ');
    expect((await scheduleOf(id)).publishAt).toBeNull();
  });

  it('publishes an approved piece when its time comes, and unpublishes it at its end time', async () => {
    const id = await approved('Thông báo lịch tiếp công dân tháng 9');
    const start = now;
    const saved = await schedule(reviewer, id, { publishAt: start + 2 * HOUR, unpublishAt: start + 26 * HOUR });
    expect(saved.status, JSON.stringify(saved.body)).toBe(200);
    // Stored as the instant meant: 09:00 in Vietnam is 02:00 UTC.
    expect(saved.body.data.publishAt).toBe(new Date(start + 2 * HOUR).toISOString());

    setClock(start + HOUR);
    await new Promise((r) => setTimeout(r, 1000));
    expect(await isPublic(id)).toBe(false);

    setClock(start + 2 * HOUR + 1000);
    await expect.poll(() => isPublic(id), { timeout: 15_000 }).toBe(true);
    expect((await scheduleOf(id)).lastOutcome).toBe('Đã đăng theo lịch lúc 09:00 01/09/2025.');

    setClock(start + 25 * HOUR);
    await new Promise((r) => setTimeout(r, 1000));
    expect(await isPublic(id)).toBe(true);
    setClock(start + 26 * HOUR);
    await expect.poll(() => isPublic(id), { timeout: 15_000 }).toBe(false);
    expect((await scheduleOf(id)).lastOutcome).toMatch(/^Đã gỡ theo lịch lúc/);
  });

  it('never publishes a piece that is not approved, and says why', async () => {
    const id = await draft('Bài hẹn giờ nhưng chưa duyệt');
    // An approver may set the time before the approval; the scheduler checks at the time itself.
    expect((await schedule(reviewer, id, { publishAt: now + HOUR })).status).toBe(200);
    setClock(now + 2 * HOUR);
    await expect.poll(async () => (await scheduleOf(id)).lastOutcome, { timeout: 15_000 }).toMatch(/chưa được duyệt/);
    expect((await scheduleOf(id)).lastOutcome).toContain('Đang viết');
    expect(await isPublic(id)).toBe(false);
  });

  it('an edit after scheduling sends the piece back for review, and the scheduler then holds it', async () => {
    const id = await approved('Bài được sửa sau khi hẹn giờ');
    expect((await schedule(reviewer, id, { publishAt: now + HOUR })).status).toBe(200);
    expect((await editor.update(ARTICLE, id, { summary: 'Sapo sửa sau khi đã duyệt và hẹn giờ.' })).status).toBe(200);
    setClock(now + 2 * HOUR);
    await expect.poll(async () => (await scheduleOf(id)).lastOutcome, { timeout: 15_000 }).toMatch(/Chờ duyệt/);
    expect(await isPublic(id)).toBe(false);
  });

  it('lists upcoming times soonest first, and drops those done', async () => {
    const later = await approved('Lịch sắp tới: đăng sau');
    const sooner = await approved('Lịch sắp tới: đăng trước');
    await schedule(reviewer, later, { publishAt: now + 5 * HOUR, unpublishAt: now + 9 * HOUR });
    await schedule(reviewer, sooner, { publishAt: now + 3 * HOUR });
    const { body } = await editor.request('GET', '/schedule/upcoming');
    const rows = (body.data as Array<{ documentId: string; action: string; at: string; title: string }>).filter((r) => [later, sooner].includes(r.documentId));
    expect(rows.map((r) => [r.title, r.action])).toEqual([
      ['Lịch sắp tới: đăng trước', 'Đăng'],
      ['Lịch sắp tới: đăng sau', 'Đăng'],
      ['Lịch sắp tới: đăng sau', 'Gỡ'],
    ]);
    setClock(now + 4 * HOUR);
    await expect.poll(() => isPublic(sooner), { timeout: 15_000 }).toBe(true);
    const after = (await editor.request('GET', '/schedule/upcoming')).body.data as Array<{ documentId: string }>;
    expect(after.map((r) => r.documentId)).not.toContain(sooner);
  });

  it('a time missed while the CMS was down is caught up at start, and the log says so', async () => {
    const id = await approved('Bài đến giờ đăng khi máy chủ tắt');
    expect((await schedule(reviewer, id, { publishAt: now + 30 * 60_000 })).status).toBe(200);
    const restarted = cms.restart();
    // The clock moves past the time while the CMS is stopped or starting.
    setClock(now + 3 * HOUR);
    await restarted;
    await expect.poll(() => isPublic(id), { timeout: 20_000 }).toBe(true);
    expect(cms.output()).toMatch(new RegExp(`Scheduler caught up a missed publish of ${ARTICLE} ${id}.*\\(1\\d\\d min late`));
    expect((await scheduleOf(id)).lastOutcome).toMatch(/trễ 1\d\d phút vì máy chủ không chạy đúng giờ/);
  });

  it('the schedule record is never readable through the public API', async () => {
    expect([403, 404]).toContain((await publicGet(cms, '/api/publication-schedules', cms.siteToken)).status);
  });
});
