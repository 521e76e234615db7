import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** Where the curriculum lives: one folder per course (see README.md beside this file). */
export const coursesDir = join(dirname(fileURLToPath(import.meta.url)), 'courses');
