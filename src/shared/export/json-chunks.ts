/**
 * The JSON text of a value in pieces, each long array split every `perChunk` items: a 40k-row snapshot
 * can then be written to a socket while the rest is still being serialised (and the event loop breathes
 * between pieces). The pieces joined are exactly JSON.stringify(value) for plain data.
 */
export function* jsonChunks(value: unknown, perChunk = 1000): Generator<string> {
  if (Array.isArray(value) && value.length > perChunk) {
    yield* arrayJsonChunks(value, perChunk, 'compact');
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

export type JsonStyle = 'indented' | 'compact';

/** JSON.stringify in a style: indented by 2, or compact. */
export function stringifyAs(value: unknown, style: JsonStyle): string {
  return style === 'indented' ? JSON.stringify(value, null, 2) : JSON.stringify(value);
}

/**
 * An array's JSON text (`JSON.stringify(items)`, or with an indent of 2) in pieces of `perChunk` items;
 * `end` follows the last piece. Each piece is one slice's text without its brackets.
 */
export function* arrayJsonChunks(items: readonly unknown[], perChunk: number, style: JsonStyle, end = ''): Generator<string> {
  if (items.length === 0) {
    yield `[]${end}`;
    return;
  }
  const indented = style === 'indented';
  const [open, separator, close] = indented ? ['[\n', ',\n', '\n]'] : ['[', ',', ']'];
  for (let i = 0; i < items.length; i += perChunk) {
    const text = stringifyAs(items.slice(i, i + perChunk), style); // undefined items become null, as in one stringify
    const inner = indented ? text.slice(2, -2) : text.slice(1, -1); // without "[\n" "\n]" or "[" "]"
    yield (i === 0 ? open : separator) + inner + (i + perChunk >= items.length ? close + end : '');
  }
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return false;
  const proto = Object.getPrototypeOf(value) as unknown;
  return (proto === Object.prototype || proto === null) && typeof (value as { toJSON?: unknown }).toJSON !== 'function';
}
