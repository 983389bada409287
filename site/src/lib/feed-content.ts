import type { GuideStep } from './piece-types';
import type { Piece } from './pieces';
import { escapeHtml as e } from './escape-html';

// The full text of a piece for <content:encoded>: what its page shows, as plain HTML.
function kindHtml(piece: Piece): string {
  const f = piece.fields as Record<string, any>;
  const list = (tag: 'ul' | 'ol', items: string[]) => (items.length ? `<${tag}>${items.map((i) => `<li>${i}</li>`).join('')}</${tag}>` : '');
  switch (piece.kind) {
    case 'fact-check':
      return [
        `<p><strong>Kết luận: ${e(f.verdict)}.</strong> ${e(f.conclusion)}</p>`,
        `<p>Thông tin lan truyền trên ${e(f.claimPlatform)} (kết luận: ${e(f.verdict.toLowerCase())}):</p><blockquote><p>${e(f.claim)}</p></blockquote>`,
        `<h2>Bằng chứng</h2>${piece.html.evidence ?? ''}`,
        `<h2>Nguồn chính thức</h2>${list('ul', f.sources.map((s: any) => `<a href="${e(s.url)}">${e(s.title)}</a> – ${e(s.issuer)}`))}`,
      ].join('');
    case 'service-guide':
      return [
        `<p><a href="${e(f.onlineUrl)}">Nộp hồ sơ trực tuyến: ${e(f.procedureName)}</a></p>`,
        `<p>Lệ phí: ${e(f.fee)}. Thời hạn giải quyết: ${e(f.processingTime)}.</p>`,
        piece.html.body ?? '',
        f.documents?.length ? `<h2>Hồ sơ cần chuẩn bị</h2>${list('ul', f.documents.map((d: any) => e(d.name)))}` : '',
        `<h2>Các bước thực hiện</h2>${list('ol', (f.steps as GuideStep[]).map((s) => e(s.text)))}`,
        `<h2>Cần hỗ trợ?</h2><p>${e(f.helpDesk)}</p>`,
      ].join('');
    case 'model-practice':
      return [
        piece.html.body ?? '',
        `<h2>Kết quả</h2>${list('ul', f.results.map((r: any) => `${e(r.indicator)}: ${e(String(r.value))}${r.unit ? ` ${e(r.unit)}` : ''}`))}`,
        `<h2>Có thể nhân rộng</h2><p>${e(f.replicable)}</p>`,
      ].join('');
    default:
      return piece.html.body ?? '';
  }
}

export function feedHtml(piece: Piece, coverUrl: string | null): string {
  const cover = coverUrl && piece.cover ? `<p><img src="${e(coverUrl)}" alt="${e(piece.cover.alt)}"></p>` : '';
  const corrections = piece.corrections.length
    ? `<h2>Cập nhật</h2><ul>${piece.corrections.map((c) => `<li>${e(c.note)}</li>`).join('')}</ul>`
    : '';
  return `${cover}<p><strong>${e(piece.summary)}</strong></p>${kindHtml(piece)}${corrections}`;
}
