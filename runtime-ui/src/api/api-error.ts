/** An answer the server refused, with its stable code; or the network failing (status 0). */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly details: Record<string, unknown> = {},
  ) {
    super(message);
  }

  /** Issues carried by validation errors: JSON pointer path, code, message. */
  get issues(): { path: string; code: string; message: string }[] {
    return Array.isArray(this.details.issues) ? (this.details.issues as { path: string; code: string; message: string }[]) : [];
  }
}
