import { z } from 'zod';

export const courseParams = z.object({ courseId: z.string().min(1).max(100) });

export const courseSummary = z.object({
  id: z.string(),
  position: z.number().int(),
  level: z.string(),
  title: z.string(),
  description: z.string(),
  lessonCount: z.number().int(),
  durationMinutes: z.number().int(),
});

export const courseDetail = courseSummary.extend({
  lessons: z.array(z.object({ id: z.string(), position: z.number().int(), title: z.string(), durationMinutes: z.number().int() })),
});

export const courseList = z.object({ locale: z.string(), courses: z.array(courseSummary) });
