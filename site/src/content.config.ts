import { defineCollection } from 'astro:content';
import { article, factCheck, modelPractice, serviceGuide } from '@thanh-thuy/content-types';
import { loadSiteEnv } from './env.mjs';
import { communeLoader } from './loaders/commune-loader';
import { kindLoader } from './loaders/kind-loader';

const env = loadSiteEnv();
const cms = { url: env.CMS_URL, token: env.SITE_API_TOKEN };

// Validation happens in the loaders with the schemas derived in content-types: no second
// collection schema here (it would re-validate 10,000 entries on every build).
export const collections = {
  articles: defineCollection({ loader: kindLoader(article, cms) }),
  modelPractices: defineCollection({ loader: kindLoader(modelPractice, cms) }),
  serviceGuides: defineCollection({ loader: kindLoader(serviceGuide, cms) }),
  factChecks: defineCollection({ loader: kindLoader(factCheck, cms) }),
  commune: defineCollection({ loader: communeLoader(cms) }),
};
