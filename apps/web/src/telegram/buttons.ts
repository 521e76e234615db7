import { useEffect, useEffectEvent } from 'react';
import { insideTelegram, telegramWebApp } from './web-app';

/** Telegram's native buttons are used only inside Telegram; elsewhere the page shows its own. */
export function nativeButtonsAvailable(): boolean {
  const app = telegramWebApp();
  return insideTelegram(app) && app.MainButton !== undefined && app.BackButton !== undefined;
}

/** Shows Telegram's BackButton while `visible`; a click calls the latest `onBack`. */
export function useTelegramBackButton(visible: boolean, onBack: () => void): void {
  const onClick = useEffectEvent(onBack);
  useEffect(() => {
    const button = nativeButtonsAvailable() ? telegramWebApp()?.BackButton : undefined;
    if (!button) return undefined;
    const click = () => onClick();
    button.onClick(click);
    if (visible) button.show();
    else button.hide();
    return () => {
      button.offClick(click);
      button.hide();
    };
  }, [visible]);
}

export interface MainButtonSpec {
  text: string;
  enabled: boolean;
  progress?: boolean;
  onClick(): void;
}

/** Shows Telegram's MainButton for `spec` (hidden when undefined). Returns whether it is in use. */
export function useTelegramMainButton(spec: MainButtonSpec | undefined): boolean {
  const native = nativeButtonsAvailable();
  const onClick = useEffectEvent(() => spec?.onClick());
  const text = spec?.text;
  const enabled = spec?.enabled ?? false;
  const progress = spec?.progress ?? false;
  useEffect(() => {
    const button = native ? telegramWebApp()?.MainButton : undefined;
    if (!button) return undefined;
    if (text === undefined) {
      button.hide();
      return undefined;
    }
    const click = () => onClick();
    button.setText(text);
    if (enabled) button.enable();
    else button.disable();
    if (progress) button.showProgress?.(false);
    else button.hideProgress?.();
    button.onClick(click);
    button.show();
    return () => {
      button.offClick(click);
      button.hideProgress?.();
      button.hide();
    };
  }, [native, text, enabled, progress]);
  return native;
}
