/**
 * Text forms of addresses read as bytes (/proc/net, the native reader): RFC 5952 IPv6, with dotted IPv4
 * at the end of mapped and compatible addresses, as glibc's inet_ntop (and so ss) prints them.
 */

/** IPv4 from four bytes in network order. */
export function ipv4FromBytes(b: ArrayLike<number>): string {
  return `${b[0]}.${b[1]}.${b[2]}.${b[3]}`;
}

/** RFC 5952 text of a 16-byte IPv6 address (lowercase, longest zero run of >= 2 groups compressed). */
export function ipv6FromBytes(b: ArrayLike<number>): string {
  const groups: number[] = [];
  for (let i = 0; i < 16; i += 2) groups.push(((b[i] ?? 0) << 8) | (b[i + 1] ?? 0));
  // IPv4-mapped (::ffff:a.b.c.d) and IPv4-compatible (::a.b.c.d, the seventh group not zero) end in dotted
  // IPv4: the forms glibc's inet_ntop gives, and so ss.
  if (groups.slice(0, 5).every((g) => g === 0) && groups[5] === 0xffff) {
    return `::ffff:${b[12]}.${b[13]}.${b[14]}.${b[15]}`;
  }
  if (groups.slice(0, 6).every((g) => g === 0) && groups[6] !== 0) {
    return `::${b[12]}.${b[13]}.${b[14]}.${b[15]}`;
  }
  let bestStart = -1;
  let bestLength = 0;
  for (let i = 0; i < 8; ) {
    if (groups[i] !== 0) {
      i++;
      continue;
    }
    let j = i;
    while (j < 8 && groups[j] === 0) j++;
    if (j - i > bestLength) {
      bestStart = i;
      bestLength = j - i;
    }
    i = j;
  }
  const hex = groups.map((g) => g.toString(16));
  if (bestLength < 2) return hex.join(':');
  const head = hex.slice(0, bestStart).join(':');
  const tail = hex.slice(bestStart + bestLength).join(':');
  return `${head}::${tail}`;
}
