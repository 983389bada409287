import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AdminApi, connect, publicGet } from '../helpers/admin-api.ts';
import { userWithRole } from '../helpers/admin-users.ts';
import { bootCms, type TestCms } from '../helpers/cms.ts';
import { articleFields } from '../fixtures/entries.ts';

const ARTICLE = 'api::article.article';

// Issue 10, "Review": Đang viết → Chờ duyệt → (Yêu cầu sửa) → Đã duyệt, four eyes before
// publishing, every transition recorded. A real CMS over HTTP, as the admin panel drives it.
describe('the review workflow', () => {
  let cms: TestCms;
  let superAdmin: AdminApi;
  let editor: AdminApi;
  let reviewer: AdminApi;
  let otherReviewer: AdminApi;
  let relations: Record<string, unknown>;

  const draftBy = async (author: AdminApi, title: string): Promise<string> => {
    const created = await author.create(ARTICLE, { ...articleFields, title, ...relations });
    expect(created.status, JSON.stringify(created.body)).toBe(201);
    return created.body.data.documentId;
  };
  const isPublic = async (id: string) => (await publicGet(cms, `/api/articles/${id}`, cms.siteToken)).status === 200;

  beforeAll(async () => {
    cms = await bootCms();
    superAdmin = new AdminApi(cms, cms.adminToken);
    editor = await userWithRole(cms, superAdmin, 'Biên tập viên', 'viet@thanhthuy.test');
    reviewer = await userWithRole(cms, superAdmin, 'Lãnh đạo duyệt', 'duyet1@thanhthuy.test');
    otherReviewer = await userWithRole(cms, superAdmin, 'Lãnh đạo duyệt', 'duyet2@thanhthuy.test');
    relations = { themes: connect(await superAdmin.ids('theme', ['kiem-tra-don-doc'])), unit: connect(await superAdmin.ids('unit', ['phong-vhxh'])) };
  });

  afterAll(async () => {
    await cms?.stop();
  });

  it('a reviewer cannot publish a draft nobody approved, and is told why in Vietnamese', async () => {
    const id = await draftBy(editor, 'Bài chưa gửi duyệt');
    const refused = await reviewer.publish(ARTICLE, id);
    expect(refused.status).toBe(400);
    expect(refused.body.error.message).toContain('chưa được duyệt');
    expect(refused.body.error.message).toContain('Đang viết');
    expect(await isPublic(id)).toBe(false);
  });

  it('a writer sends a draft, another person approves it, and only then can it be published', async () => {
    const id = await draftBy(editor, 'Bài đi đủ các bước duyệt');
    expect((await editor.review(ARTICLE, id, 'submit', 'Nhờ anh chị xem giúp.')).status).toBe(200);
    expect((await reviewer.publish(ARTICLE, id)).status).toBe(400);
    const approved = await reviewer.review(ARTICLE, id, 'approve', 'Đồng ý đăng.');
    expect(approved.status, JSON.stringify(approved.body)).toBe(200);
    expect(approved.body.data.state).toBe('Đã duyệt');
    const published = await reviewer.publish(ARTICLE, id);
    expect(published.status, JSON.stringify(published.body)).toBe(200);
    expect(await isPublic(id)).toBe(true);

    const { body } = await editor.reviewOf(ARTICLE, id);
    expect(body.data.state).toBe('Đã duyệt');
    expect(body.data.steps.map((s: { state: string; note: string | null }) => [s.state, s.note])).toEqual([
      ['Chờ duyệt', 'Nhờ anh chị xem giúp.'],
      ['Đã duyệt', 'Đồng ý đăng.'],
      ['Đã duyệt', 'Đã xuất bản'],
    ]);
    for (const step of body.data.steps) {
      expect(step.by).toMatch(/Cán bộ/);
      expect(Date.now() - Date.parse(step.at)).toBeLessThan(5 * 60_000);
    }
    expect(body.data.steps[0].by).toContain('Biên tập viên');
    expect(body.data.steps[1].by).toContain('Lãnh đạo duyệt');
  });

  it('an approver who wrote the piece cannot approve it; another approver can', async () => {
    const id = await draftBy(reviewer, 'Bài do lãnh đạo tự viết');
    expect((await reviewer.review(ARTICLE, id, 'submit')).status).toBe(200);
    const own = await reviewer.review(ARTICLE, id, 'approve');
    expect(own.status).toBe(403);
    expect(own.body.error.message).toContain('không tự duyệt được');
    expect((await reviewer.reviewOf(ARTICLE, id)).body.data.may.review).toBe(false);
    expect((await reviewer.publish(ARTICLE, id)).status).toBe(400);
    expect((await otherReviewer.review(ARTICLE, id, 'approve')).status).toBe(200);
    // The author may publish once someone else approved: the four eyes are the approval.
    expect((await reviewer.publish(ARTICLE, id)).status).toBe(200);
  });

  it('someone who sent another person’s draft for review cannot approve it either', async () => {
    const id = await draftBy(editor, 'Bài do lãnh đạo gửi duyệt thay');
    expect((await reviewer.review(ARTICLE, id, 'submit')).status).toBe(200);
    expect((await reviewer.review(ARTICLE, id, 'approve')).status).toBe(403);
    expect((await otherReviewer.review(ARTICLE, id, 'approve')).status).toBe(200);
  });

  it('an editor can neither approve nor send back a piece', async () => {
    const id = await draftBy(editor, 'Bài biên tập viên không tự duyệt');
    await editor.review(ARTICLE, id, 'submit');
    const approve = await editor.review(ARTICLE, id, 'approve');
    expect(approve.status).toBe(403);
    expect(approve.body.error.message).toContain('Chỉ Lãnh đạo duyệt');
    expect((await editor.review(ARTICLE, id, 'request-changes', 'Tự yêu cầu sửa')).status).toBe(403);
    expect((await editor.reviewOf(ARTICLE, id)).body.data.may).toEqual({ submit: true, review: false });
  });

  it('a request for changes needs a comment, which the writer then reads on the piece', async () => {
    const id = await draftBy(editor, 'Bài cần sửa số liệu');
    await editor.review(ARTICLE, id, 'submit');
    const bare = await reviewer.review(ARTICLE, id, 'request-changes', '   ');
    expect(bare.status).toBe(400);
    expect(bare.body.error.message).toBe('Hãy ghi ý kiến: người viết cần biết phải sửa gì.');
    expect((await reviewer.review(ARTICLE, id, 'request-changes', 'Số liệu tháng 9 chưa khớp báo cáo.')).status).toBe(200);

    const seen = (await editor.reviewOf(ARTICLE, id)).body.data;
    expect(seen.state).toBe('Yêu cầu sửa');
    expect(seen.steps.at(-1)).toMatchObject({ state: 'Yêu cầu sửa', note: 'Số liệu tháng 9 chưa khớp báo cáo.' });
    expect((await reviewer.publish(ARTICLE, id)).status).toBe(400);
    // Approving needs the piece sent again; the writer fixes it and sends it.
    expect((await otherReviewer.review(ARTICLE, id, 'approve')).status).toBe(409);
    expect((await editor.update(ARTICLE, id, { summary: 'Số liệu đã khớp báo cáo tháng 9.' })).status).toBe(200);
    expect((await editor.review(ARTICLE, id, 'submit', 'Đã sửa số liệu.')).status).toBe(200);
    expect((await otherReviewer.review(ARTICLE, id, 'approve')).status).toBe(200);
    expect((await otherReviewer.publish(ARTICLE, id)).status).toBe(200);
  });

  it('an edit after approval sends the piece back to Chờ duyệt; publishing an unchanged form does not', async () => {
    const id = await draftBy(editor, 'Bài được sửa sau khi duyệt');
    await editor.review(ARTICLE, id, 'submit');
    await reviewer.review(ARTICLE, id, 'approve');
    // The admin's publish button saves the form first (update, then publish): same content, still approved.
    expect((await reviewer.update(ARTICLE, id, { title: 'Bài được sửa sau khi duyệt', summary: articleFields.summary })).status).toBe(200);
    expect((await editor.reviewOf(ARTICLE, id)).body.data.state).toBe('Đã duyệt');

    expect((await editor.update(ARTICLE, id, { title: 'Bài được sửa sau khi duyệt (thêm ý mới)' })).status).toBe(200);
    const back = (await editor.reviewOf(ARTICLE, id)).body.data;
    expect(back.state).toBe('Chờ duyệt');
    expect(back.steps.at(-1).note).toContain('sửa sau khi duyệt');
    const refused = await reviewer.publish(ARTICLE, id);
    expect(refused.status).toBe(400);
    expect(await isPublic(id)).toBe(false);
    expect((await reviewer.review(ARTICLE, id, 'approve')).status).toBe(200);
    expect((await reviewer.publish(ARTICLE, id)).status).toBe(200);
    expect((await publicGet(cms, `/api/articles/${id}`, cms.siteToken)).body.data.title).toBe('Bài được sửa sau khi duyệt (thêm ý mới)');
  });

  it('a correction to a published piece goes through review again before it replaces the live text', async () => {
    const id = await draftBy(editor, 'Bài đã đăng cần đính chính');
    await editor.review(ARTICLE, id, 'submit');
    await reviewer.review(ARTICLE, id, 'approve');
    expect((await reviewer.publish(ARTICLE, id)).status).toBe(200);
    expect((await editor.update(ARTICLE, id, { summary: 'Sapo đính chính chưa duyệt.' })).status).toBe(200);
    expect((await reviewer.publish(ARTICLE, id)).status).toBe(400);
    expect((await publicGet(cms, `/api/articles/${id}`, cms.siteToken)).body.data.summary).toBe(articleFields.summary);
  });

  it('a Super Admin publishes directly, and the publication is recorded on the piece', async () => {
    const id = await draftBy(editor, 'Bài quản trị viên đăng ngay');
    const published = await superAdmin.publish(ARTICLE, id);
    expect(published.status, JSON.stringify(published.body)).toBe(200);
    expect(await isPublic(id)).toBe(true);
    const { body } = await editor.reviewOf(ARTICLE, id);
    expect(body.data.steps.at(-1)).toMatchObject({ note: 'Đã xuất bản' });
  });

  it('the queue lists the waiting pieces, the longest waiting first, and drops those decided', async () => {
    const first = await draftBy(editor, 'Hàng chờ: gửi trước');
    const second = await draftBy(editor, 'Hàng chờ: gửi sau');
    const decided = await draftBy(editor, 'Hàng chờ: đã duyệt');
    await editor.review(ARTICLE, first, 'submit');
    await new Promise((r) => setTimeout(r, 20));
    await editor.review(ARTICLE, decided, 'submit');
    await new Promise((r) => setTimeout(r, 20));
    await editor.review(ARTICLE, second, 'submit');
    await reviewer.review(ARTICLE, decided, 'approve');

    const queue = await reviewer.request('GET', '/review/queue');
    expect(queue.status).toBe(200);
    const ids = (queue.body.data as Array<{ documentId: string; title: string; submittedBy: string }>).map((q) => q.documentId);
    expect(ids.indexOf(first)).toBeGreaterThanOrEqual(0);
    expect(ids.indexOf(first)).toBeLessThan(ids.indexOf(second));
    expect(ids).not.toContain(decided);
    const item = queue.body.data.find((q: { documentId: string }) => q.documentId === first);
    expect(item).toMatchObject({ title: 'Hàng chờ: gửi trước', kind: 'Tin bài' });
    expect(item.submittedBy).toContain('Biên tập viên');
    // Editors cannot publish, so nothing in it is theirs to decide.
    expect((await editor.request('GET', '/review/queue')).body.data).toEqual([]);
  });

  it('a piece cannot be sent twice, and an unknown piece is refused', async () => {
    const id = await draftBy(editor, 'Bài gửi hai lần');
    expect((await editor.review(ARTICLE, id, 'submit')).status).toBe(200);
    const again = await editor.review(ARTICLE, id, 'submit');
    expect(again.status).toBe(409);
    expect(again.body.error.message).toContain('Chờ duyệt');
    expect((await editor.review(ARTICLE, 'khongtontai123', 'submit')).status).toBe(404);
    expect((await editor.review('api::theme.theme', id, 'submit')).status).toBe(404);
  });

  it('the review record is never readable through the public API', async () => {
    for (const path of ['/api/editorial-reviews', '/api/editorial-review']) {
      expect([403, 404]).toContain((await publicGet(cms, path, cms.siteToken)).status);
      expect([403, 404]).toContain((await publicGet(cms, path)).status);
    }
    const res = await publicGet(cms, '/api/articles?populate=*', cms.siteToken);
    expect(JSON.stringify(res.body)).not.toContain('Đồng ý đăng.');
  });
});
