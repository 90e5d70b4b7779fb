/**
 * The JSON text of a value in pieces, each long array split every `perChunk` items: a 40k-row snapshot
 * can then be written to a socket while the rest is still being serialised (and the event loop breathes
 * between pieces). The pieces joined are exactly JSON.stringify(value) for plain data.
 */
export function* jsonChunks(value: unknown, perChunk = 1000): Generator<string> {
  if (Array.isArray(value) && value.length > perChunk) {
    for (let i = 0; i < value.length; i += perChunk) {
      const part = JSON.stringify(value.slice(i, i + perChunk)); // undefined items become null, as in one stringify
      yield (i === 0 ? '[' : ',') + part.slice(1, -1) + (i + perChunk >= value.length ? ']' : '');
    }
  } else if (isPlainObject(value)) {
    let first = true;
    yield '{';
    for (const [key, item] of Object.entries(value)) {
      if (item === undefined || typeof item === 'function' || typeof item === 'symbol') continue;
      yield `${first ? '' : ','}${JSON.stringify(key)}:`;
      first = false;
      yield* jsonChunks(item, perChunk);
    }
    yield '}';
  } else {
    yield JSON.stringify(value) ?? 'null';
  }
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return false;
  const proto = Object.getPrototypeOf(value) as unknown;
  return (proto === Object.prototype || proto === null) && typeof (value as { toJSON?: unknown }).toJSON !== 'function';
}
