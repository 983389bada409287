const ENTITIES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

export const escapeHtml = (text: string) => text.replace(/[&<>"']/g, (c) => ENTITIES[c]);

/** Site-relative href/src in sanitised HTML made absolute (feed readers have no base URL). */
export const absolutizeHtml = (html: string, site: string) => html.replace(/\b(href|src)="\/(?!\/)/g, `$1="${site.replace(/\/$/, '')}/`);
