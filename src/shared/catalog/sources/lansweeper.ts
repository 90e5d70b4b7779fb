/**
 * Lansweeper's "Ports scanned or used by Lansweeper" (seed 000). A port named without a protocol
 * (88, 161, 5060) is listed for both TCP and UDP.
 */
import type { CatalogSource } from '../types';
import { BOTH, TCP, UDP } from './protocols';

const LANSWEEPER_TITLE = 'Ports scanned or used by Lansweeper';

const SCAN = 'scanned on network devices';

export const lansweeper: CatalogSource = {
  title: LANSWEEPER_TITLE,
  product: 'Lansweeper',
  rank: 50,
  entries: [
    { port: 21, protocols: TCP, name: 'FTP', description: 'FTP', purpose: SCAN },
    { port: 22, protocols: TCP, name: 'SSH', description: 'SSH: scanning Linux, Unix and Mac computers and network devices', purpose: SCAN },
    { port: 23, protocols: TCP, name: 'Telnet', description: 'Telnet', purpose: SCAN },
    { port: 25, protocols: TCP, name: 'SMTP', description: 'SMTP', purpose: SCAN },
    { port: 80, protocols: TCP, name: 'HTTP', description: 'HTTP', purpose: SCAN },
    { port: 88, protocols: BOTH, name: 'Kerberos', description: 'Kerberos to Active Directory domain controllers (if Kerberos is enabled or enforced)', purpose: 'Active Directory scanning' },
    { port: 135, protocols: TCP, name: 'DCOM / EPMAP', description: 'DCOM to establish the initial WMI session with a Windows computer (EPMAP)', purpose: 'Windows computer scanning' },
    { port: 137, protocols: UDP, name: 'NetBIOS Name Service', description: 'NetBIOS Name Service', purpose: SCAN },
    { port: 139, protocols: TCP, name: 'NetBIOS Session Service', description: 'NetBIOS Session Service', purpose: 'Windows computer scanning' },
    { port: 161, protocols: BOTH, name: 'SNMP', description: 'SNMP', purpose: SCAN },
    { port: 389, protocols: TCP, name: 'LDAP', description: 'LDAP to Active Directory domain controllers', purpose: 'Active Directory scanning' },
    { port: 443, protocols: TCP, name: 'HTTPS', description: 'HTTPS: scanning VMware servers and network devices', purpose: SCAN },
    { port: 445, protocols: TCP, name: 'SMB', description: 'SMB', purpose: 'Windows computer scanning' },
    { port: 1400, protocols: TCP, name: 'Sonos devices HTTP', description: 'Sonos devices HTTP', purpose: SCAN },
    { port: 1433, protocols: TCP, name: 'Microsoft SQL Server', description: 'Lansweeper service and web console to the Microsoft SQL Server database', product: 'SQL Server' },
    { port: 1900, protocols: BOTH, name: 'SSDP, UPnP', description: 'SSDP, UPnP', purpose: SCAN },
    { port: 5060, protocols: BOTH, name: 'SIP', description: 'SIP', purpose: SCAN },
    { port: 5353, protocols: BOTH, name: 'mDNS, DNS-SD', description: 'mDNS, Bonjour, DNS-SD', purpose: SCAN },
    { port: 5985, protocols: TCP, name: 'WinRM (without SSL)', description: 'WinRM without SSL for Windows cluster log scanning and Hyper-V log scanning', purpose: SCAN },
    { port: 5986, protocols: TCP, name: 'WinRM (with SSL)', description: 'WinRM HTTPS with SSL for Windows cluster log scanning and Hyper-V log scanning', purpose: SCAN },
    { port: 8008, protocols: TCP, name: 'Chromecast', description: 'Chromecast', purpose: SCAN },
    { port: 8080, protocols: TCP, name: 'HTTP', description: 'HTTP (alternate port)', purpose: SCAN },
    { port: 8443, protocols: TCP, name: 'HTTPS', description: 'HTTPS (alternate port)', purpose: SCAN },
    { port: 9100, protocols: TCP, name: 'JetDirect', description: 'JetDirect printing', purpose: SCAN },
    { port: 9524, protocols: TCP, name: 'Lansweeper agent (LsAgent/LsPush)', description: 'LsAgent or LsPush scanning agent to the Lansweeper Server service (default, configurable)', purpose: 'agent scanning' },
    { port: 16992, protocols: TCP, name: 'Intel vPro HTTP', description: 'Intel vPro (AMT) HTTP', purpose: SCAN },
    { port: 16993, protocols: TCP, name: 'Intel vPro HTTPS', description: 'Intel vPro (AMT) HTTPS', purpose: SCAN },
    { port: 59525, protocols: TCP, name: 'Lansweeper Network Discovery hub (IT Agent)', description: 'IT Agent (portable) to the Lansweeper Network Discovery hub (default, configurable)', purpose: 'discovery' },
    { port: 62078, protocols: TCP, name: 'iTunes sync', description: 'iTunes sync port for iOS device identification', purpose: SCAN },
    { port: [1025, 5000], protocols: TCP, name: 'WMI data (legacy dynamic range)', description: 'Random ports in the 1025-5000 range to send WMI data', purpose: 'Windows computer scanning' },
    { port: [49152, 65535], protocols: TCP, name: 'WMI data (dynamic range)', description: 'Random ports in the 49152-65535 range to send WMI data', purpose: 'Windows computer scanning' },
  ],
};
