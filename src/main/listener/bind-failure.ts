/**
 * Why a bind failed, in words a person can act on. A pure function of the facts (errno, port, host,
 * platform, the rows holding the port, Windows excluded ranges, Linux's unprivileged port start), so
 * every explanation is unit-tested on any OS; the I/O that gathers the facts lives in bind-facts.ts.
 */
import type { BindFailure, BindFailureCause } from '../../shared/listener';
import { formatEndpoint } from '../../shared/listener';
import type { SocketRow } from '../../shared/types';
import { findExcludedRange, type ExcludedPortRange } from '../catalog/parse-port-ranges';

export type { ExcludedPortRange };

export type HolderRow = Pick<SocketRow, 'protocol' | 'family' | 'localAddress' | 'localPort' | 'state' | 'pid' | 'processName' | 'id'> &
  Partial<Pick<SocketRow, 'dualStack'>>;

export interface BindFailureFacts {
  /** Node's error code: EADDRINUSE, EACCES, EADDRNOTAVAIL, … */
  errno: string;
  port: number;
  protocol: 'tcp' | 'udp';
  /** The address we tried to bind. */
  host: string;
  platform: string;
  /** Rows of the socket table on this port (any address); the explainer picks the relevant ones. */
  rows: HolderRow[];
  excludedRanges: ExcludedPortRange[];
  /** Linux net.ipv4.ip_unprivileged_port_start; null when unknown (1024 is assumed on Unix). */
  unprivilegedPortStart: number | null;
  /** This machine's addresses. */
  localAddresses: string[];
  /** A port that was test-bound successfully, or null. */
  suggestedPort: number | null;
  /** PortScope's own pid: a holder with it is one of our listeners (or our web server). */
  selfPid?: number;
}

const WILDCARDS = new Set(['0.0.0.0', '::', '*', '']);

const familyOf = (host: string): 4 | 6 => (host.includes(':') ? 6 : 4);

/** fe80::/10, with or without a zone (`fe80::1%eth0`). */
export const isLinkLocalV6 = (host: string): boolean => /^fe[89ab][0-9a-f]:/i.test(host);

/** The families whose excluded ranges block a bind to `host`: both for a dual-stack `::`. */
const bindFamily = (host: string): 4 | 6 | undefined => (host === '::' ? undefined : familyOf(host));

function netshFamilies(range: ExcludedPortRange, host: string): ('ipv4' | 'ipv6')[] {
  const families = range.families ?? [bindFamily(host) ?? 4];
  const wanted = bindFamily(host);
  const relevant = wanted !== undefined && families.includes(wanted) ? [wanted] : families;
  return [...new Set(relevant)].sort().map((f) => (f === 6 ? 'ipv6' : 'ipv4'));
}

/** Does a socket bound at `row` conflict with binding `host` (same port and protocol assumed)? */
function overlaps(host: string, row: HolderRow): boolean {
  const rowWild = WILDCARDS.has(row.localAddress);
  const hostWild = WILDCARDS.has(host);
  if (familyOf(host) === row.family) return hostWild || rowWild || row.localAddress === host;
  // Cross-family conflicts only through a dual-stack wildcard (`::` accepting IPv4 too).
  if (host === '::') return true;
  return row.localAddress === '::' && row.dualStack !== false;
}

/** Rows that hold the port in a way that blocks us: listeners/bound sockets, not connections to elsewhere. */
export function relevantHolders(facts: Pick<BindFailureFacts, 'rows' | 'port' | 'protocol' | 'host'>): HolderRow[] {
  const onPort = facts.rows.filter(
    (r) =>
      r.protocol === facts.protocol &&
      r.localPort === facts.port &&
      (r.protocol === 'udp' || r.state === 'LISTEN' || r.state === 'BOUND'),
  );
  const blocking = onPort.filter((r) => overlaps(facts.host, r));
  const list = blocking.length > 0 ? blocking : onPort;
  // Owners we can name first.
  return [...list].sort((a, b) => Number(b.pid !== null) - Number(a.pid !== null));
}

function holderText(row: HolderRow): string {
  const who = row.pid !== null ? `${row.processName ?? 'an unnamed process'} (pid ${row.pid})` : 'a process whose owner is hidden';
  return `${who} on ${formatEndpoint(row.localAddress || '*', row.localPort)}`;
}

function suggestion(port: number | null): string {
  return port !== null ? `Use a free port instead: ${port} is free right now.` : 'Pick another port (none free was found nearby).';
}

export function explainBindFailure(facts: BindFailureFacts): BindFailure {
  const { errno, port, protocol, host, platform } = facts;
  const label = `${port}/${protocol}`;
  const where = formatEndpoint(host, port);
  const base = { errno, suggestedPort: facts.suggestedPort };
  const make = (cause: BindFailureCause, message: string, advice: string[], extra: Partial<BindFailure> = {}): BindFailure => ({
    ...base,
    cause,
    message,
    advice: [...advice, suggestion(facts.suggestedPort)],
    holder: null,
    ...extra,
  });

  if (errno === 'EINVAL' && isLinkLocalV6(host)) {
    const [bare = host, zone] = host.split('%');
    const scoped = facts.localAddresses.filter((a) => isLinkLocalV6(a) && a.includes('%'));
    const same = scoped.filter((a) => a.toLowerCase().startsWith(`${bare.toLowerCase()}%`));
    const zoneKind = platform === 'win32' ? 'the interface number' : 'the interface name';
    const example = same[0] ?? `${bare}%${platform === 'win32' ? '12' : 'eth0'}`;
    const list = scoped.length > 0 ? ` This machine's link-local addresses: ${scoped.join(', ')}.` : '';
    const message =
      zone === undefined
        ? `${host} is a link-local IPv6 address: the same fe80:: prefix exists on every network interface, so binding it needs the interface as a zone after a %, e.g. ${example}.${list}`
        : `${host}: "${zone}" is not a valid zone for this link-local address; after the % give ${zoneKind}, e.g. ${example}.${list}`;
    return make(
      'link-local-zone',
      message,
      [`Bind ${example} (${zoneKind} after the %), or bind all addresses (::) or a global address instead.`],
      { localAddresses: scoped },
    );
  }

  if (errno === 'EADDRNOTAVAIL') {
    const list = facts.localAddresses.join(', ') || 'none found';
    return make(
      'address-not-local',
      `${host} is not an address of this machine, so nothing here can listen on it. This machine's addresses: ${list}.`,
      ['Bind to all addresses (0.0.0.0 or ::), to loopback, or to one of the addresses listed.'],
      { localAddresses: facts.localAddresses },
    );
  }

  if (errno === 'EAFNOSUPPORT') {
    return make('other', `IPv6 is not available on this machine, so ${where} cannot be bound.`, ['Bind to an IPv4 address such as 0.0.0.0 or 127.0.0.1.']);
  }

  const holders = relevantHolders(facts);
  const holder = holders[0] ?? null;
  const holderField = holder ? { holder: { pid: holder.pid, processName: holder.processName, rowId: holder.id } } : {};

  if (errno === 'EACCES' || errno === 'EPERM') {
    if (platform === 'win32') {
      const range = findExcludedRange(facts.excludedRanges, port, bindFamily(host));
      if (range) {
        const by = range.administered
          ? 'an administrator reserved it (netsh … add excludedportrange)'
          : 'Windows reserves such ranges for Hyper-V, WSL 2, Docker Desktop and WinNAT, often at boot';
        const tables = netshFamilies(range, host);
        const which = range.families ? `${range.families.length > 1 ? 'IPv4 and IPv6' : `IPv${range.families[0] ?? 4}`} excluded port range` : 'excluded port range';
        return make(
          'excluded-range',
          `Port ${label} lies in the ${which} ${range.low}–${range.high}: ${by}. Nothing listens there, but no program may bind it, so Windows answers "access forbidden".`,
          [
            ...tables.map((t) => `See the ranges: netsh int ${t} show excludedportrange protocol=${protocol}`),
            'Free them (admin): net stop winnat, then net start winnat — Windows reserves new ranges, usually elsewhere.',
            ...tables.map((t) => `Keep this port for yourself (admin, while it is free): netsh int ${t} add excludedportrange protocol=${protocol} startport=${port} numberofports=1`),
          ],
          { excludedRange: { start: range.low, end: range.high, ...(range.families ? { families: [...range.families] } : {}) } },
        );
      }
      if (holder) {
        return make(
          'in-use',
          `Port ${label} is held exclusively by ${holderText(holder)}; Windows refuses a second socket on it ("access forbidden").`,
          ['Stop that program, or use another port.'],
          holderField,
        );
      }
      return make(
        'other',
        `Windows refused ${where} ("access forbidden"). Windows does not restrict low ports; this usually means a socket bound with exclusive use that the table cannot show, or security software blocking the bind.`,
        [
          `Check the reserved ranges: netsh int ${familyOf(host) === 6 ? 'ipv6' : 'ipv4'} show excludedportrange protocol=${protocol}`,
          'Try again as administrator to see hidden owners.',
        ],
      );
    }
    const start = facts.unprivilegedPortStart ?? 1024;
    if (port < start) {
      if (platform === 'darwin') {
        return make(
          'privileged',
          `Port ${port} is a privileged port (below 1024). macOS 10.14 and later let ordinary users bind low ports on all addresses (0.0.0.0 / ::), but a specific address such as ${host} still needs root.`,
          ['Bind to all addresses instead of one address.', `Or run with sudo.`],
        );
      }
      return make(
        'privileged',
        `Port ${port} is a privileged port: on Linux only root or a program with CAP_NET_BIND_SERVICE may bind ports below ${start} (net.ipv4.ip_unprivileged_port_start = ${start}).`,
        [
          'Run PortScope as root (sudo), or',
          "give the program the capability: sudo setcap 'cap_net_bind_service=+ep' <path to the executable>, or",
          `lower the limit for everyone: sudo sysctl net.ipv4.ip_unprivileged_port_start=${port}`,
        ],
      );
    }
    return make('other', `The system refused ${where} (${errno}): you lack the permission to bind it.`, ['Run as root/administrator, or pick another port.']);
  }

  if (errno === 'EADDRINUSE') {
    if (holder && holder.family !== familyOf(host) && overlaps(host, holder)) {
      const dual = host === '::' ? 'our dual-stack [::] socket would also take IPv4' : `${holderText(holder)} is dual-stack and already receives IPv4 connections`;
      return make(
        'v4-v6-overlap',
        `Port ${label} is held on IPv${holder.family} by ${holderText(holder)}, and ${dual}, so IPv4 and IPv6 overlap on this port.`,
        host === '::'
          ? [
              `Bind IPv6 only: ::1 or a specific IPv6 address of this machine (unlike [::], these do not take IPv4 too).`,
              `Or stop the IPv4 holder, ${holderText(holder)}, and bind [::] again.`,
            ]
          : [
              `Stop the dual-stack holder, ${holderText(holder)}, or make it listen on IPv6 only: through its [::] socket it holds every IPv4 address on this port.`,
            ],
        holderField,
      );
    }
    if (holder && holder.pid !== null && holder.pid === facts.selfPid) {
      return make(
        'in-use',
        `Port ${label} is already in use by this PortScope (pid ${holder.pid}): one of its own test listeners or its web server holds it.`,
        ['Stop that test listener first, or use another port.'],
        holderField,
      );
    }
    if (holder) {
      return make(
        'in-use',
        `Port ${label} is already in use by ${holderText(holder)}.`,
        [holder.pid !== null ? `Stop it (portscope kill --pid ${holder.pid}) or use another port.` : 'Run as root/administrator to see the owner, or use another port.'],
        holderField,
      );
    }
    return make(
      'in-use',
      `Port ${label} is already in use at ${where}, but the socket table shows no owner (it may belong to another user, or be closing).`,
      ['Run as root/administrator to see every owner, or use another port.'],
    );
  }

  return make('other', `Could not bind ${where}/${protocol}: ${errno}.`, []);
}
