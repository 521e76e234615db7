import { act, cleanup, fireEvent, screen, waitFor } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { ApiClient } from '../api/client';
import type { Lesson } from '../api/types';
import { en, ru } from '../i18n/messages';
import { fakeFetch, renderInApp } from '../test/support';
import { Quiz } from './quiz';

const LESSON: Lesson = {
  id: 'swift-optionals',
  courseId: 'swift-basics',
  position: 1,
  locale: 'en',
  title: 'Optionals',
  body: '',
  durationMinutes: 5,
  previousLessonId: null,
  nextLessonId: 'swift-enums',
  quiz: {
    questions: [
      { id: 'q1', text: 'What is nil?', options: [{ id: 'a', text: 'No value' }, { id: 'b', text: 'Zero' }] },
      { id: 'q2', text: 'Unwrap safely with', options: [{ id: 'a', text: 'if let' }, { id: 'b', text: '!' }] },
    ],
  },
};

function scoring(correct: Record<string, string>) {
  return fakeFetch({
    'POST /api/v1/lessons/swift-optionals/attempts': ({ body }) => {
      const answers = (body as { answers: { questionId: string; optionId: string }[] }).answers;
      const results = answers.map((a) => ({ questionId: a.questionId, selectedOptionId: a.optionId, correctOptionId: correct[a.questionId]!, correct: correct[a.questionId] === a.optionId, explanation: `why ${a.questionId}` }));
      const correctCount = results.filter((r) => r.correct).length;
      const score = Math.round((correctCount / results.length) * 100);
      return { status: 201, body: { lessonId: LESSON.id, score, passed: score >= 70, passMark: 70, correctCount, questionCount: results.length, results, attempts: 1, bestScore: score, completed: score >= 70, newlyCompleted: score >= 70, nextLessonId: 'swift-enums', version: 1 } };
    },
  });
}

afterEach(() => {
  cleanup();
  delete window.Telegram;
});

describe('<Quiz>', () => {
  it('checks the answers on the server and explains each one at once', async () => {
    const fetch = scoring({ q1: 'a', q2: 'a' });
    const api = new ApiClient(fetch);
    api.authorize('token-1');
    const onNext = vi.fn();
    renderInApp(<Quiz lesson={LESSON} onNext={onNext} />, { api });

    const check = screen.getByRole('button', { name: en.lesson.check });
    expect(check).toHaveProperty('disabled', true);
    fireEvent.click(screen.getByRole('radio', { name: 'No value' }));
    expect(screen.getByText(en.lesson.answered(1, 2))).toBeTruthy();
    fireEvent.click(screen.getByRole('radio', { name: '!' }));
    expect(check).toHaveProperty('disabled', false);
    fireEvent.click(check);

    await screen.findByText(en.lesson.score(50));
    expect(fetch.requests.at(-1)).toMatchObject({
      authorization: 'Bearer token-1',
      body: { answers: [{ questionId: 'q1', optionId: 'a' }, { questionId: 'q2', optionId: 'b' }], locale: 'en' },
    });
    expect(screen.getByText(en.lesson.notPassed(70))).toBeTruthy();
    expect(screen.getByText(en.lesson.correctAnswer('if let'))).toBeTruthy();
    expect(screen.getByText('why q2')).toBeTruthy();
    expect(screen.getByRole('radio', { name: '!' })).toHaveProperty('disabled', true);
    expect(document.activeElement).toBe(screen.getByRole('status'));

    // Not passed: try again starts over.
    fireEvent.click(screen.getByRole('button', { name: en.lesson.tryAgain }));
    expect(screen.getByRole('radio', { name: '!' })).toHaveProperty('checked', false);
    expect(onNext).not.toHaveBeenCalled();
  });

  it('offers the next lesson once passed, in the learner’s language', async () => {
    const api = new ApiClient(scoring({ q1: 'a', q2: 'a' }));
    const onNext = vi.fn();
    renderInApp(<Quiz lesson={LESSON} onNext={onNext} />, { api, locale: 'ru' });
    fireEvent.click(screen.getByRole('radio', { name: 'No value' }));
    fireEvent.click(screen.getByRole('radio', { name: 'if let' }));
    fireEvent.click(screen.getByRole('button', { name: ru.lesson.check }));
    await screen.findByText(ru.lesson.passed);
    fireEvent.click(screen.getByRole('button', { name: ru.lesson.next }));
    expect(onNext).toHaveBeenCalledWith('swift-enums');
  });

  it('keeps the answers and says so when the check fails', async () => {
    const api = new ApiClient(fakeFetch({ 'POST /api/v1/lessons/swift-optionals/attempts': () => ({ status: 503, body: { code: 'database_unavailable' } }) }));
    renderInApp(<Quiz lesson={LESSON} onNext={() => undefined} />, { api });
    fireEvent.click(screen.getByRole('radio', { name: 'Zero' }));
    fireEvent.click(screen.getByRole('radio', { name: 'if let' }));
    fireEvent.click(screen.getByRole('button', { name: en.lesson.check }));
    expect((await screen.findByRole('alert')).textContent).toBe(en.error.generic);
    expect(screen.getByRole('radio', { name: 'Zero' })).toHaveProperty('checked', true);
    expect(screen.getByRole('button', { name: en.lesson.check })).toHaveProperty('disabled', false);
  });

  it('uses Telegram’s MainButton inside Telegram instead of its own button', async () => {
    const clicks: Array<() => void> = [];
    const main = { text: '', visible: false, enabled: true };
    window.Telegram = {
      WebApp: {
        initData: 'query_id=1&hash=x',
        BackButton: { show: () => undefined, hide: () => undefined, onClick: () => undefined, offClick: () => undefined },
        MainButton: {
          setText: (text) => void (main.text = text),
          show: () => void (main.visible = true),
          hide: () => void (main.visible = false),
          enable: () => void (main.enabled = true),
          disable: () => void (main.enabled = false),
          onClick: (callback) => void clicks.push(callback),
          offClick: (callback) => void clicks.splice(clicks.indexOf(callback), 1),
        },
      },
    };
    const api = new ApiClient(scoring({ q1: 'a', q2: 'a' }));
    renderInApp(<Quiz lesson={LESSON} onNext={() => undefined} />, { api, nativeButtons: true });
    expect(screen.queryByRole('button', { name: en.lesson.check })).toBeNull();
    expect(main).toEqual({ text: en.lesson.check, visible: true, enabled: false });
    fireEvent.click(screen.getByRole('radio', { name: 'No value' }));
    fireEvent.click(screen.getByRole('radio', { name: 'if let' }));
    expect(main.enabled).toBe(true);
    await act(async () => clicks.forEach((click) => click()));
    await waitFor(() => expect(main.text).toBe(en.lesson.next));
    expect(clicks).toHaveLength(1);
  });
});
