import { useApp } from '../app-context';
import { Link } from '../components/link';
import { ErrorView, Loading } from '../components/status';
import { useResource } from '../hooks/use-resource';
import { useI18n } from '../i18n/i18n';

export function CourseListScreen() {
  const { api, user } = useApp();
  const { locale, t } = useI18n();
  const courses = useResource(() => api.courses(locale), locale);
  return (
    <main className="screen">
      <h1>{t.courses.title}</h1>
      <p className="lead">
        {user.firstName ? `${t.courses.greeting(user.firstName)} ` : ''}
        {t.courses.subtitle}
      </p>
      {courses.status === 'loading' && <Loading />}
      {courses.status === 'error' && <ErrorView error={courses.error} onRetry={courses.reload} />}
      {courses.status === 'ready' && (
        <ul className="cards">
          {courses.data.courses.map((course) => (
            <li key={course.id}>
              <Link to={{ name: 'course', courseId: course.id }} className="card">
                <span className="card-title">{course.title}</span>
                <span className="card-text">{course.description}</span>
                <span className="card-meta">
                  {t.courses.level(course.level)} · {t.courses.lessons(course.lessonCount)} · {t.courses.minutes(course.durationMinutes)}
                </span>
              </Link>
            </li>
          ))}
        </ul>
      )}
    </main>
  );
}
