import { describe, expect, it } from 'vitest';
import { elevatedPowerShellArgs, firewallRuleName, netshAddArgs, netshDeleteArgs } from '../../../src/main/listener/firewall-rule';

describe('Windows firewall rule argv', () => {
  const name = firewallRuleName(8080, 'tcp');
  it('adds an inbound allow rule for exactly the port and protocol', () => {
    expect(netshAddArgs(name, 8080, 'tcp')).toEqual([
      'advfirewall', 'firewall', 'add', 'rule', 'name=PortScope test listener 8080-tcp', 'dir=in', 'action=allow', 'protocol=TCP', 'localport=8080', 'profile=any',
    ]);
  });
  it('deletes by name, protocol and port', () => {
    expect(netshDeleteArgs(name, 8080, 'tcp')).toEqual(['advfirewall', 'firewall', 'delete', 'rule', 'name=PortScope test listener 8080-tcp', 'protocol=TCP', 'localport=8080']);
  });
  it('elevates through Start-Process -Verb RunAs, quoting the rule name', () => {
    const args = elevatedPowerShellArgs(netshAddArgs(name, 8080, 'udp'));
    expect(args.slice(0, 3)).toEqual(['-NoProfile', '-NonInteractive', '-Command']);
    expect(args[3]).toContain('-Verb RunAs');
    expect(args[3]).toContain('name="PortScope test listener 8080-tcp"');
    expect(args[3]).toContain('protocol=UDP');
  });
});
