import { signInitData } from '@academy/core';
import { TEST_BOT_TOKEN } from '../../../apps/api/src/test/harness';

/** initData exactly as Telegram would hand it to the Mini App, signed with the test bot token. */
export function signedInitData(user: { id: number; firstName: string; languageCode: string }): string {
  return signInitData(
    {
      query_id: `AAE${user.id}`,
      auth_date: String(Math.floor(Date.now() / 1000)),
      user: JSON.stringify({ id: user.id, first_name: user.firstName, language_code: user.languageCode, allows_write_to_pm: true }),
    },
    TEST_BOT_TOKEN,
  );
}
