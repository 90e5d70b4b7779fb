/**
 * Numeric address order: IPv4 before IPv6, then by octets / hextets — never as strings
 * ("10.0.0.9" < "10.0.0.10"). Unparseable text sorts after addresses, by text.
 */
export function addressKey(address: string): number[] | null {
  const bare = address.replace(/^\[|\]$/g, '').replace(/%.*$/, '');
  if (/^\d{1,3}(\.\d{1,3}){3}$/.test(bare)) return [4, ...bare.split('.').map(Number)];
  if (!bare.includes(':')) return null;
  // Embedded IPv4 (::ffff:1.2.3.4) becomes two hextets, then it is plain IPv6.
  const text = bare.replace(/(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})$/, (_m, a: string, b: string, c: string, d: string) =>
    `${((Number(a) << 8) | Number(b)).toString(16)}:${((Number(c) << 8) | Number(d)).toString(16)}`,
  );
  const parts = text.split('::');
  if (parts.length > 2) return null;
  const parse = (s: string): number[] => (s === '' ? [] : s.split(':').filter((h) => h !== '').map((h) => parseInt(h, 16)));
  const head = parse(parts[0]);
  const rest = parts.length === 2 ? parse(parts[1]) : [];
  const fill = 8 - head.length - rest.length;
  if (fill < 0 || (parts.length === 1 && fill !== 0)) return null;
  const groups = [...head, ...new Array<number>(fill).fill(0), ...rest];
  if (groups.some((g) => !Number.isInteger(g) || g < 0 || g > 0xffff)) return null;
  return [6, ...groups];
}

export function compareAddress(a: string | null, b: string | null): number {
  if (a === b) return 0;
  if (a === null || a === '') return 1;
  if (b === null || b === '') return -1;
  const ka = addressKey(a);
  const kb = addressKey(b);
  if (!ka || !kb) return ka ? -1 : kb ? 1 : a.localeCompare(b);
  for (let i = 0; i < Math.max(ka.length, kb.length); i++) {
    const d = (ka[i] ?? -1) - (kb[i] ?? -1);
    if (d !== 0) return d;
  }
  return 0;
}

/** Nulls last, numbers numerically. */
export function compareNumber(a: number | null, b: number | null): number {
  if (a === b) return 0;
  if (a === null) return 1;
  if (b === null) return -1;
  return a - b;
}

export function compareText(a: string | null, b: string | null): number {
  if (a === b) return 0;
  if (a === null || a === '') return 1;
  if (b === null || b === '') return -1;
  return a.localeCompare(b, undefined, { sensitivity: 'base', numeric: true });
}
