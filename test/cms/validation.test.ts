import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AdminApi, connect } from '../helpers/admin-api.ts';
import { bootCms, type Database, type TestCms } from '../helpers/cms.ts';
import { articleFields, factCheckFields, modelPracticeFields, serviceGuideFields } from '../fixtures/entries.ts';

const uid = (s: string) => `api::${s}.${s}`;

describe.each<Database>(['sqlite', 'postgres'])('editor input on %s', (database) => {
  let cms: TestCms;
  let api: AdminApi;
  let relations: (theme: string) => Promise<Record<string, unknown>>;

  beforeAll(async () => {
    cms = await bootCms({ database });
    api = new AdminApi(cms, cms.adminToken);
    relations = async (theme) => ({
      themes: connect(await api.ids('theme', [theme])),
      unit: connect(await api.ids('unit', ['trung-tam-dvsnc'])),
    });
  });

  afterAll(async () => {
    await cms?.stop();
  });

  async function createAndPublish(singular: string, data: Record<string, unknown>) {
    const created = await api.create(uid(singular), data);
    expect(created.status, JSON.stringify(created.body)).toBe(201);
    return { created: created.body.data, published: await api.publish(uid(singular), created.body.data.documentId) };
  }

  it.each([
    ['article', articleFields, 'y-nghia-ke-hoach'],
    ['model-practice', modelPracticeFields, 'dien-hinh-tien-tien'],
    ['service-guide', serviceGuideFields, 'dich-vu-cong-truc-tuyen'],
    ['fact-check', factCheckFields, 'phan-bac-thong-tin-xau-doc'],
  ] as const)('a complete %s is published with a folded slug', async (singular, fields, theme) => {
    const { created, published } = await createAndPublish(singular, { ...fields, ...(await relations(theme)) });
    expect(published.status, JSON.stringify(published.body)).toBe(200);
    expect(created.slug).toMatch(/^[a-z0-9]+(-[a-z0-9]+)*$/);
    const res = await fetch(`${cms.url}/api/${singular}s?filters[slug]=${created.slug}`, { headers: { authorization: `Bearer ${cms.siteToken}` } });
    expect(((await res.json()) as { data: unknown[] }).data).toHaveLength(1);
  });

  it('turns a Vietnamese title into an accent-free slug, đ folded', async () => {
    const { created } = await createAndPublish('service-guide', {
      ...serviceGuideFields,
      title: 'Đăng ký thường trú qua Cổng Dịch vụ công',
      ...(await relations('dich-vu-cong-truc-tuyen')),
    });
    expect(created.slug).toBe('dang-ky-thuong-tru-qua-cong-dich-vu-cong');
  });

  it('gives a second piece with the same title its own slug', async () => {
    const data = { ...articleFields, title: 'Tin trùng tiêu đề', ...(await relations('tien-do-nhiem-vu')) };
    const first = await api.create(uid('article'), data);
    const second = await api.create(uid('article'), data);
    expect(first.body.data.slug).toBe('tin-trung-tieu-de');
    expect(second.body.data.slug).toBe('tin-trung-tieu-de-2');
  });

  it('refuses a slug another piece of the same kind already uses, naming the field', async () => {
    const res = await api.create(uid('article'), { ...articleFields, title: 'Tiêu đề khác', slug: 'tin-trung-tieu-de' });
    expect(res.status).toBe(400);
    expect(res.body.error.message).toContain('«Đường dẫn» "tin-trung-tieu-de" đã được dùng');
    expect(res.body.error.details.errors[0].path).toEqual(['slug']);
  });

  it('refuses to publish a fact-check without an official source', async () => {
    const { published } = await createAndPublish('fact-check', {
      ...factCheckFields,
      title: 'Kiểm chứng thiếu nguồn',
      sources: [],
      ...(await relations('phan-bac-thong-tin-xau-doc')),
    });
    expect(published.status).toBe(400);
    expect(published.body.error.message).toBe('Chưa thể xuất bản "Kiểm chứng thiếu nguồn": «Nguồn chính thức» cần ít nhất 1 mục.');
    expect(published.body.error.details.errors).toEqual([{ path: ['sources'], message: '«Nguồn chính thức» cần ít nhất 1 mục.', name: 'ValidationError' }]);
  });

  it('saves an incomplete draft but refuses to publish it, listing what is missing', async () => {
    const created = await api.create(uid('service-guide'), { title: 'Hướng dẫn còn dở' });
    expect(created.status, JSON.stringify(created.body)).toBe(201);
    const res = await api.publish(uid('service-guide'), created.body.data.documentId);
    expect(res.status).toBe(400);
    const paths = res.body.error.details.errors.map((e: { path: string[] }) => e.path.join('.'));
    expect(paths).toEqual(expect.arrayContaining(['summary', 'procedureName', 'procedureCode', 'onlineUrl', 'steps', 'themes', 'unit']));
    expect(res.body.error.message).toMatch(/^Chưa thể xuất bản "Hướng dẫn còn dở": «Sapo» là bắt buộc\./);
  });

  it('refuses a malformed link on save, in Vietnamese', async () => {
    const res = await api.create(uid('service-guide'), { ...serviceGuideFields, title: 'Link sai', onlineUrl: 'dichvucong.gov.vn' });
    expect(res.status).toBe(400);
    expect(res.body.error.message).toContain('«Liên kết nộp hồ sơ trực tuyến» phải là một địa chỉ web đầy đủ');
  });

  it('refuses a procedure code that is not the national portal’s format', async () => {
    const res = await api.create(uid('service-guide'), { ...serviceGuideFields, title: 'Mã sai', procedureCode: 'KS-01' });
    expect(res.status).toBe(400);
    expect(res.body.error.details.errors[0]).toMatchObject({ path: ['procedureCode'], message: expect.stringContaining('«Mã thủ tục»') });
  });

  it('refuses a verdict outside the fixed scale, in Vietnamese', async () => {
    const res = await api.create(uid('fact-check'), { ...factCheckFields, title: 'Phán quyết lạ', verdict: 'Nửa đúng nửa sai' });
    expect(res.status).toBe(400);
    const message = '«Kết luận kiểm chứng» phải là một trong: Sai sự thật, Sai lệch, Thiếu căn cứ, Đúng.';
    expect(res.body.error.message).toBe(`Chưa thể lưu: ${message}`);
    expect(res.body.error.details.errors).toEqual([{ path: ['verdict'], message, name: 'ValidationError' }]);
  });

  it('stores a pasted link and title cleaned: no trailing non-breaking space, no control character', async () => {
    const created = await api.create(uid('service-guide'), {
      ...serviceGuideFields,
      title: '\u00A0Hướng dẫn\u0007 dán từ Word\u200B',
      summary: 'Dòng một\r\nDòng hai\u0000',
      onlineUrl: 'https://dichvucong.gov.vn/p/home/dvc-trang-chu.html\u00A0',
      steps: [{ text: '\uFEFFBước một\u000C' }],
    });
    expect(created.status, JSON.stringify(created.body)).toBe(201);
    const stored = await api.request('GET', `/content-manager/collection-types/${uid('service-guide')}/${created.body.data.documentId}`);
    expect(stored.body.data).toMatchObject({
      title: 'Hướng dẫn dán từ Word',
      summary: 'Dòng một\nDòng hai',
      onlineUrl: 'https://dichvucong.gov.vn/p/home/dvc-trang-chu.html',
      steps: [expect.objectContaining({ text: 'Bước một' })],
    });
  });

  it('stores decomposed (NFD) Vietnamese in composed form', async () => {
    const title = 'Thủy lợi nội đồng Khu Đồng Xuân';
    const created = await api.create(uid('article'), { ...articleFields, title: title.normalize('NFD') });
    expect(created.status, JSON.stringify(created.body)).toBe(201);
    expect(created.body.data.title).toBe(title.normalize('NFC'));
    expect(created.body.data.slug).toBe('thuy-loi-noi-dong-khu-dong-xuan');
  });

  it('refuses an invalid update as it refuses an invalid create, in Vietnamese', async () => {
    const created = await api.create(uid('fact-check'), { ...factCheckFields, title: 'Kiểm chứng sẽ bị sửa sai' });
    expect(created.status, JSON.stringify(created.body)).toBe(201);
    const documentId = created.body.data.documentId;
    const cases: Array<[Record<string, unknown>, string[], string]> = [
      [{ claimUrl: 'facebook.com/bai-viet' }, ['claimUrl'], '«Liên kết nơi phát hiện» phải là một địa chỉ web đầy đủ, bắt đầu bằng https:// hoặc http://.'],
      [{ verdict: 'Nửa đúng' }, ['verdict'], '«Kết luận kiểm chứng» phải là một trong: Sai sự thật, Sai lệch, Thiếu căn cứ, Đúng.'],
      // Strapi itself refuses an impossible date, in English ("Invalid format, expected yyyy-MM-dd").
      [{ claimSeenAt: '2025-02-30' }, ['claimSeenAt'], '«Ngày phát hiện» phải là một ngày hợp lệ.'],
      [{ sources: [{ title: 'Thông báo', issuer: 'Công an xã', url: 'javascript:alert(1)' }] }, ['sources', '0', 'url'], '«Liên kết» phải là một địa chỉ web đầy đủ, bắt đầu bằng https:// hoặc http://.'],
      [{ title: 'T'.repeat(201) }, ['title'], '«Tiêu đề» dài quá: tối đa 200 ký tự.'],
    ];
    for (const [change, path, message] of cases) {
      const res = await api.update(uid('fact-check'), documentId, change);
      expect(res.status, JSON.stringify(change)).toBe(400);
      expect(res.body.error.message).toBe(`Chưa thể lưu: ${message}`);
      expect(res.body.error.details.errors).toEqual([{ path, message, name: 'ValidationError' }]);
    }
    const unchanged = await api.request('GET', `/content-manager/collection-types/${uid('fact-check')}/${documentId}`);
    expect(unchanged.body.data).toMatchObject({ title: 'Kiểm chứng sẽ bị sửa sai', verdict: factCheckFields.verdict, claimSeenAt: factCheckFields.claimSeenAt });
  });

  it('refuses to publish a model practice without measurable results', async () => {
    const { published } = await createAndPublish('model-practice', {
      ...modelPracticeFields,
      title: 'Mô hình chưa có số liệu',
      results: [],
      ...(await relations('dien-hinh-tien-tien')),
    });
    expect(published.status).toBe(400);
    expect(published.body.error.message).toContain('«Kết quả đo được» cần ít nhất 1 mục.');
  });

  it('refuses to publish a guide filed under another theme only', async () => {
    const { published } = await createAndPublish('service-guide', {
      ...serviceGuideFields,
      title: 'Hướng dẫn sai chủ đề',
      ...(await relations('so-ket-tong-ket')),
    });
    expect(published.status).toBe(400);
    expect(published.body.error.message).toContain('«Chủ đề» phải gồm «Dịch vụ công trực tuyến»');
  });
});
