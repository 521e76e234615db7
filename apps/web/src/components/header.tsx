import { useApp } from '../app-context';
import { LOCALES, useI18n } from '../i18n/i18n';
import type { Route } from '../router';
import { Link } from './link';

/** Where "back" goes from each screen when there is no in-app history (a deep link). */
export function parentOf(route: Route, courseOfLesson?: string): Route | undefined {
  switch (route.name) {
    case 'courses':
      return undefined;
    case 'lesson':
      return courseOfLesson ? { name: 'course', courseId: courseOfLesson } : { name: 'courses' };
    default:
      return { name: 'courses' };
  }
}

export function LanguageSwitch() {
  const { locale, setLocale, t } = useI18n();
  return (
    <div className="language-switch" role="group" aria-label={t.language.label}>
      {LOCALES.map((option) => (
        <button
          key={option}
          type="button"
          lang={option}
          aria-pressed={option === locale}
          title={t.language.names[option]}
          onClick={() => setLocale(option)}
        >
          {option.toUpperCase()}
        </button>
      ))}
    </div>
  );
}

export function Header(props: { parent: Route | undefined }) {
  const { navigation, nativeButtons } = useApp();
  const { t } = useI18n();
  const { route } = navigation;
  const parent = props.parent;
  return (
    <header className="app-header">
      <div className="app-header-row">
        {parent && !nativeButtons ? (
          <button type="button" className="back-button" onClick={() => navigation.back(parent)}>
            <span aria-hidden="true">‹</span> {t.nav.back}
          </button>
        ) : (
          <span className="app-title">{t.appTitle}</span>
        )}
        <LanguageSwitch />
      </div>
      <nav className="tabs" aria-label={t.nav.main}>
        <Link to={{ name: 'courses' }} className="tab" aria-current={route.name === 'courses' ? 'page' : undefined}>
          {t.nav.courses}
        </Link>
        <Link to={{ name: 'progress' }} className="tab" aria-current={route.name === 'progress' ? 'page' : undefined}>
          {t.nav.progress}
        </Link>
      </nav>
    </header>
  );
}
