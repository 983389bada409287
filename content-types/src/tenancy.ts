import { createHmac } from 'node:crypto';
import { SLUG_BODY, SLUG_PATTERN } from './slug';

// Which communes' portals a piece appears on, when one installation serves a province
// (README "Running a province"). One definition for the CMS, the build intake and the site.
export const COMMUNE_LIST_PATTERN = /^\s*[a-z0-9]+(?:-[a-z0-9]+)*(?:\s*,\s*[a-z0-9]+(?:-[a-z0-9]+)*)*\s*$/;

/** The tenancy fields of a piece (tailFields): its commune, or, province-wide, the communes it is addressed to. */
export interface Tenancy {
  commune?: string | null;
  provinceWide?: boolean | null;
  /** Slugs separated by commas; blank means every commune. */
  addressedTo?: string | null;
}

/** The slugs of a comma-separated list, trimmed, without blanks or repeats. */
export function communeList(text: string | null | undefined): string[] {
  return [...new Set((text ?? '').split(',').map((s) => s.trim()).filter((s) => SLUG_PATTERN.test(s)))];
}

/** How a list of communes is stored: "a, b" (a list that is not one is left for validation to refuse). */
export const COMMUNE_LIST_SEPARATOR = ', ';

export function canonicalCommuneList(text: string): string {
  return COMMUNE_LIST_PATTERN.test(text) ? communeList(text).join(COMMUNE_LIST_SEPARATOR) : text;
}

/**
 * Whether a piece appears on `commune`'s portal: a province-wide piece on the communes it is
 * addressed to (all when it names none), any other piece on its own commune's only. A piece
 * that names no commune and is not province-wide belongs to no portal of a province.
 */
export function reachesCommune(piece: Tenancy, commune: string): boolean {
  if (piece.provinceWide) {
    const addressed = communeList(piece.addressedTo);
    return addressed.length === 0 || addressed.includes(commune);
  }
  return piece.commune === commune;
}

/**
 * The portals, among `served`, that a change to this piece may alter: those it reaches now
 * (what the CMS sent), or every portal when the piece names none (it may have left one, and
 * a needless build costs less than a missed change). Unknown slugs are returned apart.
 */
export function communesReached(piece: Tenancy, served: readonly string[]): { communes: string[]; unknown: string[] } {
  const known = new Set(served);
  const named = piece.provinceWide ? communeList(piece.addressedTo) : piece.commune ? [piece.commune] : [];
  if (named.length === 0) return { communes: [...served], unknown: [] };
  return { communes: named.filter((c) => known.has(c)), unknown: named.filter((c) => !known.has(c)) };
}

/**
 * The read token of one commune's portal: derived from the installation's site token, so the
 * CMS (which creates it) and every build worker (which reads with it) agree without a hundred
 * secrets to hand out, and one commune's token reveals neither the site token nor another's.
 * The CMS answers it with that commune's content only (cms/src/middlewares/keep-to-the-commune.ts).
 */
export function communeSiteToken(siteToken: string, commune: string): string {
  return createHmac('sha256', siteToken).update(`commune-portal\n${commune}`).digest('hex');
}

/** The name of a commune's read token in the CMS, from which the CMS knows whose it is. */
export const communeTokenName = (commune: string) => `Cổng thông tin (${commune})`;
const TOKEN_NAME = new RegExp(`^Cổng thông tin \\((${SLUG_BODY})\\)$`);

/** The commune a read token serves, from its name; null for any other token. */
export function communeOfTokenName(name: string | null | undefined): string | null {
  return TOKEN_NAME.exec(name ?? '')?.[1] ?? null;
}

/**
 * How a province serves its communes' portals (PROVINCE_ROUTING): each under its own host name,
 * `<slug>.<PROVINCE_DOMAIN>` (the default), or under a path of the province's, `<PROVINCE_DOMAIN>/<slug>/`.
 */
export type ProvinceRouting = 'host' | 'path';

export function provinceRouting(value: string | undefined): ProvinceRouting {
  return value?.trim() === 'path' ? 'path' : 'host';
}

/** A commune's portal address in a province, without a trailing slash (the build's SITE_URL). */
export function communePortalUrl(commune: string, options: { domain: string; https: boolean; routing: ProvinceRouting }): string {
  const scheme = options.https ? 'https' : 'http';
  return options.routing === 'path' ? `${scheme}://${options.domain}/${commune}` : `${scheme}://${commune}.${options.domain}`;
}
