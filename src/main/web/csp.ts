/**
 * The Content-Security-Policy of the renderer: the same policy as the meta tag in src/renderer/index.html
 * (a test keeps them in step), plus the directives a meta tag cannot carry. Used by the web server's
 * headers and by the Electron session.
 */
export const RENDERER_CSP_META =
  "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; connect-src 'self' ws://127.0.0.1:* ws://localhost:* ws://[::1]:*";

/** Header-only directives: no framing (clickjacking), no <base> hijack, no form posts elsewhere. */
export const RENDERER_CSP = `${RENDERER_CSP_META}; object-src 'none'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'`;
