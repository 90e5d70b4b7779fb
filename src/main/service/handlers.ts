import type { ApiInput, ApiMethod, ApiOutput, PushEvent } from '../../shared/api';
import type { Result } from '../../shared/result';

/** One handler per API method; each area supplies a slice of these. */
export type Handlers = { [M in ApiMethod]: (input: ApiInput<M>) => Promise<Result<ApiOutput<M>>> };

/** Push an event to every subscribed face (IPC window, WebSocket clients). */
export type Emit = (event: PushEvent) => void;
