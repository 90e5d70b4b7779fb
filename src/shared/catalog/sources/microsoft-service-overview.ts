/**
 * Microsoft KB 832017 "Service overview and network port requirements for Windows" (seed 001).
 * One entry per port/protocol/service meaning; the services that share a meaning are listed together,
 * the service that normally owns the port first. Where the seed copy lost a section's table but the
 * text names the service and its protocols (Active Directory, Net Logon, DFS), the ports are the
 * article's well-known ones for that service.
 */
import type { CatalogSource } from '../types';
import { BOTH, TCP, UDP } from './protocols';

const MICROSOFT_SERVICE_OVERVIEW_TITLE = 'Service overview and network port requirements for Windows';

/** Services the article says talk RPC/DCOM over random high ports after the endpoint mapper (135). */
const RPC_DYNAMIC_SERVICES = [
  'RpcSs',
  'LSASS',
  'CertSvc',
  'ClusSvc',
  'Dfs',
  'DFSR',
  'TrkSvr',
  'MSDTC',
  'Fax',
  'NtFrs',
  'Netlogon',
  'Remote_Storage_User_Link',
  'Remote_Storage_Server',
  'TermServLicensing',
  'Tssdis',
] as const;

export const microsoftServiceOverview: CatalogSource = {
  title: MICROSOFT_SERVICE_OVERVIEW_TITLE,
  product: 'Windows Server',
  rank: 10,
  entries: [
    // Simple TCP/IP Services
    { port: 7, protocols: BOTH, name: 'Echo', description: 'Echo (Simple TCP/IP Services)', windowsServices: ['SimpTcp'] },
    { port: 9, protocols: BOTH, name: 'Discard', description: 'Discard (Simple TCP/IP Services)', windowsServices: ['SimpTcp'] },
    { port: 13, protocols: BOTH, name: 'Daytime', description: 'Daytime (Simple TCP/IP Services)', windowsServices: ['SimpTcp'] },
    { port: 17, protocols: BOTH, name: 'Quotd', description: 'Quote of the day, Quotd (Simple TCP/IP Services)', windowsServices: ['SimpTcp'] },
    { port: 19, protocols: BOTH, name: 'Chargen', description: 'Character generator, Chargen (Simple TCP/IP Services)', windowsServices: ['SimpTcp'] },

    // FTP Publishing Service and the Application Layer Gateway
    { port: 20, protocols: TCP, name: 'FTP data (active mode)', description: 'FTP active-mode data port: one less than the FTP control port (FTP Publishing Service)', windowsServices: ['MSFTPSVC'] },
    { port: 21, protocols: TCP, name: 'FTP control', description: 'FTP control port of the FTP Publishing Service (IIS); the ALG FTP plug-in of Internet Connection Sharing also handles it', windowsServices: ['MSFTPSVC', 'ALG'] },
    { port: [3000, 5000], protocols: TCP, name: 'ALG FTP plug-in private listening ports', description: 'Application Layer Gateway FTP plug-in redirects active FTP through NAT to a private listening port in the range 3000 to 5000 on the loopback adapter', windowsServices: ['ALG'] },

    { port: 23, protocols: TCP, name: 'Telnet', description: 'Telnet server: ASCII terminal sessions (Telnet service)', windowsServices: ['TlntSvr'] },
    { port: 25, protocols: TCP, name: 'SMTP', description: 'Simple Mail Transfer Protocol: email submission and relay; domain controllers use it for intersite e-mail-based replication', windowsServices: ['SMTPSVC'] },
    { port: 42, protocols: BOTH, name: 'WINS Replication', description: 'Windows Internet Name Service replication between WINS servers', windowsServices: ['WINS'] },
    { port: 53, protocols: BOTH, name: 'DNS', description: 'Domain Name System: DNS Server service name resolution (also Internet Connection Sharing on the private network)', windowsServices: ['DNS', 'SharedAccess'] },
    { port: 67, protocols: UDP, name: 'DHCP Server', description: 'Dynamic Host Configuration Protocol server: allocates IP addresses (DHCP Server service, Internet Connection Sharing)', windowsServices: ['DHCPServer', 'SharedAccess'] },
    { port: 69, protocols: UDP, name: 'TFTP', description: 'Trivial FTP Daemon: diskless start-up for Remote Installation Services; replies from a random high port', windowsServices: ['tftpd'] },

    // HTTP: IIS, SharePoint, WinRM 1.1, Hyper-V, Windows Media Services
    { port: 80, protocols: TCP, name: 'HTTP', description: 'HTTP: World Wide Web Publishing Service (IIS via Http.sys), SharePoint Portal Server, WinRM 1.1 and earlier, Windows Media Services, Hyper-V Kerberos authentication', windowsServices: ['W3SVC', 'WinRM', 'WMServer'] },
    { port: 443, protocols: TCP, name: 'HTTPS', description: 'HTTPS: World Wide Web Publishing Service and HTTP SSL (IIS), SharePoint Portal Server, WinRM 1.1 and earlier, Hyper-V certificate-based authentication', windowsServices: ['W3SVC', 'HTTPFilter', 'WinRM'] },
    { port: 8098, protocols: TCP, name: 'IIS administrative website', description: 'HTTP of the IIS administrative website (World Wide Web Publishing Service), when enabled', windowsServices: ['W3SVC'] },

    // Kerberos, LDAP, Global Catalog: Active Directory (LSASS), KDC, profiles
    { port: 88, protocols: BOTH, name: 'Kerberos', description: 'Kerberos v5 authentication: Kerberos Key Distribution Center on domain controllers (runs in Lsass.exe)', windowsServices: ['kdc', 'LSASS'] },
    { port: 464, protocols: BOTH, name: 'Kerberos Password V5', description: 'Kerberos change/set password (Kerberos Key Distribution Center)', windowsServices: ['kdc', 'LSASS'] },
    { port: 389, protocols: TCP, name: 'LDAP', description: 'Lightweight Directory Access Protocol: Active Directory on domain controllers (Lsass.exe); used by Group Policy, roaming profiles and Primary Computer', windowsServices: ['LSASS', 'ProfSvc', 'CscService'] },
    { port: 389, protocols: UDP, name: 'LDAP / DC Locator', description: 'LDAP over UDP: DC Locator pings to find a domain controller (Kerberos Key Distribution Center, Active Directory)', windowsServices: ['kdc', 'LSASS', 'ProfSvc', 'CscService'] },
    { port: 636, protocols: TCP, name: 'LDAP SSL', description: 'LDAP over SSL: Active Directory (Lsass.exe)', windowsServices: ['LSASS', 'ProfSvc', 'CscService'] },
    { port: 3268, protocols: TCP, name: 'Global Catalog', description: 'Active Directory Global Catalog LDAP (Lsass.exe)', windowsServices: ['LSASS', 'ProfSvc', 'CscService'] },
    { port: 3269, protocols: TCP, name: 'Global Catalog SSL', description: 'Active Directory Global Catalog LDAP over SSL (Lsass.exe)', windowsServices: ['LSASS', 'ProfSvc', 'CscService'] },

    { port: 102, protocols: TCP, name: 'X.400', description: 'X.400 message transfer: Microsoft Exchange Message Transfer Agent (MTA) stacks', windowsServices: ['MSExchangeMTA'], product: 'Exchange Server' },
    { port: 110, protocols: TCP, name: 'POP3', description: 'Post Office Protocol 3: Microsoft POP3 service email retrieval', windowsServices: ['POP3SVC'] },
    { port: 119, protocols: TCP, name: 'NNTP', description: 'Network News Transfer Protocol news server', windowsServices: ['NNTPSVC'] },
    { port: 563, protocols: TCP, name: 'NNTP over SSL', description: 'Network News Transfer Protocol over SSL', windowsServices: ['NNTPSVC'] },
    { port: 123, protocols: UDP, name: 'NTP / SNTP', description: 'Network Time Protocol (SNTP on Windows 2000): Windows Time service clock synchronization', windowsServices: ['W32Time'] },

    // RPC endpoint mapper and everything that starts there
    { port: 135, protocols: TCP, name: 'RPC Endpoint Mapper', description: 'Remote Procedure Call endpoint mapper and COM Service Control Manager: tells RPC/DCOM clients which dynamic port a service listens on (also WMI)', windowsServices: ['RpcSs', 'RpcEptMapper', ...RPC_DYNAMIC_SERVICES.filter((s) => s !== 'RpcSs'), 'MSMQ'] },
    { port: 593, protocols: TCP, name: 'RPC over HTTPS', description: 'RPC over HTTP(S) endpoint mapper (Remote Procedure Call service)', windowsServices: ['RpcSs'] },
    { port: [49152, 65535], protocols: TCP, name: 'RPC dynamic ports (Windows dynamic range)', description: 'Randomly allocated high TCP ports for RPC/DCOM, WMI and Active Directory: the default dynamic range of Windows Server 2008 / Vista and later', windowsServices: RPC_DYNAMIC_SERVICES },
    { port: [49152, 65535], protocols: UDP, name: 'Windows dynamic range (UDP)', description: 'Randomly allocated high UDP ports: the default dynamic range of Windows Server 2008 / Vista and later (Cluster service)', windowsServices: ['ClusSvc'] },
    { port: [1024, 65535], protocols: UDP, name: 'Randomly allocated high UDP ports (Cluster service)', description: 'Cluster service: randomly allocated high UDP ports, a random port number between 1024 and 65535', windowsServices: ['ClusSvc'] },
    { port: [1025, 5000], protocols: TCP, name: 'Legacy dynamic range (RPC, passive FTP)', description: 'Low ephemeral range of Windows 2000, Windows XP and Windows Server 2003: RPC dynamic ports for Active Directory and passive FTP data ports', windowsServices: ['RpcSs', 'LSASS', 'MSFTPSVC'] },

    // NetBIOS and SMB: Server service and everything that uses RPC over named pipes
    { port: 137, protocols: UDP, name: 'NetBIOS Name Resolution', description: 'NetBIOS name service (Server, Computer Browser, WINS, Print Spooler, RPC; Cluster Administrator)', windowsServices: ['lanmanserver', 'Browser', 'WINS', 'Spooler', 'RpcSs', 'RpcLocator', 'Eventlog', 'Netlogon', 'Dfs', 'ClusSvc'] },
    { port: 138, protocols: UDP, name: 'NetBIOS Datagram Service', description: 'NetBIOS datagram service (Server, Computer Browser, Print Spooler, License Logging, RPC)', windowsServices: ['lanmanserver', 'Browser', 'Spooler', 'LicenseService', 'RpcSs', 'RpcLocator', 'Eventlog', 'Netlogon', 'Dfs'] },
    { port: 139, protocols: TCP, name: 'NetBIOS Session Service', description: 'NetBIOS session service: file and print sharing and RPC over named pipes (Server service)', windowsServices: ['lanmanserver', 'Browser', 'Spooler', 'LicenseService', 'RpcSs', 'RpcLocator', 'Eventlog', 'SysmonLog', 'Netlogon', 'Dfs'] },
    { port: 445, protocols: TCP, name: 'SMB', description: 'Server Message Block: file, print and named-pipe sharing (Server service); also Hyper-V live migration, failover cluster validation and DFSR', windowsServices: ['lanmanserver', 'Spooler', 'LicenseService', 'RpcSs', 'RpcLocator', 'Eventlog', 'Netlogon', 'Dfs', 'DFSR', 'ProfSvc', 'CscService'] },

    { port: 161, protocols: UDP, name: 'SNMP', description: 'Simple Network Management Protocol agent (SNMP Service)', windowsServices: ['SNMP'] },
    { port: 162, protocols: UDP, name: 'SNMP Traps', description: 'SNMP trap messages (SNMP Trap Service)', windowsServices: ['SNMPTRAP'] },
    { port: 500, protocols: UDP, name: 'IPsec ISAKMP', description: 'IPsec ISAKMP / IKE for L2TP VPNs (Routing and Remote Access)', windowsServices: ['RemoteAccess'] },
    { port: 4500, protocols: UDP, name: 'IPsec NAT-T', description: 'IPsec NAT traversal for L2TP VPNs (Routing and Remote Access)', windowsServices: ['RemoteAccess'] },
    { port: 1701, protocols: UDP, name: 'L2TP', description: 'Layer Two Tunneling Protocol VPN (Routing and Remote Access)', windowsServices: ['RemoteAccess'] },
    { port: 1723, protocols: TCP, name: 'PPTP', description: 'Point-to-Point Tunneling Protocol VPN (Routing and Remote Access)', windowsServices: ['RemoteAccess'] },
    { port: 515, protocols: TCP, name: 'LPD', description: 'Line Printer Daemon: TCP/IP Print Server receives jobs from UNIX LPR clients', windowsServices: ['LPDSVC'] },
    { port: 554, protocols: TCP, name: 'RTSP', description: 'Real Time Streaming Protocol (Windows Media Services)', windowsServices: ['WMServer'] },
    { port: 647, protocols: TCP, name: 'DHCP Failover', description: 'DHCP Server failover between partner servers', windowsServices: ['DHCPServer'] },
    { port: 1645, protocols: UDP, name: 'Legacy RADIUS', description: 'Legacy RADIUS authentication (Internet Authentication Service)', windowsServices: ['IAS'] },
    { port: 1646, protocols: UDP, name: 'Legacy RADIUS', description: 'Legacy RADIUS accounting (Internet Authentication Service)', windowsServices: ['IAS'] },
    { port: 1812, protocols: UDP, name: 'RADIUS Authentication', description: 'RADIUS authentication (Internet Authentication Service)', windowsServices: ['IAS'] },
    { port: 1813, protocols: UDP, name: 'RADIUS Accounting', description: 'RADIUS accounting (Internet Authentication Service)', windowsServices: ['IAS'] },
    { port: 1755, protocols: BOTH, name: 'MMS', description: 'Microsoft Media Server protocol streaming (Windows Media Services)', windowsServices: ['WMServer'] },
    { port: 2460, protocols: UDP, name: 'MS Theater', description: 'MS Theater streaming (Windows Media Services)', windowsServices: ['WMServer'] },
    { port: 5004, protocols: UDP, name: 'RTP', description: 'Real-time Transport Protocol media (Windows Media Services)', windowsServices: ['WMServer'] },
    { port: 5005, protocols: UDP, name: 'RTCP', description: 'RTP Control Protocol (Windows Media Services)', windowsServices: ['WMServer'] },

    // Message Queuing
    { port: 1801, protocols: BOTH, name: 'MSMQ', description: 'Message Queuing (MSMQ) message transport', windowsServices: ['MSMQ'] },
    { port: 2101, protocols: TCP, name: 'MSMQ-DCs', description: 'Message Queuing directory lookups on domain controllers', windowsServices: ['MSMQ'] },
    { port: 2103, protocols: TCP, name: 'MSMQ-RPC', description: 'Message Queuing RPC', windowsServices: ['MSMQ'] },
    { port: 2105, protocols: TCP, name: 'MSMQ-RPC', description: 'Message Queuing RPC (remote read)', windowsServices: ['MSMQ'] },
    { port: 2107, protocols: TCP, name: 'MSMQ-Mgmt', description: 'Message Queuing management', windowsServices: ['MSMQ'] },
    { port: 3527, protocols: UDP, name: 'MSMQ-Ping', description: 'Message Queuing ping', windowsServices: ['MSMQ'] },

    { port: 1900, protocols: UDP, name: 'SSDP', description: 'Simple Service Discovery Protocol: device announcements (SSDP Discovery Service; the article spells it SSDPRSR)', windowsServices: ['SSDPSRV'] },
    { port: 2869, protocols: TCP, name: 'SSDP event notification / UPnP', description: 'SSDP event notification since Windows XP SP2 and the UPnP Device Host web server (served by Http.sys)', windowsServices: ['SSDPSRV', 'UPNPHost'] },
    { port: 5000, protocols: TCP, name: 'SSDP legacy event notification', description: 'SSDP event notification port used before Windows XP SP2 (SSDP Discovery Service)', windowsServices: ['SSDPSRV'], legacy: true },
    { port: 2535, protocols: UDP, name: 'MADCAP', description: 'Multicast Address Dynamic Client Allocation Protocol (DHCP Server)', windowsServices: ['DHCPServer'] },
    { port: 3343, protocols: UDP, name: 'Cluster Service', description: 'Failover Cluster service heartbeat over UDP with DTLS; Hyper-V live migration cluster traffic', windowsServices: ['ClusSvc'] },
    { port: 3343, protocols: TCP, name: 'Cluster Service', description: 'Failover Cluster service: required during a node join operation', windowsServices: ['ClusSvc'] },
    { port: 3389, protocols: TCP, name: 'Remote Desktop (Terminal Services)', description: 'Remote Desktop Protocol: Terminal Services / Remote Desktop sessions (also NetMeeting Remote Desktop Sharing)', windowsServices: ['TermService', 'mnmsrvc'] },
    { port: 4011, protocols: UDP, name: 'BINL', description: 'Boot Information Negotiation Layer: Remote Installation (RIS) answers PXE boot clients', windowsServices: ['BINLSVC'] },
    { port: 5722, protocols: TCP, name: 'DFSR RPC', description: 'Distributed File System Replication RPC on Windows Server 2008 and 2008 R2 domain controllers', windowsServices: ['DFSR'] },
    { port: 5985, protocols: TCP, name: 'WinRM HTTP', description: 'Windows Remote Management 2.0 default HTTP port (PowerShell remoting; served by Http.sys)', windowsServices: ['WinRM'] },
    { port: 5986, protocols: TCP, name: 'WinRM HTTPS', description: 'Windows Remote Management 2.0 default HTTPS port (served by Http.sys)', windowsServices: ['WinRM'] },
    { port: 6600, protocols: TCP, name: 'Hyper-V live migration', description: 'Hyper-V live migration of virtual machines', product: 'Hyper-V' },
    { port: 42424, protocols: TCP, name: 'ASP.NET Session State', description: 'ASP.NET State Service: out-of-process session state', windowsServices: ['aspnet_state'] },
    { port: 48885, protocols: TCP, name: 'IPAM', description: 'IP Address Management: IPAM client UI to IPAM server over WCF' },
  ],
};
