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

/** The video resource sent with videos.insert: caption as title, the portal link in the text. */
export function youtubeMetadata(publication: Publication, privacyStatus: string) {
  // The caption is already cut to 100 characters by caption.ts; the guard keeps a bad one
  // from costing an upload (counted in code points, as YouTube does).
  const title = [...withoutAngles(publication.caption || publication.title)].slice(0, TITLE_MAX).join('');
  const description = cutToBytes(withoutAngles(`${publication.summary}\n\n${publication.url}`), DESCRIPTION_MAX_BYTES);
  return {
    snippet: { title, description, defaultLanguage: 'vi', categoryId: '25' /* News & Politics */ },
    status: { privacyStatus, selfDeclaredMadeForKids: false },
  };
}
