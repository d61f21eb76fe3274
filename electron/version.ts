// The app's name and version, for the User-Agent and `footnote --version`.
import pkg from '../package.json' with { type: 'json' };

export const APP_VERSION: string = pkg.version;
export const USER_AGENT = `Footnote/${APP_VERSION} (desktop feed reader)`;
