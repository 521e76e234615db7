// Test support for the web project: a fetch that answers like the academy API, and rendering inside the
// app's providers.
import { render, type RenderResult } from '@testing-library/react';
import type { ReactElement } from 'react';
import type { ApiClient } from '../api/client';
import type { LearnerUser } from '../api/types';
import { AppContext } from '../app-context';
import { I18nProvider, type Locale } from '../i18n/i18n';
import type { Navigation } from '../router';

export interface RecordedRequest {
  method: string;
  path: string;
  body: unknown;
  authorization: string | null;
}

type Handler = (request: RecordedRequest) => { status?: number; body?: unknown } | Promise<{ status?: number; body?: unknown }>;

/** A fetch answering "METHOD /path" (path without the query) from `routes`; 404 problem+json otherwise. */
export function fakeFetch(routes: Record<string, Handler>): typeof fetch & { requests: RecordedRequest[] } {
  const requests: RecordedRequest[] = [];
  const impl = async (input: RequestInfo | URL, init?: RequestInit) => {
    const url = new URL(String(input), 'http://academy.test');
    const headers = new Headers(init?.headers);
    const request: RecordedRequest = {
      method: init?.method ?? 'GET',
      path: url.pathname + url.search,
      body: typeof init?.body === 'string' ? JSON.parse(init.body) : undefined,
      authorization: headers.get('authorization'),
    };
    requests.push(request);
    const handler = routes[`${request.method} ${url.pathname}`];
    const answer = handler ? await handler(request) : { status: 404, body: { status: 404, code: 'route_not_found', detail: 'no route' } };
    const status = answer.status ?? 200;
    const type = status >= 400 ? 'application/problem+json' : 'application/json';
    return new Response(answer.body === undefined ? null : JSON.stringify(answer.body), { status, headers: { 'content-type': type } });
  };
  return Object.assign(impl as typeof fetch, { requests });
}

export const LEARNER: LearnerUser = { id: 1, telegramId: 42, firstName: 'Alex', lastName: null, username: null, language: 'en' };

export function stubNavigation(overrides: Partial<Navigation> = {}): Navigation {
  return { route: { name: 'courses' }, canGoBack: false, navigate: () => undefined, back: () => undefined, ...overrides };
}

export function renderInApp(
  ui: ReactElement,
  options: { api: ApiClient; locale?: Locale; navigation?: Navigation; nativeButtons?: boolean },
): RenderResult {
  return render(
    <I18nProvider locale={options.locale ?? 'en'} setLocale={() => undefined}>
      <AppContext.Provider
        value={{ api: options.api, user: LEARNER, navigation: options.navigation ?? stubNavigation(), nativeButtons: options.nativeButtons ?? false }}
      >
        {ui}
      </AppContext.Provider>
    </I18nProvider>,
  );
}
