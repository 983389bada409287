import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SIGHTING_STATUS } from '@thanh-thuy/content-types';
import { AdminApi, connect } from '../../helpers/admin-api.ts';
import { multipart, png, userWithRole } from '../../helpers/admin-users.ts';
import { bootCms, type Database, type TestCms } from '../../helpers/cms.ts';
import { articleFields } from '../../fixtures/entries.ts';

const SIGHTING = 'api::sighting.sighting';
const ACTIVITY = 'api::outreach-activity.outreach-activity';
const ARTICLE = 'api::article.article';
const list = (uid: string) => `/content-manager/collection-types/${uid}?pageSize=100`;

const sightingOf = (content: string, extra: Record<string, unknown> = {}) => ({
  platform: 'Zalo',
  content,
  seenAt: '2025-10-02T02:00:00.000Z',
  harm: 'Trung bình',
  ...extra,
});
const activityOf = (description: string, extra: Record<string, unknown> = {}) => ({
  date: '2025-10-05',
  channel: 'Trực tiếp tại khu dân cư',
  description,
  times: 1,
  minutes: 90,
  peopleReached: 40,
  ...extra,
});

describe.each<Database>(['sqlite', 'postgres'])('roles for monitoring and activities on %s', (database) => {
  let cms: TestCms;
  let admin: AdminApi;
  let editor: AdminApi;
  let police: AdminApi;
  let headOne: AdminApi;
  let headTwo: AdminApi;
  const ids: Record<string, string> = {};

  beforeAll(async () => {
    cms = await bootCms({ database });
    admin = new AdminApi(cms, cms.adminToken);
    editor = await userWithRole(cms, admin, 'Biên tập viên', 'bientap@thanhthuy.test');
    police = await userWithRole(cms, admin, 'Công an xã', 'congan@thanhthuy.test');
    headOne = await userWithRole(cms, admin, 'Trưởng khu dân cư', 'khu1@thanhthuy.test');
    headTwo = await userWithRole(cms, admin, 'Trưởng khu dân cư', 'khu2@thanhthuy.test');
    const make = async (name: string, data: Record<string, unknown>) => {
      const res = await editor.create(SIGHTING, data);
      expect(res.status, JSON.stringify(res.body)).toBe(201);
      ids[name] = res.body.data.documentId;
    };
    await make('kept', sightingOf('Tin đồn chỉ Ban biên tập xử lý'));
    await make('passed', sightingOf('Tài khoản giả mạo Chủ tịch xã', { state: SIGHTING_STATUS.toPolice }));
    await make('later', sightingOf('Trang lừa đảo thu phí cài VNeID'));
  });

  afterAll(async () => {
    await cms?.stop();
  });

  const contentsSeenBy = async (api: AdminApi) => {
    const res = await api.request('GET', list(SIGHTING));
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    return (res.body.results as Array<{ content: string }>).map((s) => s.content).sort();
  };

  it('Công an xã sees only the sightings passed to it, and keeps seeing them once settled', async () => {
    expect(await contentsSeenBy(police)).toEqual(['Tài khoản giả mạo Chủ tịch xã']);
    expect((await police.request('GET', `/content-manager/collection-types/${SIGHTING}/${ids.kept}`)).status).toBe(403);
    // Passed later by an editor: it appears.
    await editor.update(SIGHTING, ids.later, { state: SIGHTING_STATUS.toPolice, handlingNote: 'Đề nghị Công an xã xử lý.' });
    expect(await contentsSeenBy(police)).toEqual(['Tài khoản giả mạo Chủ tịch xã', 'Trang lừa đảo thu phí cài VNeID'].sort());
    // Settled by the police: still theirs to see.
    const settled = await police.update(SIGHTING, ids.later, { state: SIGHTING_STATUS.takenDown, handlingNote: 'Đã yêu cầu nền tảng gỡ trang.' });
    expect(settled.status, JSON.stringify(settled.body)).toBe(200);
    expect(await contentsSeenBy(police)).toContain('Trang lừa đảo thu phí cài VNeID');
    const history = await editor.request('GET', `/content-manager/collection-types/${SIGHTING}/${ids.later}?populate=*`);
    expect(history.body.data.steps.at(-1)).toMatchObject({ state: 'Đã gỡ bỏ', by: 'Cán bộ Công an xã', note: 'Đã yêu cầu nền tảng gỡ trang.' });
  });

  it('Công an xã changes the state and the note only, never what was seen', async () => {
    const res = await police.update(SIGHTING, ids.passed, { content: 'Nội dung bị sửa', harm: 'Thấp', state: SIGHTING_STATUS.takenDown });
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    const saved = await editor.request('GET', `/content-manager/collection-types/${SIGHTING}/${ids.passed}`);
    expect(saved.body.data).toMatchObject({ content: 'Tài khoản giả mạo Chủ tịch xã', harm: 'Trung bình', state: 'Đã gỡ bỏ' });
    expect((await police.update(SIGHTING, ids.kept, { state: SIGHTING_STATUS.noAction })).status).toBe(403);
  });

  it('Công an xã sees nothing else: no pieces, no activities, no new sightings, no rebuttals', async () => {
    expect((await police.request('GET', list(ARTICLE))).status).toBe(403);
    expect((await police.request('GET', list(ACTIVITY))).status).toBe(403);
    expect((await police.create(SIGHTING, sightingOf('Công an tự ghi'))).status).toBe(403);
    expect((await police.request('POST', `/monitoring/sightings/${ids.passed}/rebuttal`, {})).status).toBe(403);
    const queue = await police.request('GET', '/monitoring/open-sightings');
    expect(queue.status).toBe(200);
    expect((queue.body.data as Array<{ documentId: string }>).map((s) => s.documentId)).not.toContain(ids.kept);
  });

  it('a residential-area head logs activities and reads and edits only their own', async () => {
    const area = await admin.create('api::residential-area.residential-area', { name: 'Khu dân cư số 3' });
    expect(area.status, JSON.stringify(area.body)).toBe(201);
    const place = { residentialArea: connect([area.body.data.documentId]), themes: connect(await headOne.ids('theme', ['dich-vu-cong-truc-tuyen'])) };
    const mine = await headOne.create(ACTIVITY, activityOf('Hướng dẫn cài VNeID tại nhà văn hóa khu 3', place));
    expect(mine.status, JSON.stringify(mine.body)).toBe(201);
    const theirs = await headTwo.create(ACTIVITY, activityOf('Họp dân khu 5 về dịch vụ công'));
    expect(theirs.status).toBe(201);

    const seen = await headOne.request('GET', list(ACTIVITY));
    expect((seen.body.results as Array<{ description: string }>).map((a) => a.description)).toEqual(['Hướng dẫn cài VNeID tại nhà văn hóa khu 3']);
    expect((await headOne.request('GET', `/content-manager/collection-types/${ACTIVITY}/${theirs.body.data.documentId}`)).status).toBe(403);
    expect((await headOne.update(ACTIVITY, theirs.body.data.documentId, { peopleReached: 1 })).status).toBe(403);
    expect((await headOne.update(ACTIVITY, mine.body.data.documentId, { peopleReached: 45 })).status).toBe(200);
    expect((await headOne.request('GET', list(SIGHTING))).status).toBe(403);
    expect((await headOne.request('GET', list(ARTICLE))).status).toBe(403);
    // The office sees every activity.
    const all = await editor.request('GET', list(ACTIVITY));
    expect(all.body.results).toHaveLength(2);
  });

  it('a residential-area head writes no pieces; an editor logs activities too', async () => {
    expect((await headOne.create(ARTICLE, articleFields)).status).toBe(403);
    expect((await editor.create(ACTIVITY, activityOf('Phát thanh 3 buổi về VNeID', { channel: 'Truyền thanh', times: 3, minutes: 45 }))).status).toBe(201);
  });

  describe('bad input is refused in Vietnamese, naming the field', () => {
    it.each([
      ['a negative number of people reached', ACTIVITY, activityOf('Sai số', { peopleReached: -5 }), '«Số người được tuyên truyền» không được nhỏ hơn 0.'],
      ['a negative duration', ACTIVITY, activityOf('Sai thời lượng', { minutes: -1 }), '«Thời lượng (phút)» không được nhỏ hơn 0.'],
      ['an activity without what was done', ACTIVITY, activityOf(''), '«Nội dung hoạt động» là bắt buộc.'],
      ['a channel that is not the plan’s', ACTIVITY, activityOf('Kênh lạ', { channel: 'Loa kéo' }), '«Hình thức» phải là một trong: Truyền thanh'],
      ['a sighting without what it said', SIGHTING, sightingOf(''), '«Nội dung thông tin» là bắt buộc.'],
      ['a harm off the scale', SIGHTING, sightingOf('Mức lạ', { harm: 'Rất cao' }), '«Mức độ ảnh hưởng» phải là một trong: Thấp, Trung bình, Cao, Nghiêm trọng.'],
      ['a link that is not a web address', SIGHTING, sightingOf('Liên kết lạ', { url: 'javascript:alert(1)' }), '«Liên kết» phải là một địa chỉ web đầy đủ'],
    ])('%s', async (_case, uid, data, message) => {
      const res = await editor.create(uid, data);
      expect(res.status).toBe(400);
      expect(res.body.error.message).toContain(message);
    });

    it('an edit that empties a required field or adds a picture without its description', async () => {
      const created = await editor.create(ACTIVITY, activityOf('Sẽ bị sửa sai'));
      const id = created.body.data.documentId;
      const emptied = await editor.update(ACTIVITY, id, { description: '  ' });
      expect(emptied.status).toBe(400);
      expect(emptied.body.error.message).toContain('«Nội dung hoạt động» là bắt buộc.');
      const uploaded = await multipart(editor, '/upload', { files: await png('#16a085') });
      const pictured = await editor.update(ACTIVITY, id, { photo: uploaded.body[0].id, photoAlt: '' });
      expect(pictured.status).toBe(400);
      expect(pictured.body.error.message).toContain('«Mô tả ảnh» là bắt buộc khi có ảnh hoạt động');
    });

    it('a screenshot without its description', async () => {
      const uploaded = await multipart(editor, '/upload', { files: await png('#c0392b') });
      expect(uploaded.status, JSON.stringify(uploaded.body)).toBe(201);
      const res = await editor.create(SIGHTING, sightingOf('Có ảnh chụp', { screenshot: uploaded.body[0].id }));
      expect(res.status).toBe(400);
      expect(res.body.error.message).toContain('«Mô tả ảnh chụp» là bắt buộc khi có ảnh chụp màn hình');
      const described = await editor.create(SIGHTING, sightingOf('Có ảnh chụp', { screenshot: uploaded.body[0].id, screenshotAlt: 'Ảnh chụp bài đăng' }));
      expect(described.status, JSON.stringify(described.body)).toBe(201);
    });
  });
});
