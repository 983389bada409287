// A Strapi-shaped stand-in for benchmarks and build tests: serves N generated Vietnamese
// pieces on 127.0.0.1 with the exact REST shapes of Strapi 5 (flat entries, populated
// relations, media objects, components, pagination), plus /api/commune, /api/crosspost/shared and a few images.
import { createHash } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { campaignPeriod, contentKinds, SHARED_POSTS_MAX_PAGE_SIZE, SHARED_POSTS_PAGE_SIZE, taxonomy, toSlug, type ContentKindDefinition, type PlanCoverage } from '@thanh-thuy/content-types';
import sharp from 'sharp';

type Entry = Record<string, unknown>;

export interface SyntheticCmsOptions {
  /** Number of published pieces, spread over the four kinds. */
  count: number;
  /** Distinct cover images (each reused by many pieces, as a real newsroom does). */
  images?: number;
  token?: string;
  /** Changes an entry before it is served (build tests use it to make one invalid). */
  mutate?: (entry: Entry, kind: ContentKindDefinition, index: number) => Entry;
}

export interface SyntheticCms {
  url: string;
  token: string;
  entries: Map<string, Entry[]>;
  requests: () => number;
  stop: () => Promise<void>;
}

const SHARE: Record<string, number> = { article: 0.5, 'model-practice': 0.15, 'service-guide': 0.15, 'fact-check': 0.2 };
const CAMPAIGN_START = Date.parse('2025-08-28T01:00:00Z');
const CAMPAIGN_MS = Date.parse('2025-12-31T10:00:00Z') - CAMPAIGN_START;

const SUBJECTS = ['Đăng ký khai sinh', 'Chuyển đổi số', 'Định danh điện tử', 'Dịch vụ công trực tuyến', 'Thanh toán không dùng tiền mặt', 'Đất đai', 'Hộ tịch', 'Bảo hiểm y tế', 'An toàn thông tin', 'Đào tạo kỹ năng số'];
const PLACES = ['Khu 1', 'Khu 2', 'Khu 3', 'Khu Đồng Xuân', 'Khu Minh Tân', 'Khu Tiên Lâm', 'Khu Đồng Lực', 'Khu Phú Lợi', 'Khu Hòa Bình'];
const SENTENCES = [
  'UBND xã Thanh Thủy tiếp tục đẩy mạnh chuyển đổi số liên thông, đồng bộ, nhanh, hiệu quả.',
  'Tổ công nghệ số cộng đồng đến từng hộ dân hướng dẫn cài đặt ứng dụng và kích hoạt tài khoản định danh điện tử.',
  'Người dân có thể nộp hồ sơ trên Cổng Dịch vụ công quốc gia mà không phải đến trụ sở UBND xã.',
  'Bộ phận một cửa đã tiếp nhận hàng trăm hồ sơ trực tuyến, thời gian giải quyết được rút ngắn đáng kể.',
  'Đoàn Thanh niên xã ra quân hỗ trợ người cao tuổi sử dụng điện thoại thông minh.',
  'Các phòng, đơn vị trực thuộc UBND xã được kiểm tra, đôn đốc việc thực hiện Kế hoạch số 02.',
  'Đài truyền thanh cơ sở phát chuyên mục hằng tuần về dịch vụ công trực tuyến và cảnh báo lừa đảo.',
  'Dữ liệu hộ tịch, đất đai được làm sạch để phục vụ liên thông giữa các cơ quan.',
];

/** A deterministic pseudo-random generator, so every run serves the same site. */
function random(seed: number) {
  let s = seed >>> 0 || 1;
  return () => {
    s ^= s << 13;
    s ^= s >>> 17;
    s ^= s << 5;
    return (s >>> 0) / 2 ** 32;
  };
}

const documentIdOf = (kind: string, i: number) => createHash('sha1').update(`${kind}:${i}`).digest('base64url').slice(0, 24).toLowerCase().replace(/[^a-z0-9]/g, 'x');
const iso = (ms: number) => new Date(ms).toISOString();

function terms(list: Array<{ key: string; label: string }>, extra: (t: { key: string }, i: number) => Entry = () => ({})): Entry[] {
  return list.map((t, i) => ({ id: i + 1, documentId: documentIdOf('term', i + 100 * t.key.length), ...t, ...extra(t, i), order: i + 1, createdAt: iso(CAMPAIGN_START), updatedAt: iso(CAMPAIGN_START), publishedAt: iso(CAMPAIGN_START) }));
}

const themes = terms(taxonomy.themes);
const taskGroups = terms(taxonomy.taskGroups);
const audiences = terms(taxonomy.audiences);
const channels = terms(taxonomy.channels);
const units = terms(taxonomy.units.map(({ key, label, roles }) => ({ key, label, roles: roles.join('; ') })));

function media(index: number, url: string): Entry {
  const name = `anh-minh-hoa-${index}`;
  const format = (prefix: string, width: number) => ({ name: `${prefix}_${name}.jpg`, hash: `${prefix}_${name}`, ext: '.jpg', mime: 'image/jpeg', path: null, width, height: Math.round((width * 9) / 16), size: 10, sizeInBytes: 10_000, url: url.replace('/uploads/', `/uploads/${prefix}_`) });
  return {
    id: index + 1,
    documentId: documentIdOf('media', index),
    name: `${name}.jpg`,
    alternativeText: `Ảnh minh họa số ${index + 1} về chuyển đổi số ở xã Thanh Thủy`,
    caption: '',
    width: 1200,
    height: 675,
    formats: { thumbnail: format('thumbnail', 245), small: format('small', 500) },
    hash: name,
    ext: '.jpg',
    mime: 'image/jpeg',
    size: 40,
    url,
    previewUrl: null,
    provider: 'local',
    provider_metadata: null,
    createdAt: iso(CAMPAIGN_START),
    updatedAt: iso(CAMPAIGN_START),
    publishedAt: iso(CAMPAIGN_START),
  };
}

function body(rand: () => number, subject: string): string {
  const para = () => Array.from({ length: 3 }, () => SENTENCES[Math.floor(rand() * SENTENCES.length)]).join(' ');
  return `${para()}\n\n## ${subject} tại xã\n\n${para()}\n\n- ${SENTENCES[1]}\n- ${SENTENCES[2]}\n- Xem thêm tại [Cổng Dịch vụ công quốc gia](https://dichvucong.gov.vn).\n\n${para()}`;
}

function kindFields(kind: ContentKindDefinition, rand: () => number, i: number, subject: string): Entry {
  const place = PLACES[i % PLACES.length];
  switch (kind.key) {
    case 'model-practice':
      return {
        subjectName: `Tổ công nghệ số ${place}`,
        subjectType: 'Khu dân cư',
        residentialArea: { id: (i % 9) + 1, documentId: documentIdOf('area', i % 9), name: place, slug: toSlug(place), head: 'Nguyễn Văn Hòa', phone: '0210 3999 101', createdAt: iso(CAMPAIGN_START), updatedAt: iso(CAMPAIGN_START), publishedAt: iso(CAMPAIGN_START) },
        body: body(rand, subject),
        results: [{ id: i * 2 + 1, indicator: 'Hộ dân dùng dịch vụ công trực tuyến', value: 40 + Math.floor(rand() * 60), unit: '%' }],
        place,
        periodStart: '2025-09-01',
        periodEnd: '2025-11-30',
        replicable: 'Các khu khác có thể lập tổ công nghệ số cộng đồng tương tự, cần một điểm Wi-Fi và hai tình nguyện viên.',
      };
    case 'service-guide':
      return {
        procedureName: `${subject} (thủ tục số ${i})`,
        procedureCode: `1.${String(1000 + i).padStart(6, '0')}`,
        onlineLevel: i % 3 === 0 ? 'Một phần' : 'Toàn trình',
        onlineUrl: `https://dichvucong.gov.vn/p/home/dvc-tthc-thu-tuc-hanh-chinh-chi-tiet.html?ma_thu_tuc=1.${String(1000 + i).padStart(6, '0')}`,
        eligibility: 'Công dân có hộ khẩu thường trú trên địa bàn xã Thanh Thủy.',
        body: body(rand, subject),
        documents: [{ id: i * 3 + 1, name: 'Tờ khai điền trực tuyến', note: 'Không cần in' }, { id: i * 3 + 2, name: 'Căn cước công dân', note: null }],
        steps: [1, 2, 3].map((n) => ({ id: i * 4 + n, text: `Bước ${n}: ${SENTENCES[(i + n) % SENTENCES.length]}`, screenshotAlt: null, screenshot: null })),
        fee: 'Miễn phí',
        processingTime: 'Trong ngày làm việc',
        helpDesk: 'Bộ phận một cửa UBND xã Thanh Thủy, Khu 2. Điện thoại: 0210 3999 123.',
        faqs: [{ id: i + 1, question: 'Có phải đến UBND xã không?', answer: 'Không, mọi bước đều làm trực tuyến.' }],
      };
    case 'fact-check':
      return {
        claim: `Từ tháng tới, người dân phải nộp ${(i % 5) + 1}00.000 đồng để dùng dịch vụ ${subject.toLowerCase()}.`,
        claimPlatform: ['Facebook', 'Zalo', 'TikTok'][i % 3],
        claimUrl: null,
        claimSeenAt: '2025-10-01',
        verdict: ['Sai sự thật', 'Sai lệch', 'Thiếu căn cứ', 'Đúng'][i % 4],
        conclusion: `Dịch vụ ${subject.toLowerCase()} trên Cổng Dịch vụ công quốc gia hoàn toàn miễn phí.`,
        evidence: body(rand, subject),
        sources: [{ id: i + 1, title: 'Thông báo của UBND xã Thanh Thủy', issuer: 'Ủy ban nhân dân xã Thanh Thủy', url: 'https://thanhthuy.phutho.gov.vn/thong-bao' }],
      };
    default:
      return { body: body(rand, subject) };
  }
}

function generate(options: SyntheticCmsOptions, baseUrl: string): Map<string, Entry[]> {
  const rand = random(20250828);
  const images = options.images ?? 12;
  const byKind = new Map<string, Entry[]>();
  let id = 0;
  for (const kind of contentKinds) {
    const count = Math.max(1, Math.round(options.count * SHARE[kind.key]));
    const list: Entry[] = [];
    for (let i = 0; i < count; i++) {
      const subject = SUBJECTS[i % SUBJECTS.length];
      const title = `${subject}: ${kind.displayName.toLowerCase()} số ${i + 1} ở ${PLACES[i % PLACES.length]}`;
      const published = iso(CAMPAIGN_START + Math.floor(rand() * CAMPAIGN_MS));
      const themeKeys = new Set([...kind.requiredThemes, taxonomy.themes[i % 8].key]);
      const cover = images > 0 && i % 5 !== 4 ? media(i % images, `/uploads/anh-minh-hoa-${i % images}.jpg`) : null;
      let entry: Entry = {
        id: ++id,
        documentId: documentIdOf(kind.key, i),
        title,
        slug: toSlug(title),
        summary: `${SENTENCES[i % SENTENCES.length]} Bài ${i + 1} về ${subject.toLowerCase()} cho bà con ${PLACES[i % PLACES.length]}.`,
        ...kindFields(kind, rand, i, subject),
        coverAlt: cover ? `Ảnh minh họa: ${subject.toLowerCase()} ở ${PLACES[i % PLACES.length]}` : null,
        createdAt: published,
        updatedAt: published,
        publishedAt: published,
        cover,
        themes: themes.filter((t) => themeKeys.has(String(t.key))),
        taskGroups: [taskGroups[i % 7]],
        audiences: [audiences[i % audiences.length]],
        unit: units[i % units.length],
        channels: [channels[0], channels[(i % (channels.length - 1)) + 1]],
        corrections: i % 50 === 7 ? [{ id: i, date: published, note: 'Sửa số liệu cho đúng báo cáo của Bộ phận một cửa.' }] : [],
      };
      if (options.mutate) entry = options.mutate(entry, kind, i);
      list.push(entry);
    }
    list.sort((a, b) => (String(a.publishedAt) < String(b.publishedAt) ? 1 : -1));
    byKind.set(kind.plural, list);
  }
  void baseUrl;
  return byKind;
}

const commune = {
  id: 1,
  documentId: 'communesynthetic0000000001',
  name: 'Xã Thanh Thủy',
  authority: 'Ủy ban nhân dân xã Thanh Thủy',
  province: 'Tỉnh Phú Thọ',
  address: 'Trụ sở UBND xã Thanh Thủy, Khu 2, xã Thanh Thủy, tỉnh Phú Thọ',
  phone: '0210 3999 100',
  email: 'ubnd.thanhthuy@phutho.gov.vn',
  workingHours: 'Thứ Hai đến thứ Sáu: sáng 7:30–11:30, chiều 13:30–17:00',
  introduction: '**Xã Thanh Thủy** (tỉnh Phú Thọ) nằm bên bờ sông Đà, có 9 khu dân cư.',
  createdAt: iso(CAMPAIGN_START),
  updatedAt: iso(CAMPAIGN_START),
  publishedAt: iso(CAMPAIGN_START),
  leaders: [{ id: 1, name: 'Đặng Văn Hưng', position: 'Chủ tịch UBND xã', phone: '0210 3999 110' }],
  socials: [{ id: 1, platform: 'Facebook', name: 'Trang thông tin xã Thanh Thủy', url: 'https://www.facebook.com/xathanhthuy.phutho' }],
};

async function drawImage(index: number): Promise<Buffer> {
  const hue = (index * 47) % 360;
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="1200" height="675"><rect width="1200" height="675" fill="hsl(${hue},55%,80%)"/><circle cx="${300 + index * 40}" cy="330" r="160" fill="hsl(${hue + 40},60%,45%)"/><rect x="640" y="200" width="380" height="260" fill="hsl(${hue + 120},45%,55%)"/></svg>`;
  return sharp(Buffer.from(svg)).jpeg({ quality: 80 }).toBuffer();
}

function send(res: ServerResponse, status: number, body: unknown) {
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8' });
  res.end(JSON.stringify(body));
}

export async function startSyntheticCms(options: SyntheticCmsOptions): Promise<SyntheticCms> {
  const token = options.token ?? 'synthetic-site-token';
  const images = new Map<string, Buffer>();
  for (let i = 0; i < (options.images ?? 12); i++) images.set(`/uploads/anh-minh-hoa-${i}.jpg`, await drawImage(i));
  const lastModified = new Date(CAMPAIGN_START).toUTCString();
  let requests = 0;
  let entries = new Map<string, Entry[]>();

  const emptyCoverage = (): PlanCoverage => ({
    period: campaignPeriod(),
    totals: { pieces: 0 },
    themes: taxonomy.themes.map((t) => ({ key: t.key, section: t.section, label: t.label, byKind: { article: 0, 'model-practice': 0, 'service-guide': 0, 'fact-check': 0 }, total: 0, gap: true })),
    channels: [],
  });

  const server = createServer((req: IncomingMessage, res: ServerResponse) => {
    requests++;
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    const image = images.get(url.pathname);
    if (image) {
      const etag = `"${createHash('sha1').update(image).digest('hex').slice(0, 16)}"`;
      if (req.headers['if-none-match'] === etag) return void res.writeHead(304, { etag, 'last-modified': lastModified }).end();
      res.writeHead(200, { 'content-type': 'image/jpeg', 'content-length': image.length, etag, 'last-modified': lastModified, 'cache-control': 'max-age=0' });
      return void res.end(image);
    }
    if (req.headers.authorization !== `Bearer ${token}`) return send(res, 401, { data: null, error: { status: 401, name: 'UnauthorizedError', message: 'Missing or invalid credentials' } });
    if (url.searchParams.get('status') === 'draft') return send(res, 403, { data: null, error: { status: 403, name: 'ForbiddenError', message: 'Forbidden' } });
    if (url.pathname === '/api/commune') return send(res, 200, { data: commune, meta: {} });
    // Where pieces were shared (cross-posting ledger): none in the synthetic CMS, paged as the CMS pages it.
    if (url.pathname === '/api/crosspost/shared') {
      const pageSize = Math.min(SHARED_POSTS_MAX_PAGE_SIZE, Number(url.searchParams.get('pagination[pageSize]') ?? SHARED_POSTS_PAGE_SIZE));
      const page = Math.max(1, Number(url.searchParams.get('pagination[page]') ?? 1));
      return send(res, 200, { data: [], meta: { pagination: { page, pageSize, pageCount: 0, total: 0 } } });
    }
    // The plan's coverage (cms/src/report): the synthetic CMS keeps no report data, so every count is 0.
    if (url.pathname === '/api/report/coverage') return send(res, 200, { data: emptyCoverage() });
    // One entry by documentId, as Strapi's findOne answers it.
    const one = /^\/api\/([^/]+)\/([^/]+)$/.exec(url.pathname);
    if (one) {
      const entry = entries.get(one[1])?.find((e) => e.documentId === decodeURIComponent(one[2]));
      return entry ? send(res, 200, { data: entry, meta: {} }) : send(res, 404, { data: null, error: { status: 404, name: 'NotFoundError', message: 'Not Found' } });
    }
    const list = entries.get(url.pathname.replace(/^\/api\//, ''));
    if (!list) return send(res, 404, { data: null, error: { status: 404, name: 'NotFoundError', message: 'Not Found' } });
    const pageSize = Math.min(100, Number(url.searchParams.get('pagination[pageSize]') ?? 25));
    const page = Math.max(1, Number(url.searchParams.get('pagination[page]') ?? 1));
    send(res, 200, {
      data: list.slice((page - 1) * pageSize, page * pageSize),
      meta: { pagination: { page, pageSize, pageCount: Math.ceil(list.length / pageSize), total: list.length } },
    });
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const url = `http://127.0.0.1:${(server.address() as { port: number }).port}`;
  entries = generate(options, url);
  return {
    url,
    token,
    entries,
    requests: () => requests,
    stop: () => new Promise((r) => server.close(() => r())),
  };
}
