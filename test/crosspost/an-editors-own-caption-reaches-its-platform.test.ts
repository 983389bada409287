import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Channel } from '../../scripts/crosspost/channels/channel.ts';
import { createFacebookChannel } from '../../scripts/crosspost/channels/facebook/index.ts';
import type { RunnerDeps } from '../../scripts/crosspost/runner.ts';
import { AdminApi, connect } from '../helpers/admin-api.ts';
import { bootCms, type TestCms } from '../helpers/cms.ts';
import { articleFields } from '../fixtures/entries.ts';
import { ARTICLE, publishArticle, runnerFor, settle, SITE_URL, uploadFile } from './helpers/runner-harness.ts';
import { startFacebookGraph, type GraphStandIn } from './stand-ins/facebook-graph.ts';
import { startZaloFixture, type ZaloFixture } from './zalo-channel-support.ts';

// An editor writes the post for one platform in "Nội dung riêng cho mạng xã hội": the real
// CMS stores it, the real runner sends it to that platform as written, and every other
// platform still gets the caption made from the piece.
describe('an editor’s own caption reaches its platform', () => {
  let cms: TestCms;
  let api: AdminApi;
  let graph: GraphStandIn;
  let zalo: ZaloFixture;
  let facebook: Channel;
  let cover: { id: number };

  const runner = (name: string): RunnerDeps => runnerFor(cms, name, [['facebook', facebook], ['zalo', zalo.channel()]]);
  const zaloArticlesLinking = (link: string) => [...zalo.oa.articles.values()].filter((a) => JSON.stringify(a.body).includes(link));

  beforeAll(async () => {
    cms = await bootCms();
    api = new AdminApi(cms, cms.adminToken);
    graph = await startFacebookGraph();
    zalo = await startZaloFixture();
    facebook = createFacebookChannel({ FACEBOOK_PAGE_ID: graph.pageId, FACEBOOK_PAGE_ACCESS_TOKEN: graph.token, FACEBOOK_GRAPH_URL: graph.url })!;
    // Zalo wants a cover photo on every article.
    const png = await sharp({ create: { width: 64, height: 36, channels: 3, background: '#2a6' } }).png().toBuffer();
    cover = await uploadFile(api, png, 'nha-van-hoa.png', 'image/png');
  });

  afterAll(async () => {
    await graph?.close();
    await zalo?.close();
    await cms?.stop();
  });

  it('the Facebook caption is posted word for word while Zalo gets the default made from the piece', async () => {
    const own = 'Mời bà con Khu 3 đến nhà văn hóa tối thứ Sáu!\n\nMang theo căn cước để được hướng dẫn cài VNeID mức 2.';
    const { slug } = await publishArticle(api, 'Hướng dẫn cài đặt VNeID mức 2 tại nhà văn hóa Khu 3', ['facebook', 'zalo'], {
      cover: cover.id,
      coverAlt: 'Nhà văn hóa Khu 3',
      socialCaptions: [{ channel: 'Facebook', text: own }],
    });
    await settle(runner('r1'));

    const link = `${SITE_URL}/tin-tuc/${slug}/`;
    const posts = graph.posts.filter((p) => p.link === link);
    expect(posts).toHaveLength(1);
    expect(posts[0].message).toBe(own);

    const articles = zaloArticlesLinking(link);
    expect(articles).toHaveLength(1);
    expect(articles[0].title).toBe('Hướng dẫn cài đặt VNeID mức 2 tại nhà văn hóa Khu 3');
    expect(articles[0].description).toBe(articleFields.summary);
  });

  it('a Zalo caption becomes the article’s description, and an edited Facebook caption updates the post', async () => {
    const { id, slug } = await publishArticle(api, 'Lịch thu gom rác thải sinh hoạt mới từ tháng 12', ['facebook', 'zalo'], {
      cover: cover.id,
      coverAlt: 'Xe thu gom rác',
      socialCaptions: [
        { channel: 'Zalo', text: 'Từ 1/12, xe thu gom rác qua các khu vào 17 giờ hằng ngày.' },
        { channel: 'Facebook', text: 'Bà con lưu ý lịch thu gom rác mới.' },
      ],
    });
    await settle(runner('r2'));
    const link = `${SITE_URL}/tin-tuc/${slug}/`;
    expect(zaloArticlesLinking(link).map((a) => a.description)).toEqual(['Từ 1/12, xe thu gom rác qua các khu vào 17 giờ hằng ngày.']);
    expect(graph.posts.filter((p) => p.link === link).map((p) => p.message)).toEqual(['Bà con lưu ý lịch thu gom rác mới.']);

    const draft = await api.request('GET', `/content-manager/collection-types/${ARTICLE}/${id}`);
    const captions = (draft.body.data.socialCaptions as Array<{ id: number; channel: string; text: string }>).map(({ channel, text }) => ({
      channel,
      text: channel === 'Facebook' ? 'Bà con lưu ý: lịch thu gom rác mới bắt đầu từ thứ Hai.' : text,
    }));
    expect((await api.update(ARTICLE, id, { socialCaptions: captions })).status).toBe(200);
    expect((await api.publish(ARTICLE, id)).status).toBe(200);
    await settle(runner('r2'));
    const posts = graph.posts.filter((p) => p.link === link);
    expect(posts).toHaveLength(1);
    expect(posts[0].message).toBe('Bà con lưu ý: lịch thu gom rác mới bắt đầu từ thứ Hai.');
  });

  it('a second caption for the same platform is refused on save, in Vietnamese', async () => {
    const res = await api.create(ARTICLE, {
      ...articleFields,
      title: 'Tin có hai nội dung Facebook',
      themes: connect(await api.ids('theme', ['y-nghia-ke-hoach'])),
      socialCaptions: [
        { channel: 'Facebook', text: 'Bản thứ nhất.' },
        { channel: 'Facebook', text: 'Bản thứ hai.' },
      ],
    });
    expect(res.status).toBe(400);
    expect(res.body.error.message).toBe('Chưa thể lưu: «Nội dung riêng cho mạng xã hội» chỉ được có một mục cho mỗi nền tảng: Facebook đang có hơn một mục.');
    expect(res.body.error.details.errors[0].path).toEqual(['socialCaptions', '1', 'channel']);
  });

  it('a Zalo caption longer than Zalo takes is refused on save, naming the limit', async () => {
    const res = await api.create(ARTICLE, {
      ...articleFields,
      title: 'Tin có nội dung Zalo quá dài',
      socialCaptions: [{ channel: 'Zalo', text: `${'Bà con chú ý. '.repeat(25)}` }],
    });
    expect(res.status).toBe(400);
    expect(res.body.error.message).toBe('Chưa thể lưu: «Nội dung đăng» cho Zalo dài quá: tối đa 300 ký tự, hiện có 349.');
  });
});
