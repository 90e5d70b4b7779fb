/**
 * Ports developers and admins meet every day that the vendor seeds do not cover, with the programs
 * that usually hold them (image names as `ps`/Task Manager show them).
 */
import type { CatalogSource } from '../types';
import { BOTH, TCP, UDP } from './protocols';

export const DEVELOPER_PORTS_TITLE = 'PortScope developer and admin ports';

export const developerPorts: CatalogSource = {
  title: DEVELOPER_PORTS_TITLE,
  product: 'developer tools',
  rank: 60,
  entries: [
    { port: 22, protocols: TCP, name: 'SSH', description: 'Secure Shell remote login and file transfer', typicalProcesses: ['sshd', 'sshd.exe', 'systemd', 'launchd', 'dropbear'] },
    { port: 53, protocols: BOTH, name: 'DNS', description: 'Domain Name System resolver or server', typicalProcesses: ['systemd-resolved', 'dnsmasq', 'named', 'unbound', 'dns.exe', 'coredns', 'pihole-FTL'] },
    { port: 111, protocols: BOTH, name: 'rpcbind / portmapper', description: 'ONC RPC port mapper (NFS)', typicalProcesses: ['rpcbind', 'launchd'] },
    { port: 631, protocols: BOTH, name: 'IPP / CUPS', description: 'Internet Printing Protocol: the CUPS print server', typicalProcesses: ['cupsd', 'cups-browsed'] },
    { port: 1080, protocols: TCP, name: 'SOCKS proxy', description: 'SOCKS proxy (ssh -D, Dante)', typicalProcesses: ['ssh', 'danted'] },
    { port: 1433, protocols: TCP, name: 'Microsoft SQL Server', description: 'SQL Server database engine (default instance)', typicalProcesses: ['sqlservr.exe', 'sqlservr'] },
    { port: 1434, protocols: UDP, name: 'SQL Server Browser', description: 'SQL Server Browser: named-instance discovery', typicalProcesses: ['sqlbrowser.exe'] },
    { port: 1521, protocols: TCP, name: 'Oracle listener', description: 'Oracle Database TNS listener', typicalProcesses: ['tnslsnr', 'tnslsnr.exe'] },
    { port: 1883, protocols: TCP, name: 'MQTT', description: 'MQTT message broker', typicalProcesses: ['mosquitto', 'beam.smp'] },
    { port: 2049, protocols: BOTH, name: 'NFS', description: 'Network File System server (kernel nfsd)', typicalProcesses: ['nfsd'] },
    { port: 2181, protocols: TCP, name: 'ZooKeeper', description: 'Apache ZooKeeper client port', typicalProcesses: ['java'] },
    { port: 2375, protocols: TCP, name: 'Docker API (plain)', description: 'Docker Engine API without TLS: anyone who reaches it controls the host', typicalProcesses: ['dockerd', 'com.docker.backend'] },
    { port: 2376, protocols: TCP, name: 'Docker API (TLS)', description: 'Docker Engine API over TLS', typicalProcesses: ['dockerd'] },
    { port: 2379, protocols: TCP, name: 'etcd client', description: 'etcd client API (Kubernetes control plane)', typicalProcesses: ['etcd'] },
    { port: 2380, protocols: TCP, name: 'etcd peer', description: 'etcd peer communication', typicalProcesses: ['etcd'] },
    { port: 3000, protocols: TCP, name: 'Dev server (Node/React/Rails/Grafana)', description: 'Common development server port: Node.js/Express, Create React App, Next.js, Rails, Grafana', typicalProcesses: ['node', 'node.exe', 'ruby', 'grafana', 'grafana-server', 'bun', 'deno'] },
    { port: 3306, protocols: TCP, name: 'MySQL / MariaDB', description: 'MySQL or MariaDB database server', typicalProcesses: ['mysqld', 'mariadbd', 'mysqld.exe'] },
    { port: 3389, protocols: UDP, name: 'Remote Desktop (UDP transport)', description: 'RDP UDP transport of Remote Desktop Services (Windows 8 / Server 2012 and later)', typicalProcesses: ['svchost.exe'] },
    { port: 4200, protocols: TCP, name: 'Angular dev server', description: 'Angular CLI development server (ng serve)', typicalProcesses: ['node', 'node.exe'] },
    { port: 4369, protocols: TCP, name: 'Erlang port mapper (epmd)', description: 'Erlang port mapper daemon (RabbitMQ, CouchDB)', typicalProcesses: ['epmd', 'epmd.exe'] },
    { port: 5000, protocols: TCP, name: 'Dev server (Flask) / macOS AirPlay Receiver', description: 'Flask and ASP.NET Core development servers, Docker registry; on macOS 12+ the AirPlay Receiver (ControlCenter)', typicalProcesses: ['python', 'python3', 'python.exe', 'dotnet', 'registry', 'ControlCenter'] },
    { port: 5173, protocols: TCP, name: 'Vite dev server', description: 'Vite development server', typicalProcesses: ['node', 'node.exe', 'bun'] },
    { port: 5355, protocols: BOTH, name: 'LLMNR', description: 'Link-Local Multicast Name Resolution', typicalProcesses: ['systemd-resolved', 'svchost.exe'] },
    { port: 5432, protocols: TCP, name: 'PostgreSQL', description: 'PostgreSQL database server', typicalProcesses: ['postgres', 'postgres.exe', 'postmaster'] },
    { port: 5601, protocols: TCP, name: 'Kibana', description: 'Kibana web UI', typicalProcesses: ['node'] },
    { port: 5672, protocols: TCP, name: 'AMQP (RabbitMQ)', description: 'RabbitMQ AMQP broker', typicalProcesses: ['beam.smp', 'erl.exe'] },
    { port: 5900, protocols: TCP, name: 'VNC', description: 'VNC remote desktop (macOS Screen Sharing)', typicalProcesses: ['screensharingd', 'launchd', 'x11vnc', 'vino-server', 'Xvnc', 'tvnserver.exe'] },
    { port: 6379, protocols: TCP, name: 'Redis', description: 'Redis key-value store', typicalProcesses: ['redis-server', 'redis-server.exe', 'valkey-server'] },
    { port: 6443, protocols: TCP, name: 'Kubernetes API server', description: 'Kubernetes API server (kube-apiserver, k3s)', typicalProcesses: ['kube-apiserver', 'k3s', 'k3s-server'] },
    { port: 7000, protocols: TCP, name: 'macOS AirPlay Receiver / Cassandra', description: 'On macOS 12+ the AirPlay Receiver (ControlCenter); elsewhere Cassandra inter-node', typicalProcesses: ['ControlCenter', 'java'] },
    { port: 8000, protocols: TCP, name: 'Dev server (Django / python -m http.server)', description: 'Django runserver, python -m http.server, uvicorn', typicalProcesses: ['python', 'python3', 'python.exe', 'uvicorn'] },
    { port: 8080, protocols: TCP, name: 'HTTP alternate / proxy', description: 'Alternate HTTP: Tomcat, Jenkins, proxies, dev servers', typicalProcesses: ['java', 'node', 'nginx', 'httpd', 'tomcat'] },
    { port: 8443, protocols: TCP, name: 'HTTPS alternate', description: 'Alternate HTTPS: Tomcat, Kubernetes dashboards, admin UIs', typicalProcesses: ['java', 'node', 'nginx'] },
    { port: 8888, protocols: TCP, name: 'Jupyter', description: 'Jupyter Notebook / JupyterLab', typicalProcesses: ['python', 'python3', 'jupyter-lab'] },
    { port: 9000, protocols: TCP, name: 'PHP-FPM / SonarQube / MinIO', description: 'PHP-FPM FastCGI, SonarQube, MinIO, Portainer', typicalProcesses: ['php-fpm', 'java', 'minio'] },
    { port: 9090, protocols: TCP, name: 'Prometheus / Cockpit', description: 'Prometheus server, Cockpit web console', typicalProcesses: ['prometheus', 'cockpit-ws', 'systemd'] },
    { port: 9092, protocols: TCP, name: 'Kafka', description: 'Apache Kafka broker', typicalProcesses: ['java'] },
    { port: 9100, protocols: TCP, name: 'Prometheus node exporter', description: 'Prometheus node_exporter metrics (also JetDirect printers)', typicalProcesses: ['node_exporter'] },
    { port: 9200, protocols: TCP, name: 'Elasticsearch / OpenSearch', description: 'Elasticsearch or OpenSearch REST API', typicalProcesses: ['java'] },
    { port: 9300, protocols: TCP, name: 'Elasticsearch transport', description: 'Elasticsearch node-to-node transport', typicalProcesses: ['java'] },
    { port: 9229, protocols: TCP, name: 'Node.js inspector', description: 'Node.js debugger (node --inspect)', typicalProcesses: ['node', 'node.exe'] },
    { port: 10250, protocols: TCP, name: 'Kubelet API', description: 'Kubernetes kubelet API', typicalProcesses: ['kubelet', 'k3s'] },
    { port: 11211, protocols: BOTH, name: 'Memcached', description: 'Memcached cache server', typicalProcesses: ['memcached'] },
    { port: 15672, protocols: TCP, name: 'RabbitMQ management', description: 'RabbitMQ management web UI and HTTP API', typicalProcesses: ['beam.smp', 'erl.exe'] },
    { port: 41641, protocols: UDP, name: 'Tailscale', description: 'Tailscale WireGuard tunnel (default port)', typicalProcesses: ['tailscaled', 'tailscaled.exe'] },
    { port: 51820, protocols: UDP, name: 'WireGuard', description: 'WireGuard VPN (default listen port; kernel sockets have no process)', typicalProcesses: ['wireguard.exe', 'wireguard-go'] },
    { port: 27017, protocols: TCP, name: 'MongoDB', description: 'MongoDB database server', typicalProcesses: ['mongod', 'mongod.exe', 'mongos'] },
  ],
};
