/** Stable error codes, grouped by domain. Clients may rely on these strings. */
export const AuthErrors = {
  AUTH_REQUIRED: 'AUTH_REQUIRED',
  AUTH_INVALID_CREDENTIALS: 'AUTH_INVALID_CREDENTIALS',
  AUTH_TENANT_AMBIGUOUS: 'AUTH_TENANT_AMBIGUOUS',
  AUTH_FORBIDDEN: 'AUTH_FORBIDDEN',
  AUTH_ACCOUNT_LOCKED: 'AUTH_ACCOUNT_LOCKED',
  AUTH_RATE_LIMITED: 'AUTH_RATE_LIMITED',
  AUTH_CSRF_FAILED: 'AUTH_CSRF_FAILED',
  AUTH_CURRENT_PASSWORD_INVALID: 'AUTH_CURRENT_PASSWORD_INVALID',
} as const;

export const MetadataErrors = {
  METADATA_INVALID: 'METADATA_INVALID',
  METADATA_UNSAFE_CHANGE: 'METADATA_UNSAFE_CHANGE',
  METADATA_CONFIRMATION_REQUIRED: 'METADATA_CONFIRMATION_REQUIRED',
  METADATA_VERSION_CONFLICT: 'METADATA_VERSION_CONFLICT',
  METADATA_VERSION_NOT_FOUND: 'METADATA_VERSION_NOT_FOUND',
  OBJECT_NOT_FOUND: 'OBJECT_NOT_FOUND',
  VALUE_SET_NOT_FOUND: 'VALUE_SET_NOT_FOUND',
} as const;

export const RuleErrors = {
  RULE_NOT_COMPILABLE: 'RULE_NOT_COMPILABLE',
  METADATA_RULE_INVALID: 'METADATA_RULE_INVALID',
  METADATA_MAPPING_INVALID: 'METADATA_MAPPING_INVALID',
} as const;

export const RecordErrors = {
  RECORD_NOT_FOUND: 'RECORD_NOT_FOUND',
  RECORD_VALIDATION_FAILED: 'RECORD_VALIDATION_FAILED',
  RECORD_VERSION_CONFLICT: 'RECORD_VERSION_CONFLICT',
  RECORD_VERSION_REQUIRED: 'RECORD_VERSION_REQUIRED',
  RECORD_NOT_UNIQUE: 'RECORD_NOT_UNIQUE',
  RECORD_INVALID_REFERENCE: 'RECORD_INVALID_REFERENCE',
  RECORD_IN_USE: 'RECORD_IN_USE',
  RECORD_INVALID_ID: 'RECORD_INVALID_ID',
  RECORD_RULE_VIOLATION: 'RECORD_RULE_VIOLATION',
  /** A second conversion of the same record (lead conversion). */
  RECORD_ALREADY_CONVERTED: 'RECORD_ALREADY_CONVERTED',
  /** A change to a converted record whose conversion makes it read-only. */
  RECORD_CONVERTED: 'RECORD_CONVERTED',
  /** A conversion request the object's conversion does not allow (unknown or skipped required target, wrong existing record). */
  CONVERSION_INVALID: 'CONVERSION_INVALID',
  /** The object has no active assignment rules to run on demand. */
  ASSIGNMENT_NO_RULES: 'ASSIGNMENT_NO_RULES',
  /** A block duplicate rule matched: the record is not written. */
  RECORD_DUPLICATE: 'RECORD_DUPLICATE',
  /** A warn duplicate rule matched: resend with ?allowDuplicates=true to save anyway. */
  RECORD_DUPLICATE_WARNING: 'RECORD_DUPLICATE_WARNING',
  /** A merge request that cannot be carried out (survivor among the merged, repeats, more than 3). */
  MERGE_INVALID: 'MERGE_INVALID',
} as const;

export const QueryErrors = {
  QUERY_UNKNOWN_FIELD: 'QUERY_UNKNOWN_FIELD',
  QUERY_INVALID_FILTER: 'QUERY_INVALID_FILTER',
  QUERY_INVALID_SORT: 'QUERY_INVALID_SORT',
  QUERY_INVALID_CURSOR: 'QUERY_INVALID_CURSOR',
  QUERY_INVALID_PARAMETER: 'QUERY_INVALID_PARAMETER',
  LIST_VIEW_NOT_FOUND: 'LIST_VIEW_NOT_FOUND',
} as const;

export const RequestErrors = {
  REQUEST_MALFORMED_JSON: 'REQUEST_MALFORMED_JSON',
  REQUEST_TOO_LARGE: 'REQUEST_TOO_LARGE',
  REQUEST_UNSUPPORTED_MEDIA_TYPE: 'REQUEST_UNSUPPORTED_MEDIA_TYPE',
  REQUEST_INVALID: 'REQUEST_INVALID',
  ROUTE_NOT_FOUND: 'ROUTE_NOT_FOUND',
  TOKEN_NOT_FOUND: 'TOKEN_NOT_FOUND',
  USER_NOT_FOUND: 'USER_NOT_FOUND',
  USER_EXISTS: 'USER_EXISTS',
  INTERNAL: 'INTERNAL',
} as const;

/** Who may see and change what: permissions, field-level security, the admin's security model. */
export const SecurityErrors = {
  OBJECT_ACCESS_DENIED: 'OBJECT_ACCESS_DENIED',
  RECORD_ACCESS_DENIED: 'RECORD_ACCESS_DENIED',
  FIELD_NOT_ACCESSIBLE: 'FIELD_NOT_ACCESSIBLE',
  RECORD_OWNER_INVALID: 'RECORD_OWNER_INVALID',
  SECURITY_NOT_FOUND: 'SECURITY_NOT_FOUND',
  SECURITY_INVALID: 'SECURITY_INVALID',
  SECURITY_CYCLE: 'SECURITY_CYCLE',
  SECURITY_IN_USE: 'SECURITY_IN_USE',
  SECURITY_EXISTS: 'SECURITY_EXISTS',
} as const;

/** Web-to-lead forms: the admin API and the public submission endpoint. */
export const WebFormErrors = {
  WEB_FORM_NOT_FOUND: 'WEB_FORM_NOT_FOUND',
  WEB_FORM_INVALID: 'WEB_FORM_INVALID',
  WEB_FORM_KEY_INVALID: 'WEB_FORM_KEY_INVALID',
  WEB_FORM_RATE_LIMITED: 'WEB_FORM_RATE_LIMITED',
} as const;

/** CSV import: the uploaded file, its mapping and the import job. */
export const ImportErrors = {
  IMPORT_FILE_INVALID: 'IMPORT_FILE_INVALID',
  IMPORT_ENCODING_INVALID: 'IMPORT_ENCODING_INVALID',
  IMPORT_FILE_TOO_LARGE: 'IMPORT_FILE_TOO_LARGE',
  IMPORT_MAPPING_INVALID: 'IMPORT_MAPPING_INVALID',
  IMPORT_NOT_FOUND: 'IMPORT_NOT_FOUND',
  IMPORT_STATE_INVALID: 'IMPORT_STATE_INVALID',
} as const;

export const ErrorCodes = {
  ...WebFormErrors,
  ...AuthErrors,
  ...SecurityErrors,
  ...MetadataErrors,
  ...RecordErrors,
  ...QueryErrors,
  ...RuleErrors,
  ...RequestErrors,
  ...ImportErrors,
} as const;

export type ErrorCode = (typeof ErrorCodes)[keyof typeof ErrorCodes];

/** One HTTP status per code; exhaustive so a new code without a status is a compile error. */
export const httpStatusOf: Record<ErrorCode, number> = {
  AUTH_REQUIRED: 401,
  AUTH_INVALID_CREDENTIALS: 401,
  AUTH_TENANT_AMBIGUOUS: 400,
  AUTH_FORBIDDEN: 403,
  AUTH_ACCOUNT_LOCKED: 429,
  AUTH_RATE_LIMITED: 429,
  AUTH_CSRF_FAILED: 403,
  // 400, not 401: the session is fine, so clients must not treat it as signed out.
  AUTH_CURRENT_PASSWORD_INVALID: 400,
  METADATA_INVALID: 400,
  METADATA_UNSAFE_CHANGE: 400,
  METADATA_CONFIRMATION_REQUIRED: 400,
  METADATA_VERSION_CONFLICT: 409,
  METADATA_VERSION_NOT_FOUND: 404,
  OBJECT_NOT_FOUND: 404,
  VALUE_SET_NOT_FOUND: 404,
  RECORD_NOT_FOUND: 404,
  RECORD_VALIDATION_FAILED: 400,
  RECORD_VERSION_CONFLICT: 409,
  RECORD_VERSION_REQUIRED: 428,
  RECORD_NOT_UNIQUE: 409,
  RECORD_INVALID_REFERENCE: 400,
  RECORD_IN_USE: 409,
  RECORD_INVALID_ID: 400,
  RECORD_RULE_VIOLATION: 400,
  RECORD_ALREADY_CONVERTED: 409,
  RECORD_CONVERTED: 409,
  CONVERSION_INVALID: 400,
  ASSIGNMENT_NO_RULES: 400,
  RECORD_DUPLICATE: 409,
  RECORD_DUPLICATE_WARNING: 409,
  MERGE_INVALID: 400,
  QUERY_UNKNOWN_FIELD: 400,
  QUERY_INVALID_FILTER: 400,
  QUERY_INVALID_SORT: 400,
  QUERY_INVALID_CURSOR: 400,
  QUERY_INVALID_PARAMETER: 400,
  LIST_VIEW_NOT_FOUND: 404,
  RULE_NOT_COMPILABLE: 400,
  METADATA_RULE_INVALID: 400,
  METADATA_MAPPING_INVALID: 400,
  REQUEST_MALFORMED_JSON: 400,
  REQUEST_TOO_LARGE: 413,
  REQUEST_UNSUPPORTED_MEDIA_TYPE: 415,
  REQUEST_INVALID: 400,
  ROUTE_NOT_FOUND: 404,
  TOKEN_NOT_FOUND: 404,
  USER_NOT_FOUND: 404,
  USER_EXISTS: 409,
  IMPORT_FILE_INVALID: 400,
  IMPORT_ENCODING_INVALID: 400,
  IMPORT_FILE_TOO_LARGE: 413,
  IMPORT_MAPPING_INVALID: 400,
  IMPORT_NOT_FOUND: 404,
  IMPORT_STATE_INVALID: 409,
  INTERNAL: 500,
  OBJECT_ACCESS_DENIED: 403,
  RECORD_ACCESS_DENIED: 403,
  FIELD_NOT_ACCESSIBLE: 403,
  RECORD_OWNER_INVALID: 400,
  SECURITY_NOT_FOUND: 404,
  SECURITY_INVALID: 400,
  SECURITY_CYCLE: 400,
  SECURITY_IN_USE: 409,
  SECURITY_EXISTS: 409,
  WEB_FORM_NOT_FOUND: 404,
  WEB_FORM_INVALID: 400,
  WEB_FORM_KEY_INVALID: 403,
  WEB_FORM_RATE_LIMITED: 429,
};

/** One problem inside a payload or a metadata document. */
export interface Issue {
  path: string;
  code: string;
  message: string;
  /** The validation rule that refused the value, for RECORD_RULE_VIOLATION. */
  rule?: string;
}

export class AppError extends Error {
  readonly code: ErrorCode;
  readonly details?: Record<string, unknown>;

  constructor(code: ErrorCode, message: string, details?: Record<string, unknown>) {
    super(message);
    this.name = 'AppError';
    this.code = code;
    this.details = details;
  }

  get status(): number {
    return httpStatusOf[this.code];
  }
}

export const isAppError = (e: unknown): e is AppError => e instanceof AppError;

/** Shorthand for a validation-style error carrying `issues`. */
export function issuesError(code: ErrorCode, message: string, issues: Issue[]): AppError {
  return new AppError(code, message, { issues });
}
