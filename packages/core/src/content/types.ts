export const LOCALES = ['en', 'ru'] as const;
export type Locale = (typeof LOCALES)[number];
export type Localized = Record<Locale, string>;

export interface QuizOption {
  id: string;
  text: Localized;
}

export interface QuizQuestion {
  id: string;
  text: Localized;
  options: QuizOption[];
  /** The id of the correct option. Never sent to a learner before they answer. */
  answer: string;
  explanation: Localized;
}

export interface LessonContent {
  id: string;
  courseId: string;
  position: number;
  title: Localized;
  body: Localized;
  durationMinutes: number;
  quiz: { questions: QuizQuestion[] };
  contentHash: string;
}

export interface CourseContent {
  id: string;
  position: number;
  level: string;
  title: Localized;
  description: Localized;
  contentHash: string;
  lessons: LessonContent[];
}
