// The preferences the UI shows and changes. Window bounds stay with the shell; everything else is here.
import { z } from 'zod';
import { method } from './define.ts';

const editable = z.object({
  refreshMinutes: z.number().int().min(5).max(1440).optional(),
  allowRemoteImages: z.boolean().optional(),
  notifyFlagged: z.boolean().optional(),
  theme: z.enum(['system', 'light', 'dark']).optional(),
}).strict();

type Prefs = { refreshMinutes: number; allowRemoteImages: boolean; notifyFlagged: boolean; theme: 'system' | 'light' | 'dark' };

export const settingsApi = {
  'settings.get': method(z.object({}).strict(), (ctx): Prefs => ({
    refreshMinutes: ctx.settings.get('refreshMinutes'),
    allowRemoteImages: ctx.settings.get('allowRemoteImages'),
    notifyFlagged: ctx.settings.get('notifyFlagged'),
    theme: ctx.settings.get('theme'),
  })),
  'settings.set': method(editable, (ctx, patch): Prefs => {
    if (patch.refreshMinutes !== undefined) ctx.settings.set('refreshMinutes', patch.refreshMinutes);
    if (patch.allowRemoteImages !== undefined) ctx.settings.set('allowRemoteImages', patch.allowRemoteImages);
    if (patch.notifyFlagged !== undefined) ctx.settings.set('notifyFlagged', patch.notifyFlagged);
    if (patch.theme !== undefined) ctx.settings.set('theme', patch.theme);
    return settingsApi['settings.get'].run(ctx, {}) as Prefs;
  }),
};
