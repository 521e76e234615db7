import { DatabaseUnavailableError } from '../errors';

// SQLSTATE classes and socket errors that mean "the database is not there right now" rather than
// "this query is wrong": connection exceptions (08), operator intervention (57P0x), query canceled by
// statement_timeout (57014), too many connections (53300).
const UNAVAILABLE_SQLSTATES = new Set(['08000', '08001', '08003', '08004', '08006', '57P01', '57P02', '57P03', '57014', '53300']);
const UNAVAILABLE_SOCKET_CODES = new Set(['ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'EPIPE', 'ENOTFOUND', 'EHOSTUNREACH', 'EAI_AGAIN']);
const UNAVAILABLE_MESSAGES = [
  'timeout exceeded when trying to connect',
  'Connection terminated',
  'Query read timeout',
  'Client has encountered a connection error',
  'Cannot use a pool after calling end',
];

export function isUnavailable(error: unknown): boolean {
  if (!(error instanceof Error)) return false;
  const code = (error as { code?: unknown }).code;
  if (typeof code === 'string' && (UNAVAILABLE_SQLSTATES.has(code) || UNAVAILABLE_SOCKET_CODES.has(code))) return true;
  if (UNAVAILABLE_MESSAGES.some((text) => error.message.includes(text))) return true;
  return error.cause !== undefined && isUnavailable(error.cause);
}

export function isUniqueViolation(error: unknown, constraint?: string): boolean {
  const e = error as { code?: unknown; constraint?: unknown; message?: unknown };
  if (e?.code !== '23505') return false;
  if (constraint === undefined) return true;
  return e.constraint === constraint || (typeof e.message === 'string' && e.message.includes(constraint));
}

/** Rethrows infrastructure failures as DatabaseUnavailableError (503) and leaves the rest alone. */
export function translateDbError(error: unknown): never {
  if (isUnavailable(error)) throw new DatabaseUnavailableError(error);
  throw error;
}
