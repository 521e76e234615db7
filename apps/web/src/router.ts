import { useCallback, useEffect, useState } from 'react';

// A four-screen app needs no router library: real paths (the server answers them with index.html), the
// History API, and a depth counter so "back" never leaves the app when it was opened on a deep link.

export type Route =
  | { name: 'courses' }
  | { name: 'course'; courseId: string }
  | { name: 'lesson'; lessonId: string }
  | { name: 'progress' }
  | { name: 'notFound' };

export function parseRoute(pathname: string): Route {
  const parts = pathname.split('/').filter(Boolean).map(decodeURIComponent);
  if (parts.length === 0) return { name: 'courses' };
  const [first, second] = parts;
  if (first === 'courses' && parts.length === 2 && second) return { name: 'course', courseId: second };
  if (first === 'lessons' && parts.length === 2 && second) return { name: 'lesson', lessonId: second };
  if (first === 'progress' && parts.length === 1) return { name: 'progress' };
  return { name: 'notFound' };
}

export function pathOf(route: Route): string {
  switch (route.name) {
    case 'courses':
    case 'notFound':
      return '/';
    case 'course':
      return `/courses/${encodeURIComponent(route.courseId)}`;
    case 'lesson':
      return `/lessons/${encodeURIComponent(route.lessonId)}`;
    case 'progress':
      return '/progress';
  }
}

interface HistoryState {
  depth: number;
}

function currentDepth(): number {
  const state = window.history.state as Partial<HistoryState> | null;
  return typeof state?.depth === 'number' ? state.depth : 0;
}

export interface Navigation {
  route: Route;
  /** True when "back" stays inside the app (there is an in-app page to return to). */
  canGoBack: boolean;
  navigate(route: Route): void;
  /** history.back() within the app, else up to `fallback` (a deep-linked lesson goes to its course). */
  back(fallback: Route): void;
}

function safeParse(pathname: string): Route {
  try {
    return parseRoute(pathname);
  } catch {
    return { name: 'notFound' };
  }
}

export function useNavigation(): Navigation {
  const [location, setLocation] = useState(() => ({ route: safeParse(window.location.pathname), depth: currentDepth() }));

  useEffect(() => {
    const onPop = () => setLocation({ route: safeParse(window.location.pathname), depth: currentDepth() });
    window.addEventListener('popstate', onPop);
    return () => window.removeEventListener('popstate', onPop);
  }, []);

  const navigate = useCallback((route: Route) => {
    const depth = currentDepth() + 1;
    window.history.pushState({ depth } satisfies HistoryState, '', pathOf(route));
    setLocation({ route, depth });
    window.scrollTo?.(0, 0);
  }, []);

  const back = useCallback((fallback: Route) => {
    if (currentDepth() > 0) {
      window.history.back();
      return;
    }
    window.history.replaceState({ depth: 0 } satisfies HistoryState, '', pathOf(fallback));
    setLocation({ route: fallback, depth: 0 });
  }, []);

  return { route: location.route, canGoBack: location.depth > 0, navigate, back };
}
