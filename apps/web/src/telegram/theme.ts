import { insideTelegram, type TelegramWebApp, type ThemeParams } from './web-app';

export type ColorScheme = 'light' | 'dark';

// Telegram's own script names its variables --tg-theme-<param with dashes>; so do we, so the stylesheet
// works the same whether the variables come from telegram-web-app.js or from here.
const COLOR = /^#(?:[0-9a-f]{3}|[0-9a-f]{6}|[0-9a-f]{8})$/i;

/** themeParams → CSS custom properties; anything that is not a plain hex colour is dropped. */
export function themeVariables(params: ThemeParams | undefined): Record<string, string> {
  const variables: Record<string, string> = {};
  for (const [key, value] of Object.entries(params ?? {})) {
    if (!/^[a-z_]+_color$/.test(key) || typeof value !== 'string' || !COLOR.test(value)) continue;
    variables[`--tg-theme-${key.replaceAll('_', '-')}`] = value;
  }
  return variables;
}

/** Relative luminance (WCAG) of a hex colour. */
export function luminance(hex: string): number {
  let digits = hex.slice(1, 7);
  if (digits.length === 3) digits = [...digits].map((d) => d + d).join('');
  const channel = (offset: number) => {
    const c = parseInt(digits.slice(offset, offset + 2), 16) / 255;
    return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  };
  return 0.2126 * channel(0) + 0.7152 * channel(2) + 0.0722 * channel(4);
}

/**
 * Inside Telegram, Telegram says which scheme it uses (else its background colour decides). Outside, its script
 * still loads and claims "light", so only the system preference counts there.
 */
export function colorSchemeOf(app: TelegramWebApp | undefined, prefersDark: boolean): ColorScheme {
  if (!insideTelegram(app)) return prefersDark ? 'dark' : 'light';
  if (app.colorScheme === 'light' || app.colorScheme === 'dark') return app.colorScheme;
  const bg = app.themeParams?.bg_color;
  if (bg && COLOR.test(bg)) return luminance(bg) < 0.4 ? 'dark' : 'light';
  return prefersDark ? 'dark' : 'light';
}

/** Puts Telegram's colours on the root element (or clears them, leaving the stylesheet's defaults). */
export function applyTheme(root: HTMLElement, app: TelegramWebApp | undefined, prefersDark: boolean): ColorScheme {
  const variables = themeVariables(app?.themeParams);
  const stale = Array.from({ length: root.style.length }, (_, i) => root.style.item(i)).filter((name) => name.startsWith('--tg-theme-'));
  for (const name of stale) if (!(name in variables)) root.style.removeProperty(name);
  for (const [name, value] of Object.entries(variables)) root.style.setProperty(name, value);
  const scheme = colorSchemeOf(app, prefersDark);
  root.dataset.scheme = scheme;
  root.style.colorScheme = scheme;
  return scheme;
}

/** Applies the theme now and again whenever Telegram (or the system, outside Telegram) changes it. */
export function followTheme(root: HTMLElement, app: TelegramWebApp | undefined): () => void {
  const media = typeof window.matchMedia === 'function' ? window.matchMedia('(prefers-color-scheme: dark)') : undefined;
  const update = () => applyTheme(root, app, media?.matches ?? false);
  update();
  app?.onEvent?.('themeChanged', update);
  media?.addEventListener?.('change', update);
  return () => {
    app?.offEvent?.('themeChanged', update);
    media?.removeEventListener?.('change', update);
  };
}
