/**
 * Who normally holds a well-known port on each OS. Process names are compared case-insensitively with
 * `.exe` dropped; Linux truncates names to 15 characters (systemd-resolved -> systemd-resolve), which
 * the matcher allows for. Strict rows turn a different owner into a warning; loose rows only say what
 * is usual.
 */
import type { CatalogPlatform, OwnerExpectation } from './types';
import { BOTH, TCP, UDP } from './sources/protocols';

const ALL: readonly CatalogPlatform[] = ['win32', 'linux', 'darwin'];
const WIN: readonly CatalogPlatform[] = ['win32'];
const UNIX: readonly CatalogPlatform[] = ['linux', 'darwin'];
const LINUX: readonly CatalogPlatform[] = ['linux'];
const MAC: readonly CatalogPlatform[] = ['darwin'];

const WEB_SERVERS = ['nginx', 'httpd', 'apache2', 'caddy', 'lighttpd', 'traefik', 'haproxy', 'envoy', 'h2o', 'openresty'];

export const EXPECTED_OWNERS: readonly OwnerExpectation[] = [
  // Windows system ports
  { port: 3389, protocols: BOTH, platforms: WIN, processes: ['svchost'], services: ['TermService'], strict: true, label: 'Remote Desktop' },
  { port: 135, protocols: TCP, platforms: WIN, processes: ['svchost'], services: ['RpcSs', 'RpcEptMapper'], strict: true, label: 'RPC Endpoint Mapper' },
  { port: 445, protocols: TCP, platforms: WIN, processes: [], systemPid4: true, strict: true, label: 'SMB (Server service in the kernel)' },
  { port: 139, protocols: TCP, platforms: WIN, processes: [], systemPid4: true, strict: true, label: 'NetBIOS Session Service' },
  { port: 137, protocols: UDP, platforms: WIN, processes: [], systemPid4: true, strict: true, label: 'NetBIOS Name Service' },
  { port: 138, protocols: UDP, platforms: WIN, processes: [], systemPid4: true, strict: true, label: 'NetBIOS Datagram Service' },
  { port: 5985, protocols: TCP, platforms: WIN, processes: [], systemPid4: true, strict: true, label: 'WinRM HTTP (Http.sys)' },
  { port: 5986, protocols: TCP, platforms: WIN, processes: [], systemPid4: true, strict: true, label: 'WinRM HTTPS (Http.sys)' },
  { port: 2869, protocols: TCP, platforms: WIN, processes: [], systemPid4: true, strict: true, label: 'SSDP/UPnP (Http.sys)' },
  { port: 5357, protocols: TCP, platforms: WIN, processes: [], systemPid4: true, strict: true, label: 'WS-Discovery (Http.sys)' },
  { port: 123, protocols: UDP, platforms: WIN, processes: ['svchost'], services: ['W32Time'], strict: true, label: 'Windows Time (NTP)' },
  { port: 1900, protocols: UDP, platforms: WIN, processes: ['svchost'], services: ['SSDPSRV'], strict: false, label: 'SSDP' },
  { port: 5353, protocols: UDP, platforms: WIN, processes: ['svchost', 'mDNSResponder', 'chrome', 'msedge', 'firefox'], services: ['Dnscache'], strict: false, label: 'mDNS' },
  { port: 5355, protocols: UDP, platforms: WIN, processes: ['svchost'], services: ['Dnscache'], strict: false, label: 'LLMNR' },
  { port: 500, protocols: UDP, platforms: WIN, processes: ['svchost'], services: ['IKEEXT', 'PolicyAgent', 'RemoteAccess'], strict: true, label: 'IPsec IKE' },
  { port: 4500, protocols: UDP, platforms: WIN, processes: ['svchost'], services: ['IKEEXT', 'PolicyAgent', 'RemoteAccess'], strict: true, label: 'IPsec NAT-T' },
  { port: 88, protocols: BOTH, platforms: WIN, processes: ['lsass'], strict: true, label: 'Kerberos KDC' },
  { port: 464, protocols: BOTH, platforms: WIN, processes: ['lsass'], strict: true, label: 'Kerberos password' },
  { port: 389, protocols: BOTH, platforms: WIN, processes: ['lsass'], strict: true, label: 'LDAP (Active Directory)' },
  { port: 636, protocols: TCP, platforms: WIN, processes: ['lsass'], strict: true, label: 'LDAP SSL (Active Directory)' },
  { port: 3268, protocols: TCP, platforms: WIN, processes: ['lsass'], strict: true, label: 'Global Catalog' },
  { port: 3269, protocols: TCP, platforms: WIN, processes: ['lsass'], strict: true, label: 'Global Catalog SSL' },
  { port: 53, protocols: BOTH, platforms: WIN, processes: ['dns', 'svchost'], services: ['DNS', 'SharedAccess'], strict: true, label: 'DNS' },
  { port: 67, protocols: UDP, platforms: WIN, processes: ['svchost'], services: ['DHCPServer', 'SharedAccess'], strict: true, label: 'DHCP server' },
  { port: 68, protocols: UDP, platforms: WIN, processes: ['svchost'], services: ['Dhcp'], strict: true, label: 'DHCP client' },
  { port: 1433, protocols: TCP, platforms: WIN, processes: ['sqlservr'], strict: false, label: 'SQL Server' },
  { port: 1801, protocols: TCP, platforms: WIN, processes: ['mqsvc'], services: ['MSMQ'], strict: true, label: 'Message Queuing' },
  { port: 22, protocols: TCP, platforms: WIN, processes: ['sshd'], services: ['sshd'], strict: true, label: 'OpenSSH server' },
  { port: 80, protocols: TCP, platforms: WIN, processes: [...WEB_SERVERS, 'w3wp'], systemPid4: true, strict: true, label: 'HTTP (Http.sys / IIS or a web server)' },
  { port: 443, protocols: TCP, platforms: WIN, processes: [...WEB_SERVERS, 'w3wp'], systemPid4: true, strict: true, label: 'HTTPS (Http.sys / IIS or a web server)' },

  // Unix system ports
  { port: 22, protocols: TCP, platforms: UNIX, processes: ['sshd', 'systemd', 'launchd', 'dropbear', 'sshd-session'], strict: true, label: 'SSH server' },
  { port: 53, protocols: BOTH, platforms: LINUX, processes: ['systemd-resolved', 'dnsmasq', 'named', 'unbound', 'pihole-FTL', 'coredns', 'pdns_server', 'pdns_recursor', 'knotd', 'dockerd'], strict: true, label: 'DNS' },
  { port: 53, protocols: BOTH, platforms: MAC, processes: ['mDNSResponder', 'dnsmasq', 'named', 'unbound'], strict: true, label: 'DNS' },
  { port: 631, protocols: BOTH, platforms: UNIX, processes: ['cupsd', 'cups-browsed', 'launchd'], strict: true, label: 'CUPS printing' },
  { port: 5353, protocols: UDP, platforms: LINUX, processes: ['avahi-daemon', 'systemd-resolved', 'chrome', 'firefox'], strict: false, label: 'mDNS' },
  { port: 5353, protocols: UDP, platforms: MAC, processes: ['mDNSResponder'], strict: false, label: 'mDNS (Bonjour)' },
  { port: 5355, protocols: BOTH, platforms: LINUX, processes: ['systemd-resolved'], strict: false, label: 'LLMNR' },
  { port: 111, protocols: BOTH, platforms: UNIX, processes: ['rpcbind', 'portmap', 'systemd', 'launchd'], strict: true, label: 'rpcbind' },
  { port: 123, protocols: UDP, platforms: UNIX, processes: ['ntpd', 'chronyd', 'systemd-timesyncd', 'timed', 'openntpd'], strict: true, label: 'NTP' },
  { port: 68, protocols: UDP, platforms: UNIX, processes: ['dhclient', 'dhcpcd', 'NetworkManager', 'systemd-networkd', 'configd', 'udhcpc'], strict: true, label: 'DHCP client' },
  { port: 67, protocols: UDP, platforms: UNIX, processes: ['dhcpd', 'dnsmasq', 'kea-dhcp4', 'bootpd'], strict: true, label: 'DHCP server' },
  { port: 25, protocols: TCP, platforms: UNIX, processes: ['master', 'exim4', 'exim', 'sendmail', 'postfix', 'opensmtpd', 'smtpd'], strict: true, label: 'SMTP' },
  { port: 445, protocols: TCP, platforms: LINUX, processes: ['smbd'], strict: true, label: 'SMB (Samba)' },
  { port: 139, protocols: TCP, platforms: LINUX, processes: ['smbd'], strict: true, label: 'NetBIOS session (Samba)' },
  { port: 137, protocols: UDP, platforms: LINUX, processes: ['nmbd'], strict: true, label: 'NetBIOS name (Samba)' },
  { port: 138, protocols: UDP, platforms: LINUX, processes: ['nmbd'], strict: true, label: 'NetBIOS datagram (Samba)' },
  { port: 445, protocols: TCP, platforms: MAC, processes: ['launchd', 'smbd'], strict: true, label: 'SMB file sharing' },
  { port: 548, protocols: TCP, platforms: MAC, processes: ['launchd', 'AppleFileServer'], strict: true, label: 'AFP file sharing' },
  { port: 5900, protocols: TCP, platforms: MAC, processes: ['launchd', 'screensharingd'], strict: true, label: 'Screen Sharing (VNC)' },
  { port: 3283, protocols: BOTH, platforms: MAC, processes: ['ARDAgent', 'launchd'], strict: true, label: 'Apple Remote Desktop' },
  { port: 5000, protocols: TCP, platforms: MAC, processes: ['ControlCenter'], strict: false, label: 'AirPlay Receiver' },
  { port: 7000, protocols: TCP, platforms: MAC, processes: ['ControlCenter'], strict: false, label: 'AirPlay Receiver' },
  { port: 62078, protocols: TCP, platforms: MAC, processes: ['lockdownd', 'usbmuxd', 'launchd'], strict: false, label: 'iOS device sync' },
  { port: 80, protocols: TCP, platforms: UNIX, processes: [...WEB_SERVERS, 'httpd-prefork'], strict: true, label: 'HTTP web server' },
  { port: 443, protocols: TCP, platforms: UNIX, processes: WEB_SERVERS, strict: true, label: 'HTTPS web server' },

  // Conventional server ports (any OS): another owner is worth a look, not a warning
  { port: 3306, protocols: TCP, platforms: ALL, processes: ['mysqld', 'mariadbd'], strict: false, label: 'MySQL / MariaDB' },
  { port: 5432, protocols: TCP, platforms: ALL, processes: ['postgres', 'postmaster'], strict: false, label: 'PostgreSQL' },
  { port: 6379, protocols: TCP, platforms: ALL, processes: ['redis-server', 'valkey-server', 'keydb-server'], strict: false, label: 'Redis' },
  { port: 27017, protocols: TCP, platforms: ALL, processes: ['mongod', 'mongos'], strict: false, label: 'MongoDB' },
  { port: 11211, protocols: TCP, platforms: ALL, processes: ['memcached'], strict: false, label: 'Memcached' },
  { port: 5672, protocols: TCP, platforms: ALL, processes: ['beam.smp', 'erl'], strict: false, label: 'RabbitMQ' },
  { port: 15672, protocols: TCP, platforms: ALL, processes: ['beam.smp', 'erl'], strict: false, label: 'RabbitMQ management' },
  { port: 2375, protocols: TCP, platforms: ALL, processes: ['dockerd', 'com.docker.backend'], strict: false, label: 'Docker API' },
  { port: 2376, protocols: TCP, platforms: ALL, processes: ['dockerd', 'com.docker.backend'], strict: false, label: 'Docker API (TLS)' },
  { port: 6443, protocols: TCP, platforms: ALL, processes: ['kube-apiserver', 'k3s', 'k3s-server'], strict: false, label: 'Kubernetes API server' },
  { port: 10250, protocols: TCP, platforms: ALL, processes: ['kubelet', 'k3s'], strict: false, label: 'Kubelet' },
  { port: 9200, protocols: TCP, platforms: ALL, processes: ['java'], strict: false, label: 'Elasticsearch' },
  { port: 2181, protocols: TCP, platforms: ALL, processes: ['java'], strict: false, label: 'ZooKeeper' },
  { port: 9092, protocols: TCP, platforms: ALL, processes: ['java'], strict: false, label: 'Kafka' },
];

/**
 * Processes that hold a port on behalf of something else (container and VM port forwarders):
 * the real owner is behind them, so the verdict is "unknown" rather than "unexpected".
 */
export const PORT_FORWARDERS: readonly string[] = [
  'docker-proxy',
  'com.docker.backend',
  'vpnkit-bridge',
  'vpnkit',
  'wslrelay',
  'rootlessport',
  'slirp4netns',
  'gvproxy',
  'kubectl',
  'qemu-system-x86_64',
  'vboxheadless',
];

/** Windows processes that host services: the verdict then depends on the hosted services. */
export const SERVICE_HOSTS: readonly string[] = ['svchost'];
