import { createHash } from 'node:crypto';
import { PermanentChannelError } from '../channel-errors.ts';
import type { Publication } from '../channel.ts';
import { fitText } from './fit-text.ts';

// Zalo's documented limits for a "normal" article.
export const ZALO_TITLE_MAX = 150;
export const ZALO_DESCRIPTION_MAX = 300;
export const ZALO_AUTHOR_MAX = 50;

export const linkBackText = (url: string) => `Xem toàn văn trên Cổng thông tin điện tử của xã: ${url}`;

/** The body of `article/create` (and, with an id, `article/update`) for one publication. */
export function zaloArticle(publication: Publication, author: string) {
  if (!publication.imageUrl) {
    // Zalo refuses an article without a cover ("cover value is invalid"); inventing one would
    // put an unrelated picture on the commune's post, so the editor decides.
    throw new PermanentChannelError(
      `Zalo OA requires a cover image and piece ${publication.documentId} has none`,
      'Zalo yêu cầu ảnh bìa cho mỗi bài viết, nhưng bài này chưa có ảnh đại diện. Hãy thêm ảnh đại diện rồi bấm thử lại, hoặc đăng tay.',
    );
  }
  const title = fitText(publication.title, ZALO_TITLE_MAX);
  // caption.ts's description (the editor's own caption for Zalo, or the summary) when the
  // runner made the publication; cut again in case it did not.
  const description = fitText(publication.captionParts?.description || publication.caption || publication.summary || publication.title, ZALO_DESCRIPTION_MAX);
  const body = [
    ...(publication.summary ? [{ type: 'text', content: publication.summary.normalize('NFC') }] : []),
    { type: 'image', url: publication.imageUrl, caption: title },
    { type: 'text', content: linkBackText(publication.url) },
  ];
  return {
    type: 'normal',
    title,
    author: fitText(author, ZALO_AUTHOR_MAX),
    cover: { cover_type: 'photo', photo_url: publication.imageUrl, status: 'show' },
    description,
    body,
    status: 'show',
    comment: 'show',
  };
}

/** Tells one edit's article from another's, so a saved update token is reused only for it. */
export const articleFingerprint = (article: unknown) => createHash('sha256').update(JSON.stringify(article)).digest('hex').slice(0, 32);
