import { taxonomy, VERDICTS } from '@thanh-thuy/content-types';
import { lastUpdateOf } from './last-update';
import type { GuideStep } from './piece-types';
import type { Piece } from './pieces';

// schema.org JSON-LD: NewsArticle for articles and model practices, ClaimReview for
// fact-checks, HowTo plus GovernmentService for service guides.
type Json = Record<string, unknown>;

interface Context {
  url: string;
  siteUrl: string;
  communeName: string;
  /** The commune's authority (its details), the plan's until the CMS has them. */
  authority?: string | null;
  imageUrl?: string | null;
}

const organization = (ctx: Context) => ({ '@type': 'GovernmentOrganization', name: ctx.authority ?? taxonomy.commune.authority, url: ctx.siteUrl });
// datePublished is the first publication, which a correction never moves; dateModified the
// latest correction that went public (the first publication when there was none).
const lastUpdate = (piece: Piece) => lastUpdateOf(piece)?.at ?? piece.publishedAt;

function base(piece: Piece, ctx: Context): Json {
  return {
    '@context': 'https://schema.org',
    url: ctx.url,
    mainEntityOfPage: ctx.url,
    inLanguage: 'vi',
    datePublished: piece.publishedAt,
    dateModified: lastUpdate(piece),
    author: piece.unit ? { '@type': 'GovernmentOrganization', name: piece.unit.label } : organization(ctx),
    publisher: organization(ctx),
    ...(ctx.imageUrl ? { image: ctx.imageUrl } : {}),
    // "Thu hồi": schema.org's creativeWorkStatus takes free text ("Draft", "Obsolete", …).
    ...(piece.withdrawn ? { creativeWorkStatus: 'Withdrawn' } : {}),
  };
}

export function structuredData(piece: Piece, ctx: Context): Json {
  const f = piece.fields as Record<string, any>;
  switch (piece.kind) {
    case 'fact-check':
      return {
        ...base(piece, ctx),
        '@type': 'ClaimReview',
        headline: piece.title,
        claimReviewed: f.claim,
        reviewRating: {
          '@type': 'Rating',
          // Best is "Đúng" (true), worst "Sai sự thật" (false).
          ratingValue: VERDICTS.length - VERDICTS.indexOf(f.verdict),
          bestRating: VERDICTS.length,
          worstRating: 1,
          alternateName: f.verdict,
        },
        itemReviewed: {
          '@type': 'Claim',
          datePublished: f.claimSeenAt,
          appearance: f.claimUrl ? { '@type': 'CreativeWork', url: f.claimUrl } : undefined,
          author: { '@type': 'Organization', name: `Nguồn lan truyền trên ${f.claimPlatform}` },
        },
      };
    case 'service-guide':
      return {
        '@context': 'https://schema.org',
        '@graph': [
          {
            ...base(piece, ctx),
            '@context': undefined,
            '@type': 'HowTo',
            name: piece.title,
            description: piece.summary,
            supply: (f.documents ?? []).map((d: { name: string }) => ({ '@type': 'HowToSupply', name: d.name })),
            step: (f.steps as GuideStep[]).map((s, i) => ({ '@type': 'HowToStep', position: i + 1, text: s.text })),
          },
          {
            '@type': 'GovernmentService',
            name: f.procedureName,
            identifier: f.procedureCode,
            serviceUrl: f.onlineUrl,
            serviceOperator: organization(ctx),
            areaServed: ctx.communeName,
            audience: { '@type': 'Audience', audienceType: f.eligibility },
          },
        ],
      };
    default:
      return { ...base(piece, ctx), '@type': 'NewsArticle', headline: piece.title, description: piece.summary, articleSection: piece.themes.map((t) => t.label) };
  }
}
