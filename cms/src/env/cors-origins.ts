import { z } from 'zod';

export interface CorsEnv {
  CMS_PUBLIC_URL?: string;
  CMS_URL?: string;
  PORT?: string;
  SITE_URL?: string;
  SITE_PORT?: string;
  CORS_ORIGINS?: string;
}

const origin = (variable: string) =>
  z
    .string()
    .trim()
    .refine((value) => value !== '*', `${variable}: "*" would let any site use an editor's login; list origins instead`)
    .refine((value) => URL.canParse(value) && /^https?:$/.test(new URL(value).protocol), (value) => ({
      message: `${variable}: "${value}" is not a web origin like https://thanhthuy.phutho.gov.vn`,
    }))
    .transform((value) => new URL(value).origin);

const present = (value: string | undefined): value is string => value !== undefined && value.trim() !== '';

function parse(variable: string, value: string): string {
  const parsed = origin(variable).safeParse(value);
  if (!parsed.success) throw new Error(`Invalid CORS configuration: ${parsed.error.issues[0].message}`);
  return parsed.data;
}

/**
 * The origins whose pages may call the CMS with an editor's credentials: the CMS's own public
 * address, the portal's, and CORS_ORIGINS (comma-separated). Unset addresses default to those
 * `npm start` uses (scripts/env/config.ts).
 */
export function corsOrigins(env: CorsEnv): string[] {
  const cms = present(env.CMS_PUBLIC_URL)
    ? parse('CMS_PUBLIC_URL', env.CMS_PUBLIC_URL)
    : present(env.CMS_URL)
      ? parse('CMS_URL', env.CMS_URL)
      : `http://localhost:${env.PORT || 1337}`;
  const site = present(env.SITE_URL) ? parse('SITE_URL', env.SITE_URL) : `http://localhost:${env.SITE_PORT || 4321}`;
  const extra = (env.CORS_ORIGINS ?? '').split(',').filter(present).map((value) => parse('CORS_ORIGINS', value));
  return [...new Set([cms, site, ...extra])];
}
