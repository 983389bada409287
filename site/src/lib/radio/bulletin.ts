import type { PieceData } from '../piece-types.ts';
import { htmlParagraphs } from './html-paragraphs.ts';
import { readAloud } from './read-aloud.ts';
import { countSyllables, DEFAULT_SYLLABLES_PER_MINUTE, readingSeconds } from './reading-time.ts';
import { weekOf, type BulletinWeek } from './bulletin-week.ts';
import { readNumber, readMonth } from './read-number.ts';

// The week's bulletin for the commune loudspeakers (plan III.1): the pieces marked for the
// radio channel and first published that week, oldest first, each written out as it is read,
// with its reading time and the whole bulletin's.

/** The plan's channel key for the commune radio (taxonomy.json). */
export const RADIO_CHANNEL = 'truyen-thanh';

export interface BulletinItem {
  title: string;
  /** Path on the portal, "/tin-tuc/<slug>/". */
  path: string;
  publishedAt: string;
  /** What the reader says: the title first, then the paragraphs. */
  spoken: string[];
  syllables: number;
  seconds: number;
}

export interface Bulletin {
  week: BulletinWeek;
  opening: string;
  items: BulletinItem[];
  closing: string;
  syllablesPerMinute: number;
  seconds: number;
}

export const isRadioPiece = (piece: PieceData) => piece.channels.some((c) => c.key === RADIO_CHANNEL);

/** Weeks that have a bulletin, newest first. */
export function bulletinWeeks(pieces: PieceData[]): BulletinWeek[] {
  const weeks = new Map<string, BulletinWeek>();
  for (const piece of pieces.filter(isRadioPiece)) {
    const week = weekOf(piece.publishedAt);
    weeks.set(week.slug, week);
  }
  return [...weeks.values()].sort((a, b) => (a.from < b.from ? 1 : -1));
}

const text = (value: unknown) => (typeof value === 'string' ? value.trim() : '');
const sentence = (value: string) => (/[.!?…:]$/.test(value) ? value : `${value}.`);

/** The paragraphs of a piece a reader reads after its title, by kind. */
function paragraphsOf(piece: PieceData): string[] {
  const f = piece.fields;
  const body = Object.values(piece.html).flatMap(htmlParagraphs);
  switch (piece.kind) {
    case 'fact-check':
      return [
        `Thời gian qua, trên ${text(f.claimPlatform)} lan truyền thông tin: ${sentence(text(f.claim))}`,
        `Kết luận của cơ quan chức năng: ${text(f.verdict).toLocaleLowerCase('vi')}. ${sentence(text(f.conclusion))}`,
      ];
    case 'service-guide': {
      const documents = Array.isArray(f.documents) ? (f.documents as Array<{ name: string }>).map((d) => d.name) : [];
      const steps = Array.isArray(f.steps) ? (f.steps as Array<{ text: string }>).map((s, i) => `Bước ${i + 1}: ${sentence(s.text)}`) : [];
      return [
        sentence(piece.summary),
        ...(text(f.eligibility) ? [`Đối tượng thực hiện: ${sentence(text(f.eligibility))}`] : []),
        ...(documents.length ? [`Giấy tờ cần chuẩn bị gồm: ${sentence(documents.join('; '))}`] : []),
        ...steps,
        `Lệ phí: ${sentence(text(f.fee))}`,
        `Thời hạn giải quyết: ${sentence(text(f.processingTime))}`,
      ];
    }
    default:
      return [sentence(piece.summary), ...body];
  }
}

const spokenDay = (day: string) => {
  const [y, m, d] = day.split('-').map(Number);
  return `ngày ${readNumber(d)} tháng ${readMonth(m)} năm ${readNumber(y)}`;
};

export interface BulletinOptions {
  communeName: string;
  /** The portal's public address, read at the end ("thanhthuy.phutho.gov.vn"). */
  siteHost: string;
  pieceUrl: (piece: PieceData) => string;
  syllablesPerMinute?: number;
}

/** The bulletin of one week from the published pieces. */
export function buildBulletin(pieces: PieceData[], week: BulletinWeek, options: BulletinOptions): Bulletin {
  // "Xã Thanh Thủy" is a name at the start of a line, "xã Thanh Thủy" inside a sentence.
  const commune = options.communeName.replace(/^Xã /, 'xã ');
  const perMinute = options.syllablesPerMinute ?? DEFAULT_SYLLABLES_PER_MINUTE;
  const timed = (spoken: string[]) => {
    const syllables = countSyllables(spoken.join(' '));
    return { syllables, seconds: readingSeconds(syllables, perMinute) };
  };
  const items = pieces
    .filter((p) => isRadioPiece(p) && weekOf(p.publishedAt).slug === week.slug)
    .sort((a, b) => (a.publishedAt < b.publishedAt ? -1 : a.publishedAt > b.publishedAt ? 1 : 0))
    .map((piece) => {
      const spoken = [sentence(piece.title), ...paragraphsOf(piece)].map(readAloud);
      return { title: piece.title, path: options.pieceUrl(piece), publishedAt: piece.publishedAt, spoken, ...timed(spoken) };
    });
  const opening = readAloud(
    `Đây là Hệ thống truyền thanh cơ sở ${commune}. Sau đây là bản tin tuần từ ${spokenDay(week.from)} đến ${spokenDay(week.to)}, gồm ${readNumber(items.length)} tin.`,
  );
  const closing = readAloud(
    `Bản tin đến đây là kết thúc. Thông tin chi tiết, bà con xem trên Cổng thông tin điện tử ${commune}, địa chỉ ${options.siteHost}. Cảm ơn bà con đã chú ý lắng nghe.`,
  );
  const seconds = timed([opening]).seconds + items.reduce((sum, item) => sum + item.seconds, 0) + timed([closing]).seconds;
  return { week, opening, items, closing, syllablesPerMinute: perMinute, seconds };
}
