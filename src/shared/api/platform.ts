import { z } from 'zod';
import { defineApi, route } from './contract';

/** Routes of the platform itself, not of a feature module. */
export const platformApi = defineApi('platform', {
  openapi: route({
    method: 'GET',
    path: '/api/openapi.json',
    access: 'public',
    summary: 'This API as an OpenAPI 3.1 document',
    responses: { 200: z.any() },
  }),
});
