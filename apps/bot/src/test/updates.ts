import type { Update } from 'grammy/types';
import { BOT_INFO } from './fake-bot-api';

// Real Update JSON, shaped as Telegram sends it, for the learners of a test.

export interface TestLearner {
  id: number;
  first_name: string;
  language_code?: string;
}

let nextUpdateId = 500_000 + Math.floor(Math.random() * 1_000_000) * 10;
let nextMessageId = 1;

export function learner(id: number, languageCode = 'en', firstName = `Learner${id}`): TestLearner {
  return { id, first_name: firstName, language_code: languageCode };
}

const privateChat = (from: TestLearner) => ({ id: from.id, type: 'private' as const, first_name: from.first_name });
const user = (from: TestLearner) => ({ id: from.id, is_bot: false, first_name: from.first_name, ...(from.language_code ? { language_code: from.language_code } : {}) });

/** A text message; a leading /command gets its bot_command entity like Telegram adds it. */
export function textMessage(from: TestLearner, text: string, updateId = nextUpdateId++): Update {
  const command = /^\/\w+/.exec(text)?.[0];
  return {
    update_id: updateId,
    message: {
      message_id: nextMessageId++,
      date: Math.floor(Date.now() / 1000),
      chat: privateChat(from),
      from: user(from),
      text,
      ...(command ? { entities: [{ type: 'bot_command', offset: 0, length: command.length }] } : {}),
    },
  } as Update;
}

/** A tap on an inline button of one of the bot's messages. */
export function buttonTap(from: TestLearner, data: string, messageId = 1, updateId = nextUpdateId++): Update {
  return {
    update_id: updateId,
    callback_query: {
      id: `cb-${updateId}`,
      from: user(from),
      chat_instance: `ci-${from.id}`,
      data,
      message: { message_id: messageId, date: Math.floor(Date.now() / 1000), chat: privateChat(from), from: BOT_INFO, text: '…' },
    },
  } as Update;
}

/** Telegram's notice that the learner blocked the bot. */
export function blockedBot(from: TestLearner, updateId = nextUpdateId++): Update {
  const date = Math.floor(Date.now() / 1000);
  return {
    update_id: updateId,
    my_chat_member: {
      chat: privateChat(from),
      from: user(from),
      date,
      old_chat_member: { status: 'member', user: BOT_INFO },
      new_chat_member: { status: 'kicked', user: BOT_INFO, until_date: 0 },
    },
  } as Update;
}
