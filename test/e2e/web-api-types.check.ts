// Checked by `npm run typecheck`, never run: the Mini App's wire types (apps/web/src/api/types.ts) must be the
// JSON form of the API's zod schemas. A field renamed, added or retyped on one side only is a type error here.
import type { z } from 'zod';
import type { authOptions } from '../../apps/api/src/routes/auth/dev-schema';
import type { session } from '../../apps/api/src/routes/auth/schema';
import type { courseDetail, courseList } from '../../apps/api/src/routes/courses/schema';
import type { attemptBody, attemptResult, lesson } from '../../apps/api/src/routes/lessons/schema';
import type { progressSummary } from '../../apps/api/src/routes/me/schema';
import type * as Web from '../../apps/web/src/api/types';

/** What JSON.stringify makes of a schema's output: dates become strings. */
type Json<T> = T extends Date ? string : T extends readonly (infer U)[] ? Json<U>[] : T extends object ? { [K in keyof T]: Json<T[K]> } : T;
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
type Wire<S extends z.ZodType> = Json<z.output<S>>;

export const webApiTypesMatch: [
  Same<Wire<typeof session>, Web.Session>,
  Same<Wire<typeof authOptions>, Web.AuthOptions>,
  Same<Wire<typeof courseList>, Web.CourseList>,
  Same<Wire<typeof courseDetail>, Web.CourseDetail>,
  Same<Wire<typeof lesson>, Web.Lesson>,
  Same<z.input<typeof attemptBody>['answers'][number], Web.Answer>,
  Same<Wire<typeof attemptResult>, Web.AttemptResult>,
  Same<Wire<typeof progressSummary>, Web.ProgressSummary>,
] = [true, true, true, true, true, true, true, true];
