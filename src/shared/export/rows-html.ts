/**
 * Socket rows as one self-contained HTML document (no scripts, inline styles only), like CurrPorts'
 * "HTML report": opens in any browser, prints, mails. Every value is escaped.
 */
import type { SocketRow } from '../types';

export interface HtmlColumn {
  header: string;
  value: (row: SocketRow) => string | number | null;
}

const endpoint = (address: string | null, port: number | null): string =>
  address === null ? '' : `${address.includes(':') ? `[${address}]` : address}${port === null ? '' : `:${port}`}`;

const DEFAULT_HTML_COLUMNS: HtmlColumn[] = [
  { header: 'Process', value: (r) => r.processName },
  { header: 'PID', value: (r) => r.pid },
  { header: 'Protocol', value: (r) => `${r.protocol.toUpperCase()}${r.family === 6 ? 'v6' : ''}` },
  { header: 'Local', value: (r) => endpoint(r.localAddress, r.localPort) },
  { header: 'Remote', value: (r) => endpoint(r.remoteAddress, r.remotePort) },
  { header: 'State', value: (r) => r.state },
  { header: 'Meaning', value: (r) => (r.meaning ? `${r.meaning.name} — ${r.meaning.description}` : null) },
  { header: 'User', value: (r) => r.user },
  { header: 'Path', value: (r) => r.processPath },
  { header: 'Services', value: (r) => r.services.join(', ') },
  { header: 'Started', value: (r) => r.processStarted },
];

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] ?? c);
}

export function rowsToHtml(
  rows: readonly SocketRow[],
  columns: readonly HtmlColumn[] = DEFAULT_HTML_COLUMNS,
  options: { title?: string; generatedAt?: string } = {},
): string {
  const title = options.title ?? 'PortScope sockets';
  const head = columns.map((c) => `<th>${escapeHtml(c.header)}</th>`).join('');
  const body = rows
    .map((row) => `<tr>${columns.map((c) => `<td>${escapeHtml(String(c.value(row) ?? ''))}</td>`).join('')}</tr>`)
    .join('\n');
  const note = `${rows.length} row${rows.length === 1 ? '' : 's'}${options.generatedAt ? ` · ${escapeHtml(options.generatedAt)}` : ''}`;
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>${escapeHtml(title)}</title>
<style>
body{font:13px system-ui,sans-serif;margin:16px;color:#1b1f24}
table{border-collapse:collapse;width:100%}
th,td{border:1px solid #d0d7de;padding:3px 6px;text-align:left;white-space:nowrap}
th{background:#f3f5f7}
tr:nth-child(even) td{background:#fafbfc}
</style></head>
<body><h1 style="font-size:16px">${escapeHtml(title)}</h1><p>${note}</p>
<table><thead><tr>${head}</tr></thead>
<tbody>
${body}
</tbody></table></body></html>
`;
}
