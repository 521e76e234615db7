import { ApiError } from '../api/client';
import { useI18n, type Messages } from '../i18n/i18n';

export function Loading() {
  const { t } = useI18n();
  return (
    <p className="status" role="status" aria-live="polite">
      {t.loading}
    </p>
  );
}

export function errorMessage(t: Messages, error: unknown): string {
  if (error instanceof ApiError) {
    if (error.status === 0) return t.error.offline;
    if (error.status === 404) return t.error.notFound;
    if (error.status === 401) return t.error.sessionExpired;
  }
  return t.error.generic;
}

export function ErrorView(props: { error: unknown; onRetry?: () => void }) {
  const { t } = useI18n();
  return (
    <div className="status status-error" role="alert">
      <p>{errorMessage(t, props.error)}</p>
      {props.onRetry && (
        <button type="button" className="button button-secondary" onClick={props.onRetry}>
          {t.retry}
        </button>
      )}
    </div>
  );
}
