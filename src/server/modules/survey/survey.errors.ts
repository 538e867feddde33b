import { AppError } from '../../http/errors';

/** Refusals of the survey module, each naming the field (or "body") and a translated message key. */
const issue = (path: string, message: string, params: Record<string, unknown> = {}) => ({
  path,
  code: 'custom',
  message,
  params,
});

/** 400: a field's value is not acceptable. */
export const invalid = (path: string, message: string, params: Record<string, unknown> = {}) =>
  new AppError('VALIDATION_FAILED', {}, [issue(path, message, params)]);

/** 409: the record's state does not allow this now. */
export const conflict = (message: string, path = 'body', params: Record<string, unknown> = {}) =>
  new AppError('CONFLICT', {}, [issue(path, message, params)]);
