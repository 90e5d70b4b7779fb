import type { EventEmitter } from 'node:events';

/** Resolves on the first of `names` that `emitter` emits, and removes every listener it added. */
export function firstEvent(emitter: EventEmitter, names: readonly string[]): Promise<void> {
  return new Promise((resolve) => {
    const done = (): void => {
      for (const name of names) emitter.off(name, done);
      resolve();
    };
    for (const name of names) emitter.once(name, done);
  });
}
