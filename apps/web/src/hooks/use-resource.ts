import { useCallback, useEffect, useState } from 'react';

export type Resource<T> =
  | { status: 'loading' }
  | { status: 'error'; error: unknown }
  | { status: 'ready'; data: T };

/**
 * Loads data for a screen and reloads when `key` changes (another lesson, another language). A response
 * that arrives after the key changed is dropped, so a slow old request never overwrites a newer one.
 */
export function useResource<T>(load: () => Promise<T>, key: string): Resource<T> & { reload(): void } {
  const [attempt, setAttempt] = useState(0);
  const current = `${attempt}:${key}`;
  // The state remembers which request it belongs to; anything else is still loading.
  const [state, setState] = useState<{ for: string; resource: Resource<T> } | undefined>(undefined);

  useEffect(() => {
    let live = true;
    load().then(
      (data) => live && setState({ for: current, resource: { status: 'ready', data } }),
      (error: unknown) => live && setState({ for: current, resource: { status: 'error', error } }),
    );
    return () => {
      live = false;
    };
    // `load` is a new function on every render; `current` says when the data it loads changes.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [current]);

  const reload = useCallback(() => setAttempt((n) => n + 1), []);
  const resource: Resource<T> = state?.for === current ? state.resource : { status: 'loading' };
  return { ...resource, reload };
}
