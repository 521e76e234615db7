import { z } from 'zod';
import { progressSummary } from '../me/schema';

const counts = z.object({ created: z.number().int(), updated: z.number().int(), unchanged: z.number().int(), unpublished: z.number().int() });
export const syncReport = z.object({ courses: counts, lessons: counts });

export const userParams = z.object({ telegramId: z.coerce.number().int().positive() });

export const userDetail = z.object({
  user: z.object({
    id: z.number().int(),
    telegramId: z.number().int(),
    firstName: z.string(),
    lastName: z.string().nullable(),
    username: z.string().nullable(),
    language: z.string(),
    isActive: z.boolean(),
    createdAt: z.date(),
    lastActiveAt: z.date(),
  }),
  progress: progressSummary,
});
