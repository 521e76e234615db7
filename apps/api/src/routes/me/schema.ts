import { z } from 'zod';

export const progressSummary = z.object({
  completedLessons: z.number().int(),
  attemptedLessons: z.number().int(),
  totalLessons: z.number().int(),
  averageScore: z.number().nullable().describe('Mean best score over attempted lessons'),
  currentStreakDays: z.number().int().describe('Consecutive UTC days with an attempt, ending today or yesterday'),
  longestStreakDays: z.number().int(),
  lastActivityAt: z.date().nullable(),
  lessons: z.array(
    z.object({
      lessonId: z.string(),
      bestScore: z.number().int(),
      lastScore: z.number().int(),
      completed: z.boolean(),
      attempts: z.number().int(),
      updatedAt: z.date(),
    }),
  ),
});
