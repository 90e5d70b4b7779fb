/** Where the built pieces are, relative to out/main/index.js; the dev server URL in `npm start`. */
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { TrustedRenderer } from './trusted-sender';

export interface AppPaths {
  preload: string;
  rendererFile: string;
  /** Set by electron-vite in development only. */
  devServerUrl: string | null;
  trusted: TrustedRenderer;
}

export function appPaths(env: NodeJS.ProcessEnv = process.env, mainDir = path.dirname(fileURLToPath(import.meta.url))): AppPaths {
  const rendererFile = path.join(mainDir, '../renderer/index.html');
  const devServerUrl = env.ELECTRON_RENDERER_URL ?? null;
  return {
    preload: path.join(mainDir, '../preload/index.cjs'),
    rendererFile,
    devServerUrl,
    trusted: devServerUrl ? { devOrigin: devServerUrl } : { fileUrl: pathToFileURL(rendererFile).href },
  };
}
