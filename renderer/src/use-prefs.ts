// The preferences the toolbar shows (theme, remote images…), and the theme applied to the page.
import { useCallback, useEffect, useState } from 'react';
import { api } from './api-client.ts';
import { errorMessage } from './format.ts';
import type { Prefs } from './types.ts';

export function usePrefs(onError: (message: string) => void): { prefs: Prefs | null; setPref: (patch: Partial<Prefs>) => Promise<void> } {
  const [prefs, setPrefs] = useState<Prefs | null>(null);

  useEffect(() => {
    api.call('settings.get', {}).then(setPrefs, (err: unknown) => onError(errorMessage(err)));
  }, [onError]);

  useEffect(() => {
    if (prefs && prefs.theme !== 'system') document.documentElement.dataset['theme'] = prefs.theme;
    else delete document.documentElement.dataset['theme'];
  }, [prefs]);

  const setPref = useCallback(async (patch: Partial<Prefs>) => {
    try {
      setPrefs(await api.call('settings.set', patch));
      // Web mode: the page's Content-Security-Policy decides about remote images, and it comes with the page.
      if (patch.allowRemoteImages !== undefined && api.mode === 'web') location.reload();
    } catch (err) {
      onError(errorMessage(err));
    }
  }, [onError]);

  return { prefs, setPref };
}
