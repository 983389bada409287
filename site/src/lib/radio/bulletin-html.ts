import { escapeHtml } from '../escape-html.ts';
import type { Bulletin } from './bulletin.ts';
import { formatDuration } from './reading-time.ts';

const day = (iso: string) => iso.split('-').reverse().join('/');

/**
 * The bulletin as an HTML section: the portal's /truyen-thanh/ pages and the `npm run radio`
 * command's printable page both use it, so the two cannot differ.
 */
export function bulletinHtml(bulletin: Bulletin): string {
  const { week } = bulletin;
  const p = (text: string) => `<p>${escapeHtml(text)}</p>`;
  const items = bulletin.items
    .map(
      (item, i) =>
        `<li><h3>Tin ${i + 1}. ${escapeHtml(item.title)} <span class="duration">(${formatDuration(item.seconds)})</span></h3>` +
        item.spoken.map(p).join('') +
        `<p class="source no-print">Bài gốc: <a href="${escapeHtml(item.path)}">${escapeHtml(item.title)}</a></p></li>`,
    )
    .join('');
  return [
    `<section class="bulletin" aria-labelledby="ban-tin">`,
    `<h2 id="ban-tin">Tuần ${week.week} năm ${week.year}: từ ${day(week.from)} đến ${day(week.to)}</h2>`,
    `<p class="meta">${bulletin.items.length} tin, thời lượng đọc khoảng <strong>${formatDuration(bulletin.seconds)}</strong> (đọc đều ${bulletin.syllablesPerMinute} tiếng mỗi phút). <a href="/truyen-thanh/${week.slug}.txt" class="no-print">Tải bản chữ (.txt)</a></p>`,
    `<h3>Mở đầu</h3>${p(bulletin.opening)}`,
    `<ol class="bulletin-items">${items}</ol>`,
    `<h3>Kết thúc</h3>${p(bulletin.closing)}`,
    `</section>`,
  ].join('\n');
}
