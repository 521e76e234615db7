import { afterEach, describe, expect, it } from 'vitest';
import { applyTheme, colorSchemeOf, followTheme, themeVariables } from './theme';
import type { TelegramWebApp } from './web-app';

function fakeWebApp(overrides: Partial<TelegramWebApp> = {}): TelegramWebApp & { emit(): void } {
  const listeners: Array<() => void> = [];
  return {
    initData: 'query_id=1',
    themeParams: {},
    onEvent: (_event, callback) => listeners.push(callback),
    offEvent: (_event, callback) => listeners.splice(listeners.indexOf(callback), 1),
    emit: () => listeners.forEach((callback) => callback()),
    ...overrides,
  };
}

afterEach(() => {
  document.documentElement.removeAttribute('style');
  delete document.documentElement.dataset.scheme;
});

describe('Telegram theme parameters', () => {
  it('become --tg-theme-* variables, and anything but a hex colour is dropped', () => {
    expect(
      themeVariables({ bg_color: '#17212b', button_text_color: '#FFF', secondary_bg_color: '#23252Bcc', text_color: 'red;} body{x', link: '#fff', header_bg_color: 'url(x)' }),
    ).toEqual({ '--tg-theme-bg-color': '#17212b', '--tg-theme-button-text-color': '#FFF', '--tg-theme-secondary-bg-color': '#23252Bcc' });
    expect(themeVariables(undefined)).toEqual({});
  });

  it('takes the scheme Telegram names, else judges the background, else follows the system', () => {
    expect(colorSchemeOf(fakeWebApp({ colorScheme: 'dark', themeParams: { bg_color: '#ffffff' } }), false)).toBe('dark');
    expect(colorSchemeOf(fakeWebApp({ themeParams: { bg_color: '#212121' } }), false)).toBe('dark');
    expect(colorSchemeOf(fakeWebApp({ themeParams: { bg_color: '#f4f4f5' } }), true)).toBe('light');
    expect(colorSchemeOf(undefined, true)).toBe('dark');
    expect(colorSchemeOf(undefined, false)).toBe('light');
    // The script loaded in a plain browser: no initData, and its "light" is only a default.
    expect(colorSchemeOf(fakeWebApp({ initData: '', colorScheme: 'light' }), true)).toBe('dark');
  });

  it('applies the variables to the root element and removes ones Telegram no longer sends', () => {
    const root = document.documentElement;
    applyTheme(root, fakeWebApp({ colorScheme: 'light', themeParams: { bg_color: '#ffffff', hint_color: '#707579' } }), false);
    expect(root.style.getPropertyValue('--tg-theme-hint-color')).toBe('#707579');
    expect(root.dataset.scheme).toBe('light');
    applyTheme(root, fakeWebApp({ colorScheme: 'dark', themeParams: { bg_color: '#212121' } }), false);
    expect(root.style.getPropertyValue('--tg-theme-bg-color')).toBe('#212121');
    expect(root.style.getPropertyValue('--tg-theme-hint-color')).toBe('');
    expect(root.dataset.scheme).toBe('dark');
  });

  it('follows themeChanged until stopped', () => {
    const app = fakeWebApp({ colorScheme: 'light', themeParams: { bg_color: '#ffffff' } });
    const stop = followTheme(document.documentElement, app);
    expect(document.documentElement.dataset.scheme).toBe('light');
    app.colorScheme = 'dark';
    app.themeParams = { bg_color: '#000000' };
    app.emit();
    expect(document.documentElement.dataset.scheme).toBe('dark');
    expect(document.documentElement.style.getPropertyValue('--tg-theme-bg-color')).toBe('#000000');
    stop();
    app.colorScheme = 'light';
    app.emit();
    expect(document.documentElement.dataset.scheme).toBe('dark');
  });
});
