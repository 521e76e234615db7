import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signInitData } from '@academy/core';
import { call, problemOf, startTestApp, TEST_BOT_TOKEN, type TestApp } from '../../test/harness';

const fixture = JSON.parse(readFileSync(new URL('../../../../../test/fixtures/telegram-init-data.json', import.meta.url), 'utf8')) as {
  botToken: string;
  initData: string;
  user: { id: number };
};

describe('POST /api/v1/auth/telegram', () => {
  let published: TestApp; // configured with the bot token of Telegram's published example
  let academy: TestApp; // configured with our own test bot token, default 24 h freshness
  beforeAll(async () => {
    // The published example was signed in 2022: accept its age here, and only here.
    published = await startTestApp({ database: 'pglite', env: { TELEGRAM_BOT_TOKEN: fixture.botToken, INIT_DATA_MAX_AGE_SECONDS: String(10 * 365 * 86_400) } });
    academy = await startTestApp({ database: 'pglite' });
  });
  afterAll(async () => {
    await published?.close();
    await academy?.close();
  });

  it("accepts Telegram's published initData, registers the learner and returns a working token", async () => {
    const response = await call(published.url, 'POST', '/api/v1/auth/telegram', { body: { initData: fixture.initData } });
    expect(response.status).toBe(200);
    const body = response.body as { token: string; user: { telegramId: number; language: string; firstName: string } };
    expect(body.user).toMatchObject({ telegramId: fixture.user.id, language: 'ru', firstName: 'Vladislav' });
    const progress = await call(published.url, 'GET', '/api/v1/me/progress', { token: body.token });
    expect(progress.status).toBe(200);
  });

  it('refuses a changed field with 401 problem+json', async () => {
    const tampered = fixture.initData.replace('vdkfrost', 'someone');
    const response = await call(published.url, 'POST', '/api/v1/auth/telegram', { body: { initData: tampered } });
    expect(response.status).toBe(401);
    expect(problemOf(response)?.code).toBe('init_data_invalid');
  });

  it('refuses initData signed for another bot with 401', async () => {
    const response = await call(academy.url, 'POST', '/api/v1/auth/telegram', { body: { initData: fixture.initData } });
    expect(response.status).toBe(401);
    expect(problemOf(response)?.code).toBe('init_data_invalid');
  });

  it('refuses an auth_date older than 24 hours with 401', async () => {
    const stale = signInitData(
      { auth_date: String(Math.floor(Date.now() / 1000) - 86_400 - 60), user: JSON.stringify({ id: 5, first_name: 'Late' }) },
      TEST_BOT_TOKEN,
    );
    const response = await call(academy.url, 'POST', '/api/v1/auth/telegram', { body: { initData: stale } });
    expect(response.status).toBe(401);
    expect(problemOf(response)?.code).toBe('init_data_expired');
  });

  it('refuses learner endpoints without a token or with a forged one', async () => {
    expect((await call(academy.url, 'GET', '/api/v1/me/progress')).status).toBe(401);
    const forged = await call(academy.url, 'GET', '/api/v1/me/progress', { token: 'eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxIn0.bad' });
    expect(forged.status).toBe(401);
    expect(problemOf(forged)?.code).toBe('session_invalid');
  });
});
