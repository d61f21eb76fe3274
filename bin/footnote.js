#!/usr/bin/env node
// The CLI runs its TypeScript directly: Node 22 strips types, so there is no build step to forget.
import { main } from '../electron/cli/main.ts';

process.exitCode = await main(process.argv.slice(2));
