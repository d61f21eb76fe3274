/* eslint-disable @typescript-eslint/no-require-imports -- a CommonJS script: it loads app-builder-lib internals with require */
// Checks electron-builder.yml against electron-builder's own schema without packaging anything (packaging needs
// the network). Uses an internal path of app-builder-lib, which may move between versions: if it does, the
// error says so rather than passing silently.
const { getConfig, validateConfiguration } = require('app-builder-lib/out/util/config/config');
const { DebugLogger } = require('builder-util');

(async () => {
  const config = await getConfig(process.cwd(), process.argv[2] || null, null);
  await validateConfiguration(config, new DebugLogger(false));
  console.log('electron-builder config OK:', config.appId);
})().catch((err) => {
  console.error(err.message);
  process.exit(1);
});
