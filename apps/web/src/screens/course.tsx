import { useApp } from '../app-context';
import type { LessonProgress } from '../api/types';
import { Link } from '../components/link';
import { ErrorView, Loading } from '../components/status';
import { useResource } from '../hooks/use-resource';
import { useI18n } from '../i18n/i18n';

export function CourseScreen(props: { courseId: string }) {
  const { api } = useApp();
  const { locale, t } = useI18n();
  const course = useResource(() => api.course(props.courseId, locale), `${props.courseId}:${locale}`);
  // Progress marks lessons done; the course shows without it if it fails.
  const progress = useResource(() => api.progress().catch(() => undefined), props.courseId);
  const byLesson = new Map<string, LessonProgress>();
  if (progress.status === 'ready') for (const lesson of progress.data?.lessons ?? []) byLesson.set(lesson.lessonId, lesson);

  if (course.status === 'loading') return <main className="screen"><Loading /></main>;
  if (course.status === 'error') return <main className="screen"><ErrorView error={course.error} onRetry={course.reload} /></main>;
  const data = course.data;
  return (
    <main className="screen">
      <h1>{data.title}</h1>
      <p className="lead">{data.description}</p>
      <p className="meta">
        {t.courses.level(data.level)} · {t.courses.lessons(data.lessons.length)} · {t.courses.minutes(data.durationMinutes)}
      </p>
      <h2>{t.course.lessons}</h2>
      <ol className="lesson-list">
        {data.lessons.map((lesson) => {
          const done = byLesson.get(lesson.id);
          return (
            <li key={lesson.id}>
              <Link to={{ name: 'lesson', lessonId: lesson.id }} className="lesson-row">
                <span className={done?.completed ? 'lesson-badge lesson-badge-done' : 'lesson-badge'} aria-hidden="true">
                  {done?.completed ? '✓' : lesson.position}
                </span>
                <span className="lesson-row-text">
                  <span className="lesson-row-title">{lesson.title}</span>
                  <span className="lesson-row-meta">
                    {t.courses.minutes(lesson.durationMinutes)}
                    {done ? ` · ${done.completed ? t.course.completed : t.course.bestScore(done.bestScore)}` : ''}
                  </span>
                </span>
              </Link>
            </li>
          );
        })}
      </ol>
    </main>
  );
}
