import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { FIXTURE_LESSON_ID, fixtureAnswers, skipWithout } from '@academy/core/testing';
import { buttonsOf, conversationCalls, sentTo, startBotTestApp, WEBHOOK_SECRET, type BotTestApp } from './test/bot-app';
import { respond, startFakeBotApi, type FakeBotApi } from './test/fake-bot-api';
import { buttonTap, learner, textMessage } from './test/updates';
import { startTestApp } from '../../api/src/test/harness';

// POST /telegram/webhook on PostgreSQL: the secret, at-least-once delivery (a redelivered update is
// handled once, also when two replicas on one database receive it), and per-chat order.

const skip = await skipWithout('postgres');

describe.skipIf(skip)('POST /telegram/webhook', () => {
  let api: FakeBotApi;
  let app: BotTestApp;
  let replica: BotTestApp;

  beforeAll(async () => {
    api = await startFakeBotApi();
    app = await startBotTestApp(api, { database: 'postgres' });
    // A second replica on the same database (already migrated and synced by the first).
    replica = await startBotTestApp(api, { database: { url: app.deps.config.DATABASE_URL! }, prepare: false });
  });
  afterAll(async () => {
    await replica?.close();
    await app?.close();
    await api?.close();
  });
  beforeEach(() => api.reset());

  it('refuses a missing or wrong secret with 401 problem+json, before reading the update', async () => {
    const update = textMessage(learner(8001), '/start');
    const wrong: Record<string, string>[] = [{}, { 'x-telegram-bot-api-secret-token': `${WEBHOOK_SECRET}x` }, { 'x-telegram-bot-api-secret-token': '' }];
    for (const headers of wrong) {
      const result = await app.post(update, headers);
      expect(result.status).toBe(401);
      expect(result.headers.get('content-type')).toMatch(/^application\/problem\+json/);
      expect((result.body as { code: string }).code).toBe('webhook_secret_invalid');
    }
    const garbage = await app.post('not json' as never, { 'x-telegram-bot-api-secret-token': 'wrong' });
    expect(garbage.status).toBe(401);
    expect(conversationCalls(api)).toEqual([]);
    expect((await app.post(update)).status).toBe(200);
    expect(sentTo(api, 8001)).toHaveLength(1);
  });

  it('is documented in the OpenAPI document', async () => {
    const docs = (await (await fetch(`${app.url}/docs/json`)).json()) as { paths: Record<string, unknown> };
    expect(Object.keys(docs.paths)).toContain('/telegram/webhook');
  });

  it('rejects a body that is not an update with 400', async () => {
    const result = await app.post({ hello: 'world' } as never);
    expect(result.status).toBe(400);
  });

  it('handles a redelivered update once: one reply, one recorded attempt', async () => {
    const ann = learner(8002);
    const start = textMessage(ann, '/start');
    expect((await app.post(start)).status).toBe(200);
    expect((await app.post(start)).status).toBe(200); // Telegram did not see our 200 and sent it again
    expect(sentTo(api, ann.id)).toHaveLength(1);

    await app.post(buttonTap(ann, `q:${FIXTURE_LESSON_ID}`));
    let buttons = buttonsOf(sentTo(api, ann.id).at(-1));
    const answers = fixtureAnswers(4);
    for (const [i, answer] of answers.entries()) {
      const tap = buttonTap(ann, buttons['abc'.indexOf(answer.optionId)]!.callback_data!);
      await app.post(tap);
      if (i === answers.length - 1) await app.post(tap); // the final answer, redelivered
      buttons = buttonsOf(sentTo(api, ann.id).at(-1));
    }
    const [row] = await app.deps.db.query<{ count: string }>(
      `SELECT count(*) AS count FROM event_store e JOIN users u ON e.aggregate_id LIKE 'progress:' || u.id || ':%'
        WHERE u.telegram_id = $1 AND e.type = 'QuizAttempted'`,
      [ann.id],
    );
    expect(Number(row!.count)).toBe(1);
    expect(sentTo(api, ann.id).at(-1)!.payload.text).toContain('100/100');
  });

  it('handles an update delivered to two replicas at once exactly once', async () => {
    const bob = learner(8003);
    const updates = Array.from({ length: 5 }, (_, i) => textMessage(bob, i % 2 === 0 ? '/help' : '/progress'));
    const results = await Promise.all(updates.flatMap((update) => [app.post(update), replica.post(update)]));
    expect(results.map((r) => r.status)).toEqual(Array(10).fill(200));
    expect(sentTo(api, bob.id)).toHaveLength(5);
  });

  it('takes over the claim of a replica that died mid-update, but never one still in flight', async () => {
    const fay = learner(8007);
    const [orphaned, inFlight] = [textMessage(fay, '/help'), textMessage(fay, '/progress')];
    const botId = 123456789; // TEST_BOT_TOKEN's bot id
    await app.deps.db.query(
      `INSERT INTO bot_processed_updates (bot_id, update_id, received_at) VALUES ($1, $2, now() - interval '5 minutes'), ($1, $3, now())`,
      [botId, orphaned.update_id, inFlight.update_id],
    );
    await app.post(orphaned); // Telegram's redelivery after the crash
    await app.post(inFlight); // a duplicate of an update another replica is handling right now
    expect(sentTo(api, fay.id).map((c) => String(c.payload.text).slice(0, 16))).toEqual(['<b>What I can do']);
    const rows = await app.deps.db.query<{ handled: boolean }>(
      'SELECT handled_at IS NOT NULL AS handled FROM bot_processed_updates WHERE bot_id = $1 AND update_id IN ($2, $3) ORDER BY update_id',
      [botId, orphaned.update_id, inFlight.update_id],
    );
    expect(rows.map((r) => r.handled)).toEqual([true, false]);
  });

  it('a failed feature is answered (200, not resent); a failed claim is a 500 and its redelivery is handled', async () => {
    const gus = learner(8008);
    const update = textMessage(gus, '/help');
    await app.deps.db.query('ALTER TABLE users RENAME TO users_away'); // the learner lookup fails outside the features
    try {
      api.script('sendMessage', respond.blocked()); // no apology can go out either
      const failed = await app.post(update);
      expect(failed.status).toBe(200); // the error boundary answered for it: not retried
    } finally {
      await app.deps.db.query('ALTER TABLE users_away RENAME TO users');
    }
    const retried = textMessage(gus, '/help');
    await app.deps.db.query('ALTER TABLE bot_processed_updates RENAME TO bot_processed_updates_away');
    try {
      const failed = await app.post(retried);
      expect(failed.status).toBe(500); // the claim itself failed: Telegram will deliver it again
    } finally {
      await app.deps.db.query('ALTER TABLE bot_processed_updates_away RENAME TO bot_processed_updates');
    }
    api.reset();
    expect((await app.post(retried)).status).toBe(200);
    expect(sentTo(api, gus.id)).toHaveLength(1);
  });

  it('handles the updates of one chat in order, other chats meanwhile', async () => {
    const carol = learner(8004);
    const dave = learner(8005);
    api.script('sendMessage', respond.delay(300)); // the first reply is slow
    const first = app.post(textMessage(carol, '/help'));
    await api.waitFor((calls) => calls.some((c) => c.method === 'sendMessage'));
    const second = app.post(textMessage(carol, '/progress'));
    const other = app.post(textMessage(dave, '/help'));
    await Promise.all([first, second, other]);
    const order = api.callsTo('sendMessage').map((c) => `${c.payload.chat_id}:${String(c.payload.text).includes('What I can') ? 'help' : 'progress'}`);
    expect(order).toEqual([`${carol.id}:help`, `${dave.id}:help`, `${carol.id}:progress`]);
  });

  it('is not mounted when BOT_MODE is not webhook', async () => {
    const other = await startTestApp({ database: { url: app.deps.config.DATABASE_URL! }, prepare: false });
    try {
      const result = await fetch(`${other.url}/telegram/webhook`, { method: 'POST', body: '{}', headers: { 'content-type': 'application/json' } });
      expect(result.status).toBe(404);
    } finally {
      await other.close();
    }
  });

  it('shows no Mini App button and no /app when WEB_APP_URL is unset or not https', async () => {
    for (const [i, url] of ['', 'http://localhost:5173'].entries()) {
      const other = await startBotTestApp(api, { database: { url: app.deps.config.DATABASE_URL! }, prepare: false, env: { WEB_APP_URL: url } });
      try {
        const eve = learner(8010 + i);
        await other.post(textMessage(eve, '/start'));
        await other.post(textMessage(eve, '/app'));
        const [greeting, reply] = sentTo(api, eve.id);
        expect(buttonsOf(greeting).map((b) => b.callback_data)).toEqual(['m:courses', 'm:progress', 'm:language']);
        expect(reply!.payload.text).toBe("I didn't get that. Send /help to see what I can do.");
      } finally {
        await other.close();
      }
    }
  });
});
