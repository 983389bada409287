import { taxonomy } from '@thanh-thuy/content-types';
import { communeDetails } from './pieces';

export interface Feed {
  title: string;
  href: string;
}

/** The site-wide feed, linked from every page for autodiscovery. */
export const SITE_FEED: Feed = { title: 'Tất cả tin bài', href: '/rss.xml' };

/** Name shown in the header and titles: the CMS's, or the plan's before the CMS has one. */
export async function communeName(): Promise<string> {
  return (await communeDetails())?.name ?? taxonomy.commune.name;
}

export { absoluteUrl } from './absolute-url';
