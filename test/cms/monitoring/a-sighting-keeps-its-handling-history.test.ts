import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { HARM_LEVELS, SIGHTING_STATUS } from '@thanh-thuy/content-types';
import { AdminApi, connect } from '../../helpers/admin-api.ts';
import { userWithRole } from '../../helpers/admin-users.ts';
import { bootCms, type Database, type TestCms } from '../../helpers/cms.ts';
import { factCheckFields } from '../../fixtures/entries.ts';

const SIGHTING = 'api::sighting.sighting';
const FACT_CHECK = 'api::fact-check.fact-check';

const rumour = {
  platform: 'Facebook',
  outlet: 'Nhóm Chợ Thanh Thủy',
  url: 'https://www.facebook.com/groups/chothanhthuy/posts/123',
  content: 'Từ tháng 10, người dân phải nộp 200.000 đồng để kích hoạt VNeID mức 2.',
  // 01:30 on 1 October in the commune, still 30 September in UTC: the day carried over is the commune's.
  seenAt: '2025-09-30T18:30:00.000Z',
  harm: 'Cao',
};

describe.each<Database>(['sqlite', 'postgres'])('a sighting on %s', (database) => {
  let cms: TestCms;
  let admin: AdminApi;
  let editor: AdminApi;
  let reviewer: AdminApi;

  const read = async (api: AdminApi, documentId: string) => {
    const res = await api.request('GET', `/content-manager/collection-types/${SIGHTING}/${documentId}?populate=*`);
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    return res.body.data as Record<string, any>;
  };

  beforeAll(async () => {
    cms = await bootCms({ database });
    admin = new AdminApi(cms, cms.adminToken);
    editor = await userWithRole(cms, admin, 'Biên tập viên', 'bientap@thanhthuy.test');
    reviewer = await userWithRole(cms, admin, 'Lãnh đạo duyệt', 'lanhdao@thanhthuy.test');
  });

  afterAll(async () => {
    await cms?.stop();
  });

  it('is logged by the editor who created it, with a first step “Mới”', async () => {
    const created = await editor.create(SIGHTING, rumour);
    expect(created.status, JSON.stringify(created.body)).toBe(201);
    const saved = await read(editor, created.body.data.documentId);
    expect(saved.state).toBe(SIGHTING_STATUS.new);
    expect(saved.loggedBy).toBe('Cán bộ Biên tập viên');
    expect(saved.steps).toHaveLength(1);
    expect(saved.steps[0]).toMatchObject({ state: 'Mới', by: 'Cán bộ Biên tập viên' });
  });

  it('records every change of state as a dated step with who, the state and the note, and empties the note field', async () => {
    const { body } = await editor.create(SIGHTING, { ...rumour, outlet: 'Trang Tin nhanh Phú Thọ' });
    const id = body.data.documentId;
    const before = Date.now();
    const changed = await editor.update(SIGHTING, id, { state: SIGHTING_STATUS.toPolice, handlingNote: 'Trang giả mạo, đề nghị Công an xã xác minh chủ tài khoản.' });
    expect(changed.status, JSON.stringify(changed.body)).toBe(200);
    // Saving again without a change of state or a note adds nothing.
    expect((await editor.update(SIGHTING, id, { outlet: 'Trang Tin nhanh Phú Thọ (giả mạo)' })).status).toBe(200);
    await reviewer.update(SIGHTING, id, { state: SIGHTING_STATUS.takenDown, handlingNote: 'Trang đã bị gỡ.' });
    const saved = await read(editor, id);
    expect(saved.steps.map((s: { state: string }) => s.state)).toEqual(['Mới', 'Chuyển Công an xã', 'Đã gỡ bỏ']);
    expect(saved.steps[1]).toMatchObject({ by: 'Cán bộ Biên tập viên', note: 'Trang giả mạo, đề nghị Công an xã xác minh chủ tài khoản.' });
    expect(saved.steps[2]).toMatchObject({ by: 'Cán bộ Lãnh đạo duyệt', note: 'Trang đã bị gỡ.' });
    expect(Date.parse(saved.steps[1].at)).toBeGreaterThanOrEqual(before - 1000);
    expect(saved.handlingNote).toBeNull();
    expect(saved.passedToPolice).toBe(true);
  });

  it('keeps its history when an edit sends other steps or none', async () => {
    const { body } = await editor.create(SIGHTING, rumour);
    const id = body.data.documentId;
    await editor.update(SIGHTING, id, { state: SIGHTING_STATUS.verifying, handlingNote: 'Đang hỏi Phòng Văn hóa - Xã hội.' });
    const tampered = await editor.update(SIGHTING, id, { steps: [{ at: '2020-01-01T00:00:00.000Z', state: 'Không cần xử lý', note: 'Viết lại', by: 'Ai đó' }] });
    expect(tampered.status, JSON.stringify(tampered.body)).toBe(200);
    await editor.update(SIGHTING, id, { steps: [] });
    const saved = await read(editor, id);
    expect(saved.steps.map((s: { state: string; note: string | null }) => [s.state, s.note])).toEqual([
      ['Mới', null],
      ['Đang xác minh', 'Đang hỏi Phòng Văn hóa - Xã hội.'],
    ]);
    expect(saved.state).toBe(SIGHTING_STATUS.verifying);
  });

  it('becomes a draft fact-check in one action carrying its claim, link, platform and day, and moves to “Đang xác minh”', async () => {
    const theme = connect(await admin.ids('theme', ['giai-phap-cong-nghe']));
    const { body } = await editor.create(SIGHTING, { ...rumour, themes: theme });
    const id = body.data.documentId;
    const made = await editor.request('POST', `/monitoring/sightings/${id}/rebuttal`, {});
    expect(made.status, JSON.stringify(made.body)).toBe(201);
    const draftId = made.body.data.factCheck.documentId;

    const draft = await editor.request('GET', `/content-manager/collection-types/${FACT_CHECK}/${draftId}?populate=*`);
    expect(draft.body.data).toMatchObject({
      claim: rumour.content,
      claimPlatform: 'Facebook',
      claimUrl: rumour.url,
      claimSeenAt: '2025-10-01',
      publishedAt: null,
      title: 'Phản bác thông tin trên Facebook ngày 01/10/2025',
    });
    const themeKeys = (draft.body.data.themes as Array<{ key: string }>).map((t) => t.key).sort();
    expect(themeKeys).toEqual(['giai-phap-cong-nghe', 'phan-bac-thong-tin-xau-doc']);

    // The edit page shows the link through the content manager's relations endpoint.
    const linked = await editor.request('GET', `/content-manager/relations/${SIGHTING}/${id}/factCheck`);
    expect(linked.status, JSON.stringify(linked.body)).toBe(200);
    expect(linked.body.results.map((r: { documentId: string }) => r.documentId)).toEqual([draftId]);
    const saved = await read(editor, id);
    expect(saved.state).toBe(SIGHTING_STATUS.verifying);
    expect(saved.steps.at(-1)).toMatchObject({ state: 'Đang xác minh', by: 'Cán bộ Biên tập viên' });
    // The fact-check's edit page links back to the sighting it answers.
    const back = await editor.request('GET', `/monitoring/fact-checks/${draftId}/sightings`);
    expect(back.status, JSON.stringify(back.body)).toBe(200);
    expect(back.body.data.map((s: { documentId: string }) => s.documentId)).toEqual([id]);

    // A second click opens nothing new: the sighting already has its rebuttal.
    const again = await editor.request('POST', `/monitoring/sightings/${id}/rebuttal`, {});
    expect(again.status).toBe(409);
    expect(again.body.error.message).toContain('đã có bài phản bác');
  });

  it('becomes “Đã phản bác”, with a step, when its fact-check is published', async () => {
    const { body } = await editor.create(SIGHTING, rumour);
    const id = body.data.documentId;
    const made = await editor.request('POST', `/monitoring/sightings/${id}/rebuttal`, {});
    const draftId = made.body.data.factCheck.documentId;
    const unit = connect(await admin.ids('unit', ['cong-an-xa']));
    const { claim: _claim, claimPlatform: _p, claimSeenAt: _d, ...rest } = factCheckFields;
    expect((await editor.update(FACT_CHECK, draftId, { ...rest, unit })).status).toBe(200);
    // An editor may not publish; the sighting waits for the reviewer.
    expect((await editor.publish(FACT_CHECK, draftId)).status).toBe(403);
    expect((await read(editor, id)).state).toBe(SIGHTING_STATUS.verifying);
    expect((await editor.review(FACT_CHECK, draftId, 'submit')).status).toBe(200);
    expect((await reviewer.review(FACT_CHECK, draftId, 'approve')).status).toBe(200);
    const published = await reviewer.publish(FACT_CHECK, draftId);
    expect(published.status, JSON.stringify(published.body)).toBe(200);
    const saved = await read(editor, id);
    expect(saved.state).toBe(SIGHTING_STATUS.rebutted);
    expect(saved.steps.at(-1)).toMatchObject({ state: 'Đã phản bác', by: 'Cán bộ Lãnh đạo duyệt', note: `Đã xuất bản bài phản bác «${factCheckFields.title}».` });
    // A later correction of the rebuttal adds no step.
    expect((await reviewer.publish(FACT_CHECK, draftId)).status).toBe(200);
    expect((await read(editor, id)).steps).toHaveLength(saved.steps.length);
  });

  it('shows the fields the CMS writes itself read-only in the admin, and lists what was said first', async () => {
    const res = await editor.request('GET', `/content-manager/content-types/${SIGHTING}/configuration`);
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    const { layouts, metadatas, settings } = res.body.data.contentType;
    expect(layouts.list).toEqual(['content', 'platform', 'harm', 'state', 'seenAt']);
    for (const field of ['steps', 'loggedBy', 'passedToPolice']) expect(metadatas[field].edit.editable, field).toBe(false);
    expect(metadatas.state.edit.label).toBe('Tình trạng xử lý');
    expect(settings.mainField).toBe('content');
  });

  it('lists the open sightings most harmful first, then longest waiting', async () => {
    const queue = [
      { harm: 'Thấp', seenAt: '2025-09-01T01:00:00.000Z', content: 'Hàng đợi: thấp, cũ' },
      { harm: 'Nghiêm trọng', seenAt: '2025-09-10T01:00:00.000Z', content: 'Hàng đợi: nghiêm trọng, mới hơn' },
      { harm: 'Nghiêm trọng', seenAt: '2025-09-05T01:00:00.000Z', content: 'Hàng đợi: nghiêm trọng, cũ hơn' },
      { harm: 'Trung bình', seenAt: '2025-08-30T01:00:00.000Z', content: 'Hàng đợi: trung bình' },
      { harm: 'Nghiêm trọng', seenAt: '2025-08-01T01:00:00.000Z', content: 'Hàng đợi: đã xong', state: SIGHTING_STATUS.noAction },
    ];
    for (const item of queue) expect((await editor.create(SIGHTING, { ...rumour, ...item })).status).toBe(201);
    const res = await editor.request('GET', '/monitoring/open-sightings');
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    const ours = (res.body.data as Array<{ content: string; harm: string }>).filter((s) => s.content.startsWith('Hàng đợi'));
    expect(ours.map((s) => s.content)).toEqual(['Hàng đợi: nghiêm trọng, cũ hơn', 'Hàng đợi: nghiêm trọng, mới hơn', 'Hàng đợi: trung bình', 'Hàng đợi: thấp, cũ']);
    const ranks = (res.body.data as Array<{ harm: string }>).map((s) => HARM_LEVELS.indexOf(s.harm as never));
    expect(ranks).toEqual([...ranks].sort((a, b) => b - a));
  });
});
