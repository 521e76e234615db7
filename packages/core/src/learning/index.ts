export * from './users';
export * from './learner-status';
export * from './quiz';
export * from './catalogue';
export * from './event-store';
export * from './progress-events';
export * from './record-attempt';
export * from './progress-summary';
