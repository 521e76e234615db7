import { useApp } from '../app-context';
import { lessonTitles } from '../api/lesson-titles';
import { Link } from '../components/link';
import { ErrorView, Loading } from '../components/status';
import { useResource } from '../hooks/use-resource';
import { useI18n } from '../i18n/i18n';

export function ProgressScreen() {
  const { api } = useApp();
  const { locale, t } = useI18n();
  // Always fetched afresh: the learner comes here right after a quiz.
  const progress = useResource(() => api.progress(), 'progress');
  const titles = useResource(() => lessonTitles(api, locale).catch(() => new Map<string, string>()), locale);
  const titleOf = (lessonId: string) => (titles.status === 'ready' ? titles.data.get(lessonId) : undefined) ?? lessonId;

  if (progress.status === 'loading') return <main className="screen"><Loading /></main>;
  if (progress.status === 'error') return <main className="screen"><ErrorView error={progress.error} onRetry={progress.reload} /></main>;
  const data = progress.data;
  const stats = [
    { id: 'completed', label: t.progress.completed, value: t.progress.of(data.completedLessons, data.totalLessons) },
    { id: 'average', label: t.progress.averageScore, value: data.averageScore === null ? '—' : `${Math.round(data.averageScore)}%` },
    { id: 'streak', label: t.progress.currentStreak, value: t.progress.days(data.currentStreakDays) },
    { id: 'longest', label: t.progress.longestStreak, value: t.progress.days(data.longestStreakDays) },
  ];
  const percent = data.totalLessons === 0 ? 0 : Math.round((data.completedLessons / data.totalLessons) * 100);
  return (
    <main className="screen">
      <h1>{t.progress.title}</h1>
      <div
        className="progress-bar"
        role="progressbar"
        aria-label={t.progress.completed}
        aria-valuemin={0}
        aria-valuemax={data.totalLessons}
        aria-valuenow={data.completedLessons}
        aria-valuetext={t.progress.of(data.completedLessons, data.totalLessons)}
      >
        <div className="progress-bar-fill" style={{ width: `${percent}%` }} />
      </div>
      <dl className="stats">
        {stats.map((stat) => (
          <div key={stat.id} className="stat" data-stat={stat.id}>
            <dt>{stat.label}</dt>
            <dd>{stat.value}</dd>
          </div>
        ))}
      </dl>
      <h2>{t.progress.studied}</h2>
      {data.lessons.length === 0 ? (
        <p className="meta">{t.progress.empty}</p>
      ) : (
        <ul className="lesson-list">
          {data.lessons.map((lesson) => (
            <li key={lesson.lessonId}>
              <Link to={{ name: 'lesson', lessonId: lesson.lessonId }} className="lesson-row">
                <span className={lesson.completed ? 'lesson-badge lesson-badge-done' : 'lesson-badge'} aria-hidden="true">
                  {lesson.completed ? '✓' : '·'}
                </span>
                <span className="lesson-row-text">
                  <span className="lesson-row-title">{titleOf(lesson.lessonId)}</span>
                  <span className="lesson-row-meta">
                    {t.progress.best(lesson.bestScore)} · {t.progress.attempts(lesson.attempts)}
                  </span>
                </span>
              </Link>
            </li>
          ))}
        </ul>
      )}
    </main>
  );
}
