import { useCallback, useEffect, useMemo, useState } from 'react';
import { ApiClient } from './api/client';
import type { LearnerUser, Session } from './api/types';
import { AppContext, type AppContextValue } from './app-context';
import { Header, parentOf } from './components/header';
import { Loading } from './components/status';
import { chooseLocale, I18nProvider, storedLocale, useI18n, type Locale } from './i18n/i18n';
import { useNavigation, type Route } from './router';
import { CourseScreen } from './screens/course';
import { CourseListScreen } from './screens/course-list';
import { LessonScreen } from './screens/lesson';
import { ProgressScreen } from './screens/progress';
import { SignInScreen } from './screens/sign-in';
import { devSignIn, startSession, storedSession, type SignInOutcome } from './session';
import { nativeButtonsAvailable, useTelegramBackButton } from './telegram/buttons';
import { telegramWebApp } from './telegram/web-app';

type SessionState = { status: 'starting' } | { status: 'signed-in'; user: LearnerUser } | { status: 'signed-out'; devSignIn: boolean; error?: unknown };
type Settled = Exclude<SessionState, { status: 'starting' }>;

function browserLanguages(): readonly string[] {
  return typeof navigator === 'undefined' ? [] : navigator.languages;
}

export function App(props: { api?: ApiClient }) {
  const api = useMemo(() => props.api ?? new ApiClient(), [props.api]);
  const webApp = telegramWebApp();
  // A sign-in attempt (the first, a retry, or after the server refused the session) and how it ended.
  const [attempt, setAttempt] = useState(0);
  const [settled, setSettled] = useState<{ attempt: number; session: Settled } | undefined>(undefined);
  const session: SessionState = settled?.attempt === attempt ? settled.session : { status: 'starting' };
  const [locale, setLocaleState] = useState<Locale>(() =>
    chooseLocale({ stored: storedLocale.read(), telegram: webApp?.initDataUnsafe?.user?.language_code, browser: browserLanguages() }),
  );

  const setLocale = useCallback(
    (next: Locale) => {
      storedLocale.write(next);
      setLocaleState(next);
      // Signed in: the choice follows the learner to the bot. A failure only loses that, never the switch here.
      if (api.isAuthorized()) api.setLanguage(next).catch(() => undefined);
    },
    [api],
  );

  const accept = useCallback(
    (forAttempt: number, outcome: SignInOutcome) => {
      if (outcome.kind === 'signed-out') {
        setSettled({ attempt: forAttempt, session: { status: 'signed-out', devSignIn: outcome.devSignIn, error: outcome.error } });
        return;
      }
      const signedIn: Session = outcome.session;
      api.authorize(signedIn.token);
      storedSession.write(signedIn);
      // The academy's language for this learner, unless they chose one here.
      setLocaleState(chooseLocale({ stored: storedLocale.read(), account: signedIn.user.language }));
      setSettled({ attempt: forAttempt, session: { status: 'signed-in', user: signedIn.user } });
    },
    [api],
  );

  useEffect(() => {
    api.onUnauthorized(() => {
      api.authorize(undefined);
      storedSession.write(undefined);
      setAttempt((n) => n + 1);
    });
    let live = true;
    void startSession(api, webApp).then((outcome) => live && accept(attempt, outcome));
    return () => {
      live = false;
      api.onUnauthorized(undefined);
    };
  }, [api, webApp, accept, attempt]);

  useEffect(() => {
    document.documentElement.lang = locale;
  }, [locale]);

  return (
    <I18nProvider locale={locale} setLocale={setLocale}>
      {session.status === 'starting' && (
        <main className="screen">
          <Loading />
        </main>
      )}
      {session.status === 'signed-out' && (
        <SignInScreen
          devSignIn={session.devSignIn}
          error={session.error}
          onDevSignIn={async () => accept(attempt, await devSignIn(api, locale))}
          onRetry={() => setAttempt((n) => n + 1)}
        />
      )}
      {session.status === 'signed-in' && <SignedIn api={api} user={session.user} />}
    </I18nProvider>
  );
}

function Screen(props: { route: Route }) {
  const { route } = props;
  switch (route.name) {
    case 'courses':
      return <CourseListScreen />;
    case 'course':
      return <CourseScreen courseId={route.courseId} />;
    case 'lesson':
      return <LessonScreen lessonId={route.lessonId} />;
    case 'progress':
      return <ProgressScreen />;
    case 'notFound':
      return <NotFound />;
  }
}

function NotFound() {
  const { t } = useI18n();
  return (
    <main className="screen">
      <h1>{t.notFound}</h1>
    </main>
  );
}

function SignedIn(props: { api: ApiClient; user: LearnerUser }) {
  const navigation = useNavigation();
  const parent = parentOf(navigation.route);
  const nativeButtons = nativeButtonsAvailable();
  useTelegramBackButton(parent !== undefined, () => parent && navigation.back(parent));
  const context: AppContextValue = { api: props.api, user: props.user, navigation, nativeButtons };
  return (
    <AppContext.Provider value={context}>
      <Header parent={parent} />
      <Screen route={navigation.route} />
    </AppContext.Provider>
  );
}
