import type { Answer, AttemptResult, AuthOptions, CourseDetail, CourseList, Lesson, Locale, Problem, ProgressSummary, Session } from './types';

/** A failed request: `status` 0 means the network (no response at all). `code` is the problem's stable code. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
  ) {
    super(message);
    this.name = 'ApiError';
  }
}

type Fetch = typeof fetch;

/** The academy API as the Mini App uses it. Same origin: the app is served by the API process. */
export class ApiClient {
  private token: string | undefined;
  private unauthorized: (() => void) | undefined;

  constructor(
    private readonly fetchImpl: Fetch = (...args) => fetch(...args),
    private readonly base = '',
  ) {}

  /** The bearer token for learner endpoints (undefined: signed out). */
  authorize(token: string | undefined): void {
    this.token = token;
  }

  isAuthorized(): boolean {
    return this.token !== undefined;
  }

  /** Called when the server refuses the token (expired, or signed by a restarted dev server). */
  onUnauthorized(callback: (() => void) | undefined): void {
    this.unauthorized = callback;
  }

  private async request<T>(method: 'GET' | 'POST' | 'PUT', path: string, body?: unknown): Promise<T> {
    const headers: Record<string, string> = { accept: 'application/json' };
    if (this.token) headers.authorization = `Bearer ${this.token}`;
    if (body !== undefined) headers['content-type'] = 'application/json';
    let response: Response;
    try {
      response = await this.fetchImpl(`${this.base}${path}`, { method, headers, body: body === undefined ? undefined : JSON.stringify(body) });
    } catch (error) {
      throw new ApiError(0, 'network_error', error instanceof Error ? error.message : 'network error');
    }
    const text = await response.text();
    let parsed: unknown;
    try {
      parsed = text ? JSON.parse(text) : undefined;
    } catch {
      parsed = undefined;
    }
    if (!response.ok) {
      const problem = (parsed ?? {}) as Problem;
      if (response.status === 401 && this.token) this.unauthorized?.();
      throw new ApiError(response.status, problem.code ?? 'http_error', problem.detail ?? `${response.status} ${response.statusText}`);
    }
    return parsed as T;
  }

  authOptions(): Promise<AuthOptions> {
    return this.request('GET', '/api/v1/auth/options');
  }

  signInWithTelegram(initData: string): Promise<Session> {
    return this.request('POST', '/api/v1/auth/telegram', { initData });
  }

  signInDev(locale: Locale): Promise<Session> {
    return this.request('POST', `/api/v1/auth/dev?locale=${locale}`);
  }

  courses(locale: Locale): Promise<CourseList> {
    return this.request('GET', `/api/v1/courses?locale=${locale}`);
  }

  course(courseId: string, locale: Locale): Promise<CourseDetail> {
    return this.request('GET', `/api/v1/courses/${encodeURIComponent(courseId)}?locale=${locale}`);
  }

  lesson(lessonId: string, locale: Locale): Promise<Lesson> {
    return this.request('GET', `/api/v1/lessons/${encodeURIComponent(lessonId)}?locale=${locale}`);
  }

  submitAttempt(lessonId: string, answers: Answer[], locale: Locale): Promise<AttemptResult> {
    return this.request('POST', `/api/v1/lessons/${encodeURIComponent(lessonId)}/attempts`, { answers, locale });
  }

  /** Remembers the learner's language on the server, so the bot speaks it too. */
  setLanguage(language: Locale): Promise<{ language: Locale }> {
    return this.request('PUT', '/api/v1/me/language', { language });
  }

  progress(): Promise<ProgressSummary> {
    return this.request('GET', '/api/v1/me/progress');
  }
}
