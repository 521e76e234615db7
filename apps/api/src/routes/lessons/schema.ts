import { z } from 'zod';
import { LOCALES } from '@academy/core';

export const lessonParams = z.object({ lessonId: z.string().min(1).max(100) });

export const lesson = z.object({
  id: z.string(),
  courseId: z.string(),
  position: z.number().int(),
  locale: z.enum(LOCALES),
  title: z.string(),
  body: z.string().describe('Markdown; Swift code in fenced blocks'),
  durationMinutes: z.number().int(),
  previousLessonId: z.string().nullable(),
  nextLessonId: z.string().nullable(),
  quiz: z.object({
    questions: z.array(
      z.object({ id: z.string(), text: z.string(), options: z.array(z.object({ id: z.string(), text: z.string() })) }),
    ),
  }),
});

export const attemptBody = z.object({
  answers: z
    .array(z.object({ questionId: z.string().min(1).max(100), optionId: z.string().min(1).max(100) }).strict())
    .min(1)
    .max(50)
    .describe('One answer per question of the lesson’s quiz'),
  locale: z.enum(LOCALES).optional().describe('Language of the explanations; defaults to Accept-Language'),
});

export const attemptResult = z.object({
  lessonId: z.string(),
  score: z.number().int().min(0).max(100),
  passed: z.boolean(),
  passMark: z.number().int(),
  correctCount: z.number().int(),
  questionCount: z.number().int(),
  results: z.array(
    z.object({ questionId: z.string(), selectedOptionId: z.string(), correctOptionId: z.string(), correct: z.boolean(), explanation: z.string() }),
  ),
  attempts: z.number().int(),
  bestScore: z.number().int(),
  completed: z.boolean(),
  newlyCompleted: z.boolean(),
  nextLessonId: z.string().nullable(),
  version: z.number().int(),
});
