import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Update } from 'grammy/types';

// A stand-in for the Telegram Bot API on 127.0.0.1 (a random port): it records every call (method and
// JSON payload) and answers like Telegram does — a plausible result by default, or a scripted failure:
// 429 with retry_after, 5xx, 403 "bot was blocked by the user", or a dropped connection.

export interface RecordedCall {
  method: string;
  payload: Record<string, unknown>;
  /** Milliseconds since the server started. */
  at: number;
}

export type ScriptedResponse =
  | { kind: 'error'; status: number; description: string; retryAfter?: number }
  | { kind: 'drop' }
  | { kind: 'delay'; ms: number };

export const BOT_INFO = {
  id: 123456789,
  is_bot: true,
  first_name: 'Academy Test Bot',
  username: 'academy_test_bot',
  can_join_groups: false,
  can_read_all_group_messages: false,
  supports_inline_queries: false,
  can_connect_to_business: false,
  has_main_web_app: false,
};

export const respond = {
  rateLimited: (retryAfter: number): ScriptedResponse => ({ kind: 'error', status: 429, description: `Too Many Requests: retry after ${retryAfter}`, retryAfter }),
  serverError: (): ScriptedResponse => ({ kind: 'error', status: 500, description: 'Internal Server Error' }),
  blocked: (): ScriptedResponse => ({ kind: 'error', status: 403, description: 'Forbidden: bot was blocked by the user' }),
  drop: (): ScriptedResponse => ({ kind: 'drop' }),
  delay: (ms: number): ScriptedResponse => ({ kind: 'delay', ms }),
};

export interface FakeBotApi {
  /** Use as TELEGRAM_API_ROOT. */
  url: string;
  calls: RecordedCall[];
  /** Recorded calls of one method (getMe and other housekeeping left out by asking for what you need). */
  callsTo(method: string): RecordedCall[];
  /** The next calls of `method` get these answers, in order; later calls succeed again. */
  script(method: string, ...responses: ScriptedResponse[]): void;
  /** Updates for getUpdates (polling tests). */
  queueUpdates(...updates: Update[]): void;
  /** Resolves once `predicate` holds for the recorded calls; rejects after `timeoutMs`. */
  waitFor(predicate: (calls: RecordedCall[]) => boolean, timeoutMs?: number): Promise<void>;
  reset(): void;
  close(): Promise<void>;
}

export async function startFakeBotApi(): Promise<FakeBotApi> {
  const started = Date.now();
  const calls: RecordedCall[] = [];
  const scripts = new Map<string, ScriptedResponse[]>();
  const updates: Update[] = [];
  const listeners = new Set<() => void>();
  let messageId = 1000;
  const notify = () => listeners.forEach((listener) => listener());

  function result(method: string, payload: Record<string, unknown>): unknown {
    const chat = { id: payload.chat_id, type: 'private', first_name: 'Learner' };
    switch (method) {
      case 'getMe':
        return BOT_INFO;
      case 'sendMessage':
        return { message_id: ++messageId, date: Math.floor(Date.now() / 1000), chat, from: BOT_INFO, text: payload.text };
      case 'editMessageText':
        return { message_id: payload.message_id, date: Math.floor(Date.now() / 1000), chat, from: BOT_INFO, text: payload.text };
      default:
        return true;
    }
  }

  async function getUpdates(payload: Record<string, unknown>): Promise<Update[]> {
    const offset = Number(payload.offset ?? 0);
    const ready = () => updates.filter((update) => update.update_id >= offset);
    if (ready().length === 0) {
      // A short long-poll: answers as soon as updates are queued, or empty after 100 ms.
      await new Promise<void>((resolve) => {
        const done = () => {
          listeners.delete(done);
          clearTimeout(timer);
          resolve();
        };
        const timer = setTimeout(done, 100);
        listeners.add(done);
      });
    }
    return ready();
  }

  async function handle(request: IncomingMessage, response: ServerResponse): Promise<void> {
    const chunks: Buffer[] = [];
    for await (const chunk of request) chunks.push(chunk as Buffer);
    const text = Buffer.concat(chunks).toString('utf8');
    const method = (request.url ?? '').split('/').pop() ?? '';
    const payload = text ? (JSON.parse(text) as Record<string, unknown>) : {};
    calls.push({ method, payload, at: Date.now() - started });
    notify();

    let scripted = scripts.get(method)?.shift();
    while (scripted?.kind === 'delay') {
      await new Promise((resolve) => setTimeout(resolve, (scripted as { ms: number }).ms));
      scripted = scripts.get(method)?.shift();
    }
    if (scripted?.kind === 'drop') {
      request.socket.destroy();
      return;
    }
    const send = (status: number, body: unknown) => {
      response.writeHead(status, { 'content-type': 'application/json' });
      response.end(JSON.stringify(body));
    };
    if (scripted?.kind === 'error') {
      send(scripted.status, {
        ok: false,
        error_code: scripted.status,
        description: scripted.description,
        ...(scripted.retryAfter !== undefined ? { parameters: { retry_after: scripted.retryAfter } } : {}),
      });
      return;
    }
    if (method === 'getUpdates') return send(200, { ok: true, result: await getUpdates(payload) });
    send(200, { ok: true, result: result(method, payload) });
  }

  const server = createServer((request, response) => {
    handle(request, response).catch((error: unknown) => {
      response.writeHead(500).end(String(error));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;

  return {
    url: `http://127.0.0.1:${port}`,
    calls,
    callsTo: (method) => calls.filter((call) => call.method === method),
    script(method, ...responses) {
      scripts.set(method, [...(scripts.get(method) ?? []), ...responses]);
    },
    queueUpdates(...queued) {
      updates.push(...queued);
      notify();
    },
    waitFor(predicate, timeoutMs = 5_000) {
      return new Promise((resolve, reject) => {
        const check = () => {
          if (!predicate(calls)) return;
          listeners.delete(check);
          clearTimeout(timer);
          resolve();
        };
        const timer = setTimeout(() => {
          listeners.delete(check);
          reject(new Error(`fake Bot API: condition not met within ${timeoutMs} ms; calls: ${calls.map((c) => c.method).join(', ')}`));
        }, timeoutMs);
        listeners.add(check);
        check();
      });
    },
    reset() {
      calls.length = 0;
      scripts.clear();
      updates.length = 0;
    },
    async close() {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
