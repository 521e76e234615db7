import { z } from 'zod';
import { LOCALES } from '@academy/core';

export const telegramSignIn = z.object({
  initData: z.string().min(1).max(8192).describe('Telegram.WebApp.initData, exactly as the Mini App received it'),
});

export const learnerUser = z.object({
  id: z.number().int(),
  telegramId: z.number().int(),
  firstName: z.string(),
  lastName: z.string().nullable(),
  username: z.string().nullable(),
  language: z.enum(LOCALES),
});

export const session = z.object({
  token: z.string().describe('Send as Authorization: Bearer <token>'),
  expiresAt: z.string().describe('ISO 8601'),
  user: learnerUser,
});
