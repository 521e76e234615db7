// Domain functions the Telegram bot needs beyond the learning domain: update dedupe and chat quizzes.
export * from './processed-updates';
export * from './quiz-runs';
