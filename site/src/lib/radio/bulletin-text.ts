import { absoluteUrl } from '../absolute-url.ts';
import type { Bulletin } from './bulletin.ts';
import { formatDuration } from './reading-time.ts';

const day = (iso: string) => iso.split('-').reverse().join('/');

/** The bulletin as plain text to print or paste into the radio room's own tools. */
export function bulletinText(bulletin: Bulletin, communeName: string, siteUrl: string): string {
  const { week } = bulletin;
  const lines = [
    `BẢN TIN TRUYỀN THANH - ${communeName.toLocaleUpperCase('vi')}`,
    `Tuần ${week.week} năm ${week.year}, từ ${day(week.from)} đến ${day(week.to)}`,
    `Thời lượng đọc: ${formatDuration(bulletin.seconds)} (${bulletin.syllablesPerMinute} tiếng mỗi phút)`,
    '',
    `MỞ ĐẦU`,
    bulletin.opening,
    '',
  ];
  bulletin.items.forEach((item, i) => {
    lines.push(`TIN ${i + 1}. ${item.title} (${formatDuration(item.seconds)})`, `Nguồn: ${absoluteUrl(item.path, siteUrl)}`, ...item.spoken, '');
  });
  lines.push('KẾT THÚC', bulletin.closing, '');
  return lines.join('\n');
}
