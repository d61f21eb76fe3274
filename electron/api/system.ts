// Methods about the app itself.
import { z } from 'zod';
import { method } from './define.ts';
import { APP_VERSION } from '../version.ts';
import { schemaVersion } from '../store/sqlite/db.ts';

export const systemApi = {
  version: method(z.object({}).strict(), (ctx) => ({ version: APP_VERSION, schema: schemaVersion(ctx.db) })),
};
