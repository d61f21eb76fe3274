// Methods about the app itself.
import { z } from 'zod';
import { method } from './define.ts';
import { APP_VERSION } from '../version.ts';

export const systemApi = {
  version: method(z.object({}).strict(), async (ctx) => ({ version: APP_VERSION, schema: await ctx.store.schemaVersion() })),
};
