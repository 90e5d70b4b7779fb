/**
 * IPC channel names, mirrored from src/main/electron/ipc-channels.ts (main and preload may not import
 * each other; test/unit/electron/ipc-channels.test.ts keeps them equal).
 */
export const INVOKE_PREFIX = 'portscope:';
export const PUSH_CHANNEL = 'portscope:push';
