/** `portscope describe <port>[/tcp|/udp] … [--json]`: what the catalog knows about ports. */
import { EXIT_NOTHING, EXIT_OK, UsageError, parsePortArg, printJson, type CliCommand } from '../command';
import { describeExpectation, describePorts, expectedOwners } from '../../../shared/catalog/index';
import type { CatalogPlatform, CatalogProtocol, PortDescription, PortMeaning } from '../../../shared/catalog/types';

const RANGE_TEXT = { 'well-known': 'well-known port (0-1023)', registered: 'registered port (1024-49151)', dynamic: 'dynamic port (49152-65535)' } as const;
const PLATFORMS: [CatalogPlatform, string][] = [
  ['win32', 'Windows'],
  ['linux', 'Linux'],
  ['darwin', 'macOS'],
];

/** "80", "80/tcp", "53/UDP" -> port and optional protocol; anything else is a UsageError that says what to give. */
function parsePortSpec(text: string): { port: number; protocol?: CatalogProtocol } {
  const match = /^([^/]*)(?:\/(.*))?$/.exec(text.trim());
  const portText = match?.[1] ?? '';
  const protocolText = match?.[2];
  const port = parsePortArg(portText);
  if (protocolText === undefined) return { port };
  const protocol = protocolText.toLowerCase();
  if (protocol !== 'tcp' && protocol !== 'udp') {
    throw new UsageError(`unknown protocol "${protocolText}" in "${text}": write the port as ${port}, ${port}/tcp or ${port}/udp`);
  }
  return { port, protocol };
}

function meaningLines(meaning: PortMeaning): string[] {
  const services = meaning.windowsServices?.length ? `  [services: ${meaning.windowsServices.join(', ')}]` : '';
  const range = meaning.portRange ? `  (range ${meaning.portRange})` : '';
  const lines = [`  ${meaning.name}${range}${services}`, `      ${meaning.description}`];
  if (meaning.purpose) lines.push(`      purpose: ${meaning.purpose}`);
  if (meaning.typicalProcesses?.length) lines.push(`      typical programs: ${meaning.typicalProcesses.join(', ')}`);
  lines.push(`      source: ${meaning.source}${meaning.product ? ` (${meaning.product})` : ''}`);
  return lines;
}

function formatDescription(d: PortDescription): string {
  const lines = [`${d.port}/${d.protocol}  ${RANGE_TEXT[d.range]}`];
  if (d.meanings.length === 0) lines.push('  nothing known about this port');
  for (const meaning of d.meanings) lines.push(...meaningLines(meaning));
  for (const [platform, name] of PLATFORMS) {
    const owners = expectedOwners(d.port, d.protocol, platform);
    if (owners.length) lines.push(`  usually held on ${name} by: ${owners.map((o) => describeExpectation(o, platform)).join('; ')}`);
  }
  return lines.join('\n');
}

export const describeCommand: CliCommand = {
  name: 'describe',
  summary: 'what the catalog knows about one or more ports',
  help: `Usage: portscope describe <port>[/tcp|/udp] … [--json]

Prints every meaning the port catalog knows for each port, best first, with its source:
Microsoft's Windows port references, the Configuration Manager and SMS 2003 firewall
articles, Lansweeper's port list, common developer ports and IANA's registry.
Also says which program usually holds the port on Windows, Linux and macOS.

  <port>        1-65535; without /tcp or /udp both protocols are described
  --json        print [{port, protocol, range, meanings: [{name, description, source, …}]}]

Examples: portscope describe 3389/tcp   portscope describe 53 445/tcp 5353/udp --json

Exit codes: 0 described, 1 nothing known about any of the ports, 2 bad input.
`,
  options: { json: { type: 'boolean' } },
  async run({ values, positionals, io }) {
    if (positionals.length === 0) throw new UsageError('give at least one port, e.g. portscope describe 3389/tcp');
    const requests = positionals.map(parsePortSpec);
    const descriptions = describePorts(requests);
    if (values.json) printJson(io, descriptions);
    else io.out(descriptions.map(formatDescription).join('\n\n') + '\n');
    return descriptions.some((d) => d.meanings.length > 0) ? EXIT_OK : EXIT_NOTHING;
  },
};
