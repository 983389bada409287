import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { articleFields } from '../fixtures/entries.ts';
import { AdminApi, connect } from '../helpers/admin-api.ts';
import { multipart, png, userWithRole } from '../helpers/admin-users.ts';
import { bootCms, type TestCms } from '../helpers/cms.ts';

const ARTICLE = 'api::article.article';
const CM = `/content-manager/collection-types/${ARTICLE}`;

// Two communes on one CMS on PostgreSQL; Thanh Thủy's editor and reviewer try every admin
// route that names a piece against a piece of Đào Xá.
describe('a commune’s editors in a province', () => {
  let cms: TestCms;
  let superAdmin: AdminApi;
  let editor: AdminApi;
  let reviewer: AdminApi;
  let relations: Record<string, unknown>;
  let own: string;
  let other: string;

  const create = async (api: AdminApi, data: Record<string, unknown>) => api.create(ARTICLE, { ...articleFields, ...relations, ...data });
  const otherAsSuperAdminSees = async () => (await superAdmin.request('GET', `${CM}/${other}`)).body.data;

  beforeAll(async () => {
    cms = await bootCms({ database: 'postgres', env: { PROVINCE_COMMUNES: 'thanh-thuy,dao-xa' } });
    superAdmin = new AdminApi(cms, cms.adminToken);
    relations = { themes: connect(await superAdmin.ids('theme', ['y-nghia-ke-hoach'])), unit: connect(await superAdmin.ids('unit', ['phong-vhxh'])) };
    editor = await userWithRole(cms, superAdmin, 'Biên tập viên (thanh-thuy)', 'bientap.thanhthuy@phutho.test');
    reviewer = await userWithRole(cms, superAdmin, 'Lãnh đạo duyệt (thanh-thuy)', 'lanhdao.thanhthuy@phutho.test');
    const mine = await create(superAdmin, { title: 'Tin của xã Thanh Thủy', commune: 'thanh-thuy' });
    const theirs = await create(superAdmin, { title: 'Tin của xã Đào Xá', commune: 'dao-xa' });
    expect([mine.status, theirs.status]).toEqual([201, 201]);
    [own, other] = [mine.body.data.documentId, theirs.body.data.documentId];
    expect((await superAdmin.publish(ARTICLE, other)).status).toBe(200);
  }, 180_000);

  afterAll(async () => {
    await cms?.stop();
  });

  it('lists only their commune’s pieces', async () => {
    for (const api of [editor, reviewer]) {
      const list = await api.request('GET', `${CM}?page=1&pageSize=50`);
      expect(list.status).toBe(200);
      const ids = (list.body.results as Array<{ documentId: string }>).map((r) => r.documentId);
      expect(ids).toContain(own);
      expect(ids).not.toContain(other);
    }
  });

  it.each([
    ['read it in the editor', 'editor', 'GET', `${CM}/:id`, undefined],
    ['save it', 'editor', 'PUT', `${CM}/:id`, { title: 'Sửa trộm tin của xã khác' }],
    ['publish it', 'reviewer', 'POST', `${CM}/:id/actions/publish`, {}],
    ['unpublish it', 'reviewer', 'POST', `${CM}/:id/actions/unpublish`, {}],
    ['discard its draft', 'reviewer', 'POST', `${CM}/:id/actions/discard`, {}],
    ['delete it', 'reviewer', 'DELETE', `${CM}/:id`, undefined],
    ['clone it', 'editor', 'POST', `${CM}/clone/:id`, { title: 'Bản sao tin của xã khác' }],
    ['see its review', 'editor', 'GET', '/review/api::article.article/:id', undefined],
    ['send it for review', 'editor', 'POST', '/review/api::article.article/:id/submit', {}],
    ['approve it', 'reviewer', 'POST', '/review/api::article.article/:id/approve', {}],
    ['see its schedule', 'editor', 'GET', '/schedule/api::article.article/:id', undefined],
    ['schedule it', 'reviewer', 'PUT', '/schedule/api::article.article/:id', { publishAt: '2030-01-01T01:00:00.000Z' }],
    ['see its takedown', 'reviewer', 'GET', '/takedown/api::article.article/:id', undefined],
    ['withdraw it', 'reviewer', 'POST', '/takedown/api::article.article/:id/withdraw', { reason: 'Thu hồi trộm' }],
    ['remove it', 'reviewer', 'POST', '/takedown/api::article.article/:id/remove', { reason: 'Gỡ trộm' }],
    ['see its cross-posts', 'editor', 'GET', '/crosspost-panel/pieces/api::article.article/:id/jobs', undefined],
    ['post it again on Facebook', 'reviewer', 'POST', '/crosspost-panel/pieces/api::article.article/:id/channels/facebook/repost', {}],
  ])('cannot %s when it is another commune’s', async (_, who, method, path, body) => {
    const before = await otherAsSuperAdminSees();
    const res = await (who === 'editor' ? editor : reviewer).request(method, path.replace(':id', other), body);
    expect([403, 404], `${method} ${path}: ${res.status} ${JSON.stringify(res.body)}`).toContain(res.status);
    expect(await otherAsSuperAdminSees()).toEqual(before);
  });

  it('cannot delete, publish or unpublish another commune’s pieces in bulk either', async () => {
    const before = await otherAsSuperAdminSees();
    for (const action of ['bulkDelete', 'bulkPublish', 'bulkUnpublish']) await reviewer.request('POST', `${CM}/actions/${action}`, { documentIds: [other] });
    expect(await otherAsSuperAdminSees()).toEqual(before);
  });

  it('sees only their commune’s pieces in the review queue', async () => {
    const waiting = await create(superAdmin, { title: 'Tin Đào Xá chờ duyệt', commune: 'dao-xa' });
    expect((await superAdmin.review(ARTICLE, waiting.body.data.documentId, 'submit')).status).toBe(200);
    const all = await superAdmin.request('GET', '/review/queue');
    expect(all.body.data.map((p: { documentId: string }) => p.documentId)).toContain(waiting.body.data.documentId);
    const queue = await reviewer.request('GET', '/review/queue');
    expect(queue.status).toBe(200);
    expect(queue.body.data.map((p: { documentId: string }) => p.documentId)).not.toContain(waiting.body.data.documentId);
  });

  it('writes a new piece for their own commune without having to say so', async () => {
    const res = await create(editor, { title: 'Tin mới của xã Thanh Thủy' });
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    expect(res.body.data.commune).toBe('thanh-thuy');
  });

  it.each([
    ['for another commune', { commune: 'dao-xa' }, 'bạn chỉ nhập nội dung cho "thanh-thuy", không phải cho "dao-xa".'],
    ['province-wide', { provinceWide: true }, 'chỉ cán bộ của tỉnh được đăng tin toàn tỉnh hoặc gửi bài tới các xã, phường khác.'],
    ['addressed to other communes', { addressedTo: 'dao-xa' }, 'chỉ cán bộ của tỉnh được đăng tin toàn tỉnh hoặc gửi bài tới các xã, phường khác.'],
  ])('is refused a piece %s, with a message they understand', async (_, data, message) => {
    const res = await create(editor, { title: 'Tin vượt quyền', ...data });
    expect(res.status).toBe(400);
    expect(res.body.error.message).toContain(message);
  });

  it('leaves the province’s reviewer reading every commune’s pieces and changing none', async () => {
    const province = await userWithRole(cms, superAdmin, 'Tỉnh: xem mọi xã, phường', 'so.vanhoa@phutho.test');
    const ids = ((await province.request('GET', `${CM}?page=1&pageSize=50`)).body.results as Array<{ documentId: string }>).map((r) => r.documentId);
    expect(ids).toEqual(expect.arrayContaining([own, other]));
    const before = await otherAsSuperAdminSees();
    expect((await province.update(ARTICLE, other, { title: 'Tỉnh sửa' })).status).toBe(403);
    expect((await province.publish(ARTICLE, own)).status).toBe(403);
    expect((await province.create(ARTICLE, { ...articleFields, ...relations, title: 'Tỉnh viết' })).status).toBe(403);
    expect(await otherAsSuperAdminSees()).toEqual(before);
  });

  describe('in the media library', () => {
    let mine: number;
    let theirs: number;
    const fileAsSuperAdminSees = async (id: number) => (await superAdmin.request('GET', `/upload/files/${id}`)).body;

    beforeAll(async () => {
      const daoXaEditor = await userWithRole(cms, superAdmin, 'Biên tập viên (dao-xa)', 'bientap.daoxa@phutho.test');
      const upload = async (api: AdminApi, colour: string) => {
        const res = await multipart(api, '/upload', { files: await png(colour) });
        expect(res.status, JSON.stringify(res.body)).toBe(201);
        return res.body[0].id as number;
      };
      mine = await upload(editor, '#aa0000');
      theirs = await upload(daoXaEditor, '#00aa00');
    });

    it('lists only the files of their commune', async () => {
      const list = await editor.request('GET', '/upload/files?pageSize=100');
      expect(list.status).toBe(200);
      const ids = (list.body.results as Array<{ id: number }>).map((f) => f.id);
      expect(ids).toContain(mine);
      expect(ids).not.toContain(theirs);
      // Their commune's reviewer sees the file too: the media library is the commune's, not the uploader's.
      const colleague = await reviewer.request('GET', '/upload/files?pageSize=100');
      const seen = (colleague.body.results as Array<{ id: number }>).map((f) => f.id);
      expect(seen).toContain(mine);
      expect(seen).not.toContain(theirs);
    });

    it('cannot open, rename, replace or delete another commune’s file', async () => {
      const before = await fileAsSuperAdminSees(theirs);
      const attempts = [
        await editor.request('GET', `/upload/files/${theirs}`),
        await multipart(editor, `/upload/files/${theirs}`, { fileInfo: JSON.stringify({ name: 'doi-ten.png' }) }, 'PUT'),
        await multipart(editor, `/upload?id=${theirs}`, { files: await png('#000000') }),
        await multipart(editor, `/upload/files/${theirs}/replace`, { files: await png('#000000') }),
        await editor.request('POST', '/upload/actions/bulk-update', { updates: [{ id: theirs, fileInfo: { name: 'doi-ten.png' } }] }),
        await reviewer.request('DELETE', `/upload/files/${theirs}`),
        await reviewer.request('POST', '/upload/actions/bulk-delete', { fileIds: [theirs], folderIds: [] }),
      ];
      for (const res of attempts) expect([403, 404], JSON.stringify(res.body)).toContain(res.status);
      expect(await fileAsSuperAdminSees(theirs)).toEqual(before);
    });

    it('still renames a file of their own that no published piece shows', async () => {
      const res = await editor.request('POST', '/upload/actions/bulk-update', { updates: [{ id: mine, fileInfo: { name: 'anh-cua-xa.png' } }] });
      expect(res.status, JSON.stringify(res.body)).toBe(200);
      expect((await fileAsSuperAdminSees(mine)).name).toBe('anh-cua-xa.png');
    });
  });

  describe('in the communes’ details', () => {
    const PROFILE = 'api::commune-profile.commune-profile';
    const PROFILES = `/content-manager/collection-types/${PROFILE}`;
    let ownProfile: string;
    let otherProfile: string;
    const details = (commune: string, name: string) => ({ commune, name, authority: `Ủy ban nhân dân ${name}`, province: 'Phú Thọ' });
    const profileAsSuperAdminSees = async (id: string) => (await superAdmin.request('GET', `${PROFILES}/${id}`)).body.data;

    beforeAll(async () => {
      const mine = await superAdmin.create(PROFILE, details('thanh-thuy', 'xã Thanh Thủy'));
      const theirs = await superAdmin.create(PROFILE, details('dao-xa', 'xã Đào Xá'));
      expect([mine.status, theirs.status], JSON.stringify([mine.body, theirs.body])).toEqual([201, 201]);
      [ownProfile, otherProfile] = [mine.body.data.documentId, theirs.body.data.documentId];
    });

    it('lets the commune’s reviewer keep their own commune’s details', async () => {
      const res = await reviewer.update(PROFILE, ownProfile, { phone: '0210 3 111 222' });
      expect(res.status, JSON.stringify(res.body)).toBe(200);
      expect((await profileAsSuperAdminSees(ownProfile)).phone).toBe('0210 3 111 222');
    });

    it('lists, opens and changes no other commune’s details', async () => {
      const list = await reviewer.request('GET', `${PROFILES}?page=1&pageSize=50`);
      expect(list.status).toBe(200);
      expect((list.body.results as Array<{ documentId: string }>).map((r) => r.documentId)).toEqual([ownProfile]);
      const before = await profileAsSuperAdminSees(otherProfile);
      const attempts = [
        await reviewer.request('GET', `${PROFILES}/${otherProfile}`),
        await reviewer.update(PROFILE, otherProfile, { phone: '0999 999 999' }),
        await reviewer.update(PROFILE, ownProfile, { commune: 'dao-xa' }),
      ];
      for (const res of attempts) expect([400, 403, 404], JSON.stringify(res.body)).toContain(res.status);
      expect(await profileAsSuperAdminSees(otherProfile)).toEqual(before);
      expect((await profileAsSuperAdminSees(ownProfile)).commune).toBe('thanh-thuy');
    });

    it('cannot change the installation’s own details, which are the province’s', async () => {
      const res = await reviewer.request('PUT', '/content-manager/single-types/api::commune.commune', { name: 'Xã Thanh Thủy sửa trộm' });
      expect(res.status).toBe(403);
    });
  });

  describe('in the records of the office’s work', () => {
    const SIGHTING = 'api::sighting.sighting';
    const ACTIVITY = 'api::outreach-activity.outreach-activity';
    const AREA = 'api::residential-area.residential-area';
    const sightingOf = (commune: string) => ({ platform: 'Facebook', state: 'Mới', seenAt: '2026-11-20T08:00:00+07:00', harm: 'Thấp', content: `Tin đồn ở ${commune}`, commune });
    const listed = async (api: AdminApi, uid: string) =>
      ((await api.request('GET', `/content-manager/collection-types/${uid}?page=1&pageSize=100`)).body.results as Array<{ documentId: string; commune: string | null }>) ?? [];

    it('list, open and change only their commune’s sightings, activities and residential areas', async () => {
      for (const [uid, data] of [
        [SIGHTING, sightingOf],
        [ACTIVITY, (commune: string) => ({ date: '2026-11-20', channel: 'Truyền thanh', description: `Phát thanh ở ${commune}`, commune })],
        [AREA, (commune: string) => ({ name: `Khu 1 ${commune}`, commune })],
      ] as const) {
        const mine = await superAdmin.create(uid, data('thanh-thuy'));
        const theirs = await superAdmin.create(uid, data('dao-xa'));
        expect([mine.status, theirs.status], `${uid}: ${JSON.stringify([mine.body, theirs.body])}`).toEqual([201, 201]);
        const ids = (await listed(reviewer, uid)).map((r) => r.documentId);
        expect(ids, uid).toContain(mine.body.data.documentId);
        expect(ids, uid).not.toContain(theirs.body.data.documentId);
        const other = theirs.body.data.documentId;
        const before = (await superAdmin.request('GET', `/content-manager/collection-types/${uid}/${other}`)).body.data;
        for (const res of [await reviewer.request('GET', `/content-manager/collection-types/${uid}/${other}`), await reviewer.update(uid, other, { commune: 'thanh-thuy' })]) {
          expect([403, 404], `${uid}: ${JSON.stringify(res.body)}`).toContain(res.status);
        }
        expect((await superAdmin.request('GET', `/content-manager/collection-types/${uid}/${other}`)).body.data, uid).toEqual(before);
      }
    });

    it('leaves a commune’s police only the sightings of their commune passed to them', async () => {
      const police = await userWithRole(cms, superAdmin, 'Công an xã (thanh-thuy)', 'congan.thanhthuy@phutho.test');
      const passed = async (commune: string) => {
        const res = await superAdmin.create(SIGHTING, { ...sightingOf(commune), state: 'Chuyển Công an xã', content: `Tin đồn chuyển công an ở ${commune}` });
        expect(res.status, JSON.stringify(res.body)).toBe(201);
        return res.body.data.documentId as string;
      };
      const [mine, theirs] = [await passed('thanh-thuy'), await passed('dao-xa')];
      const ids = (await listed(police, SIGHTING)).map((r) => r.documentId);
      expect(ids).toContain(mine);
      expect(ids).not.toContain(theirs);
      expect([403, 404]).toContain((await police.request('GET', `/content-manager/collection-types/${SIGHTING}/${theirs}`)).status);
      // What the office keeps to itself stays hidden from the police of the same commune too.
      const unpassed = await superAdmin.create(SIGHTING, sightingOf('thanh-thuy'));
      expect(unpassed.status, JSON.stringify(unpassed.body)).toBe(201);
      expect((await listed(police, SIGHTING)).map((r) => r.documentId)).not.toContain(unpassed.body.data.documentId);
    });

    it('stamps a residential-area head’s activity with their commune', async () => {
      const head = await userWithRole(cms, superAdmin, 'Trưởng khu dân cư (dao-xa)', 'truongkhu.daoxa@phutho.test');
      const res = await head.create(ACTIVITY, { date: '2026-11-21', channel: 'Truyền thanh', description: 'Phát thanh ở khu 3' });
      expect(res.status, JSON.stringify(res.body)).toBe(201);
      expect((await superAdmin.request('GET', `/content-manager/collection-types/${ACTIVITY}/${res.body.data.documentId}`)).body.data.commune).toBe('dao-xa');
    });

    it('write a sighting for their own commune without having to say so, and none for another', async () => {
      const { commune: _, ...unnamed } = sightingOf('thanh-thuy');
      const res = await editor.create(SIGHTING, unnamed);
      expect(res.status, JSON.stringify(res.body)).toBe(201);
      expect(res.body.data.commune).toBe('thanh-thuy');
      const refused = await editor.create(SIGHTING, sightingOf('dao-xa'));
      expect(refused.status).toBe(400);
      expect(refused.body.error.message).toContain('bạn chỉ nhập nội dung cho "thanh-thuy", không phải cho "dao-xa".');
    });
  });

  it('cannot move their own piece to another commune', async () => {
    const res = await editor.update(ARTICLE, own, { commune: 'dao-xa' });
    expect(res.status).toBe(400);
    expect((await superAdmin.request('GET', `${CM}/${own}`)).body.data.commune).toBe('thanh-thuy');
  });
});
