import { describe, expect, it } from 'vitest';
import { renderToStaticMarkup } from 'react-dom/server';
import { createRef } from 'react';
import { DetailsPane, type DetailsPaneProps } from '../../../src/renderer/src/components/DetailsPane';
import { StatusBar } from '../../../src/renderer/src/components/StatusBar';
import { PortSearch } from '../../../src/renderer/src/components/PortSearch';
import { AuditLogView, auditResultKind } from '../../../src/renderer/src/components/AuditLog';
import { parseGraceSeconds, pinnedStartKey } from '../../../src/renderer/src/components/ActionDialog';
import { ActionOutcome, type ActionOutcomeProps } from '../../../src/renderer/src/components/ActionOutcome';
import type { KillOutcome } from '../../../src/shared/actions';
import type { PortDescription } from '../../../src/shared/catalog/types';
import { makeRow } from './make-row';

const noop = (): void => {};
const rdp: PortDescription = {
  port: 3389,
  protocol: 'tcp',
  range: 'well-known',
  meanings: [
    { name: 'ms-wbt-server', description: 'MS WBT Server', source: 'IANA' },
    { name: 'Remote Desktop', description: 'Remote Desktop Protocol', source: 'Microsoft service overview', windowsServices: ['TermService'], typicalProcesses: ['svchost.exe'] },
  ],
};
const suspicious = makeRow({
  localPort: 3389,
  processName: 'python.exe',
  owners: [{ pid: 777, processName: 'python.exe' }],
  pid: 777,
  ownerVerdict: { verdict: 'unexpected', reason: '3389/tcp is normally TermService in svchost.exe' },
});
const details = (over: Partial<DetailsPaneProps> = {}): string =>
  renderToStaticMarkup(
    <DetailsPane row={suspicious} status="steady" descriptions={[rdp]} killReason={null} closeReason="Only established TCP connections can be closed." openReason={null} onKill={noop} onClose={noop} onOpenFolder={noop} onCopy={noop} {...over} />,
  );

describe('presentational components', () => {
  it('details pane: bidi overrides and control characters in a process name and path show as ?', () => {
    const hostile = makeRow({ ...suspicious, processName: 'safe\u202eexe.sh', processPath: '/tmp/a\u001b]0;x\u0007', processCommand: 'run\u2066me' });
    const html = details({ row: hostile });
    for (const unsafe of ['\u202e', '\u2066', '\u001b', '\u0007']) expect(html).not.toContain(unsafe);
    expect(html).toContain('safe?exe.sh');
    expect(html).toContain('/tmp/a?]0;x?');
    expect(html).toContain('run?me');
  });

  it('details pane: unexpected-owner warning, every meaning with its source, process facts', () => {
    const html = details();
    expect(html).toContain('data-testid="verdict-warning"');
    expect(html).toContain('3389/tcp is normally TermService in svchost.exe');
    expect(html).toContain('ms-wbt-server');
    expect(html).toContain('Microsoft service overview');
    expect(html).toContain('usually svchost.exe');
    expect(html).toContain('/usr/sbin/nginx');
    expect(html).toMatch(/data-testid="details-close"[^>]*disabled|disabled=""[^>]*data-testid="details-close"/);
  });

  it('details pane: a meaning without typical processes or services renders no stray "0"', () => {
    const bare: PortDescription = { port: 8443, protocol: 'tcp', range: 'registered', meanings: [{ name: 'alt-https', description: 'HTTPS alternate', source: 'IANA', typicalProcesses: [], windowsServices: [] }] };
    const html = details({ descriptions: [bare] });
    expect(html).toContain('alt-https');
    expect(html).not.toMatch(/<span class="source">IANA<\/span>0/);
    expect(html).toContain('<span class="source">IANA</span></li>');
  });

  it('details pane without a selection explains what to do', () => {
    expect(details({ row: null })).toContain('Select a row');
  });

  it('status bar: counts per state, refresh cost, owners hidden', () => {
    const html = renderToStaticMarkup(
      <StatusBar total={12} shown={3} counts={[['LISTEN', 2], ['ESTABLISHED', 10]]} takenAt="2024-01-01T00:00:00.000Z" costMs={23.4} source="ss" refreshMs={0} seq={5} ownersHidden="run as root" connection="open" error={null} />,
    );
    expect(html).toContain('data-testid="count-LISTEN"');
    expect(html).toContain('in 23 ms');
    expect(html).toContain('Paused');
    expect(html).toContain('owners hidden — run elevated to see them');
  });

  it('port search shows the owner, the meaning and a kill button with its reason', () => {
    const rows = [{ row: suspicious, status: 'steady' as const, statusAt: 0, firstSeq: 1 }];
    const html = renderToStaticMarkup(
      <PortSearch query="3389" onQuery={noop} rows={rows} descriptions={[rdp]} killReason={() => 'not allowed here'} onKill={noop} onCopy={noop} onSelect={noop} onShowAll={noop} inputRef={createRef()} />,
    );
    expect(html).toContain('python.exe');
    expect(html).toContain('777');
    expect(html).toContain('ms-wbt-server');
    expect(html).toContain('title="not allowed here"');
    expect(html).toContain('⚠ 3389/tcp is normally TermService');
  });
});

describe('audit log view', () => {
  it('lists time, action, target and result, newest first as given', () => {
    const entries = [
      { time: '2024-05-01T10:00:02.000Z', action: 'kill', target: 'pid 4242 node', result: 'ended: ended' },
      { time: '2024-05-01T10:00:01.000Z', action: 'close', target: 'tcp 127.0.0.1:5000 → 127.0.0.1:6000', result: 'permission-denied: needs administrator' },
    ];
    const html = renderToStaticMarkup(<AuditLogView entries={entries} error={null} loading={false} onRefresh={noop} />);
    expect(html.match(/data-testid="audit-row"/g)).toHaveLength(2);
    expect(html.indexOf('pid 4242 node')).toBeLessThan(html.indexOf('tcp 127.0.0.1:5000'));
    expect(html).toContain('data-action="kill"');
    expect(html).toContain('ended: ended');
    expect(html).toContain('class="error-text">permission-denied');
    expect(renderToStaticMarkup(<AuditLogView entries={[]} error={null} loading={false} onRefresh={noop} />)).toContain('No actions recorded yet');
    expect(renderToStaticMarkup(<AuditLogView entries={null} error="auditLog failed: EACCES" loading={false} onRefresh={noop} />)).toContain('auditLog failed: EACCES');
    expect(auditResultKind('restarted: restarted by nginx.service as pid 9')).toBe('ok');
    expect(auditResultKind('refused-stale: refused')).toBe('error');
  });
});

describe('kill dialog helpers', () => {
  it('grace time: seconds 0…600 to ms, anything else is invalid', () => {
    expect(parseGraceSeconds('5')).toBe(5000);
    expect(parseGraceSeconds(' 2.5 ')).toBe(2500);
    expect(parseGraceSeconds('0,5')).toBe(500);
    expect(parseGraceSeconds('0')).toBe(0);
    expect(parseGraceSeconds('600')).toBe(600_000);
    for (const bad of ['', '-1', '601', 'abc', '1e3']) expect(parseGraceSeconds(bad), bad).toBeNull();
  });
  it('the kill is pinned to the fingerprint on the row the user saw, not the later plan’s', () => {
    const plan: KillOutcome = {
      result: 'planned',
      message: '',
      targets: [{ pid: 100, name: 'nginx', path: null, startKey: 'plan-key', ports: [], children: [], services: [] }],
    };
    expect(pinnedStartKey({ pid: 100, processStartKey: 'row-key' }, plan)).toBe('row-key');
    expect(pinnedStartKey({ pid: 100, processStartKey: null }, plan)).toBe('plan-key'); // rows without one
    expect(pinnedStartKey({ pid: 100, processStartKey: undefined }, undefined)).toBeNull();
  });
});

describe('action outcome (kill / close and service stop)', () => {
  const outcome = (over: Partial<ActionOutcomeProps> = {}): string =>
    renderToStaticMarkup(<ActionOutcome testIdPrefix="action" message="ended pid 42" failed={false} onRetryElevated={noop} onClose={noop} {...over} />);

  it('shows main’s message as success or failure, then Close', () => {
    expect(outcome()).toMatch(/^<p class="ok-text" data-testid="action-outcome">ended pid 42<\/p><div class="modal-buttons"><button[^>]*data-testid="action-close">Close<\/button><\/div>$/);
    expect(outcome({ failed: true, testIdPrefix: 'service-stop' })).toContain('<p class="error-text" data-testid="service-stop-outcome">');
  });

  it('offers "Try again as administrator" only after a failure for missing rights; extra content sits before the buttons', () => {
    expect(outcome({ failed: true, needsElevation: true })).toContain('data-testid="action-retry-elevated"');
    expect(outcome({ failed: true })).not.toContain('retry-elevated');
    expect(outcome({ needsElevation: true })).not.toContain('retry-elevated');
    expect(outcome({ children: <div data-testid="note" /> })).toMatch(/<\/p><div data-testid="note"><\/div><div class="modal-buttons">/);
  });
});
