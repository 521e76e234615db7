// The part of Telegram's Mini App API (telegram-web-app.js → window.Telegram.WebApp) this app uses.
// Every member is optional in practice: the script may fail to load, and outside Telegram it loads but
// has no initData. Nothing here may throw when Telegram is absent.

export type ThemeParams = Partial<Record<string, string>>;

export interface TelegramButton {
  show(): void;
  hide(): void;
  onClick(callback: () => void): void;
  offClick(callback: () => void): void;
}

export interface TelegramMainButton extends TelegramButton {
  setText(text: string): void;
  enable(): void;
  disable(): void;
  showProgress?(leaveActive?: boolean): void;
  hideProgress?(): void;
}

export interface TelegramWebApp {
  initData: string;
  initDataUnsafe?: { user?: { language_code?: string } };
  colorScheme?: 'light' | 'dark';
  themeParams?: ThemeParams;
  ready?(): void;
  expand?(): void;
  onEvent?(event: 'themeChanged', callback: () => void): void;
  offEvent?(event: 'themeChanged', callback: () => void): void;
  BackButton?: TelegramButton;
  MainButton?: TelegramMainButton;
  HapticFeedback?: { notificationOccurred(type: 'error' | 'success' | 'warning'): void };
}

declare global {
  interface Window {
    Telegram?: { WebApp?: TelegramWebApp };
  }
}

export function telegramWebApp(): TelegramWebApp | undefined {
  return typeof window === 'undefined' ? undefined : window.Telegram?.WebApp;
}

/** Opened by Telegram (not just the script loaded in a browser): only then is there initData to sign in with. */
export function insideTelegram(app: TelegramWebApp | undefined = telegramWebApp()): app is TelegramWebApp {
  return typeof app?.initData === 'string' && app.initData.length > 0;
}
