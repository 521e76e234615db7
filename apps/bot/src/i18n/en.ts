import { escapeHtml as e } from '../render/html';

// English texts. Functions take raw values and escape them: every text here is Telegram HTML.
// ru.ts has exactly the same keys (the type checks it).

const days = (n: number) => `${n} ${n === 1 ? 'day' : 'days'}`;

export const en = {
  languageName: 'English',
  greeting: (firstName: string) =>
    `Hi, ${e(firstName)}! 👋\n\nI'm the <b>iOS Academy</b> bot. Learn Swift, SwiftUI, concurrency and App Store delivery ` +
    'in short lessons, and check yourself with a quiz after each one.\n\nPick a course to begin.',
  help:
    '<b>What I can do</b>\n\n' +
    '/courses — courses and lessons\n' +
    '/progress — your completed lessons, average score and streak\n' +
    '/language — switch between English and Russian\n' +
    '/help — this message\n\n' +
    'A lesson ends with a quiz: tap an answer for each question and you get your score and the next lesson.',
  commands: {
    start: 'Start learning',
    courses: 'Courses and lessons',
    progress: 'My progress',
    language: 'Change the language',
    help: 'What this bot can do',
    app: 'Open the academy app',
  },
  buttons: {
    courses: '📚 Courses',
    progress: '📈 My progress',
    language: '🌐 Language',
    openApp: '📱 Open the academy',
    readInApp: '📱 Read in the app',
    takeQuiz: (questions: number) => `📝 Take the quiz (${questions} questions)`,
    backToLessons: '◀️ Lessons',
    allCourses: '◀️ All courses',
    nextLesson: (title: string) => `▶️ Next: ${title}`,
    tryAgain: '🔁 Try again',
    continueWith: (title: string) => `▶️ Continue: ${title}`,
  },
  coursesTitle: '<b>Courses</b>\n\nChoose a course:',
  noCourses: 'There are no courses yet. Please come back later.',
  courseTitle: (title: string, description: string) => `<b>${e(title)}</b>\n${e(description)}\n\nChoose a lesson:`,
  lessonHeader: (title: string, minutes: number) => `<b>${e(title)}</b>\n<i>≈ ${minutes} min read</i>`,
  lessonDone: 'When you are ready, check yourself:',
  questionHeader: (index: number, total: number) => `<b>Question ${index} of ${total}</b>`,
  scoreLine: (score: number, correct: number, total: number) => `<b>Your score: ${score}/100</b> (${correct} of ${total} correct)`,
  passed: '✅ Lesson completed!',
  notPassed: (passMark: number) => `Not quite — ${passMark} completes the lesson. Review it and try again.`,
  resultLine: (index: number, correct: boolean, explanation: string) => `${correct ? '✅' : '❌'} ${index}. ${explanation}`,
  answerSaved: 'Answer saved',
  alreadyAnswered: 'This question is already answered.',
  quizChanged: 'This lesson was updated, so the quiz has changed. Please start it again.',
  staleButton: 'This button is no longer active. Send /courses to continue.',
  notFound: 'That lesson or course no longer exists. Send /courses to see what is available.',
  progressTitle: '<b>Your progress</b>',
  progressCompleted: (completed: number, total: number) => `Completed lessons: <b>${completed}</b> of ${total}`,
  progressAverage: (average: number | null) => `Average score: <b>${average === null ? '—' : average}</b>`,
  progressStreak: (current: number, longest: number) => `Streak: <b>${days(current)}</b> (longest ${days(longest)})`,
  progressNone: 'No quizzes yet — open a lesson with /courses and take its quiz.',
  progressAllDone: '🎉 You have completed every lesson!',
  chooseLanguage: 'Choose your language:',
  languageChanged: 'Done: I will speak English from now on.',
  somethingWentWrong: 'Sorry, something went wrong on our side. Please try again in a moment.',
  fallback: "I didn't get that. Send /help to see what I can do.",
};

export type Messages = typeof en;
