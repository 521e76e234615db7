import { setTimeout as sleep } from 'node:timers/promises';
import { HttpError, type Transformer } from 'grammy';
import type { Logger } from '@academy/core';
import type { BotMetrics } from '../context';

// Every Bot API call goes through this transformer. Telegram's flood control answers 429 with
// retry_after: we wait exactly that long (when it is short enough to be worth it). 5xx answers and
// network errors are retried with jittered exponential backoff. Everything is bounded: after
// maxAttempts tries, or a retry_after longer than maxRetryAfterSeconds, the error goes to the caller.

export interface RetryPolicy {
  /** Tries per call, the first included. */
  maxAttempts: number;
  /** The longest 429 wait we honour; a longer one fails the call at once (a webhook must answer). */
  maxRetryAfterSeconds: number;
  /** First backoff for 5xx and network errors; doubles per try, with jitter. */
  baseDelayMs: number;
  maxDelayMs: number;
  /** Deadline of one call (getUpdates excepted: it long-polls). */
  timeoutMs: number;
}

export const DEFAULT_RETRY_POLICY: RetryPolicy = {
  maxAttempts: 4,
  maxRetryAfterSeconds: 30,
  baseDelayMs: 500,
  maxDelayMs: 5_000,
  timeoutMs: 15_000,
};

export function backoffDelayMs(policy: RetryPolicy, attempt: number, random = Math.random): number {
  const ceiling = Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** (attempt - 1));
  return Math.round(ceiling / 2 + (random() * ceiling) / 2);
}

export function retryTransformer(policy: RetryPolicy, logger: Logger, metrics: BotMetrics | undefined): Transformer {
  return async (prev, method, payload, callerSignal) => {
    // grammY types signals with the abort-controller shim; on Node 20 they are the native ones.
    const signal = callerSignal as unknown as AbortSignal | undefined;
    // The poller has its own retry loop for getUpdates, and a long poll must not time out early.
    if (method === 'getUpdates') return prev(method, payload, callerSignal);
    for (let attempt = 1; ; attempt++) {
      const deadline = AbortSignal.timeout(policy.timeoutMs);
      let result: Awaited<ReturnType<typeof prev<typeof method>>>;
      try {
        result = await prev(method, payload, (signal ? AbortSignal.any([signal, deadline]) : deadline) as unknown as typeof callerSignal);
      } catch (error) {
        if (!(error instanceof HttpError) || signal?.aborted) throw error;
        metrics?.telegramApiError?.(method, 'network');
        if (attempt >= policy.maxAttempts) throw error;
        const delayMs = backoffDelayMs(policy, attempt);
        logger.warn({ method, attempt, delayMs, reason: error.message }, 'Bot API unreachable; retrying');
        await sleep(delayMs, undefined, { signal });
        continue;
      }
      if (result.ok) return result;
      metrics?.telegramApiError?.(method, result.error_code);
      if (attempt >= policy.maxAttempts) return result;
      const retryAfter = result.parameters?.retry_after;
      if (result.error_code === 429 && retryAfter !== undefined && retryAfter <= policy.maxRetryAfterSeconds) {
        logger.warn({ method, attempt, retryAfterSeconds: retryAfter }, 'Bot API flood control (429); waiting retry_after');
        await sleep(retryAfter * 1_000, undefined, { signal });
        continue;
      }
      if (result.error_code >= 500 || (result.error_code === 429 && retryAfter === undefined)) {
        const delayMs = backoffDelayMs(policy, attempt);
        logger.warn({ method, attempt, delayMs, code: result.error_code }, 'Bot API error; retrying');
        await sleep(delayMs, undefined, { signal });
        continue;
      }
      return result;
    }
  };
}
