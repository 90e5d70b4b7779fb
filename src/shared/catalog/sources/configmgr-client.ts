/** "Windows Firewall and port settings for clients in System Center Configuration Manager" (seed 002). */
import type { CatalogSource } from '../types';
import { BOTH, TCP, UDP } from './protocols';

const CONFIGMGR_CLIENT_TITLE = 'Windows Firewall and port settings for clients in System Center Configuration Manager';

export const configmgrClient: CatalogSource = {
  title: CONFIGMGR_CLIENT_TITLE,
  product: 'Configuration Manager client',
  rank: 30,
  entries: [
    { port: 9, protocols: UDP, name: 'Wake On LAN', description: 'Wake On LAN port used by the ConfigMgr Wake-up Proxy to wake computers on the subnet (changeable in Power Management client settings)', purpose: 'wake-up proxy' },
    { port: 80, protocols: TCP, name: 'HTTP client communication', description: 'HTTP from the client to management points, distribution points, the fallback status point and the software update point; fallback for client notification', purpose: 'client requests' },
    { port: 135, protocols: BOTH, name: 'RPC endpoint mapper', description: 'RPC endpoint mapper between the site server and the client (client push installation); inbound TCP 135 with Helpsvc.exe for Remote Assistance', purpose: 'client push installation, Remote Assistance' },
    { port: 443, protocols: TCP, name: 'HTTPS client communication', description: 'HTTPS from the client to management points, distribution points and the software update point; fallback for client notification', purpose: 'client requests' },
    { port: 445, protocols: TCP, name: 'SMB', description: 'Server Message Block between the site server, distribution point or source share and the client (client push, CCMSetup /source)', purpose: 'client installation' },
    { port: 2701, protocols: TCP, name: 'Remote control', description: 'Configuration Manager remote control (inbound on the client)', purpose: 'remote control' },
    { port: 8530, protocols: TCP, name: 'WSUS HTTP', description: 'HTTP from the client to the software update point on a custom WSUS web site', purpose: 'software update point-based installation', product: 'Windows Server Update Services' },
    { port: 8531, protocols: TCP, name: 'WSUS HTTPS', description: 'HTTPS from the client to the software update point on a custom WSUS web site', purpose: 'software update point-based installation', product: 'Windows Server Update Services' },
    { port: 10123, protocols: TCP, name: 'Client notification', description: 'Management point notifies clients of actions (download computer policy, malware scan); falls back to HTTP/HTTPS', purpose: 'client notification' },
    { port: 25536, protocols: UDP, name: 'Wake-up proxy', description: 'ConfigMgr Wake-up Proxy peer-to-peer check whether computers on the subnet are awake', purpose: 'wake-up proxy' },
    { port: [49152, 65535], protocols: TCP, name: 'RPC dynamic ports', description: 'RPC dynamic ports between the site server and the client computer (client push installation)', purpose: 'client push installation' },
  ],
};
