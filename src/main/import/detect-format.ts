/**
 * `--format auto`: which capture format a text is. Each format has a line test; the format whose
 * test matches the most of the first lines wins, so a few odd lines (a banner, a prompt) do not
 * matter. null when nothing matches at all.
 */
import type { ImportFormat } from './formats';
import { isSsState } from '../collectors/linux/ss-states';

const LINE_TESTS: Record<Exclude<ImportFormat, 'get-nettcpconnection'>, (line: string) => boolean> = {
  'netstat-windows': (l) => /^\s*(TCP|UDP)\s+(\[[^\]]+\]|[\d.]+|\*):(\d+|\*)\s+\S+:\S+/.test(l),
  tasklist: (l) => /^"[^"]+","\d+"(,|$)/.test(l.trim()),
  ss: (l) => {
    const t = l.trim().split(/\s+/);
    if (/^Netid\s+State\s+Recv-Q/.test(l.trim()) || /^State\s+Recv-Q\s+Send-Q/.test(l.trim())) return true;
    const state = /^(tcp|udp|raw|u_str|u_dgr)$/.test(t[0] ?? '') ? t[1] : t[0];
    return t.length >= 5 && isSsState(state ?? '') && /^\d+$/.test(t[t[0] === state ? 1 : 2] ?? '');
  },
  'netstat-linux': (l) => /^(tcp|udp)6?\s+\d+\s+\d+\s+\S+:\S+\s+\S+:\S+/.test(l.trim()),
  'proc-net': (l) => /^\s*\d+:\s+[0-9A-Fa-f]{8,32}:[0-9A-Fa-f]{4}\s+[0-9A-Fa-f]{8,32}:[0-9A-Fa-f]{4}\s+[0-9A-Fa-f]{2}\s/.test(l),
  lsof: (l) => /^(p\d+|c.+|f\d+|t(IPv4|IPv6)|P(TCP|UDP)|n.*:.+|TST=\S+)\0?$/.test(l.trim()),
  'netstat-macos': (l) => /^(tcp|udp)(4|6|46)\s+\d+\s+\d+\s+\S+\.\S+\s+\S+/.test(l.trim()),
};

const SAMPLE_LINES = 400;

export function detectFormat(text: string): ImportFormat | null {
  const body = text.replace(/^\uFEFF/, '').trimStart();
  if ((body.startsWith('{') || body.startsWith('[')) && /"LocalPort"\s*:/.test(body.slice(0, 100_000))) return 'get-nettcpconnection';
  const lines = body.split(/\r?\n|\0/, SAMPLE_LINES * 2).filter((l) => l.trim() !== '').slice(0, SAMPLE_LINES);
  let best: ImportFormat | null = null;
  let bestCount = 0;
  for (const [format, test] of Object.entries(LINE_TESTS) as [ImportFormat, (line: string) => boolean][]) {
    let count = 0;
    for (const line of lines) if (test(line)) count++;
    // lsof's one-letter fields are weak evidence alone: require a process line
    if (format === 'lsof' && !lines.some((l) => /^p\d+\0?$/.test(l.trim()))) count = 0;
    if (count > bestCount) {
      best = format;
      bestCount = count;
    }
  }
  return best;
}
