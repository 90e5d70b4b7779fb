/** Results, not throws, across process boundaries (IPC, HTTP, worker). */
export type Ok<T> = { ok: true; value: T };
export type Err = { ok: false; code: ErrorCode; message: string };
export type Result<T> = Ok<T> | Err;

/** Stable error codes; `message` is for people and says what to do. */
export type ErrorCode =
  | 'BAD_INPUT'
  | 'NOT_FOUND'
  | 'REFUSED'
  | 'PERMISSION_DENIED'
  | 'UNSUPPORTED'
  | 'NOT_IMPLEMENTED'
  | 'FAILED'
  | 'TIMEOUT';

export const ok = <T>(value: T): Ok<T> => ({ ok: true, value });
export const err = (code: ErrorCode, message: string): Err => ({ ok: false, code, message });
