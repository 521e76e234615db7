import { escapeHtml as e } from '../render/html';
import type { Messages } from './en';

// Русские тексты: те же ключи, что в en.ts.

/** 1 день, 2 дня, 5 дней, 21 день … */
export function ruPlural(n: number, one: string, few: string, many: string): string {
  const mod10 = n % 10;
  const mod100 = n % 100;
  if (mod10 === 1 && mod100 !== 11) return one;
  if (mod10 >= 2 && mod10 <= 4 && (mod100 < 12 || mod100 > 14)) return few;
  return many;
}

const days = (n: number) => `${n} ${ruPlural(n, 'день', 'дня', 'дней')}`;

export const ru: Messages = {
  languageName: 'Русский',
  greeting: (firstName) =>
    `Привет, ${e(firstName)}! 👋\n\nЯ бот <b>iOS Academy</b>. Изучайте Swift, SwiftUI, конкурентность и публикацию в App Store ` +
    'короткими уроками и проверяйте себя тестом после каждого.\n\nВыберите курс, чтобы начать.',
  help:
    '<b>Что я умею</b>\n\n' +
    '/courses — курсы и уроки\n' +
    '/progress — пройденные уроки, средний балл и серия дней\n' +
    '/language — переключить язык: русский или английский\n' +
    '/help — это сообщение\n\n' +
    'Каждый урок заканчивается тестом: выберите ответ на каждый вопрос — и увидите результат и следующий урок.',
  commands: {
    start: 'Начать обучение',
    courses: 'Курсы и уроки',
    progress: 'Мой прогресс',
    language: 'Сменить язык',
    help: 'Что умеет бот',
    app: 'Открыть приложение академии',
  },
  buttons: {
    courses: '📚 Курсы',
    progress: '📈 Мой прогресс',
    language: '🌐 Язык',
    openApp: '📱 Открыть академию',
    readInApp: '📱 Читать в приложении',
    takeQuiz: (questions) => `📝 Пройти тест (${questions} ${ruPlural(questions, 'вопрос', 'вопроса', 'вопросов')})`,
    backToLessons: '◀️ Уроки',
    allCourses: '◀️ Все курсы',
    nextLesson: (title) => `▶️ Дальше: ${title}`,
    tryAgain: '🔁 Пройти ещё раз',
    continueWith: (title) => `▶️ Продолжить: ${title}`,
  },
  coursesTitle: '<b>Курсы</b>\n\nВыберите курс:',
  noCourses: 'Курсов пока нет. Загляните позже.',
  courseTitle: (title, description) => `<b>${e(title)}</b>\n${e(description)}\n\nВыберите урок:`,
  lessonHeader: (title, minutes) => `<b>${e(title)}</b>\n<i>≈ ${minutes} мин чтения</i>`,
  lessonDone: 'Когда будете готовы, проверьте себя:',
  questionHeader: (index, total) => `<b>Вопрос ${index} из ${total}</b>`,
  scoreLine: (score, correct, total) => `<b>Ваш результат: ${score}/100</b> (верно ${correct} из ${total})`,
  passed: '✅ Урок пройден!',
  notPassed: (passMark) => `Почти — для зачёта нужно ${passMark}. Повторите урок и попробуйте ещё раз.`,
  resultLine: (index, correct, explanation) => `${correct ? '✅' : '❌'} ${index}. ${explanation}`,
  answerSaved: 'Ответ принят',
  alreadyAnswered: 'На этот вопрос уже есть ответ.',
  quizChanged: 'Урок обновился, и тест изменился. Начните его заново.',
  staleButton: 'Эта кнопка больше не действует. Отправьте /courses, чтобы продолжить.',
  notFound: 'Этого урока или курса больше нет. Отправьте /courses, чтобы увидеть доступные.',
  progressTitle: '<b>Ваш прогресс</b>',
  progressCompleted: (completed, total) => `Пройдено уроков: <b>${completed}</b> из ${total}`,
  progressAverage: (average) => `Средний балл: <b>${average === null ? '—' : average}</b>`,
  progressStreak: (current, longest) => `Серия: <b>${days(current)}</b> (рекорд — ${days(longest)})`,
  progressNone: 'Тестов пока нет — откройте урок через /courses и пройдите тест.',
  progressAllDone: '🎉 Вы прошли все уроки!',
  chooseLanguage: 'Выберите язык:',
  languageChanged: 'Готово: теперь я говорю по-русски.',
  somethingWentWrong: 'Извините, у нас что-то пошло не так. Попробуйте ещё раз чуть позже.',
  fallback: 'Я не понял. Отправьте /help, чтобы узнать, что я умею.',
};
