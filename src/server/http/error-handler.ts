import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { hasZodFastifySchemaValidationErrors, isResponseSerializationError } from 'fastify-type-provider-zod';
import { ZodError } from 'zod';
import { AppError, type ErrorCode, errorStatus, type FieldIssue } from './errors';
import { translator } from './i18n';

type ErrorBody = {
  error: { code: ErrorCode; message: string; issues?: { path: string; message: string }[] };
};

function translateIssue(t: ReturnType<typeof translator>, issue: FieldIssue) {
  const key =
    issue.code === 'invalid_format' && issue.params?.format === 'email' ? 'invalid_email' : issue.code;
  const params = issue.params ?? {};
  const message =
    issue.message && !issue.message.startsWith('Invalid') && !issue.message.startsWith('Too')
      ? t(issue.message, {
          ...params,
          defaultValue: t(`validation.${key}`, { ...params, defaultValue: t('validation.default') }),
        })
      : t(`validation.${key}`, { ...params, defaultValue: t('validation.default') });
  return { path: issue.path, message };
}

/**
 * Issues listed in one error response: a form never has this many fields, while a body within the size limit
 * can hold tens of thousands of wrong keys, and a megabyte-sized error would only serve whoever sent them.
 */
export const MAX_ISSUES = 100;

export function sendError(
  request: FastifyRequest,
  reply: FastifyReply,
  code: ErrorCode,
  issues?: FieldIssue[],
  params = {},
) {
  const t = translator(request.locale ?? 'nl');
  const body: ErrorBody = { error: { code, message: t(`errors.${code}`, params) } };
  if (issues?.length)
    body.error.issues = issues.slice(0, MAX_ISSUES).map((issue) => translateIssue(t, issue));
  return reply.code(errorStatus[code]).type('application/json; charset=utf-8').send(body);
}

function zodIssues(
  issues: readonly { path: PropertyKey[]; code: string; message: string; [k: string]: unknown }[],
  prefix = '',
) {
  return issues.map((issue) => {
    const { path, code, message, input: _input, ...params } = issue;
    const joined = path.map(String).join('.');
    const missing = code === 'invalid_type' && issue.input === undefined;
    return {
      path: [prefix, joined].filter(Boolean).join('.'),
      code: missing ? 'required' : code,
      message,
      params,
    } satisfies FieldIssue;
  });
}

/** One error shape for everything; a 5xx never tells the client more than "something went wrong". */
export function installErrorHandling(app: FastifyInstance) {
  app.setErrorHandler((error: FastifyError, request, reply) => {
    if (error instanceof AppError) return sendError(request, reply, error.code, error.issues, error.params);
    if (hasZodFastifySchemaValidationErrors(error)) {
      const issues: FieldIssue[] = error.validation.map((v) => ({
        path: [
          error.validationContext,
          String(v.instancePath ?? '')
            .replace(/^\//, '')
            .replaceAll('/', '.'),
        ]
          .filter(Boolean)
          .join('.'),
        // fastify-type-provider-zod puts the zod issue code in `keyword` and the issue's other fields in `params`.
        code:
          v.keyword === 'invalid_type' && /received undefined$/.test(v.message ?? '')
            ? 'required'
            : v.keyword || 'default',
        message: v.message,
        params: { ...(v.params as Record<string, unknown>), input: undefined },
      }));
      return sendError(request, reply, 'VALIDATION_FAILED', issues);
    }
    if (error instanceof ZodError)
      return sendError(
        request,
        reply,
        'VALIDATION_FAILED',
        zodIssues(error.issues as unknown as Parameters<typeof zodIssues>[0]),
      );
    if (isResponseSerializationError(error)) {
      request.log.error({ err: error, issues: error.cause?.issues }, 'response did not match its schema');
      return sendError(request, reply, 'INTERNAL');
    }
    const status = error.statusCode ?? 500;
    if (
      status === 413 ||
      error.code === 'FST_ERR_CTP_BODY_TOO_LARGE' ||
      error.code === 'FST_REQ_FILE_TOO_LARGE'
    )
      return sendError(request, reply, 'PAYLOAD_TOO_LARGE');
    if (status === 415 || error.code === 'FST_ERR_CTP_INVALID_MEDIA_TYPE')
      return sendError(request, reply, 'UNSUPPORTED_MEDIA_TYPE');
    if (error.code === 'FST_ERR_CTP_INVALID_JSON_BODY' || error instanceof SyntaxError)
      return sendError(request, reply, 'INVALID_JSON');
    if (status === 429) return sendError(request, reply, 'RATE_LIMITED');
    if (status === 405) return sendError(request, reply, 'METHOD_NOT_ALLOWED');
    if (status === 404) return sendError(request, reply, 'NOT_FOUND');
    if (status >= 400 && status < 500) return sendError(request, reply, 'BAD_REQUEST');
    request.log.error({ err: error }, 'unhandled error');
    return sendError(request, reply, 'INTERNAL');
  });
}
