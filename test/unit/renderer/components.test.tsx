import { describe, expect, it } from 'vitest';
import { renderToStaticMarkup } from 'react-dom/server';
import { createRef } from 'react';
import { DetailsPane, type DetailsPaneProps } from '../../../src/renderer/src/components/DetailsPane';
import { StatusBar } from '../../../src/renderer/src/components/StatusBar';
import { PortSearch } from '../../../src/renderer/src/components/PortSearch';
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
