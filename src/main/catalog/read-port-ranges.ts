/** Thin runners: read the OS's ephemeral range and Windows' excluded port ranges. */
import { readFile } from 'node:fs/promises';
import { runTool } from '../lib/exec';
import { err, ok, type Result } from '../../shared/result';
import type { CatalogPlatform, CatalogProtocol, EphemeralRange } from '../../shared/catalog/types';
import {
  mergeExcludedPortRanges,
  parseExcludedPortRanges,
  parseLinuxPortRange,
  parseNetshDynamicPort,
  parseSysctlPortRange,
  type ExcludedPortRange,
} from './parse-port-ranges';
import { decodeToolOutput } from './decode-tool-output';

const TOOL_TIMEOUT_MS = 5_000;

async function runText(tool: string, args: readonly string[]): Promise<Result<string>> {
  try {
    const output = await runTool(tool, args, { timeoutMs: TOOL_TIMEOUT_MS });
    if (!output) return err('UNSUPPORTED', `${tool} is not installed or not on PATH.`);
    if (output.exitCode !== 0) {
      const why = decodeToolOutput(output.stderr).trim() || decodeToolOutput(output.stdout).trim();
      return err('FAILED', `${tool} ${args.join(' ')} failed${why ? `: ${why}` : ''}.`);
    }
    return ok(decodeToolOutput(output.stdout));
  } catch (error) {
    return err('FAILED', `Could not run ${tool}: ${error instanceof Error ? error.message : String(error)}.`);
  }
}

function parsed(value: EphemeralRange | null, what: string): Result<EphemeralRange> {
  return value ? ok(value) : err('FAILED', `Could not read the ephemeral port range from ${what}.`);
}

const EPHEMERAL_READERS: Record<CatalogPlatform, () => Promise<Result<EphemeralRange>>> = {
  linux: async () => {
    const file = '/proc/sys/net/ipv4/ip_local_port_range';
    try {
      return parsed(parseLinuxPortRange(await readFile(file, 'utf8')), file);
    } catch (error) {
      return err('FAILED', `Could not read ${file}: ${error instanceof Error ? error.message : String(error)}.`);
    }
  },
  win32: async () => {
    const text = await runText('netsh', ['int', 'ipv4', 'show', 'dynamicport', 'tcp']);
    return text.ok ? parsed(parseNetshDynamicPort(text.value), 'netsh int ipv4 show dynamicport tcp') : text;
  },
  darwin: async () => {
    const text = await runText('sysctl', ['-n', 'net.inet.ip.portrange.first', 'net.inet.ip.portrange.last']);
    return text.ok ? parsed(parseSysctlPortRange(text.value), 'sysctl net.inet.ip.portrange') : text;
  },
};

/** The OS's ephemeral (dynamic) port range as configured on this machine. */
export function readEphemeralRange(platform: CatalogPlatform): Promise<Result<EphemeralRange>> {
  return EPHEMERAL_READERS[platform]();
}

/** Runs netsh; injectable so the IPv4/IPv6 merge is tested with saved outputs on any OS. */
export type NetshRunner = (args: readonly string[]) => Promise<Result<string>>;

const runNetsh: NetshRunner = (args) => runText('netsh', args);

/**
 * Windows only: port ranges reserved so that bind() fails (Hyper-V, WSL, Docker, winnat, admins).
 * IPv4 and IPv6 keep separate tables (`netsh int ipv4|ipv6 show excludedportrange protocol=tcp|udp`);
 * both are read and merged, each range tagged with its families. One table failing still returns the
 * other; an error only when neither could be read.
 */
export async function readExcludedPortRanges(
  protocol: CatalogProtocol = 'tcp',
  options: { platform?: string; netsh?: NetshRunner } = {},
): Promise<Result<ExcludedPortRange[]>> {
  if ((options.platform ?? process.platform) !== 'win32') return err('UNSUPPORTED', 'Excluded port ranges exist only on Windows.');
  const netsh = options.netsh ?? runNetsh;
  const show = (family: 'ipv4' | 'ipv6'): Promise<Result<string>> => netsh(['int', family, 'show', 'excludedportrange', `protocol=${protocol}`]);
  const [ipv4, ipv6] = await Promise.all([show('ipv4'), show('ipv6')]);
  if (!ipv4.ok && !ipv6.ok) return ipv4;
  const table = (text: Result<string>): ExcludedPortRange[] => (text.ok ? parseExcludedPortRanges(text.value) : []);
  return ok(mergeExcludedPortRanges(table(ipv4), table(ipv6)));
}
