import { cleanup, fireEvent, render, screen } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ApiClient } from './api/client';
import { App } from './app';
import { en, ru } from './i18n/messages';
import { fakeFetch } from './test/support';

const SESSION = { token: 'token-1', expiresAt: new Date(Date.now() + 3_600_000).toISOString(), user: { id: 1, telegramId: 42, firstName: 'Anna', lastName: null, username: null, language: 'ru' } };
const COURSES = { locale: 'ru', courses: [{ id: 'swift-basics', position: 1, level: 'beginner', title: 'Основы Swift', description: 'С нуля', lessonCount: 3, durationMinutes: 20 }] };

function server(options: { devSignIn: boolean }) {
  return fakeFetch({
    'GET /api/v1/auth/options': () => ({ body: { devSignIn: options.devSignIn } }),
    'POST /api/v1/auth/dev': () => (options.devSignIn ? { body: SESSION } : { status: 404, body: { code: 'route_not_found' } }),
    'POST /api/v1/auth/telegram': () => ({ body: SESSION }),
    'GET /api/v1/courses': ({ authorization }) => (authorization === 'Bearer token-1' ? { body: COURSES } : { status: 401, body: { code: 'unauthorized' } }),
  });
}

beforeEach(() => {
  window.history.replaceState(null, '', '/');
  window.sessionStorage.clear();
  window.localStorage.clear();
});
afterEach(() => {
  cleanup();
  delete window.Telegram;
});

describe('<App> signing in', () => {
  it('outside Telegram in development: a visible dev sign-in, then the learner’s own language', async () => {
    const fetch = server({ devSignIn: true });
    render(<App api={new ApiClient(fetch)} />);
    fireEvent.click(await screen.findByRole('button', { name: en.signIn.dev }));
    await screen.findByRole('heading', { name: ru.courses.title, level: 1 });
    expect(await screen.findByText('Основы Swift')).toBeTruthy();
    expect(fetch.requests.map((r) => `${r.method} ${r.path}`)).toEqual(['GET /api/v1/auth/options', 'POST /api/v1/auth/dev?locale=en', 'GET /api/v1/courses?locale=ru']);
    expect(document.documentElement.lang).toBe('ru');
  });

  it('outside Telegram in production: no dev sign-in, only the way to Telegram', async () => {
    render(<App api={new ApiClient(server({ devSignIn: false }))} />);
    await screen.findByText(en.signIn.openInTelegram);
    expect(screen.queryByRole('button', { name: en.signIn.dev })).toBeNull();
  });

  it('inside Telegram: sends initData and never offers dev sign-in', async () => {
    window.Telegram = { WebApp: { initData: 'query_id=1&user=%7B%7D&hash=abc', initDataUnsafe: { user: { language_code: 'ru' } } } };
    const fetch = server({ devSignIn: true });
    render(<App api={new ApiClient(fetch)} />);
    await screen.findByText('Основы Swift');
    expect(fetch.requests[0]).toMatchObject({ method: 'POST', path: '/api/v1/auth/telegram', body: { initData: 'query_id=1&user=%7B%7D&hash=abc' } });
    expect(fetch.requests.some((r) => r.path.startsWith('/api/v1/auth/options'))).toBe(false);
  });

  it('keeps the language the learner picked over the account’s', async () => {
    window.localStorage.setItem('academy.locale', 'en');
    render(<App api={new ApiClient(server({ devSignIn: true }))} />);
    fireEvent.click(await screen.findByRole('button', { name: en.signIn.dev }));
    await screen.findByRole('heading', { name: en.courses.title, level: 1 });
    fireEvent.click(screen.getByRole('button', { name: 'RU' }));
    await screen.findByRole('heading', { name: ru.courses.title, level: 1 });
    expect(window.localStorage.getItem('academy.locale')).toBe('ru');
  });

  it('asks to sign in again when the server no longer accepts the session', async () => {
    // A session kept from before the (development) server restarted with a new secret.
    window.sessionStorage.setItem('academy.session', JSON.stringify({ ...SESSION, token: 'stale' }));
    const fetch = server({ devSignIn: true });
    render(<App api={new ApiClient(fetch)} />);
    await screen.findByRole('button', { name: ru.signIn.dev });
    expect(document.querySelectorAll('main')).toHaveLength(1);
    expect(window.sessionStorage.getItem('academy.session')).toBeNull();
    expect(fetch.requests.map((r) => `${r.method} ${r.path} ${r.authorization}`)).toEqual([
      'GET /api/v1/courses?locale=ru Bearer stale',
      'GET /api/v1/auth/options null',
    ]);
  });
});
