export * from './types';
export { readCurriculum, ContentError } from './parse';
export { syncCurriculum, syncCurriculumFromDir, type SyncReport, type SyncCounts } from './sync';
