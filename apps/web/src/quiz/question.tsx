import type { QuizQuestion } from '../api/types';
import { InlineText } from '../components/inline-text';
import { useI18n } from '../i18n/i18n';
import { optionMark, resultFor, type QuizState } from './quiz-state';

const MARK_SYMBOL = { idle: '', selected: '', correct: '✓', wrong: '✗', missed: '✓' } as const;

/** One question as a radio group; once checked, the chosen and the right answers are marked and explained. */
export function QuizQuestionView(props: { name: string; number: number; question: QuizQuestion; state: QuizState; onSelect(optionId: string): void }) {
  const { t } = useI18n();
  const { question, state } = props;
  const result = resultFor(state, question.id);
  const locked = state.status !== 'answering';
  const correctText = question.options.find((option) => option.id === result?.correctOptionId)?.text;
  return (
    <fieldset className={result ? `question ${result.correct ? 'question-correct' : 'question-wrong'}` : 'question'}>
      <legend>
        <span className="question-number">{props.number}.</span> <InlineText text={question.text} />
      </legend>
      {question.options.map((option) => {
        const mark = optionMark(state, question.id, option.id);
        return (
          <label key={option.id} className={`option option-${mark}`}>
            <input
              type="radio"
              name={props.name}
              value={option.id}
              checked={state.selected[question.id] === option.id}
              disabled={locked}
              onChange={() => props.onSelect(option.id)}
            />
            <span className="option-text">
              <InlineText text={option.text} />
            </span>
            {MARK_SYMBOL[mark] && (
              <span className="option-mark" aria-hidden="true">
                {MARK_SYMBOL[mark]}
              </span>
            )}
          </label>
        );
      })}
      {result && (
        <div className="feedback">
          <p className="feedback-verdict">{result.correct ? t.lesson.correct : t.lesson.incorrect}</p>
          {!result.correct && correctText && (
            <p>
              <InlineText text={t.lesson.correctAnswer(correctText)} />
            </p>
          )}
          <p>
            <InlineText text={result.explanation} />
          </p>
        </div>
      )}
    </fieldset>
  );
}
