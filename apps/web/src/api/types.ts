// The JSON the Mini App receives from the academy API. The server's zod schemas (apps/api/src/routes/*/schema.ts)
// are the source of truth; test/e2e/api-types.ts checks at compile time that these types match them.

export type Locale = 'en' | 'ru';

export interface LearnerUser {
  id: number;
  telegramId: number;
  firstName: string;
  lastName: string | null;
  username: string | null;
  language: Locale;
}

export interface Session {
  token: string;
  expiresAt: string;
  user: LearnerUser;
}

export interface AuthOptions {
  devSignIn: boolean;
}

export interface CourseSummary {
  id: string;
  position: number;
  level: string;
  title: string;
  description: string;
  lessonCount: number;
  durationMinutes: number;
}

export interface CourseList {
  locale: string;
  courses: CourseSummary[];
}

export interface CourseDetail extends CourseSummary {
  lessons: { id: string; position: number; title: string; durationMinutes: number }[];
}

export interface QuizQuestion {
  id: string;
  text: string;
  options: { id: string; text: string }[];
}

export interface Lesson {
  id: string;
  courseId: string;
  position: number;
  locale: Locale;
  title: string;
  body: string;
  durationMinutes: number;
  previousLessonId: string | null;
  nextLessonId: string | null;
  quiz: { questions: QuizQuestion[] };
}

export interface Answer {
  questionId: string;
  optionId: string;
}

export interface QuestionResult {
  questionId: string;
  selectedOptionId: string;
  correctOptionId: string;
  correct: boolean;
  explanation: string;
}

export interface AttemptResult {
  lessonId: string;
  score: number;
  passed: boolean;
  passMark: number;
  correctCount: number;
  questionCount: number;
  results: QuestionResult[];
  attempts: number;
  bestScore: number;
  completed: boolean;
  newlyCompleted: boolean;
  nextLessonId: string | null;
  version: number;
}

export interface LessonProgress {
  lessonId: string;
  bestScore: number;
  lastScore: number;
  completed: boolean;
  attempts: number;
  updatedAt: string;
}

export interface ProgressSummary {
  completedLessons: number;
  attemptedLessons: number;
  totalLessons: number;
  averageScore: number | null;
  currentStreakDays: number;
  longestStreakDays: number;
  lastActivityAt: string | null;
  lessons: LessonProgress[];
}

/** An application/problem+json body (RFC 9457) as the API sends it. */
export interface Problem {
  type?: string;
  title?: string;
  status?: number;
  detail?: string;
  code?: string;
}
