import type { FastifyRequest } from 'fastify';
import { z } from 'zod';
import { LOCALES, type Locale } from '@academy/core';

export const localeQuery = z.object({
  locale: z.enum(LOCALES).optional().describe('ru or en; defaults to Accept-Language, then en'),
});

/** The explicit ?locale= wins, then the first of ru/en in Accept-Language, then English. */
export function pickLocale(request: FastifyRequest, explicit: Locale | undefined): Locale {
  if (explicit) return explicit;
  const header = request.headers['accept-language'];
  if (typeof header === 'string') {
    for (const part of header.split(',')) {
      const tag = part.trim().slice(0, 2).toLowerCase();
      if (tag === 'ru' || tag === 'en') return tag;
    }
  }
  return 'en';
}
