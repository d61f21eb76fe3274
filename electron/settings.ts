// Settings behind one small interface: conf (a JSON file in the data directory) in Node; the app hands in
// electron-store, which is conf underneath and adds only the Electron plumbing (it cannot load outside Electron).
import Conf from 'conf';
import type { TeamLibrarySetting } from './team-library.ts';

export interface SettingsValues {
  /** Default poll interval for new feeds, minutes. */
  refreshMinutes: number;
  /** Remote images in articles: off until the user allows them. */
  allowRemoteImages: boolean;
  notifyFlagged: boolean;
  windowBounds: { x?: number; y?: number; width: number; height: number } | null;
  theme: 'system' | 'light' | 'dark';
  /** Keep each response's head and bytes as received, for evidence (issue 13). */
  captureRaw: boolean;
  /** Body bytes kept per response when captureRaw is on. */
  captureMaxBytes: number;
  /** Articles of the last N days are re-checked for edits and deletions. */
  recheckDays: number;
  /** Unprotected articles older than this many days may be pruned (store/RETENTION.md); null: never. */
  retentionDays: number | null;
  /** Who this client is on a team library (empty: the OS user). */
  analystName: string;
  /** The team library chosen under Settings → Library (null: the local library); its password is never here. */
  teamLibrary: TeamLibrarySetting | null;
}

export interface Settings {
  get<K extends keyof SettingsValues>(key: K): SettingsValues[K];
  set<K extends keyof SettingsValues>(key: K, value: SettingsValues[K]): void;
  readonly store: SettingsValues;
}

export const settingsSchema = {
  refreshMinutes: { type: 'number', minimum: 5, maximum: 1440, default: 30 },
  allowRemoteImages: { type: 'boolean', default: false },
  notifyFlagged: { type: 'boolean', default: false },
  windowBounds: { type: ['object', 'null'], default: null },
  theme: { type: 'string', enum: ['system', 'light', 'dark'], default: 'system' },
  captureRaw: { type: 'boolean', default: true },
  captureMaxBytes: { type: 'number', minimum: 1024, maximum: 100 * 1024 * 1024, default: 5 * 1024 * 1024 },
  recheckDays: { type: 'number', minimum: 1, maximum: 3650, default: 14 },
  retentionDays: { type: ['number', 'null'], minimum: 1, default: null },
  analystName: { type: 'string', maxLength: 100, default: '' },
  teamLibrary: { type: ['object', 'null'], default: null },
} as const;

export function openSettings(dataDir: string): Settings {
  return new Conf<SettingsValues>({ cwd: dataDir, configName: 'settings', projectName: 'footnote', schema: settingsSchema });
}

/** The raw-capture setting as fetches take it: null when turned off. */
export function captureSetting(settings: Settings): { maxBytes: number } | null {
  return settings.get('captureRaw') ? { maxBytes: settings.get('captureMaxBytes') } : null;
}
