import { upsertTelegramUser, type TelegramProfile } from '@academy/core';
import type { AppDeps } from '../../deps';

/** Registers (or refreshes) the learner and issues their session token: the body of every sign-in. */
export async function startSession(deps: Pick<AppDeps, 'db' | 'tokens'>, profile: TelegramProfile) {
  const user = await upsertTelegramUser(deps.db, profile);
  const { token, expiresAt } = await deps.tokens.issue({ userId: user.id, telegramId: user.telegramId });
  return {
    token,
    expiresAt: expiresAt.toISOString(),
    user: { id: user.id, telegramId: user.telegramId, firstName: user.firstName, lastName: user.lastName, username: user.username, language: user.language },
  };
}
