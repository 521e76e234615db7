import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createCache, loadConfig, silentLogger, syncCurriculumFromDir } from '@academy/core';
import { createTestDatabase, FIXTURE_CONTENT_DIR, type TestDatabase } from '@academy/core/testing';
import { createBot } from './bot';
import type { BotDeps } from './context';
import { startPolling } from './polling';
import { respond, startFakeBotApi, type FakeBotApi } from './test/fake-bot-api';
import { learner, textMessage } from './test/updates';
import { createWebhookHandler } from './webhook';

// Polling mode (what `npm start` runs with a token): the runner fetches from the fake Bot API, the bot
// answers, and stop() ends it cleanly. Plus the webhook handler's early acknowledgement.

const TOKEN = '123456789:TEST_bot_token_for_academy_tests_only';

describe('the bot in polling mode', () => {
  let api: FakeBotApi;
  let database: TestDatabase;
  let deps: BotDeps;

  beforeAll(async () => {
    api = await startFakeBotApi();
    database = await createTestDatabase('pglite');
    const config = loadConfig({ TELEGRAM_BOT_TOKEN: TOKEN, TELEGRAM_API_ROOT: api.url, WEB_APP_URL: 'https://academy.example/app', CONTENT_DIR: FIXTURE_CONTENT_DIR });
    deps = { db: database.db, cache: createCache({ logger: silentLogger }), logger: silentLogger, config, retry: { baseDelayMs: 10 } };
    await syncCurriculumFromDir(deps, FIXTURE_CONTENT_DIR);
  });
  afterAll(async () => {
    await deps?.cache.close();
    await database?.drop();
    await api?.close();
  });

  it('removes a webhook, sets the commands in both languages, answers updates and stops', async () => {
    const polling = await startPolling(createBot(TOKEN, deps), deps);
    try {
      expect(polling.username).toBe('academy_test_bot');
      expect(api.callsTo('deleteWebhook')).toHaveLength(1);
      expect(api.callsTo('setMyCommands').map((c) => c.payload.language_code ?? 'default')).toEqual(['default', 'ru']);
      expect(api.callsTo('setChatMenuButton')[0]!.payload.menu_button).toMatchObject({ type: 'web_app', web_app: { url: 'https://academy.example/app' } });

      const ann = learner(6001, 'ru', 'Аня');
      api.queueUpdates(textMessage(ann, '/start'), textMessage(ann, '/help'));
      await api.waitFor((calls) => calls.filter((c) => c.method === 'sendMessage').length === 2);
      const texts = api.callsTo('sendMessage').map((c) => String(c.payload.text));
      expect(texts[0]).toContain('Привет, Аня!');
      expect(texts[1]).toContain('Что я умею');
      expect(api.callsTo('getUpdates')[0]!.payload.allowed_updates).toEqual(['message', 'callback_query', 'my_chat_member']);
    } finally {
      await polling.stop();
    }
    await new Promise((resolve) => setTimeout(resolve, 50));
    const fetches = api.callsTo('getUpdates').length;
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(api.callsTo('getUpdates').length).toBe(fetches); // no polling after stop()
  });

  it('webhook: acknowledges a slow update early and finishes it in the background', async () => {
    const bot = createBot(TOKEN, deps);
    const webhook = createWebhookHandler(bot, silentLogger, 100);
    api.reset();
    api.script('sendMessage', respond.delay(400));
    const started = Date.now();
    expect(await webhook.handle(textMessage(learner(6002), '/help'))).toBe('acknowledged-early');
    expect(Date.now() - started).toBeLessThan(390);
    expect(api.callsTo('sendMessage')).toHaveLength(1);
    await webhook.drain(); // what the route's onClose waits for
    expect(await webhook.handle(textMessage(learner(6002), '/help'))).toBe('handled');
  });
});
