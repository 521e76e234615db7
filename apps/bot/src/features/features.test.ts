import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { FIXTURE_LESSON_ID, FIXTURE_NEXT_LESSON_ID, fixtureAnswers } from '@academy/core/testing';
import { buttonsOf, sentTo, startBotTestApp, WEB_APP_URL, type BotTestApp } from '../test/bot-app';
import { startFakeBotApi, type FakeBotApi } from '../test/fake-bot-api';
import { buttonTap, learner, textMessage, type TestLearner } from '../test/updates';

// A learner's whole path through the bot, on the embedded database: Update JSON in through the real
// webhook, Bot API calls out to the fake, asserted by method, chat and payload.

let api: FakeBotApi;
let app: BotTestApp;

beforeAll(async () => {
  api = await startFakeBotApi();
  app = await startBotTestApp(api, { database: 'pglite' });
});
afterAll(async () => {
  await app?.close();
  await api?.close();
});
beforeEach(() => api.reset());

async function post(update: Parameters<BotTestApp['post']>[0]) {
  const result = await app.post(update);
  expect(result.status).toBe(200);
}

/** Taps the buttons that answer the fixture quiz with `correct` right answers; returns the last message. */
async function answerQuiz(who: TestLearner, correct: 0 | 1 | 2 | 3 | 4) {
  const question = sentTo(api, who.id).at(-1)!;
  let buttons = buttonsOf(question);
  for (const answer of fixtureAnswers(correct)) {
    const index = 'abc'.indexOf(answer.optionId);
    await post(buttonTap(who, buttons[index]!.callback_data!));
    buttons = buttonsOf(sentTo(api, who.id).at(-1));
  }
  return sentTo(api, who.id).at(-1)!;
}

describe('the bot, as a learner uses it', () => {
  it('/start registers the learner and greets them in Russian or English, with the menu and the Mini App', async () => {
    const masha = learner(7001, 'ru', 'Маша');
    const john = learner(7002, 'en-GB', 'John <b>');
    await post(textMessage(masha, '/start'));
    await post(textMessage(john, '/start'));

    const [toMasha] = sentTo(api, masha.id);
    expect(toMasha!.payload.text).toContain('Привет, Маша!');
    expect(toMasha!.payload.parse_mode).toBe('HTML');
    const [toJohn] = sentTo(api, john.id);
    expect(toJohn!.payload.text).toContain('Hi, John &lt;b&gt;!'); // names are escaped
    expect(buttonsOf(toJohn).map((b) => b.callback_data ?? b.web_app?.url)).toEqual(['m:courses', 'm:progress', 'm:language', WEB_APP_URL]);

    const rows = await app.deps.db.query<{ telegram_id: string; language: string; is_active: boolean }>(
      'SELECT telegram_id, language, is_active FROM users WHERE telegram_id IN ($1, $2) ORDER BY telegram_id',
      [masha.id, john.id],
    );
    expect(rows.map((r) => [Number(r.telegram_id), r.language, r.is_active])).toEqual([
      [masha.id, 'ru', true],
      [john.id, 'en', true],
    ]);
  });

  it('/courses → course → lesson (HTML, Swift in <pre>) → quiz → answers → score with the next lesson', async () => {
    const ann = learner(7003, 'en', 'Ann');
    await post(textMessage(ann, '/courses'));
    const courses = sentTo(api, ann.id).at(-1)!;
    expect(courses.payload.text).toContain('Courses');
    expect(buttonsOf(courses).map((b) => b.callback_data)).toEqual(['c:fixture-course']);

    await post(buttonTap(ann, 'c:fixture-course', 42));
    expect(api.callsTo('answerCallbackQuery')).toHaveLength(1);
    const course = sentTo(api, ann.id).at(-1)!;
    expect(course.method).toBe('editMessageText');
    expect(course.payload.message_id).toBe(42);
    expect(buttonsOf(course).map((b) => b.callback_data)).toEqual(['l:fixture-lesson-1', 'l:fixture-lesson-2', 'nav:courses']);

    await post(buttonTap(ann, `l:${FIXTURE_LESSON_ID}`));
    const lesson = sentTo(api, ann.id).at(-1)!;
    expect(lesson.method).toBe('sendMessage');
    expect(lesson.payload.text).toBe(
      '<b>Fixture lesson 1</b>\n<i>≈ 3 min read</i>\n\nLesson 1 body.\n\n<pre><code class="language-swift">let answer = 1</code></pre>',
    );
    expect(buttonsOf(lesson).map((b) => b.callback_data ?? b.web_app?.url)).toEqual([`q:${FIXTURE_LESSON_ID}`, WEB_APP_URL, 'c:fixture-course']);

    await post(buttonTap(ann, `q:${FIXTURE_LESSON_ID}`));
    const first = sentTo(api, ann.id).at(-1)!;
    expect(first.payload.text).toContain('Question 1 of 4');
    expect(first.payload.text).toContain('Question 1?');
    expect(buttonsOf(first).map((b) => b.text)).toEqual(['A. A1', 'B. B1']);
    expect(buttonsOf(first).every((b) => /^a:\d+:0:[01]$/.test(b.callback_data!))).toBe(true);

    const result = await answerQuiz(ann, 3);
    expect(result.method).toBe('editMessageText');
    expect(result.payload.text).toContain('Your score: 75/100</b> (3 of 4 correct)');
    expect(result.payload.text).toContain('✅ Lesson completed!');
    expect(result.payload.text).toContain('❌ 4. en explanation 4');
    expect(buttonsOf(result).map((b) => b.callback_data)).toEqual([`l:${FIXTURE_NEXT_LESSON_ID}`, `q:${FIXTURE_LESSON_ID}`, 'c:fixture-course']);
    expect(buttonsOf(result)[0]!.text).toBe('▶️ Next: Fixture lesson 2');

    const progress = await app.deps.db.query<{ score: number; attempts: number; completed: boolean }>(
      'SELECT p.score, p.attempts, p.completed FROM learning_progress p JOIN users u ON u.id = p.user_id WHERE u.telegram_id = $1',
      [ann.id],
    );
    expect(progress).toEqual([{ score: 75, attempts: 1, completed: true }]);
    const [event] = await app.deps.db.query<{ metadata: { source: string } }>("SELECT metadata FROM event_store WHERE type = 'QuizAttempted' ORDER BY id DESC LIMIT 1");
    expect(event!.metadata.source).toBe('bot');

    // /progress shows the attempt
    await post(textMessage(ann, '/progress'));
    const summary = sentTo(api, ann.id).at(-1)!;
    expect(summary.payload.text).toContain('Completed lessons: <b>1</b> of 2');
    expect(summary.payload.text).toContain('Average score: <b>75</b>');
    expect(summary.payload.text).toContain('Streak: <b>1 day</b>');
    expect(buttonsOf(summary)[0]!.callback_data).toBe(`l:${FIXTURE_NEXT_LESSON_ID}`);
  });

  it('/progress before any quiz says how to start', async () => {
    const bob = learner(7004, 'ru');
    await post(textMessage(bob, '/progress'));
    expect(sentTo(api, bob.id).at(-1)!.payload.text).toContain('Тестов пока нет');
  });

  it('/language switches the language and keeps it, whatever Telegram says', async () => {
    const eve = learner(7005, 'en', 'Eve');
    await post(textMessage(eve, '/language'));
    expect(buttonsOf(sentTo(api, eve.id).at(-1)).map((b) => b.callback_data)).toEqual(['lang:en', 'lang:ru']);
    await post(buttonTap(eve, 'lang:ru'));
    expect(sentTo(api, eve.id).at(-1)!.payload.text).toBe('Готово: теперь я говорю по-русски.');
    await post(textMessage(eve, '/help')); // her Telegram app still says "en"
    expect(sentTo(api, eve.id).at(-1)!.payload.text).toContain('Что я умею');
    const [row] = await app.deps.db.query<{ language: string }>('SELECT language FROM users WHERE telegram_id = $1', [eve.id]);
    expect(row!.language).toBe('ru');
  });

  it('answers stale, forged and repeated buttons politely, and scores nothing for them', async () => {
    const mallory = learner(7006);
    const victim = learner(7007);
    await post(buttonTap(victim, `q:${FIXTURE_LESSON_ID}`));
    const victimRun = buttonsOf(sentTo(api, victim.id).at(-1))[0]!.callback_data!; // a:<run>:0:0

    const forged = ['a:999999999:0:0', victimRun, 'a:1:0:99', 'c:no-such-course', 'l:no-such-lesson', 'x:garbage', 'a:0:0:0', `${'l:'}${'x'.repeat(62)}`];
    for (const data of forged) await post(buttonTap(mallory, data));
    const answers = api.callsTo('answerCallbackQuery').filter((c) => c.payload.callback_query_id !== undefined).slice(-forged.length);
    expect(answers.map((c) => c.payload.text)).toEqual([
      'This button is no longer active. Send /courses to continue.',
      'This button is no longer active. Send /courses to continue.',
      'This button is no longer active. Send /courses to continue.',
      'That lesson or course no longer exists. Send /courses to see what is available.',
      'That lesson or course no longer exists. Send /courses to see what is available.',
      'This button is no longer active. Send /courses to continue.',
      'This button is no longer active. Send /courses to continue.',
      'This button is no longer active. Send /courses to continue.',
    ]);
    expect(sentTo(api, mallory.id)).toEqual([]);
    expect(sentTo(api, victim.id)).toHaveLength(1); // the victim's quiz was not touched

    // The victim taps an answer twice (two updates): the second is "already answered".
    await post(buttonTap(victim, victimRun));
    await post(buttonTap(victim, victimRun));
    expect(api.callsTo('answerCallbackQuery').at(-1)!.payload.text).toBe('This question is already answered.');
    expect(sentTo(api, victim.id).filter((c) => c.method === 'editMessageText')).toHaveLength(1);
  });

  it('points unknown messages to /help; /app opens the Mini App', async () => {
    const zoe = learner(7008);
    await post(textMessage(zoe, 'hello?'));
    expect(sentTo(api, zoe.id).at(-1)!.payload.text).toBe("I didn't get that. Send /help to see what I can do.");
    await post(textMessage(zoe, '/app'));
    expect(buttonsOf(sentTo(api, zoe.id).at(-1))[0]!.web_app?.url).toBe(WEB_APP_URL);
  });
});
