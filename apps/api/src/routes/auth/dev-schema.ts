import { z } from 'zod';

export const authOptions = z.object({
  devSignIn: z.boolean().describe('True only when NODE_ENV=development: POST /api/v1/auth/dev signs in a fixed dev learner'),
});
