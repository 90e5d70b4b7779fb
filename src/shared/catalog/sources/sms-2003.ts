/** Microsoft KB 826852, "Ports that Systems Management Server 2003 uses to communicate through a firewall or through a proxy server" (seed 004). */
import type { CatalogSource } from '../types';
import { BOTH, TCP, UDP } from './protocols';

const SMS_2003_TITLE = 'Ports that Systems Management Server 2003 uses to communicate through a firewall or through a proxy server';

export const sms2003: CatalogSource = {
  title: SMS_2003_TITLE,
  product: 'SMS 2003',
  rank: 40,
  entries: [
    { port: 53, protocols: UDP, name: 'DNS', description: 'Domain Name System (core Windows NT UDP port)' },
    { port: 67, protocols: UDP, name: 'DHCP', description: 'Dynamic Host Configuration Protocol (core Windows NT UDP port)' },
    { port: 80, protocols: TCP, name: 'HTTP', description: 'Hypertext Transfer Protocol from the Advanced Client to the management point and BITS-enabled distribution point', purpose: 'client to management point / distribution point' },
    { port: 88, protocols: BOTH, name: 'Kerberos', description: 'Kerberos: SMS site server to Active Directory' },
    { port: 135, protocols: BOTH, name: 'RPC Endpoint Mapper', description: 'RPC Endpoint Mapper: SMS site server to Active Directory; the SMS Administrator console needs TCP 135', purpose: 'site server to Active Directory, SMS Administrator console' },
    { port: 137, protocols: UDP, name: 'NetBIOS name resolution', description: 'NetBIOS over TCP/IP name resolution for SMS Remote Control and SQL Server (B-node broadcasts not recommended)', purpose: 'remote control' },
    { port: 138, protocols: UDP, name: 'NetBIOS messaging / datagrams', description: 'NetBIOS over TCP/IP messaging for SMS Remote Control; NetBIOS datagrams and WINS (core Windows NT UDP ports)', purpose: 'remote control' },
    { port: 139, protocols: TCP, name: 'NetBIOS client sessions', description: 'Client sessions for non BITS-enabled distribution points, SMS Remote Control over NetBIOS and SQL Server named pipes', purpose: 'client to distribution point, remote control' },
    { port: 389, protocols: TCP, name: 'LDAP', description: 'LDAP: SMS site server and Advanced Client to Active Directory (find a management point)', purpose: 'site server / client to Active Directory' },
    { port: 389, protocols: UDP, name: 'LDAP Ping', description: 'LDAP Ping from the Advanced Client to the global catalog server', purpose: 'client to Active Directory' },
    { port: 445, protocols: TCP, name: 'SMB', description: 'Server Message Block: site server to child site, secondary site or SMS SQL Server; client to non BITS-enabled distribution points', purpose: 'site-to-site, client to distribution point' },
    { port: 636, protocols: TCP, name: 'LDAP SSL', description: 'LDAP over SSL to Active Directory' },
    { port: 1433, protocols: TCP, name: 'SQL Server', description: 'SMS site server, management points, server locator points and reporting points to the SMS SQL Server database (TCP/IP Net-Library)', product: 'SQL Server' },
    { port: 1723, protocols: TCP, name: 'PPTP', description: 'Point to Point Tunneling Protocol for the SMS RAS Sender', purpose: 'SMS RAS Sender' },
    { port: 2701, protocols: BOTH, name: 'SMS Remote Control (control)', description: 'SMS Remote Control control channel (Remote Control System service Wuser32)', windowsServices: ['Wuser32'], purpose: 'remote control' },
    { port: 2702, protocols: BOTH, name: 'SMS Remote Control (data)', description: 'SMS Remote Control data channel (Wuser32)', windowsServices: ['Wuser32'], purpose: 'remote control' },
    { port: 2703, protocols: BOTH, name: 'SMS Remote Chat', description: 'SMS Remote Chat (Wuser32)', windowsServices: ['Wuser32'], purpose: 'remote control' },
    { port: 2704, protocols: BOTH, name: 'SMS Remote File Transfer', description: 'SMS Remote File Transfer (Wuser32)', windowsServices: ['Wuser32'], purpose: 'remote control' },
    { port: 3268, protocols: TCP, name: 'Global Catalog LDAP', description: 'Explicit connection to the Global Catalog (site server and Advanced Client)' },
    { port: 3269, protocols: TCP, name: 'Global Catalog LDAP SSL', description: 'Explicit SSL connection to the Global Catalog' },
  ],
};
