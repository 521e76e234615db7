// Stands in for telegram-web-app.js in the browser (the tests have no network): the same window.Telegram.WebApp
// surface the Mini App uses, with initData signed by the test bot token. Telegram draws its BackButton and
// MainButton outside the page, so here they are state the test reads and "clicks" through window.__telegram.

import type { Page } from 'playwright-core';

export type ThemeParams = Record<string, string>;

export interface FakeTelegramOptions {
  initData: string;
  languageCode: string;
  colorScheme: 'light' | 'dark';
  themeParams: ThemeParams;
}

export interface FakeTelegramState {
  ready: boolean;
  back: { visible: boolean };
  main: { visible: boolean; text: string; enabled: boolean; progress: boolean };
  haptics: string[];
}

/** Telegram-like palettes (the light and night themes of Telegram's web client, tuned to WCAG AA contrast). */
export const LIGHT_THEME: ThemeParams = {
  bg_color: '#ffffff',
  text_color: '#000000',
  hint_color: '#65696e',
  link_color: '#1d66b0',
  button_color: '#1d66b0',
  button_text_color: '#ffffff',
  secondary_bg_color: '#f1f1f4',
  header_bg_color: '#ffffff',
  section_bg_color: '#ffffff',
  accent_text_color: '#1d66b0',
  subtitle_text_color: '#65696e',
  destructive_text_color: '#c62828',
};

export const DARK_THEME: ThemeParams = {
  bg_color: '#212121',
  text_color: '#ffffff',
  hint_color: '#aaaaaa',
  link_color: '#a493f0',
  button_color: '#6a55d3',
  button_text_color: '#ffffff',
  secondary_bg_color: '#181818',
  header_bg_color: '#212121',
  section_bg_color: '#212121',
  accent_text_color: '#a493f0',
  subtitle_text_color: '#aaaaaa',
  destructive_text_color: '#ff8a80',
};

/** Opens every page of `page` as Telegram would: with window.Telegram.WebApp in place before the app runs. */
export async function openedFromTelegram(page: Page, options: FakeTelegramOptions): Promise<void> {
  await page.addInitScript(installFakeTelegram, options);
}

/** Runs in the page before any of its scripts (page.addInitScript): must not reference anything outside. */
export function installFakeTelegram(options: FakeTelegramOptions): void {
  const listeners: Record<string, Array<() => void>> = {};
  const backClicks: Array<() => void> = [];
  const mainClicks: Array<() => void> = [];
  const state = {
    ready: false,
    back: { visible: false },
    main: { visible: false, text: '', enabled: true, progress: false },
    haptics: [] as string[],
  };
  const remove = (list: Array<() => void>, callback: () => void) => {
    const index = list.indexOf(callback);
    if (index >= 0) list.splice(index, 1);
  };
  const webApp = {
    initData: options.initData,
    initDataUnsafe: { user: { language_code: options.languageCode } },
    version: '8.0',
    platform: 'tdesktop',
    colorScheme: options.colorScheme,
    themeParams: { ...options.themeParams },
    ready: () => {
      state.ready = true;
    },
    expand: () => undefined,
    onEvent: (event: string, callback: () => void) => {
      (listeners[event] ??= []).push(callback);
    },
    offEvent: (event: string, callback: () => void) => remove(listeners[event] ?? [], callback),
    BackButton: {
      show: () => {
        state.back.visible = true;
      },
      hide: () => {
        state.back.visible = false;
      },
      onClick: (callback: () => void) => backClicks.push(callback),
      offClick: (callback: () => void) => remove(backClicks, callback),
    },
    MainButton: {
      setText: (text: string) => {
        state.main.text = text;
      },
      show: () => {
        state.main.visible = true;
      },
      hide: () => {
        state.main.visible = false;
      },
      enable: () => {
        state.main.enabled = true;
      },
      disable: () => {
        state.main.enabled = false;
      },
      showProgress: () => {
        state.main.progress = true;
      },
      hideProgress: () => {
        state.main.progress = false;
      },
      onClick: (callback: () => void) => mainClicks.push(callback),
      offClick: (callback: () => void) => remove(mainClicks, callback),
    },
    HapticFeedback: {
      notificationOccurred: (type: string) => {
        state.haptics.push(type);
      },
    },
  };
  const control = {
    state,
    clickBack: () => backClicks.slice().forEach((callback) => callback()),
    clickMain: () => {
      if (state.main.visible && state.main.enabled) mainClicks.slice().forEach((callback) => callback());
    },
    setTheme: (colorScheme: 'light' | 'dark', themeParams: Record<string, string>) => {
      webApp.colorScheme = colorScheme;
      webApp.themeParams = { ...themeParams };
      (listeners.themeChanged ?? []).slice().forEach((callback) => callback());
    },
  };
  Object.defineProperty(window, 'Telegram', { value: { WebApp: webApp }, writable: false, configurable: false });
  Object.defineProperty(window, '__telegram', { value: control });
}
