import { isFetchError } from '@strapi/strapi/admin';

/** The CMS's own Vietnamese refusal when there is one, else a plain sentence a person can act on. */
export function messageOf(error: unknown, fallback = 'Không kết nối được với máy chủ CMS. Hãy thử lại sau ít phút.'): string {
  if (isFetchError(error) && typeof error.response?.data?.error?.message === 'string') return error.response.data.error.message;
  return fallback;
}
