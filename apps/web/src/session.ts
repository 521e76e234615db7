import type { ApiClient } from './api/client';
import type { Locale, Session } from './api/types';
import { insideTelegram, type TelegramWebApp } from './telegram/web-app';

const STORAGE_KEY = 'academy.session';

export type SignInOutcome =
  | { kind: 'signed-in'; session: Session }
  | { kind: 'signed-out'; devSignIn: boolean; error?: unknown };

/** The session kept for this tab, so a reload outside Telegram does not ask to sign in again. */
export const storedSession = {
  read(now = Date.now()): Session | undefined {
    try {
      const session = JSON.parse(window.sessionStorage.getItem(STORAGE_KEY) ?? 'null') as Session | null;
      return session && Date.parse(session.expiresAt) > now + 60_000 ? session : undefined;
    } catch {
      return undefined;
    }
  },
  write(session: Session | undefined): void {
    try {
      if (session) window.sessionStorage.setItem(STORAGE_KEY, JSON.stringify(session));
      else window.sessionStorage.removeItem(STORAGE_KEY);
    } catch {
      // storage unavailable: the session lives in memory only
    }
  },
};

/**
 * Inside Telegram: exchange the fresh initData for a session (always — it names the current user).
 * Outside: reuse this tab's session, else ask the server which sign-ins it offers (dev sign-in in
 * development only); a server that cannot say offers none.
 */
export async function startSession(api: ApiClient, webApp: TelegramWebApp | undefined): Promise<SignInOutcome> {
  if (insideTelegram(webApp)) {
    try {
      return { kind: 'signed-in', session: await api.signInWithTelegram(webApp.initData) };
    } catch (error) {
      return { kind: 'signed-out', devSignIn: false, error };
    }
  }
  const kept = storedSession.read();
  if (kept) return { kind: 'signed-in', session: kept };
  const options = await api.authOptions().catch(() => ({ devSignIn: false }));
  return { kind: 'signed-out', devSignIn: options.devSignIn };
}

export async function devSignIn(api: ApiClient, locale: Locale): Promise<SignInOutcome> {
  try {
    return { kind: 'signed-in', session: await api.signInDev(locale) };
  } catch (error) {
    return { kind: 'signed-out', devSignIn: true, error };
  }
}
