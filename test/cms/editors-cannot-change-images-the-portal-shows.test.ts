import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AdminApi, connect } from '../helpers/admin-api.ts';
import { multipart, png, userWithRole } from '../helpers/admin-users.ts';
import { bootCms, type Database, type TestCms } from '../helpers/cms.ts';
import { articleFields, serviceGuideFields } from '../fixtures/entries.ts';

// Finding 4 of issue 12: "update" in the media library also replaces and deletes files. A
// Biên tập viên who replaced the image of a published piece changed the live portal at the
// next build, past the reviewer. Editors now change only files no published piece shows.
const ARTICLE = 'api::article.article';
const GUIDE = 'api::service-guide.service-guide';
type UploadedFile = { id: number; name: string; hash: string; url: string };

// Which files the portal shows is found by database queries (media, components, text): both databases.
describe.each<Database>(['sqlite', 'postgres'])('editors and the images the portal shows, on %s', (database) => {
  let cms: TestCms;
  let superAdmin: AdminApi;
  let editor: AdminApi;
  let reviewer: AdminApi;
  const files: Record<'live' | 'draftOnly' | 'unused' | 'inBody' | 'inStep' | 'inFolder', UploadedFile> = {} as never;

  async function upload(api: AdminApi, colour: string): Promise<UploadedFile> {
    const res = await multipart(api, '/upload', { files: await png(colour) });
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    return res.body[0];
  }

  async function created(api: AdminApi, uid: string, data: Record<string, unknown>): Promise<string> {
    const res = await api.create(uid, data);
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    return res.body.data.documentId;
  }

  async function published(uid: string, documentId: string): Promise<void> {
    // Issue 10: a reviewer publishes what an editor sent and another person approved.
    expect((await editor.review(uid, documentId, 'submit')).status).toBe(200);
    expect((await reviewer.review(uid, documentId, 'approve')).status).toBe(200);
    const res = await reviewer.publish(uid, documentId);
    expect(res.status, JSON.stringify(res.body)).toBe(200);
  }

  async function stored(id: number): Promise<UploadedFile | null> {
    const res = await superAdmin.request('GET', `/upload/files/${id}`);
    return res.status === 200 ? res.body : null;
  }

  beforeAll(async () => {
    cms = await bootCms({ database });
    superAdmin = new AdminApi(cms, cms.adminToken);
    editor = await userWithRole(cms, superAdmin, 'Biên tập viên', 'bientap@thanhthuy.test');
    reviewer = await userWithRole(cms, superAdmin, 'Lãnh đạo duyệt', 'lanhdao@thanhthuy.test');
    const relations = { themes: connect(await superAdmin.ids('theme', ['kiem-tra-don-doc'])), unit: connect(await superAdmin.ids('unit', ['phong-vhxh'])) };
    const guideRelations = { themes: connect(await superAdmin.ids('theme', ['dich-vu-cong-truc-tuyen'])), unit: connect(await superAdmin.ids('unit', ['phong-vhxh'])) };

    files.live = await upload(editor, '#c0392b');
    files.draftOnly = await upload(editor, '#27ae60');
    files.unused = await upload(editor, '#2980b9');
    files.inBody = await upload(editor, '#8e44ad');
    files.inStep = await upload(editor, '#f39c12');
    files.inFolder = await upload(editor, '#16a085');

    const cover = (file: UploadedFile) => ({ cover: file.id, coverAlt: 'Ảnh hội nghị' });
    await published(ARTICLE, await created(editor, ARTICLE, { ...articleFields, title: 'Bài đã đăng có ảnh bìa', ...cover(files.live), ...relations }));
    await created(editor, ARTICLE, { ...articleFields, title: 'Bản nháp có ảnh bìa', ...cover(files.draftOnly), ...relations });
    await published(ARTICLE, await created(editor, ARTICLE, { ...articleFields, title: 'Bài đã đăng có ảnh trong thân bài', body: `Ảnh hiện trường:\n\n![Hiện trường](${files.inBody.url})`, ...relations }));
    await published(ARTICLE, await created(editor, ARTICLE, { ...articleFields, title: 'Bài đã đăng có ảnh trong thư mục', ...cover(files.inFolder), ...relations }));
    const steps = [{ text: 'Mở Cổng Dịch vụ công.', screenshot: files.inStep.id, screenshotAlt: 'Trang chủ Cổng Dịch vụ công' }];
    await published(GUIDE, await created(editor, GUIDE, { ...serviceGuideFields, title: 'Hướng dẫn có ảnh chụp màn hình', steps, ...guideRelations }));
  });

  afterAll(async () => {
    await cms?.stop();
  });

  const refusedAsPublished = (res: { status: number; body: any }, usedIn: string) => {
    expect(res.status, JSON.stringify(res.body)).toBe(403);
    expect(res.body.error.message).toContain('đang hiện trên cổng thông tin');
    expect(res.body.error.message).toContain(usedIn);
  };

  it('an editor cannot replace, edit or delete the cover of a published piece, and is told why in Vietnamese', async () => {
    const { id } = files.live;
    const usedIn = 'Tin bài «Bài đã đăng có ảnh bìa»';
    refusedAsPublished(await multipart(editor, `/upload/files/${id}/replace`, { files: await png('#000000') }), usedIn);
    refusedAsPublished(await multipart(editor, `/upload?id=${id}`, { files: await png('#000000') }), usedIn);
    refusedAsPublished(await multipart(editor, `/upload/files/${id}`, { fileInfo: JSON.stringify({ name: 'doi-ten.png' }) }, 'PUT'), usedIn);
    refusedAsPublished(await editor.request('POST', '/upload/actions/bulk-update', { updates: [{ id, fileInfo: { name: 'doi-ten.png' } }] }), usedIn);
    refusedAsPublished(await editor.request('DELETE', `/upload/files/${id}`), usedIn);
    refusedAsPublished(await editor.request('POST', '/upload/actions/bulk-delete', { fileIds: [id], folderIds: [] }), usedIn);
    expect(await stored(id)).toMatchObject({ name: files.live.name, hash: files.live.hash, url: files.live.url });
  });

  it('an image shown only in a published body or a published guide step is protected too', async () => {
    refusedAsPublished(await multipart(editor, `/upload/files/${files.inBody.id}/replace`, { files: await png('#000000') }), 'Tin bài «Bài đã đăng có ảnh trong thân bài»');
    refusedAsPublished(await multipart(editor, `/upload/files/${files.inStep.id}/replace`, { files: await png('#000000') }), 'Hướng dẫn dịch vụ công «Hướng dẫn có ảnh chụp màn hình»');
  });

  it('an editor cannot delete a folder holding an image the portal shows', async () => {
    const folder = await editor.request('POST', '/upload/folders', { name: 'Ảnh hội nghị', parent: null });
    expect(folder.status, JSON.stringify(folder.body)).toBe(201);
    const moved = await editor.request('POST', '/upload/actions/bulk-move', { fileIds: [files.inFolder.id], folderIds: [], destinationFolderId: folder.body.data.id });
    expect(moved.status, JSON.stringify(moved.body)).toBe(200);
    refusedAsPublished(await editor.request('POST', '/upload/actions/bulk-delete', { fileIds: [], folderIds: [folder.body.data.id] }), 'Tin bài «Bài đã đăng có ảnh trong thư mục»');
    expect(await stored(files.inFolder.id)).not.toBeNull();
  });

  it('an editor may replace, edit and delete images no published piece shows (unused, or in drafts only)', async () => {
    const replaced = await multipart(editor, `/upload/files/${files.draftOnly.id}/replace`, { files: await png('#000000') });
    expect(replaced.status, JSON.stringify(replaced.body)).toBe(200);
    const renamed = await editor.request('POST', '/upload/actions/bulk-update', { updates: [{ id: files.unused.id, fileInfo: { name: 'anh-moi.png' } }] });
    expect(renamed.status, JSON.stringify(renamed.body)).toBe(200);
    expect((await stored(files.unused.id))?.name).toBe('anh-moi.png');
    const deleted = await editor.request('DELETE', `/upload/files/${files.unused.id}`);
    expect(deleted.status, JSON.stringify(deleted.body)).toBe(200);
    expect(await stored(files.unused.id)).toBeNull();
  });

  it('a reviewer (Lãnh đạo duyệt) may replace an image the portal shows', async () => {
    const res = await multipart(reviewer, `/upload/files/${files.live.id}/replace`, { files: await png('#ffffff') });
    expect(res.status, JSON.stringify(res.body)).toBe(200);
  });
});
