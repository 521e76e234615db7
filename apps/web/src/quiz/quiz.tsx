import { useEffect, useReducer, useRef } from 'react';
import { useApp } from '../app-context';
import type { Lesson } from '../api/types';
import { errorMessage } from '../components/status';
import { useI18n } from '../i18n/i18n';
import { useTelegramMainButton, type MainButtonSpec } from '../telegram/buttons';
import { telegramWebApp } from '../telegram/web-app';
import { QuizQuestionView } from './question';
import { answeredCount, answersOf, canSubmit, initialQuizState, quizReducer } from './quiz-state';

/** The lesson's quiz: answer, check (scored on the server), see each answer explained, then go on. */
export function Quiz(props: { lesson: Lesson; onNext(lessonId: string): void }) {
  const { api } = useApp();
  const { locale, t } = useI18n();
  const [state, dispatch] = useReducer(quizReducer, initialQuizState);
  const questions = props.lesson.quiz.questions;
  const summary = useRef<HTMLDivElement>(null);

  const submit = async () => {
    if (!canSubmit(state, questions)) return;
    dispatch({ type: 'submit', questions });
    try {
      const result = await api.submitAttempt(props.lesson.id, answersOf(state, questions), locale);
      dispatch({ type: 'succeeded', result });
      telegramWebApp()?.HapticFeedback?.notificationOccurred(result.passed ? 'success' : 'error');
    } catch (error) {
      dispatch({ type: 'failed', message: errorMessage(t, error) });
    }
  };

  useEffect(() => {
    if (state.status === 'checked') summary.current?.focus();
  }, [state.status]);

  const next = state.status === 'checked' && state.result.passed ? props.lesson.nextLessonId : null;
  let action: MainButtonSpec | undefined;
  if (state.status === 'answering') action = { text: t.lesson.check, enabled: canSubmit(state, questions), onClick: () => void submit() };
  else if (state.status === 'submitting') action = { text: t.lesson.checking, enabled: false, progress: true, onClick: () => undefined };
  else if (next) action = { text: t.lesson.next, enabled: true, onClick: () => props.onNext(next) };
  else if (!state.result.passed) action = { text: t.lesson.tryAgain, enabled: true, onClick: () => dispatch({ type: 'reset' }) };
  const native = useTelegramMainButton(action);

  return (
    <section className="quiz" aria-labelledby="quiz-title">
      <h2 id="quiz-title">{t.lesson.quiz}</h2>
      {state.status !== 'checked' && <p className="meta">{t.lesson.quizIntro}</p>}
      {questions.map((question, index) => (
        <QuizQuestionView
          key={question.id}
          name={`${props.lesson.id}-${question.id}`}
          number={index + 1}
          question={question}
          state={state}
          onSelect={(optionId) => dispatch({ type: 'select', questionId: question.id, optionId })}
        />
      ))}
      {state.status === 'answering' && state.error && (
        <p className="quiz-error" role="alert">
          {state.error}
        </p>
      )}
      {state.status === 'checked' && (
        <div className={state.result.passed ? 'quiz-summary quiz-summary-passed' : 'quiz-summary'} ref={summary} tabIndex={-1} role="status">
          <p className="quiz-score">{t.lesson.score(state.result.score)}</p>
          <p>{t.lesson.scoreDetail(state.result.correctCount, state.result.questionCount)}</p>
          <p>{state.result.passed ? t.lesson.passed : t.lesson.notPassed(state.result.passMark)}</p>
        </div>
      )}
      {!native && action && (
        <div className="actions">
          {state.status === 'answering' && (
            <span className="meta" aria-live="polite">
              {t.lesson.answered(answeredCount(state, questions), questions.length)}
            </span>
          )}
          <button type="button" className="button" disabled={!action.enabled} onClick={action.onClick}>
            {action.text}
          </button>
        </div>
      )}
    </section>
  );
}
