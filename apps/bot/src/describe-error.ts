import { GrammyError, HttpError } from 'grammy';
import { AppError } from '@academy/core';

/**
 * An error as it may be logged: type, code and message only. GrammyError carries the request payload
 * (a learner's chat, our message text), so it is never logged whole.
 */
export function describeError(error: unknown): Record<string, unknown> {
  if (error instanceof GrammyError) return { type: 'GrammyError', method: error.method, code: error.error_code, message: error.description };
  if (error instanceof HttpError) return { type: 'HttpError', message: error.message };
  if (error instanceof AppError) return { type: error.name, code: error.code, message: error.message };
  if (error instanceof Error) return { type: error.name, message: error.message, stack: error.stack };
  return { type: typeof error };
}
