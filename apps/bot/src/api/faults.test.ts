import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { skipWithout } from '@academy/core/testing';
import { conversationCalls, sentTo, startBotTestApp, type BotTestApp } from '../test/bot-app';
import { respond, startFakeBotApi, type FakeBotApi } from '../test/fake-bot-api';
import { blockedBot, learner, textMessage } from '../test/updates';

// The Bot API misbehaving, as the fake stands in for it: flood control (429 + retry_after), server
// errors and dropped connections (retried, bounded), and a learner who blocked the bot (403).

const skip = await skipWithout('postgres');

describe.skipIf(skip)('Telegram API faults', () => {
  let api: FakeBotApi;
  let app: BotTestApp;

  beforeAll(async () => {
    api = await startFakeBotApi();
    app = await startBotTestApp(api, { database: 'postgres' });
  });
  afterAll(async () => {
    await app?.close();
    await api?.close();
  });
  beforeEach(() => api.reset());

  const isActive = async (telegramId: number) =>
    (await app.deps.db.query<{ is_active: boolean }>('SELECT is_active FROM users WHERE telegram_id = $1', [telegramId]))[0]?.is_active;
  const metricsText = async () => (await app.deps.metrics.render()).body;

  it('429: waits retry_after, then the same message goes through', async () => {
    const ann = learner(9001);
    api.script('sendMessage', respond.rateLimited(1));
    const result = await app.post(textMessage(ann, '/help'));
    expect(result.status).toBe(200);
    const [limited, retried] = api.callsTo('sendMessage');
    expect(retried, 'the call was retried').toBeDefined();
    expect(retried!.payload).toEqual(limited!.payload);
    expect(retried!.at - limited!.at).toBeGreaterThanOrEqual(1_000);
    expect(retried!.at - limited!.at).toBeLessThan(2_500);
    expect(api.callsTo('sendMessage')).toHaveLength(2);
    expect(await metricsText()).toMatch(/academy_telegram_api_errors_total\{method="sendMessage",code="429"\} 1/);
  });

  it('5xx and a dropped connection are retried with backoff', async () => {
    const bob = learner(9002);
    api.script('sendMessage', respond.serverError(), respond.drop());
    expect((await app.post(textMessage(bob, '/help'))).status).toBe(200);
    const calls = api.callsTo('sendMessage');
    expect(calls).toHaveLength(3);
    expect(calls[1]!.at - calls[0]!.at).toBeGreaterThanOrEqual(200);
    expect(await metricsText()).toMatch(/academy_telegram_api_errors_total\{method="sendMessage",code="network"\} 1/);
  });

  it('gives up after a bounded number of tries and tells the learner', async () => {
    const carol = learner(9003);
    api.script('sendMessage', ...Array.from({ length: 4 }, () => respond.serverError()));
    expect((await app.post(textMessage(carol, '/help'))).status).toBe(200);
    const calls = api.callsTo('sendMessage');
    expect(calls).toHaveLength(5); // 4 tries, then the apology
    expect(calls.at(-1)!.payload.text).toBe('Sorry, something went wrong on our side. Please try again in a moment.');
    expect(await metricsText()).toMatch(/academy_bot_updates_total\{outcome="failed"\} 1/);
  }, 15_000);

  it('403 "blocked by the user": marked inactive, and nothing more is sent', async () => {
    const dave = learner(9004);
    await app.post(textMessage(dave, '/start'));
    expect(await isActive(dave.id)).toBe(true);
    api.reset();

    api.script('sendMessage', respond.blocked());
    expect((await app.post(textMessage(dave, '/help'))).status).toBe(200);
    expect(api.callsTo('sendMessage')).toHaveLength(1); // no retry, no apology
    expect(await isActive(dave.id)).toBe(false);

    // Writing to the bot again means they unblocked it.
    await app.post(textMessage(dave, '/start'));
    expect(await isActive(dave.id)).toBe(true);
  });

  it('my_chat_member "kicked": marked inactive without a single Bot API call', async () => {
    const eve = learner(9005);
    await app.post(textMessage(eve, '/start'));
    api.reset();
    expect((await app.post(blockedBot(eve))).status).toBe(200);
    expect(await isActive(eve.id)).toBe(false);
    expect(conversationCalls(api)).toEqual([]);
    expect(sentTo(api, eve.id)).toEqual([]);
  });
});
