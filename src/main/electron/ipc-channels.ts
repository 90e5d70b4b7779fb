/**
 * IPC channel names. The preload (src/preload/channels.ts) holds the same strings because main and
 * preload may not import each other; test/unit/electron keeps the two in step.
 */
import type { ApiMethod } from '../../shared/api';

/** One invoke channel per API method, generated from API_METHODS: `portscope:list`, … */
export const INVOKE_PREFIX = 'portscope:';
/** Main -> renderer push events (PushEvent, plus menu commands). */
export const PUSH_CHANNEL = 'portscope:push';

export const invokeChannel = (method: ApiMethod): string => `${INVOKE_PREFIX}${method}`;
