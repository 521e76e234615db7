import { useState } from 'react';
import { errorMessage } from '../components/status';
import { LanguageSwitch } from '../components/header';
import { useI18n } from '../i18n/i18n';

/** Shown when there is no session: inside Telegram only after a failed sign-in; outside, with dev sign-in in development. */
export function SignInScreen(props: { devSignIn: boolean; error?: unknown; onDevSignIn(): Promise<void>; onRetry?(): void }) {
  const { t } = useI18n();
  const [busy, setBusy] = useState(false);
  const signIn = async () => {
    setBusy(true);
    try {
      await props.onDevSignIn();
    } finally {
      setBusy(false);
    }
  };
  return (
    <>
      <header className="app-header">
        <div className="app-header-row">
          <span className="app-title">{t.appTitle}</span>
          <LanguageSwitch />
        </div>
      </header>
      <main className="screen sign-in">
        <h1>{t.signIn.title}</h1>
        <p className="lead">{t.signIn.intro}</p>
        {props.error !== undefined && (
          <p className="status status-error" role="alert">
            {t.signIn.failed} {errorMessage(t, props.error)}
          </p>
        )}
        {props.devSignIn ? (
          <div className="dev-sign-in">
            <button type="button" className="button" disabled={busy} onClick={() => void signIn()}>
              {busy ? t.signIn.signingIn : t.signIn.dev}
            </button>
            <p className="meta">{t.signIn.devHint}</p>
          </div>
        ) : (
          <p>{t.signIn.openInTelegram}</p>
        )}
        {props.onRetry && props.error !== undefined && (
          <button type="button" className="button button-secondary" onClick={props.onRetry}>
            {t.retry}
          </button>
        )}
      </main>
    </>
  );
}
