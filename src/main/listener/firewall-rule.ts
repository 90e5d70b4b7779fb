/**
 * Windows: a temporary inbound "allow" rule for a test listener's port, added only when the user asked
 * (the UI confirms first), removed when the listener stops. netsh needs an elevated process: we try it
 * directly (works when PortScope already runs as administrator) and otherwise through PowerShell's
 * `Start-Process -Verb RunAs`, which shows the UAC prompt. Thin on purpose: it cannot be tested off Windows;
 * the argv builders are pure and unit-tested.
 */
import { runTool } from '../lib/exec';

export interface FirewallRuleOutcome {
  ruleName: string;
  added: boolean;
  message: string;
}

export interface FirewallRules {
  add(port: number, protocol: 'tcp' | 'udp'): Promise<FirewallRuleOutcome>;
  remove(ruleName: string, port: number, protocol: 'tcp' | 'udp'): Promise<boolean>;
}

export const firewallRuleName = (port: number, protocol: 'tcp' | 'udp'): string => `PortScope test listener ${port}-${protocol}`;

export function netshAddArgs(name: string, port: number, protocol: 'tcp' | 'udp'): string[] {
  return ['advfirewall', 'firewall', 'add', 'rule', `name=${name}`, 'dir=in', 'action=allow', `protocol=${protocol.toUpperCase()}`, `localport=${port}`, 'profile=any'];
}

export function netshDeleteArgs(name: string, port: number, protocol: 'tcp' | 'udp'): string[] {
  return ['advfirewall', 'firewall', 'delete', 'rule', `name=${name}`, `protocol=${protocol.toUpperCase()}`, `localport=${port}`];
}

/**
 * PowerShell that runs netsh elevated and exits with its code. The values come from a port number and
 * a fixed protocol word, never from free text, so quoting them is safe.
 */
export function elevatedPowerShellArgs(netshArgs: string[]): string[] {
  const quoted = netshArgs.map((a) => (a.includes(' ') ? a.replace(/^([^=]+=)(.*)$/, '$1"$2"') : a)).join(' ');
  const script = `$p = Start-Process -FilePath netsh.exe -ArgumentList '${quoted.replace(/'/g, "''")}' -Verb RunAs -Wait -PassThru -WindowStyle Hidden; exit $p.ExitCode`;
  return ['-NoProfile', '-NonInteractive', '-Command', script];
}

async function runNetsh(args: string[]): Promise<boolean> {
  const direct = await runTool('netsh', args, { timeoutMs: 15_000 });
  if (direct?.exitCode === 0) return true;
  const elevated = await runTool('powershell', elevatedPowerShellArgs(args), { timeoutMs: 120_000 });
  return elevated?.exitCode === 0;
}

export function createWindowsFirewallRules(): FirewallRules {
  return {
    async add(port, protocol) {
      const ruleName = firewallRuleName(port, protocol);
      try {
        const added = await runNetsh(netshAddArgs(ruleName, port, protocol));
        return {
          ruleName,
          added,
          message: added
            ? `Inbound rule "${ruleName}" allows ${port}/${protocol}; it is removed when the listener stops.`
            : 'The firewall rule was not added (the elevation prompt was declined, or netsh failed). The listener runs without it.',
        };
      } catch (error) {
        return { ruleName, added: false, message: `The firewall rule was not added: ${error instanceof Error ? error.message : String(error)}` };
      }
    },
    async remove(ruleName, port, protocol) {
      try {
        return await runNetsh(netshDeleteArgs(ruleName, port, protocol));
      } catch {
        return false;
      }
    },
  };
}
