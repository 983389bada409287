import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AdminApi, connect, publicGet } from '../helpers/admin-api.ts';
import { bootCms, type TestCms } from '../helpers/cms.ts';
import { articleFields } from '../fixtures/entries.ts';

const ARTICLE = 'api::article.article';

/** Invites an admin user with the named role and registers them, as the admin panel does. */
async function userWithRole(cms: TestCms, superAdmin: AdminApi, roleName: string, email: string): Promise<AdminApi> {
  const roles = await superAdmin.request('GET', '/admin/roles');
  const role = (roles.body.data as Array<{ id: number; name: string }>).find((r) => r.name === roleName);
  if (!role) throw new Error(`Role ${roleName} not found among ${JSON.stringify(roles.body.data.map((r: { name: string }) => r.name))}`);
  const invited = await superAdmin.request('POST', '/admin/users', { firstname: 'Cán bộ', lastname: roleName, email, roles: [role.id] });
  if (invited.status !== 201) throw new Error(`Invite failed: ${JSON.stringify(invited.body)}`);
  const password = 'Bientap2025x';
  const registered = await fetch(`${cms.url}/admin/register`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ registrationToken: invited.body.data.registrationToken, userInfo: { firstname: 'Cán bộ', lastname: roleName, password } }),
  });
  const body = (await registered.json()) as { data: { token: string } };
  if (!body.data?.token) throw new Error(`Register failed: ${JSON.stringify(body)}`);
  return new AdminApi(cms, async () => body.data.token);
}

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

  it('a reviewer (Lãnh đạo duyệt) publishes an editor’s draft and it goes public', async () => {
    const created = await editor.create(ARTICLE, { ...articleFields, title: 'Bài chờ lãnh đạo duyệt', ...relations });
    const id = created.body.data.documentId;
    const publish = await reviewer.publish(ARTICLE, id);
    expect(publish.status, JSON.stringify(publish.body)).toBe(200);
    const res = await publicGet(cms, `/api/articles/${id}`, cms.siteToken);
    expect(res.status).toBe(200);
    expect(res.body.data.title).toBe('Bài chờ lãnh đạo duyệt');
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

