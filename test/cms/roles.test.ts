import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AdminApi, connect, publicGet } from '../helpers/admin-api.ts';
import { userWithRole } from '../helpers/admin-users.ts';
import { bootCms, type TestCms } from '../helpers/cms.ts';
import { articleFields } from '../fixtures/entries.ts';

const ARTICLE = 'api::article.article';

describe('editorial roles', () => {
  let cms: TestCms;
  let superAdmin: AdminApi;
  let editor: AdminApi;
  let reviewer: AdminApi;
  let relations: Record<string, unknown>;

  beforeAll(async () => {
    cms = await bootCms();
    superAdmin = new AdminApi(cms, cms.adminToken);
    editor = await userWithRole(cms, superAdmin, 'Biên tập viên', 'bientap@thanhthuy.test');
    reviewer = await userWithRole(cms, superAdmin, 'Lãnh đạo duyệt', 'lanhdao@thanhthuy.test');
    relations = { themes: connect(await superAdmin.ids('theme', ['kiem-tra-don-doc'])), unit: connect(await superAdmin.ids('unit', ['phong-vhxh'])) };
  });

  // Issue 10: the editor sends the draft for review and the reviewer approves it before publishing.
  async function approved(id: string): Promise<void> {
    expect((await editor.review(ARTICLE, id, 'submit')).status).toBe(200);
    expect((await reviewer.review(ARTICLE, id, 'approve')).status).toBe(200);
  }

  afterAll(async () => {
    await cms?.stop();
  });

  it('an editor (Biên tập viên) writes and edits a draft but cannot publish it', async () => {
    const created = await editor.create(ARTICLE, { ...articleFields, title: 'Bài của biên tập viên', ...relations });
    expect(created.status, JSON.stringify(created.body)).toBe(201);
    const id = created.body.data.documentId;
    expect((await editor.update(ARTICLE, id, { summary: 'Sapo đã sửa.' })).status).toBe(200);
    const publish = await editor.publish(ARTICLE, id);
    expect(publish.status).toBe(403);
    expect((await publicGet(cms, `/api/articles/${id}`, cms.siteToken)).status).toBe(404);
  });

  it('an editor cannot delete content', async () => {
    const created = await editor.create(ARTICLE, { ...articleFields, title: 'Bài không được xóa', ...relations });
    expect((await editor.remove(ARTICLE, created.body.data.documentId)).status).toBe(403);
  });

  it('a reviewer (Lãnh đạo duyệt) publishes an editor’s draft once approved, and it goes public', async () => {
    const created = await editor.create(ARTICLE, { ...articleFields, title: 'Bài chờ lãnh đạo duyệt', ...relations });
    const id = created.body.data.documentId;
    await approved(id);
    const publish = await reviewer.publish(ARTICLE, id);
    expect(publish.status, JSON.stringify(publish.body)).toBe(200);
    const res = await publicGet(cms, `/api/articles/${id}`, cms.siteToken);
    expect(res.status).toBe(200);
    expect(res.body.data.title).toBe('Bài chờ lãnh đạo duyệt');
  });

  it('a reviewer unpublishes and deletes a published piece; an editor can do neither', async () => {
    const created = await editor.create(ARTICLE, { ...articleFields, title: 'Bài sẽ được gỡ rồi xóa', ...relations });
    const id = created.body.data.documentId;
    await approved(id);
    expect((await reviewer.publish(ARTICLE, id)).status).toBe(200);
    expect((await editor.unpublish(ARTICLE, id)).status).toBe(403);
    expect((await publicGet(cms, `/api/articles/${id}`, cms.siteToken)).status).toBe(200);
    const unpublished = await reviewer.unpublish(ARTICLE, id);
    expect(unpublished.status, JSON.stringify(unpublished.body)).toBe(200);
    expect((await publicGet(cms, `/api/articles/${id}`, cms.siteToken)).status).toBe(404);
    expect((await editor.remove(ARTICLE, id)).status).toBe(403);
    const removed = await reviewer.remove(ARTICLE, id);
    expect(removed.status, JSON.stringify(removed.body)).toBe(200);
    expect((await superAdmin.request('GET', `/content-manager/collection-types/${ARTICLE}/${id}`)).status).toBe(404);
  });

  it('neither role can read the webhooks (they hold the webhook secret) or the API tokens', async () => {
    const webhooks = await superAdmin.request('GET', '/admin/webhooks');
    expect(webhooks.status).toBe(200);
    const [webhook] = webhooks.body.data as Array<{ id: number }>;
    expect(webhook, 'the rebuild webhook exists').toBeDefined();
    for (const user of [editor, reviewer]) {
      for (const path of ['/admin/webhooks', `/admin/webhooks/${webhook.id}`, '/admin/api-tokens']) {
        const res = await user.request('GET', path);
        expect(res.status, `${path}: ${JSON.stringify(res.body)}`).toBe(403);
        expect(JSON.stringify(res.body)).not.toContain('Bearer');
      }
    }
  });

  it('Strapi’s own “Editor” (publishes without review) and “Author” roles are gone', async () => {
    const roles = await superAdmin.request('GET', '/admin/roles');
    const names = (roles.body.data as Array<{ name: string }>).map((r) => r.name).sort();
    // Beside the office's two roles, the two of issue 9 outside it: Công an xã and the residential-area heads.
    expect(names).toEqual(['Biên tập viên', 'Công an xã', 'Lãnh đạo duyệt', 'Super Admin', 'Trưởng khu dân cư']);
  });

  it('a refusal from Strapi reaches the editor in Vietnamese, saying who may do it', async () => {
    const created = await editor.create(ARTICLE, { ...articleFields, title: 'Bài chờ duyệt để thử lời từ chối', ...relations });
    const publish = await editor.publish(ARTICLE, created.body.data.documentId);
    expect(publish.status).toBe(403);
    expect(publish.body.error.message).toContain('Lãnh đạo duyệt');
    const webhooks = await editor.request('GET', '/admin/webhooks');
    expect(webhooks.body.error.message).toBe(publish.body.error.message);
  });

  it('neither role may change the plan’s taxonomy', async () => {
    const [themeId] = await superAdmin.ids('theme', ['kiem-tra-don-doc']);
    for (const user of [editor, reviewer]) {
      const res = await user.update('api::theme.theme', themeId, { label: 'Đổi tên' });
      expect(res.status).toBe(403);
    }
  });

  it('the admin shows content types, field labels and hints in Vietnamese', async () => {
    const types = await superAdmin.request('GET', '/content-manager/content-types');
    const names = Object.fromEntries(types.body.data.map((t: { uid: string; info: { displayName: string } }) => [t.uid, t.info.displayName]));
    expect(names).toMatchObject({
      'api::article.article': 'Tin bài',
      'api::model-practice.model-practice': 'Điển hình tiên tiến',
      'api::service-guide.service-guide': 'Hướng dẫn dịch vụ công',
      'api::fact-check.fact-check': 'Phản bác thông tin sai',
    });
    const conf = await superAdmin.request('GET', '/content-manager/content-types/api::fact-check.fact-check/configuration');
    const meta = conf.body.data.contentType.metadatas;
    expect(meta.sources.edit).toMatchObject({ label: 'Nguồn chính thức', description: expect.stringContaining('Ít nhất một văn bản') });
    expect(meta.themes.edit).toMatchObject({ label: 'Chủ đề', mainField: 'label' });
    expect(conf.body.data.contentType.settings.mainField).toBe('title');
    const step = conf.body.data.components?.['guide.step'] ?? (await superAdmin.request('GET', '/content-manager/components/guide.step/configuration')).body.data.component;
    expect(step.metadatas.text.edit.label).toBe('Nội dung bước');
  });

  it('the admin created from ADMIN_EMAIL works in Vietnamese', async () => {
    const me = await superAdmin.request('GET', '/admin/users/me');
    expect(me.body.data.preferedLanguage).toBe('vi');
  });
});

