// The platform's errors: each has a stable machine `code` and the HTTP status it maps to.
// The API's error handler turns them into application/problem+json; anything else becomes a 500.

export interface FieldError {
  path: string;
  message: string;
}

export class AppError extends Error {
  constructor(
    readonly code: string,
    readonly status: number,
    message: string,
    options: { cause?: unknown; errors?: FieldError[]; retryAfterSeconds?: number } = {},
  ) {
    super(message, { cause: options.cause });
    this.name = new.target.name;
    this.errors = options.errors;
    this.retryAfterSeconds = options.retryAfterSeconds;
  }
  readonly errors: FieldError[] | undefined;
  readonly retryAfterSeconds: number | undefined;
}

export const notFound = (what: string, id: string) => new AppError('not_found', 404, `${what} "${id}" does not exist`);
export const invalidInput = (message: string, errors?: FieldError[]) =>
  new AppError('validation_failed', 422, message, { errors });
export const unauthorized = (message: string, code = 'unauthorized') => new AppError(code, 401, message);

/** The database cannot be reached or is shedding load: the client should retry soon. */
export class DatabaseUnavailableError extends AppError {
  constructor(cause: unknown) {
    super('database_unavailable', 503, 'The database is unavailable; please retry shortly', { cause, retryAfterSeconds: 5 });
  }
}

/** Optimistic concurrency gave up after its bounded retries. */
export class ConcurrencyConflictError extends AppError {
  constructor(aggregateId: string, attempts: number) {
    super('concurrency_conflict', 409, `Too many concurrent changes to ${aggregateId}; tried ${attempts} times, please retry`);
  }
}
