import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { captionFor, ELLIPSIS, fitText, LIMITS } from '../../scripts/crosspost/caption.ts';

const graphemes = (text: string) => [...new Intl.Segmenter('vi', { granularity: 'grapheme' }).segment(text)].map((s) => s.segment);
const utf8Bytes = (text: string) => new TextEncoder().encode(text).length;
const withoutEllipsis = (text: string) => (text.endsWith(ELLIPSIS) ? text.slice(0, -ELLIPSIS.length) : text);

const LONG_TITLE =
  'Ủy ban nhân dân xã Thanh Thủy tổ chức hội nghị triển khai kế hoạch chuyển đổi số, xây dựng chính quyền điện tử và phát triển kinh tế số giai đoạn 2026–2030 trên địa bàn toàn xã';
const LONG_SUMMARY =
  'Sáng ngày 26/11, tại hội trường Ủy ban nhân dân xã, hội nghị đã quán triệt các nội dung trọng tâm về chuyển đổi số, hướng dẫn người dân sử dụng dịch vụ công trực tuyến mức độ toàn trình, thanh toán không dùng tiền mặt và cài đặt ứng dụng định danh điện tử VNeID. '.repeat(
    30,
  );
const URL = 'https://thanhthuy.example.vn/tin-tuc/hoi-nghi-trien-khai-ke-hoach-chuyen-doi-so-giai-doan-2026-2030';

describe('fitText cuts long text on a word boundary, never inside a character', () => {
  it.each([
    { name: 'a text that fits is returned unchanged', text: 'Lịch tiếp công dân tháng 12', max: 27, expected: 'Lịch tiếp công dân tháng 12' },
    { name: 'a text exactly at the limit is not cut', text: 'a'.repeat(150), max: 150, expected: 'a'.repeat(150) },
    { name: 'one character over the limit is cut with "…"', text: 'Thông báo lịch cắt điện', max: 22, expected: 'Thông báo lịch cắt…' },
    { name: 'a long Vietnamese title is cut after a whole word', text: LONG_TITLE, max: 40, expected: 'Ủy ban nhân dân xã Thanh Thủy tổ chức…' },
    { name: 'punctuation before the cut is dropped', text: LONG_TITLE, max: 84, expected: 'Ủy ban nhân dân xã Thanh Thủy tổ chức hội nghị triển khai kế hoạch chuyển đổi số…' },
    { name: 'decomposed (NFD) input is counted and returned as NFC', text: LONG_TITLE.normalize('NFD'), max: 40, expected: 'Ủy ban nhân dân xã Thanh Thủy tổ chức…' },
    { name: 'decomposed input that fits once composed is not cut', text: 'Hội nghị'.normalize('NFD'), max: 8, expected: 'Hội nghị' },
    { name: 'emoji and family sequences are never split', text: 'Lễ hội 🎉🎉🎉👨‍👩‍👧👨‍👩‍👧 mùa xuân', max: 14, expected: 'Lễ hội 🎉🎉🎉…' },
    { name: 'a letter with two marks and no composed form stays whole', text: 'ẹ́'.repeat(20), max: 9, expected: 'ẹ́ẹ́ẹ́ẹ́…' },
    { name: 'one word longer than the room is cut between characters', text: 'Xem https://thanhthuy.example.vn/tin-tuc/rat-dai', max: 20, expected: 'Xem https://thanhth…' },
    { name: 'a limit of one leaves only the ellipsis', text: 'Thông báo', max: 1, expected: '…' },
  ])('$name', ({ text, max, expected }) => {
    const fitted = fitText(text, max);
    expect(fitted).toBe(expected);
    expect(fitted.length).toBeLessThanOrEqual(max);
    expect(fitted).toBe(fitted.normalize('NFC'));
  });

  it('a UTF-8 byte limit counts Vietnamese letters as their bytes', () => {
    // Điện (7 bytes) + space + Biên (5) + space + Phủ (5) + … (3) = 22 > 20.
    const fitted = fitText('Điện Biên Phủ chiến thắng', 20, 'utf8');
    expect(fitted).toBe('Điện Biên…');
    expect(utf8Bytes(fitted)).toBeLessThanOrEqual(20);
  });

  it('a limit below one is refused', () => {
    expect(() => fitText('x', 0)).toThrow(RangeError);
  });
});

describe('fitText holds its promises for any text (property)', () => {
  const pieces = ['Thanh', 'Thủy', 'hội', 'nghị', 'chuyển', 'đổi', 'số', ' ', ' ', ', ', '.', 'e\u0301', 'ẹ́', 'Ư\u0323', '🎉', '👨‍👩‍👧', '🇻🇳', '\u{1F3FD}', '\n'];
  const vietnamese = fc.array(fc.constantFrom(...pieces), { maxLength: 120 }).map((parts) => parts.join(''));
  const anyText = fc.oneof(vietnamese, fc.string({ unit: 'grapheme', maxLength: 200 }), vietnamese.map((text) => text.normalize('NFD')));

  it('the output fits the limit, is the NFC input or a prefix of it on grapheme boundaries, plus "…"', () => {
    fc.assert(
      fc.property(anyText, fc.integer({ min: 1, max: 160 }), fc.constantFrom('utf16' as const, 'utf8' as const), (text, max, measure) => {
        const nfc = text.normalize('NFC');
        const fitted = fitText(text, max, measure);
        expect(measure === 'utf8' ? utf8Bytes(fitted) : fitted.length).toBeLessThanOrEqual(max);
        if (fitted === nfc) return;
        if (fitted === '') {
          // Only a byte limit smaller than the ellipsis itself leaves nothing at all.
          expect(measure === 'utf8' && max < utf8Bytes(ELLIPSIS)).toBe(true);
          return;
        }
        expect(fitted.endsWith(ELLIPSIS)).toBe(true);
        const head = withoutEllipsis(fitted);
        expect(nfc.startsWith(head)).toBe(true);
        // The head is whole graphemes of the input: the cut split no character.
        const whole = graphemes(nfc);
        const kept = graphemes(head);
        expect(kept).toEqual(whole.slice(0, kept.length));
      }),
      { numRuns: 500 },
    );
  });
});

describe('captionFor gives each channel what it sends, within its limits', () => {
  const source = { title: LONG_TITLE, summary: LONG_SUMMARY, url: URL };

  it('Zalo gets a title of at most 150 characters and a description of at most 300', () => {
    const caption = captionFor('zalo', source);
    if (caption.channel !== 'zalo') throw new Error('expected a Zalo caption');
    expect(caption.title.length).toBeLessThanOrEqual(LIMITS.zaloTitle);
    expect(caption.title).toMatch(/ đoạn…$/);
    expect(caption.description.length).toBeLessThanOrEqual(LIMITS.zaloDescription);
    expect(caption.text).toContain(URL);
  });

  it('Facebook gets one message with the title, a short summary and the whole portal link last', () => {
    const caption = captionFor('facebook', source);
    if (caption.channel !== 'facebook') throw new Error('expected a Facebook caption');
    expect(caption.message.startsWith(LONG_TITLE)).toBe(true);
    expect(caption.message.endsWith(`\n\n${URL}`)).toBe(true);
    expect(caption.message.length).toBeLessThan(LONG_TITLE.length + LIMITS.facebookSummary + URL.length + 10);
    expect(caption.text).toBe(caption.message);
  });

  it('YouTube gets a title of at most 100 characters without angle brackets, and a description within 5,000 bytes ending with the link', () => {
    const caption = captionFor('youtube', { ...source, title: `<Trực tiếp> ${LONG_TITLE}` });
    if (caption.channel !== 'youtube') throw new Error('expected a YouTube caption');
    expect(caption.title.length).toBeLessThanOrEqual(LIMITS.youtubeTitle);
    expect(caption.title).not.toMatch(/[<>]/);
    expect(caption.title.startsWith('‹Trực tiếp›')).toBe(true);
    expect(utf8Bytes(caption.description)).toBeLessThanOrEqual(LIMITS.youtubeDescriptionBytes);
    expect(caption.description.endsWith(URL)).toBe(true);
  });

  it('TikTok gets a caption of at most 2,200 characters ending with the link', () => {
    const caption = captionFor('tiktok', source);
    if (caption.channel !== 'tiktok') throw new Error('expected a TikTok caption');
    expect(caption.title.length).toBeLessThanOrEqual(LIMITS.tiktokTitle);
    expect(caption.title.endsWith(URL)).toBe(true);
  });

  it('the webhook caption is not cut', () => {
    const caption = captionFor('webhook', source);
    expect(caption.text).toContain(LONG_SUMMARY.trim());
  });

  it.each(['facebook', 'zalo', 'youtube', 'tiktok', 'webhook'] as const)("the editor's own caption overrides the default on %s and is still cut to the limit", (channel) => {
    const custom = `Mời bà con đến dự! ${'Nội dung rất dài. '.repeat(5000)}`.normalize('NFD');
    const caption = captionFor(channel, { ...source, custom });
    expect(caption.text.normalize('NFC')).toBe(caption.text);
    switch (caption.channel) {
      case 'facebook':
        expect(caption.message.startsWith('Mời bà con đến dự!')).toBe(true);
        expect(caption.message.length).toBeLessThanOrEqual(LIMITS.facebookMessage);
        break;
      case 'zalo':
        expect(caption.description.startsWith('Mời bà con đến dự!')).toBe(true);
        expect(caption.description.length).toBeLessThanOrEqual(LIMITS.zaloDescription);
        break;
      case 'youtube':
        expect(caption.description.startsWith('Mời bà con đến dự!')).toBe(true);
        expect(utf8Bytes(caption.description)).toBeLessThanOrEqual(LIMITS.youtubeDescriptionBytes);
        break;
      case 'tiktok':
        expect(caption.title.startsWith('Mời bà con đến dự!')).toBe(true);
        expect(caption.title.length).toBeLessThanOrEqual(LIMITS.tiktokTitle);
        break;
      case 'webhook':
        expect(caption.text.startsWith('Mời bà con đến dự!')).toBe(true);
    }
  });

  it('a blank custom caption falls back to the default', () => {
    expect(captionFor('facebook', { ...source, custom: '   ' })).toEqual(captionFor('facebook', source));
  });

  it('the default caption keeps the whole portal link for any title and summary (property)', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme', maxLength: 400 }), fc.string({ unit: 'grapheme', maxLength: 3000 }), (title, summary) => {
        for (const channel of ['facebook', 'tiktok'] as const) {
          expect(captionFor(channel, { title, summary, url: URL }).text.endsWith(URL)).toBe(true);
        }
        const youtube = captionFor('youtube', { title, summary, url: URL });
        if (youtube.channel === 'youtube') expect(youtube.description.endsWith(URL)).toBe(true);
      }),
      { numRuns: 200 },
    );
  });
});
