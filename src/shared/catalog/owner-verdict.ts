/**
 * Expected-owner verdicts: is the process holding a port the one that normally does?
 * "unexpected" is reserved for system ports held by something else (3389 by python.exe);
 * conventional ports (5432 by node) only get "unknown" with what is usual.
 */
import type { OwnerVerdict } from '../types';
import { EXPECTED_OWNERS, PORT_FORWARDERS, SERVICE_HOSTS } from './expected-owners';
import type { CatalogPlatform, CatalogProtocol, OwnerExpectation, OwnerFacts } from './types';

const PLATFORM_NAMES: Record<CatalogPlatform, string> = { win32: 'Windows', linux: 'Linux', darwin: 'macOS' };
/** Linux `comm` (what ss/ps show) is cut to 15 characters. */
const LINUX_COMM_LENGTH = 15;

let table: Map<string, OwnerExpectation[]> | null = null;
/** "Remote Desktop: TermService in svchost.exe" per platform:port/protocol, built on first use. */
const usualText = new Map<string, string>();

const tableKey = (platform: CatalogPlatform, port: number, protocol: CatalogProtocol): string => `${platform}:${port}/${protocol}`;

function expectationTable(): Map<string, OwnerExpectation[]> {
  if (table) return table;
  const built = new Map<string, OwnerExpectation[]>();
  for (const exp of EXPECTED_OWNERS) {
    for (const platform of exp.platforms) {
      for (const protocol of exp.protocols) {
        const k = tableKey(platform, exp.port, protocol);
        built.set(k, [...(built.get(k) ?? []), exp]);
      }
    }
  }
  return (table = built);
}

/** The usual owners of a port on a platform (empty when the catalog has no opinion). */
export function expectedOwners(port: number, protocol: CatalogProtocol, platform: CatalogPlatform): readonly OwnerExpectation[] {
  return expectationTable().get(tableKey(platform, port, protocol)) ?? [];
}

/** Lower-case, without directory and `.exe`, so "C:\\…\\SvcHost.EXE" and "svchost" compare equal. */
export function normalizeProcessName(name: string): string {
  const base = name.split(/[\\/]/).pop() ?? name;
  return base.toLowerCase().replace(/\.exe$/, '');
}

function nameMatches(actual: string, expected: string): boolean {
  const want = expected.toLowerCase();
  if (actual === want) return true;
  return actual.length === LINUX_COMM_LENGTH && want.startsWith(actual);
}

function displayName(process: string, platform: CatalogPlatform): string {
  return platform === 'win32' && !process.includes('.') ? `${process}.exe` : process;
}

/** "TermService in svchost.exe", "System (pid 4) or nginx.exe", "sshd, systemd or launchd". */
export function describeExpectation(exp: OwnerExpectation, platform: CatalogPlatform): string {
  const owners: string[] = [];
  if (exp.systemPid4) owners.push('System (pid 4)');
  for (const process of exp.processes) {
    const shown = displayName(process, platform);
    const hostsServices = exp.services?.length && SERVICE_HOSTS.includes(process.toLowerCase());
    owners.push(hostsServices ? `${exp.services?.join('/')} in ${shown}` : shown);
  }
  if (owners.length === 0 && exp.services?.length) owners.push(exp.services.join('/'));
  if (owners.length <= 1) return owners[0] ?? 'nobody known';
  return `${owners.slice(0, -1).join(', ')} or ${owners[owners.length - 1]}`;
}

type Match = 'match' | 'no-match' | 'host-unknown-services';

function matchExpectation(exp: OwnerExpectation, name: string | null, facts: OwnerFacts): Match {
  const services = facts.services.map((s) => s.toLowerCase());
  const wanted = (exp.services ?? []).map((s) => s.toLowerCase());
  if (exp.systemPid4 && (facts.pid === 4 || name === 'system')) return 'match';
  if (wanted.length && services.some((s) => wanted.includes(s))) return 'match';
  if (name === null) return 'no-match';
  if (!exp.processes.some((p) => nameMatches(name, p))) return 'no-match';
  if (wanted.length && SERVICE_HOSTS.includes(name)) return services.length === 0 ? 'host-unknown-services' : 'no-match';
  return 'match';
}

function ownerText(facts: OwnerFacts): string {
  const name = facts.processName ?? 'an unnamed process';
  const pid = facts.pid !== null ? ` (pid ${facts.pid})` : '';
  const services = facts.services.length ? ` hosting ${facts.services.join(', ')}` : '';
  return `${name}${pid}${services}`;
}

export function ownerVerdict(port: number, protocol: CatalogProtocol, facts: OwnerFacts): OwnerVerdict {
  const label = `${port}/${protocol}`;
  const expectations = expectedOwners(port, protocol, facts.platform);
  if (expectations.length === 0) {
    return { verdict: 'unknown', reason: `No usual owner is recorded for ${label} on ${PLATFORM_NAMES[facts.platform]}.` };
  }
  const usualKey = tableKey(facts.platform, port, protocol);
  let usual = usualText.get(usualKey);
  if (usual === undefined) {
    usual = expectations.map((e) => `${e.label}: ${describeExpectation(e, facts.platform)}`).join('; ');
    usualText.set(usualKey, usual);
  }
  const name = facts.processName ? normalizeProcessName(facts.processName) : null;
  if (facts.pid === 0) {
    return { verdict: 'unknown', reason: `No process holds ${label} any more (pid 0: a closing connection kept by the kernel); normally ${usual}.` };
  }
  if (name === null && facts.pid === null && facts.services.length === 0) {
    return { verdict: 'unknown', reason: `The owner of ${label} is hidden; normally ${usual}.` };
  }
  if (name !== null && PORT_FORWARDERS.some((f) => nameMatches(name, f))) {
    return { verdict: 'unknown', reason: `${facts.processName} forwards ${label} to a container or VM; the real owner is behind it (normally ${usual}).` };
  }
  for (const exp of expectations) {
    const match = matchExpectation(exp, name, facts);
    if (match === 'match') return { verdict: 'expected', reason: `${ownerText(facts)} is the usual owner of ${label} (${exp.label}).` };
    if (match === 'host-unknown-services') {
      return { verdict: 'expected', reason: `${ownerText(facts)} is the usual host of ${label} (${exp.label}: ${describeExpectation(exp, facts.platform)}); its hosted services are not known.` };
    }
  }
  if (expectations.some((e) => e.strict)) {
    return {
      verdict: 'unexpected',
      reason: `Warning: ${label} is normally ${usual}, but ${ownerText(facts)} holds it. Check that this program should be serving this port.`,
    };
  }
  return { verdict: 'unknown', reason: `${label} is usually ${usual}; here it is ${ownerText(facts)}.` };
}
