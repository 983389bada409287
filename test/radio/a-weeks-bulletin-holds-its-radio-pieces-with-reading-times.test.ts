import { describe, expect, it } from 'vitest';
import type { PieceData } from '../../site/src/lib/piece-types.ts';
import { buildBulletin, bulletinWeeks } from '../../site/src/lib/radio/bulletin.ts';
import { bulletinText } from '../../site/src/lib/radio/bulletin-text.ts';
import { weekFromSlug, weekOf } from '../../site/src/lib/radio/bulletin-week.ts';
import { countSyllables, formatDuration, readingSeconds } from '../../site/src/lib/radio/reading-time.ts';

const radio = { key: 'truyen-thanh', label: 'Hệ thống truyền thanh cơ sở' };
const portal = { key: 'cong-thong-tin', label: 'Cổng thông tin điện tử xã' };

function piece(slug: string, publishedAt: string, channels = [radio], extra: Partial<PieceData> = {}): PieceData {
  return {
    kind: 'article',
    documentId: slug,
    slug,
    title: `Tin ${slug}`,
    summary: 'UBND xã thông báo lịch tiếp dân.',
    publishedAt,
    republishedAt: null,
    withdrawn: null,
    updatedAt: publishedAt,
    themes: [],
    taskGroups: [],
    audiences: [],
    channels,
    unit: null,
    cover: null,
    corrections: [],
    html: { body: '<p>Từ ngày 28/8/2025, người dân nộp hồ sơ trực tuyến.</p><p>Lệ phí 50.000 đồng &amp; miễn phí cho hộ nghèo.</p>' },
    searchFold: '',
    fields: {},
    sharedOn: [],
    ...extra,
  };
}

const options = { communeName: 'Xã Thanh Thủy', siteHost: 'thanhthuy.example.gov.vn', pieceUrl: (p: PieceData) => `/tin-tuc/${p.slug}/` };

describe('bulletin weeks run Monday to Sunday in Vietnam', () => {
  it('puts 23:30 on a Sunday in Vietnam (16:30 UTC) in that week, and 00:30 on Monday in the next', () => {
    expect(weekOf('2025-09-07T16:30:00Z').slug).toBe('2025-tuan-36');
    expect(weekOf('2025-09-07T17:30:00Z').slug).toBe('2025-tuan-37');
    expect(weekOf('2025-09-03T03:00:00Z')).toMatchObject({ year: 2025, week: 36, from: '2025-09-01', to: '2025-09-07' });
  });

  it('reads a week back from its slug, and refuses a week that does not exist', () => {
    expect(weekFromSlug('2025-tuan-36')).toMatchObject({ from: '2025-09-01', to: '2025-09-07' });
    expect(weekFromSlug('2026-tuan-01')).toMatchObject({ from: '2025-12-29', to: '2026-01-04' });
    expect(weekFromSlug('2025-tuan-54')).toBeNull();
    expect(weekFromSlug('../etc')).toBeNull();
  });
});

describe('a week’s bulletin', () => {
  const pieces = [
    piece('thu-hai', '2025-09-01T01:00:00Z'),
    piece('thu-tu', '2025-09-03T09:00:00Z'),
    piece('tuan-truoc', '2025-08-31T16:00:00Z'),
    piece('khong-chon-truyen-thanh', '2025-09-02T09:00:00Z', [portal]),
    piece('tuan-sau', '2025-09-07T17:30:00Z'),
  ];
  const week = weekOf('2025-09-03T00:00:00Z');
  const bulletin = buildBulletin(pieces, week, options);

  it('holds the radio pieces first published that week, oldest first, and nothing else', () => {
    expect(bulletin.items.map((i) => i.path)).toEqual(['/tin-tuc/thu-hai/', '/tin-tuc/thu-tu/']);
  });

  it('lists only weeks that have a radio piece, newest first', () => {
    expect(bulletinWeeks(pieces).map((w) => w.slug)).toEqual(['2025-tuan-37', '2025-tuan-36', '2025-tuan-35']);
  });

  it('writes each item out as it is read: title, summary and body, abbreviations and numbers in words', () => {
    expect(bulletin.items[0].spoken).toEqual([
      'Tin thu-hai.',
      'Ủy ban nhân dân xã thông báo lịch tiếp dân.',
      'Từ ngày hai mươi tám tháng tám năm hai nghìn không trăm hai mươi lăm, người dân nộp hồ sơ trực tuyến.',
      'Lệ phí năm mươi nghìn đồng và miễn phí cho hộ nghèo.',
    ]);
  });

  it('times each item at the stated pace and the whole bulletin as their sum with the opening and closing', () => {
    const item = bulletin.items[0];
    expect(item.syllables).toBe(countSyllables(item.spoken.join(' ')));
    expect(item.seconds).toBe(Math.ceil((item.syllables * 60) / 180));
    const ends = readingSeconds(countSyllables(bulletin.opening)) + readingSeconds(countSyllables(bulletin.closing));
    expect(bulletin.seconds).toBe(ends + bulletin.items.reduce((sum, i) => sum + i.seconds, 0));
    expect(bulletin.opening).toContain('từ ngày một tháng chín năm hai nghìn không trăm hai mươi lăm đến ngày bảy tháng chín');
    expect(bulletin.opening).toContain('gồm hai tin');
  });

  it('reads a fact-check as the claim, then the verdict and the conclusion', () => {
    const check = piece('kiem-chung', '2025-09-02T02:00:00Z', [radio], {
      kind: 'fact-check',
      html: {},
      fields: { claimPlatform: 'Facebook', claim: 'Phải nộp 200.000đ để cài VNeID', verdict: 'Sai sự thật', conclusion: 'Cài đặt VNeID là miễn phí' },
    });
    const [item] = buildBulletin([check], week, options).items;
    expect(item.spoken.slice(1)).toEqual([
      'Thời gian qua, trên Facebook lan truyền thông tin: Phải nộp hai trăm nghìn đồng để cài VNeID.',
      'Kết luận của cơ quan chức năng: sai sự thật. Cài đặt VNeID là miễn phí.',
    ]);
  });

  it('prints as plain text with the week, each item’s duration and its source link', () => {
    const text = bulletinText(bulletin, 'Xã Thanh Thủy', 'https://thanhthuy.example.gov.vn/');
    expect(text).toContain('Tuần 36 năm 2025, từ 01/09/2025 đến 07/09/2025');
    expect(text).toContain(`TIN 1. Tin thu-hai (${formatDuration(bulletin.items[0].seconds)})`);
    expect(text).toContain('Nguồn: https://thanhthuy.example.gov.vn/tin-tuc/thu-hai/');
    expect(text).toContain(`Thời lượng đọc: ${formatDuration(bulletin.seconds)} (180 tiếng mỗi phút)`);
  });
});

describe('durations read as an editor writes them', () => {
  it.each([
    [45, '45 giây'],
    [60, '1 phút 00 giây'],
    [125, '2 phút 05 giây'],
  ])('%i s → %s', (seconds, text) => expect(formatDuration(seconds)).toBe(text));
});
