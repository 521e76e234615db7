import { z } from 'zod';

/** An Update as Telegram sends it: only update_id is checked here; grammY reads the rest. */
export const telegramUpdate = z.looseObject({ update_id: z.number().int().nonnegative() });

export const SECRET_HEADER = 'x-telegram-bot-api-secret-token';
