/** Stable error codes: clients branch on these, and each has a message in both catalogues (errors.<code>). */
export const errorStatus = {
  VALIDATION_FAILED: 400,
  BAD_REQUEST: 400,
  INVALID_JSON: 400,
  UNAUTHENTICATED: 401,
  INVALID_CREDENTIALS: 401,
  FORBIDDEN: 403,
  CSRF_FAILED: 403,
  NOT_FOUND: 404,
  METHOD_NOT_ALLOWED: 405,
  CONFLICT: 409,
  DRAFT_EXISTS: 409,
  VERSION_NOT_EDITABLE: 409,
  PAYLOAD_TOO_LARGE: 413,
  UNSUPPORTED_MEDIA_TYPE: 415,
  RATE_LIMITED: 429,
  SIGN_IN_THROTTLED: 429,
  OIDC_NOT_CONFIGURED: 404,
  OIDC_FAILED: 400,
  INTERNAL: 500,
  UNAVAILABLE: 503,
  CHAT_CLOSED: 409,
  CHAT_QUEUE_FULL: 409,
  CHAT_TOO_MANY_WAITING: 429,
} as const;

export type ErrorCode = keyof typeof errorStatus;

export type FieldIssue = { path: string; code: string; message?: string; params?: Record<string, unknown> };

export class AppError extends Error {
  readonly status: number;
  constructor(
    readonly code: ErrorCode,
    readonly params: Record<string, unknown> = {},
    readonly issues?: FieldIssue[],
  ) {
    super(code);
    this.name = 'AppError';
    this.status = errorStatus[code];
  }
}

export const notFound = (params: Record<string, unknown> = {}) => new AppError('NOT_FOUND', params);
export const forbidden = () => new AppError('FORBIDDEN');
export const conflict = (params: Record<string, unknown> = {}) => new AppError('CONFLICT', params);
export const badRequest = (params: Record<string, unknown> = {}, issues?: FieldIssue[]) =>
  new AppError('BAD_REQUEST', params, issues);
