/** Light/dark: follow the OS (prefers-color-scheme) unless the user picked one; sets <html data-theme>. */
import { useEffect } from 'react';
import type { ThemeChoice } from '../store/app-store';

export function useTheme(choice: ThemeChoice): void {
  useEffect(() => {
    const media = window.matchMedia('(prefers-color-scheme: dark)');
    const apply = (): void => {
      const theme = choice === 'system' ? (media.matches ? 'dark' : 'light') : choice;
      document.documentElement.dataset.theme = theme;
      document.documentElement.style.colorScheme = theme;
    };
    apply();
    media.addEventListener('change', apply);
    return () => media.removeEventListener('change', apply);
  }, [choice]);
}
