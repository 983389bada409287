import type { Publication } from '../channel.ts';

const TITLE_MAX = 100;
const DESCRIPTION_MAX_BYTES = 5000;

// YouTube refuses titles and descriptions containing < or > (invalidTitle, invalidDescription).
const withoutAngles = (text: string) => text.replace(/</g, '‹').replace(/>/g, '›');

function cutToBytes(text: string, max: number): string {
  let out = '';
  for (const char of text) {
    if (Buffer.byteLength(out + char) > max) break;
    out += char;
  }
  return out;
}

/**
 * The video resource sent with videos.insert. From the runner: caption.ts's title and
 * description (the editor's own caption for YouTube, or the summary with the portal link).
 * Without those parts: the caption as title, the summary and the link as description.
 */
export function youtubeMetadata(publication: Publication, privacyStatus: string) {
  const parts = publication.captionParts;
  // caption.ts already cut both; the guards keep a bad one from costing an upload (the title
  // counted in code points, as YouTube does).
  const title = [...withoutAngles(parts?.title || publication.caption || publication.title)].slice(0, TITLE_MAX).join('');
  const description = cutToBytes(withoutAngles(parts?.description ?? `${publication.summary}\n\n${publication.url}`), DESCRIPTION_MAX_BYTES);
  return {
    snippet: { title, description, defaultLanguage: 'vi', categoryId: '25' /* News & Politics */ },
    status: { privacyStatus, selfDeclaredMadeForKids: false },
  };
}
