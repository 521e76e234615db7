import { lazy, Suspense } from 'react';
import { useApp } from '../app-context';
import { Link } from '../components/link';
import { ErrorView, Loading } from '../components/status';
import { useResource } from '../hooks/use-resource';
import { useI18n } from '../i18n/i18n';
import { Quiz } from '../quiz/quiz';

const Markdown = lazy(() => import('../components/markdown'));

/** The lesson reader: the Markdown body with highlighted Swift, the quiz, and the way on. */
export function LessonScreen(props: { lessonId: string }) {
  const { api, navigation } = useApp();
  const { locale, t } = useI18n();
  const lesson = useResource(() => api.lesson(props.lessonId, locale), `${props.lessonId}:${locale}`);

  if (lesson.status === 'loading') return <main className="screen"><Loading /></main>;
  if (lesson.status === 'error') return <main className="screen"><ErrorView error={lesson.error} onRetry={lesson.reload} /></main>;
  const data = lesson.data;
  return (
    <main className="screen">
      <article className="lesson" lang={data.locale}>
        <p className="meta">
          <Link to={{ name: 'course', courseId: data.courseId }}>{t.lesson.backToCourse}</Link> · {t.lesson.minutes(data.durationMinutes)}
        </p>
        <h1>{data.title}</h1>
        <Suspense fallback={<Loading />}>
          <Markdown>{data.body}</Markdown>
        </Suspense>
      </article>
      {/* A new key per lesson: the next lesson's quiz starts empty. */}
      <Quiz key={data.id} lesson={data} onNext={(lessonId) => navigation.navigate({ name: 'lesson', lessonId })} />
      <nav className="lesson-nav" aria-label={t.course.lessons}>
        {data.previousLessonId ? (
          <Link to={{ name: 'lesson', lessonId: data.previousLessonId }} className="button button-secondary">
            ‹ {t.lesson.previous}
          </Link>
        ) : (
          <span />
        )}
        {data.nextLessonId && (
          <Link to={{ name: 'lesson', lessonId: data.nextLessonId }} className="button button-secondary">
            {t.lesson.next} ›
          </Link>
        )}
      </nav>
    </main>
  );
}
