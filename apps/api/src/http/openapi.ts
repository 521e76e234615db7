import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import type { FastifyInstance } from 'fastify';
import { jsonSchemaTransform } from 'fastify-type-provider-zod';
import { docsContentSecurityPolicy } from './security';

/** OpenAPI generated from the route schemas, browsable at /docs (JSON at /docs/json). */
export async function registerOpenApi(app: FastifyInstance, version: string): Promise<void> {
  await app.register(swagger, {
    openapi: {
      info: {
        title: 'Telegram iOS Academy API',
        description: 'Learn iOS development in Telegram. Errors are application/problem+json with a stable `code`.',
        version,
      },
      components: {
        securitySchemes: {
          learner: { type: 'http', scheme: 'bearer', description: 'Session token from POST /api/v1/auth/telegram' },
          admin: { type: 'http', scheme: 'bearer', description: 'ADMIN_TOKEN' },
          ops: { type: 'http', scheme: 'bearer', description: 'OPS_TOKEN (CI deployment reports, Alertmanager webhook)' },
        },
      },
    },
    transform: jsonSchemaTransform,
  });
  await app.register(swaggerUi, { routePrefix: '/docs', staticCSP: true, transformStaticCSP: docsContentSecurityPolicy });
}
