import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { findCourse, listCourses, notFound, presentCourse, presentCourseWithLessons } from '@academy/core';
import type { AppDeps } from '../../deps';
import { localeQuery, pickLocale } from '../../http/locale';
import { courseDetail, courseList, courseParams } from './schema';

export const courseRoutes: FastifyPluginAsyncZod<AppDeps> = async (app, deps) => {
  const catalogue = { db: deps.db.read, cache: deps.cache };

  app.get(
    '/api/v1/courses',
    { schema: { tags: ['catalogue'], summary: 'All published courses, in order', querystring: localeQuery, response: { 200: courseList } } },
    async (request) => {
      const locale = pickLocale(request, request.query.locale);
      const courses = await listCourses(catalogue);
      return { locale, courses: courses.map((course) => presentCourse(course, locale)) };
    },
  );

  app.get(
    '/api/v1/courses/:courseId',
    { schema: { tags: ['catalogue'], summary: 'One course with its lessons', params: courseParams, querystring: localeQuery, response: { 200: courseDetail } } },
    async (request) => {
      const course = await findCourse(catalogue, request.params.courseId);
      if (!course) throw notFound('Course', request.params.courseId);
      return presentCourseWithLessons(course, pickLocale(request, request.query.locale));
    },
  );
};
