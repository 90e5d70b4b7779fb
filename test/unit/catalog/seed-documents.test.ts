/**
 * Every port/protocol pair the five seed documents (../shared/seeds) name, written from reading the
 * documents, not from the data files: [port, protocol, expected words in the meaning or its services].
 * A row passes when describe(port, protocol) has a meaning from that document containing the words.
 */
import { describe as group, expect, it } from 'vitest';
import { describe } from '../../../src/shared/catalog/index';
import type { CatalogProtocol, PortMeaning } from '../../../src/shared/catalog/types';

type Row = [port: number, protocol: CatalogProtocol, words: string];

const MICROSOFT = 'Service overview and network port requirements for Windows';
const WINDOWS_2000 = 'Port Assignments for Commonly Used Services';
const CONFIGMGR = 'Windows Firewall and port settings for clients in System Center Configuration Manager';
const SMS_2003 = 'Ports that Systems Management Server 2003 uses to communicate through a firewall or through a proxy server';
const LANSWEEPER = 'Ports scanned or used by Lansweeper';

const microsoft: Row[] = [
  [21, 'tcp', 'ALG'], // Application Layer Gateway: FTP control TCP 21
  [21, 'tcp', 'MSFTPSVC'],
  [42424, 'tcp', 'ASP.NET'],
  [42424, 'tcp', 'aspnet_state'],
  [3343, 'udp', 'Cluster'],
  [3343, 'tcp', 'node join'],
  [135, 'tcp', 'ClusSvc'],
  [137, 'udp', 'Cluster Administrator'],
  [138, 'udp', 'Browser'],
  [137, 'udp', 'Browser'],
  [139, 'tcp', 'Browser'],
  [67, 'udp', 'DHCPServer'],
  [2535, 'udp', 'MADCAP'],
  [647, 'tcp', 'DHCP Failover'],
  [53, 'udp', 'DNS'],
  [53, 'tcp', 'DNS'],
  [139, 'tcp', 'Eventlog'],
  [445, 'tcp', 'Eventlog'],
  [137, 'udp', 'Eventlog'],
  [138, 'udp', 'Eventlog'],
  [443, 'tcp', 'HTTPFilter'],
  [135, 'tcp', 'WMI'], // Hyper-V service
  [80, 'tcp', 'Kerberos'], // Hyper-V: Kerberos authentication (HTTP)
  [443, 'tcp', 'Certificate-based'],
  [6600, 'tcp', 'Live migration'],
  [445, 'tcp', 'live migration'],
  [3343, 'udp', 'live migration'],
  [1645, 'udp', 'RADIUS'],
  [1646, 'udp', 'RADIUS'],
  [1813, 'udp', 'RADIUS Accounting'],
  [1812, 'udp', 'RADIUS Authentication'],
  [67, 'udp', 'SharedAccess'],
  [53, 'udp', 'SharedAccess'],
  [53, 'tcp', 'SharedAccess'],
  [48885, 'tcp', 'IPAM'],
  [88, 'tcp', 'kdc'],
  [88, 'udp', 'kdc'],
  [464, 'udp', 'Kerberos Password'],
  [464, 'tcp', 'Kerberos Password'],
  [389, 'udp', 'DC Locator'],
  [138, 'udp', 'LicenseService'],
  [139, 'tcp', 'LicenseService'],
  [445, 'tcp', 'LicenseService'],
  [1801, 'tcp', 'MSMQ'],
  [1801, 'udp', 'MSMQ'],
  [2101, 'tcp', 'MSMQ-DCs'],
  [2107, 'tcp', 'MSMQ-Mgmt'],
  [3527, 'udp', 'MSMQ-Ping'],
  [2105, 'tcp', 'MSMQ-RPC'],
  [2103, 'tcp', 'MSMQ-RPC'],
  [135, 'tcp', 'MSMQ'],
  [102, 'tcp', 'X.400'],
  [102, 'tcp', 'MSExchangeMTA'],
  [110, 'tcp', 'POP3SVC'],
  [3389, 'tcp', 'mnmsrvc'], // NetMeeting Remote Desktop Sharing
  [119, 'tcp', 'NNTP'],
  [563, 'tcp', 'NNTP over SSL'],
  [445, 'tcp', 'ProfSvc'],
  [3269, 'tcp', 'Global Catalog'],
  [3268, 'tcp', 'Global Catalog'],
  [389, 'tcp', 'LDAP'],
  [389, 'udp', 'LDAP'],
  [636, 'tcp', 'LDAP SSL'],
  [139, 'tcp', 'SysmonLog'],
  [138, 'udp', 'Spooler'],
  [137, 'udp', 'Spooler'],
  [139, 'tcp', 'Spooler'],
  [445, 'tcp', 'Spooler'],
  [4011, 'udp', 'BINL'],
  [135, 'tcp', 'RpcSs'],
  [593, 'tcp', 'RPC over HTTPS'],
  [138, 'udp', 'RpcSs'],
  [137, 'udp', 'RpcSs'],
  [139, 'tcp', 'RpcSs'],
  [445, 'tcp', 'RpcSs'],
  [138, 'udp', 'RpcLocator'],
  [137, 'udp', 'RpcLocator'],
  [139, 'tcp', 'RpcLocator'],
  [445, 'tcp', 'RpcLocator'],
  [1701, 'udp', 'L2TP'],
  [1723, 'tcp', 'PPTP'],
  [4500, 'udp', 'NAT-T'],
  [500, 'udp', 'ISAKMP'],
  [138, 'udp', 'lanmanserver'],
  [137, 'udp', 'lanmanserver'],
  [139, 'tcp', 'lanmanserver'],
  [445, 'tcp', 'lanmanserver'],
  [80, 'tcp', 'SharePoint'],
  [443, 'tcp', 'SharePoint'],
  [25, 'tcp', 'SMTPSVC'],
  [19, 'tcp', 'Chargen'],
  [19, 'udp', 'Chargen'],
  [13, 'tcp', 'Daytime'],
  [13, 'udp', 'Daytime'],
  [9, 'tcp', 'Discard'],
  [9, 'udp', 'Discard'],
  [7, 'tcp', 'Echo'],
  [7, 'udp', 'Echo'],
  [17, 'tcp', 'Quotd'],
  [17, 'udp', 'SimpTcp'],
  [161, 'udp', 'SNMP'],
  [162, 'udp', 'SNMPTRAP'],
  [1900, 'udp', 'SSDP'],
  [2869, 'tcp', 'SSDP event notification'],
  [5000, 'tcp', 'SSDP legacy event notification'],
  [515, 'tcp', 'LPD'],
  [23, 'tcp', 'TlntSvr'],
  [3389, 'tcp', 'TermService'],
  [3389, 'tcp', 'Remote Desktop'],
  [69, 'udp', 'tftpd'],
  [2869, 'tcp', 'UPNPHost'],
  [137, 'udp', 'WINS'],
  [42, 'tcp', 'WINS Replication'],
  [42, 'udp', 'WINS Replication'],
  [80, 'tcp', 'WMServer'],
  [1755, 'tcp', 'MMS'],
  [1755, 'udp', 'MMS'],
  [2460, 'udp', 'MS Theater'],
  [5005, 'udp', 'RTCP'],
  [5004, 'udp', 'RTP'],
  [554, 'tcp', 'RTSP'],
  [80, 'tcp', 'WinRM'],
  [443, 'tcp', 'WinRM'],
  [5985, 'tcp', 'WinRM'],
  [5986, 'tcp', 'WinRM'],
  [123, 'udp', 'W32Time'],
  [123, 'udp', 'NTP'],
  [80, 'tcp', 'W3SVC'],
  [443, 'tcp', 'W3SVC'],
  [8098, 'tcp', 'administrative'],
  [5722, 'tcp', 'DFSR'],
  // ranges the article names
  [49152, 'tcp', 'RPC'],
  [65535, 'tcp', 'RPC'],
  [1025, 'tcp', 'RPC'],
  [5000, 'tcp', 'passive FTP'],
  [3000, 'tcp', 'ALG'],
  [60000, 'udp', 'ClusSvc'],
  [2000, 'udp', 'ClusSvc'], // Cluster service: random UDP port number between 1024 and 65535
  [1024, 'udp', 'between 1024 and 65535'],
];

const windows2000: Row[] = [
  [138, 'udp', 'NetBT'],
  [137, 'udp', 'Browsing requests'],
  [135, 'tcp', 'Client/Server Communication'],
  [445, 'udp', 'CIFS'],
  [445, 'tcp', 'CIFS'],
  [139, 'tcp', 'CIFS'],
  [560, 'tcp', 'Content Replication'],
  [8001, 'tcp', 'Cybercash Administration'],
  [8002, 'tcp', 'Cybercash Coin Gateway'],
  [8000, 'tcp', 'Cybercash Credit Gateway'],
  [135, 'udp', 'DCOM'],
  [135, 'tcp', 'DCOM'],
  [53, 'udp', 'Domain Name System'],
  [53, 'tcp', 'Domain Name System'],
  [139, 'tcp', 'DNS Administration'],
  [67, 'udp', 'DHCP client'],
  [135, 'tcp', 'DHCP Manager'],
  [68, 'udp', 'DHCP server'],
  [135, 'tcp', 'Exchange Administrator'],
  [137, 'udp', 'File shares name lookup'],
  [139, 'tcp', 'File shares session'],
  [21, 'tcp', 'File Transfer Protocol'],
  [20, 'tcp', 'FTP-data'],
  [80, 'tcp', 'Hypertext Transfer Protocol'],
  [443, 'tcp', 'Secure Sockets Layer'],
  [80, 'tcp', 'Internet Information Services'],
  [500, 'udp', 'Internet Key Exchange'],
  [143, 'tcp', 'Internet Message Access Protocol'],
  [993, 'tcp', 'IMAP (SSL)'],
  [531, 'tcp', 'Internet Relay Chat'],
  [1234, 'tcp', 'ISPMOD'],
  [2053, 'tcp', 'Kerberos de-multiplexer'],
  [543, 'tcp', 'klogin'],
  [464, 'udp', 'kpasswd'],
  [464, 'tcp', 'kpasswd'],
  [88, 'udp', 'krb5'],
  [88, 'tcp', 'krb5'],
  [544, 'tcp', 'kshell'],
  [1701, 'udp', 'Layer Two Tunneling Protocol'],
  [389, 'tcp', 'Lightweight Directory Access Protocol'],
  [636, 'tcp', 'LDAP (SSL)'],
  [137, 'udp', 'Login Sequence'],
  [138, 'udp', 'Login Sequence'],
  [139, 'tcp', 'Login Sequence'],
  [548, 'tcp', 'AFP'],
  [568, 'tcp', 'Membership DPA'],
  [569, 'tcp', 'Membership MSN'],
  [102, 'tcp', 'X.400'],
  [6667, 'tcp', 'Microsoft Chat client to server'],
  [6665, 'tcp', 'Microsoft Chat server to server'],
  [1801, 'udp', 'Message Queue'],
  [1801, 'tcp', 'Message Queue'],
  [3527, 'udp', 'Message Queue'],
  [135, 'tcp', 'Message Queue'],
  [2101, 'tcp', 'Message Queue'],
  [2103, 'tcp', 'Message Queue'],
  [2105, 'tcp', 'Message Queue'],
  [138, 'udp', 'NetBT datagrams'],
  [137, 'udp', 'NetBT name lookups'],
  [139, 'tcp', 'NetBT service sessions'],
  [138, 'udp', 'NetLogon'],
  [1731, 'tcp', 'NetMeeting Audio Call Control'],
  [1720, 'tcp', 'H.323 call setup'],
  [389, 'tcp', 'Internet Locator Server'],
  [1503, 'tcp', 'T.120'],
  [522, 'tcp', 'User Location Service'],
  [2504, 'udp', 'Network Load Balancing'],
  [119, 'tcp', 'Network News Transport Protocol'],
  [563, 'tcp', 'NNTP (SSL)'],
  [137, 'udp', 'Pass Through Verification'],
  [139, 'tcp', 'Pass Through Verification'],
  [1723, 'tcp', 'PPTP'],
  [110, 'tcp', 'Post Office Protocol'],
  [995, 'tcp', 'POP3 (SSL)'],
  [137, 'udp', 'Printer sharing name lookup'],
  [139, 'tcp', 'Printer sharing session'],
  [1645, 'udp', 'RADIUS'],
  [1812, 'udp', 'RADIUS'],
  [1646, 'udp', 'RADIUS accounting'],
  [1813, 'udp', 'RADIUS accounting'],
  [69, 'udp', 'Remote Install TFTP'],
  [135, 'tcp', 'Remote procedure call'],
  [1500, 'tcp', 'fixed port session queries'],
  [2500, 'tcp', 'fixed port session replication'],
  [135, 'tcp', 'port mapper'],
  [135, 'udp', 'Service Control Manager'],
  [135, 'tcp', 'Service Control Manager'],
  [25, 'tcp', 'Simple Mail Transfer Protocol'],
  [161, 'udp', 'Simple Network Management Protocol'],
  [162, 'udp', 'SNMP Trap'],
  [137, 'udp', 'SQL'],
  [139, 'tcp', 'SQL session'],
  [1433, 'tcp', 'SQL session'],
  [1024, 'tcp', 'SQL session'],
  [5000, 'tcp', 'SQL session'],
  [135, 'tcp', 'SQL session mapper'],
  [53, 'udp', 'SQL TCP client name lookup'],
  [23, 'tcp', 'Telnet'],
  [3389, 'tcp', 'Terminal Services'],
  [515, 'tcp', 'UNIX Printing'],
  [135, 'tcp', 'WINS Manager'],
  [137, 'udp', 'WINS NetBT name service'],
  [137, 'udp', 'WINS Proxy'],
  [137, 'tcp', 'WINS Registration'],
  [42, 'tcp', 'WINS Replication'],
  [102, 'tcp', 'X400'],
];

const configmgr: Row[] = [
  [80, 'tcp', 'HTTP'],
  [443, 'tcp', 'HTTPS'],
  [10123, 'tcp', 'client notification'],
  [2701, 'tcp', 'remote control'],
  [135, 'tcp', 'Remote Assistance'],
  [25536, 'udp', 'wake-up proxy'],
  [9, 'udp', 'Wake On LAN'],
  [80, 'tcp', 'fallback status point'],
  [445, 'tcp', 'Server Message Block'],
  [135, 'udp', 'RPC endpoint mapper'],
  [135, 'tcp', 'RPC endpoint mapper'],
  [50000, 'tcp', 'RPC dynamic ports'],
  [80, 'tcp', 'management point'],
  [443, 'tcp', 'management point'],
  [8530, 'tcp', 'software update point'],
  [8531, 'tcp', 'software update point'],
  [445, 'tcp', 'CCMSetup'],
  [80, 'tcp', 'distribution point'],
  [443, 'tcp', 'distribution point'],
];

const sms2003: Row[] = [
  [389, 'udp', 'LDAP'],
  [389, 'tcp', 'LDAP'],
  [636, 'tcp', 'LDAP SSL'],
  [135, 'udp', 'RPC Endpoint Mapper'],
  [135, 'tcp', 'RPC Endpoint Mapper'],
  [3268, 'tcp', 'Global Catalog'],
  [3269, 'tcp', 'Global Catalog'],
  [88, 'udp', 'Kerberos'],
  [88, 'tcp', 'Kerberos'],
  [445, 'tcp', 'Server Message Block'],
  [1433, 'tcp', 'SQL'],
  [389, 'udp', 'LDAP Ping'],
  [80, 'tcp', 'Hypertext Transfer Protocol'],
  [139, 'tcp', 'Client sessions'],
  [2703, 'tcp', 'Remote Chat'],
  [2703, 'udp', 'Remote Chat'],
  [2701, 'tcp', 'Remote Control (control)'],
  [2701, 'udp', 'Remote Control (control)'],
  [2702, 'tcp', 'Remote Control (data)'],
  [2702, 'udp', 'Remote Control (data)'],
  [2704, 'tcp', 'Remote File Transfer'],
  [2704, 'udp', 'Remote File Transfer'],
  [2701, 'tcp', 'Wuser32'],
  [137, 'udp', 'name resolution'],
  [138, 'udp', 'messaging'],
  [53, 'udp', 'Domain Name System'],
  [67, 'udp', 'Dynamic Host Configuration Protocol'],
  [135, 'tcp', 'console'],
  [138, 'udp', 'WINS'],
  [138, 'udp', 'NetBIOS datagrams'],
  [139, 'tcp', 'named pipes'],
  [1723, 'tcp', 'PPTP'],
  [1723, 'tcp', 'RAS Sender'],
];

const lansweeper: Row[] = [
  [1433, 'tcp', 'SQL Server'],
  [389, 'tcp', 'LDAP'],
  [88, 'tcp', 'Kerberos'],
  [88, 'udp', 'Kerberos'],
  [135, 'tcp', 'DCOM'],
  [135, 'tcp', 'WMI'],
  [139, 'tcp', 'NetBIOS Session Service'],
  [445, 'tcp', 'SMB'],
  [1025, 'tcp', 'WMI data'],
  [5000, 'tcp', 'WMI data'],
  [49152, 'tcp', 'WMI data'],
  [65535, 'tcp', 'WMI data'],
  [22, 'tcp', 'SSH'],
  [443, 'tcp', 'VMware'],
  [21, 'tcp', 'FTP'],
  [23, 'tcp', 'Telnet'],
  [25, 'tcp', 'SMTP'],
  [80, 'tcp', 'HTTP'],
  [135, 'tcp', 'EPMAP'],
  [137, 'udp', 'NetBIOS Name Service'],
  [161, 'udp', 'SNMP'],
  [161, 'tcp', 'SNMP'],
  [443, 'tcp', 'HTTPS'],
  [1400, 'tcp', 'Sonos'],
  [1900, 'tcp', 'SSDP'],
  [1900, 'udp', 'UPnP'],
  [5060, 'tcp', 'SIP'],
  [5060, 'udp', 'SIP'],
  [5353, 'tcp', 'mDNS'],
  [5353, 'udp', 'Bonjour'],
  [5985, 'tcp', 'WinRM'],
  [5986, 'tcp', 'WinRM'],
  [8008, 'tcp', 'Chromecast'],
  [8080, 'tcp', 'HTTP'],
  [8443, 'tcp', 'HTTPS'],
  [9100, 'tcp', 'JetDirect'],
  [16992, 'tcp', 'Intel vPro HTTP'],
  [16993, 'tcp', 'Intel vPro HTTPS'],
  [62078, 'tcp', 'iTunes'],
  [9524, 'tcp', 'LsAgent'],
  [9524, 'tcp', 'LsPush'],
  [59525, 'tcp', 'Network Discovery hub'],
];

function text(m: PortMeaning): string {
  return [m.name, m.description, m.purpose ?? '', ...(m.windowsServices ?? [])].join(' ').toLowerCase();
}

const documents: [title: string, rows: Row[]][] = [
  [MICROSOFT, microsoft],
  [WINDOWS_2000, windows2000],
  [CONFIGMGR, configmgr],
  [SMS_2003, sms2003],
  [LANSWEEPER, lansweeper],
];

for (const [title, rows] of documents) {
  group(`seed: ${title}`, () => {
    it.each(rows)('%i/%s: %s', (port, protocol, words) => {
      const meanings = describe(port, protocol).meanings.filter((m) => m.source === title);
      expect(meanings.length, `no meaning of ${port}/${protocol} from "${title}"`).toBeGreaterThan(0);
      expect(meanings.some((m) => text(m).includes(words.toLowerCase())), `${port}/${protocol} from "${title}" lacks "${words}": ${meanings.map((m) => m.name).join(' | ')}`).toBe(true);
    });
  });
}

group('seed documents: ranking and shape', () => {
  it('3389/tcp names TermService and Remote Desktop first, before IANA', () => {
    const d = describe(3389, 'tcp');
    expect(d.range).toBe('registered');
    expect(d.meanings[0]?.windowsServices).toContain('TermService');
    expect(d.meanings[0]?.name).toMatch(/Remote Desktop/);
    const iana = d.meanings.findIndex((m) => m.source === 'IANA');
    expect(iana).toBeGreaterThan(0);
    expect(d.meanings[iana]?.name).toBe('ms-wbt-server');
  });

  it('keeps TCP and UDP apart', () => {
    expect(describe(3527, 'udp').meanings.some((m) => m.name === 'MSMQ-Ping')).toBe(true);
    expect(describe(3527, 'tcp').meanings.some((m) => m.name === 'MSMQ-Ping')).toBe(false);
    expect(describe(10123, 'udp').meanings.some((m) => m.source === CONFIGMGR)).toBe(false);
  });

  it('Cluster service: random UDP ports 1024-65535 (UDP only, not below 1024)', () => {
    const cluster = (port: number, protocol: CatalogProtocol): PortMeaning | undefined =>
      describe(port, protocol).meanings.find((m) => m.source === MICROSOFT && m.portRange === '1024-65535');
    expect(cluster(2000, 'udp')?.windowsServices).toEqual(['ClusSvc']);
    expect(cluster(2000, 'udp')?.description).toContain('random port number between 1024 and 65535');
    expect(cluster(65535, 'udp')).toBeDefined();
    expect(cluster(1023, 'udp')).toBeUndefined();
    expect(cluster(2000, 'tcp')).toBeUndefined();
  });

  it('classifies the three IANA ranges', () => {
    expect(describe(0, 'tcp').range).toBe('well-known');
    expect(describe(1023, 'tcp').range).toBe('well-known');
    expect(describe(1024, 'tcp').range).toBe('registered');
    expect(describe(49151, 'udp').range).toBe('registered');
    expect(describe(49152, 'udp').range).toBe('dynamic');
    expect(describe(65535, 'tcp').range).toBe('dynamic');
  });

  it('puts exact-port meanings before range meanings', () => {
    const d = describe(62078, 'tcp');
    expect(d.meanings[0]?.source).toBe(LANSWEEPER);
    expect(d.meanings[0]?.name).toMatch(/iTunes/);
    expect(d.meanings.at(-1)?.portRange).toBeDefined();
  });
});
