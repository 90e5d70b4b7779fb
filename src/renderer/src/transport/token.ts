/**
 * The web face's access token: it arrives in the page URL (?token=…), is kept in sessionStorage (so a
 * reload in this tab works) and is removed from the address bar at once, so it does not linger in the
 * history, a screenshot or a copied link.
 */
export const TOKEN_STORAGE_KEY = 'portscope.token';

export interface TokenEnvironment {
  location: Pick<Location, 'href'>;
  history: Pick<History, 'replaceState' | 'state'>;
  storage: Pick<Storage, 'getItem' | 'setItem'> | null;
}

/** Take the token from the URL (then scrub it) or from the tab's storage; null when neither has one. */
export function takeToken(env: TokenEnvironment): string | null {
  const url = new URL(env.location.href);
  const fromUrl = url.searchParams.get('token');
  if (fromUrl) {
    try {
      env.storage?.setItem(TOKEN_STORAGE_KEY, fromUrl);
    } catch {
      // Storage disabled: the token lives in memory for this page only.
    }
    url.searchParams.delete('token');
    env.history.replaceState(env.history.state, '', url.pathname + url.search + url.hash);
    return fromUrl;
  }
  try {
    return env.storage?.getItem(TOKEN_STORAGE_KEY) ?? null;
  } catch {
    return null;
  }
}
