/**
 * The Content-Security-Policy the web server and the Electron session send with the renderer. It is
 * the policy of the meta tag in src/renderer/index.html (a test keeps them in step) with two changes:
 * connect-src is just 'self' — CSP3 'self' covers ws:// to the same host:port, which is all the web
 * client needs, and Chromium rejects `ws://[::1]:*` as a source anyway — and the directives a meta tag
 * cannot carry (framing) or that tighten it further.
 */
const RENDERER_CSP_DIRECTIVES: Readonly<Record<string, string>> = {
  'default-src': "'self'",
  'script-src': "'self'",
  'style-src': "'self' 'unsafe-inline'",
  'img-src': "'self' data:",
  'connect-src': "'self'",
  'object-src': "'none'",
  'base-uri': "'none'",
  'form-action': "'none'",
  'frame-ancestors': "'none'",
};

export const RENDERER_CSP = Object.entries(RENDERER_CSP_DIRECTIVES)
  .map(([name, value]) => `${name} ${value}`)
  .join('; ');

/** A policy string as directive -> value (for comparing policies). */
export function parseCsp(policy: string): Map<string, string> {
  const directives = new Map<string, string>();
  for (const part of policy.split(';')) {
    const [name, ...values] = part.trim().split(/\s+/);
    if (name) directives.set(name.toLowerCase(), values.join(' '));
  }
  return directives;
}
