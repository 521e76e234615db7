// Every string the Mini App shows, in English and Russian. `Messages` is the contract: a missing or
// misspelt key in either language is a type error.

export const LOCALES = ['en', 'ru'] as const;
export type Locale = (typeof LOCALES)[number];

/** Russian plural forms: 1 урок, 2 урока, 5 уроков (21 урок, 22 урока, 11 уроков). */
export function ruPlural(n: number, one: string, few: string, many: string): string {
  const mod10 = n % 10;
  const mod100 = n % 100;
  if (mod10 === 1 && mod100 !== 11) return one;
  if (mod10 >= 2 && mod10 <= 4 && (mod100 < 12 || mod100 > 14)) return few;
  return many;
}

const enPlural = (n: number, one: string, many: string) => (n === 1 ? one : many);

export interface Messages {
  appTitle: string;
  nav: { courses: string; progress: string; back: string; main: string };
  language: { label: string; names: Record<Locale, string> };
  loading: string;
  retry: string;
  error: { generic: string; notFound: string; offline: string; sessionExpired: string };
  signIn: { title: string; intro: string; openInTelegram: string; dev: string; devHint: string; failed: string; signingIn: string };
  courses: { title: string; greeting(name: string): string; subtitle: string; level(level: string): string; lessons(n: number): string; minutes(n: number): string };
  course: { lessons: string; completed: string; bestScore(score: number): string; notStarted: string };
  lesson: {
    quiz: string;
    quizIntro: string;
    check: string;
    checking: string;
    answered(answered: number, total: number): string;
    correct: string;
    incorrect: string;
    correctAnswer(text: string): string;
    score(score: number): string;
    scoreDetail(correct: number, total: number): string;
    passed: string;
    notPassed(passMark: number): string;
    tryAgain: string;
    next: string;
    previous: string;
    backToCourse: string;
    minutes(n: number): string;
  };
  progress: {
    title: string;
    completed: string;
    of(n: number, total: number): string;
    averageScore: string;
    currentStreak: string;
    longestStreak: string;
    days(n: number): string;
    studied: string;
    empty: string;
    attempts(n: number): string;
    best(score: number): string;
  };
  notFound: string;
}

const LEVELS: Record<Locale, Record<string, string>> = {
  en: { beginner: 'Beginner', intermediate: 'Intermediate', advanced: 'Advanced' },
  ru: { beginner: 'Начальный', intermediate: 'Средний', advanced: 'Продвинутый' },
};

export const en: Messages = {
  appTitle: 'iOS Academy',
  nav: { courses: 'Courses', progress: 'Progress', back: 'Back', main: 'Main' },
  language: { label: 'Language', names: { en: 'English', ru: 'Русский' } },
  loading: 'Loading…',
  retry: 'Try again',
  error: {
    generic: 'Something went wrong. Please try again.',
    notFound: 'This was not found. It may have been removed.',
    offline: 'No connection to the academy. Check your network and try again.',
    sessionExpired: 'Your session has expired. Reopen the app to sign in again.',
  },
  signIn: {
    title: 'Welcome to iOS Academy',
    intro: 'Swift, SwiftUI, concurrency and App Store delivery — in short lessons with quizzes.',
    openInTelegram: 'Open this app from the academy bot in Telegram to sign in.',
    dev: 'Dev sign-in',
    devHint: 'Development only: signs you in as a test learner.',
    failed: 'Could not sign in.',
    signingIn: 'Signing in…',
  },
  courses: {
    title: 'Courses',
    greeting: (name) => `Hi, ${name}!`,
    subtitle: 'Learn iOS development step by step.',
    level: (level) => LEVELS.en[level] ?? level,
    lessons: (n) => `${n} ${enPlural(n, 'lesson', 'lessons')}`,
    minutes: (n) => `${n} min`,
  },
  course: { lessons: 'Lessons', completed: 'Completed', bestScore: (score) => `Best score ${score}%`, notStarted: 'Not started' },
  lesson: {
    quiz: 'Quiz',
    quizIntro: 'Answer every question, then check your answers.',
    check: 'Check answers',
    checking: 'Checking…',
    answered: (answered, total) => `Answered ${answered} of ${total}`,
    correct: 'Correct',
    incorrect: 'Incorrect',
    correctAnswer: (text) => `Correct answer: ${text}`,
    score: (score) => `Your score: ${score}%`,
    scoreDetail: (correct, total) => `${correct} of ${total} correct`,
    passed: 'Lesson completed!',
    notPassed: (passMark) => `Score at least ${passMark}% to complete the lesson.`,
    tryAgain: 'Try again',
    next: 'Next lesson',
    previous: 'Previous lesson',
    backToCourse: 'Back to the course',
    minutes: (n) => `${n} min read`,
  },
  progress: {
    title: 'Your progress',
    completed: 'Lessons completed',
    of: (n, total) => `${n} of ${total}`,
    averageScore: 'Average score',
    currentStreak: 'Current streak',
    longestStreak: 'Longest streak',
    days: (n) => `${n} ${enPlural(n, 'day', 'days')}`,
    studied: 'Lessons you have studied',
    empty: 'No quizzes yet. Open a course, read a lesson and answer its quiz.',
    attempts: (n) => `${n} ${enPlural(n, 'attempt', 'attempts')}`,
    best: (score) => `best ${score}%`,
  },
  notFound: 'This page does not exist.',
};

export const ru: Messages = {
  appTitle: 'iOS Академия',
  nav: { courses: 'Курсы', progress: 'Прогресс', back: 'Назад', main: 'Главное' },
  language: { label: 'Язык', names: { en: 'English', ru: 'Русский' } },
  loading: 'Загрузка…',
  retry: 'Повторить',
  error: {
    generic: 'Что-то пошло не так. Попробуйте ещё раз.',
    notFound: 'Не найдено. Возможно, это удалили.',
    offline: 'Нет связи с академией. Проверьте сеть и попробуйте ещё раз.',
    sessionExpired: 'Сессия истекла. Откройте приложение заново, чтобы войти.',
  },
  signIn: {
    title: 'Добро пожаловать в iOS Академию',
    intro: 'Swift, SwiftUI, конкурентность и публикация в App Store — короткие уроки с тестами.',
    openInTelegram: 'Откройте приложение из бота академии в Telegram, чтобы войти.',
    dev: 'Dev-вход',
    devHint: 'Только для разработки: вход под тестовым учеником.',
    failed: 'Не удалось войти.',
    signingIn: 'Входим…',
  },
  courses: {
    title: 'Курсы',
    greeting: (name) => `Привет, ${name}!`,
    subtitle: 'Изучайте iOS-разработку шаг за шагом.',
    level: (level) => LEVELS.ru[level] ?? level,
    lessons: (n) => `${n} ${ruPlural(n, 'урок', 'урока', 'уроков')}`,
    minutes: (n) => `${n} мин`,
  },
  course: { lessons: 'Уроки', completed: 'Пройден', bestScore: (score) => `Лучший результат ${score}%`, notStarted: 'Не начат' },
  lesson: {
    quiz: 'Тест',
    quizIntro: 'Ответьте на все вопросы и проверьте ответы.',
    check: 'Проверить ответы',
    checking: 'Проверяем…',
    answered: (answered, total) => `Отвечено ${answered} из ${total}`,
    correct: 'Верно',
    incorrect: 'Неверно',
    correctAnswer: (text) => `Правильный ответ: ${text}`,
    score: (score) => `Ваш результат: ${score}%`,
    scoreDetail: (correct, total) => `${correct} из ${total} верно`,
    passed: 'Урок пройден!',
    notPassed: (passMark) => `Наберите не меньше ${passMark}%, чтобы пройти урок.`,
    tryAgain: 'Пройти ещё раз',
    next: 'Следующий урок',
    previous: 'Предыдущий урок',
    backToCourse: 'Вернуться к курсу',
    minutes: (n) => `${n} мин чтения`,
  },
  progress: {
    title: 'Ваш прогресс',
    completed: 'Пройдено уроков',
    of: (n, total) => `${n} из ${total}`,
    averageScore: 'Средний балл',
    currentStreak: 'Текущая серия',
    longestStreak: 'Лучшая серия',
    days: (n) => `${n} ${ruPlural(n, 'день', 'дня', 'дней')}`,
    studied: 'Изученные уроки',
    empty: 'Тестов пока нет. Откройте курс, прочитайте урок и ответьте на вопросы.',
    attempts: (n) => `${n} ${ruPlural(n, 'попытка', 'попытки', 'попыток')}`,
    best: (score) => `лучший ${score}%`,
  },
  notFound: 'Такой страницы нет.',
};

export const MESSAGES: Record<Locale, Messages> = { en, ru };
