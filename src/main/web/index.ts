/** The browser face: `startWebServer` serves the renderer and PortScopeApi on loopback. */
export { startWebServer, type WebServer, type WebServerOptions } from './server';
export { openInBrowser } from './open-browser';
