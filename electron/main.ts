// The Electron shell: one sandboxed window on the built renderer, served from app://footnote with a strict CSP;
// every API call goes, after a sender check, to the engine in its own utility process (so a long poll or a slow
// page never stalls menus and windows); links open in the system browser after a scheme check; navigation, new
// windows, webviews and permissions are refused. Everything else lives in plain Node.
import { app, BrowserWindow, dialog, ipcMain, Menu, Notification, net, protocol, safeStorage, session, shell, utilityProcess, type MenuItemConstructorOptions, type WebContents } from 'electron';
import ElectronStore from 'electron-store';
import { extname, join, resolve, sep } from 'node:path';
import { pathToFileURL } from 'node:url';
// Not api/methods.ts: the API's code belongs to the engine bundle; the names come from the engine when it starts.
import { ApiError } from './api/define.ts';
import type { EngineChannel } from './engine/host.ts';
import { startEngineWithReader, type EngineWithReader } from './engine/readers.ts';
import type { EngineMessage } from './engine/protocol.ts';
import { settingsSchema, type Settings, type SettingsValues } from './settings.ts';
import { contentSecurityPolicy } from './server/csp.ts';
import { isSafeExternalUrl } from './external-links.ts';
import { IPC_API, IPC_COMMAND, IPC_EVENT, IPC_NAMES, type BridgeReply, type MenuCommand } from './api/bridge.ts';
import { environmentSecrets, keychainSecrets, type SecretStore } from './secrets.ts';
import { withKeptPassword } from './app-secrets.ts';
import { savedTeamLibraryUrl, withPassword } from './team-library.ts';

const SCHEME = 'app';
const ORIGIN = `${SCHEME}://footnote`;
const rendererRoot = resolve(join(import.meta.dirname, '..', 'renderer'));

protocol.registerSchemesAsPrivileged([{ scheme: SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true } }]);

let win: BrowserWindow | null = null;
let settings: Settings | null = null;
let engine: EngineWithReader | null = null;

/** The engine (electron/engine/entry.ts, bundled as engine.js beside this file) in a utility process; its reader
 * (engine/readers.ts) and its search thread in two more. */
function utilityChannel(): EngineChannel {
  const child = utilityProcess.fork(join(import.meta.dirname, 'engine.js'), [], { serviceName: 'Footnote engine' });
  return {
    post: (message) => child.postMessage(message),
    // The engine sends only EngineMessage values (engine/loop.ts).
    onMessage: (listener) => child.on('message', (message: unknown) => listener(message as EngineMessage)),
    onExit: (listener) => child.once('exit', (code) => listener(`exit code ${code}`)),
    kill: () => void child.kill(),
  };
}

function openExternal(url: string): void {
  if (isSafeExternalUrl(url)) void shell.openExternal(url);
}

/** Serves out/renderer under app://footnote with the CSP header; nothing outside that folder. */
function serveRenderer(settings: Settings): void {
  protocol.handle(SCHEME, async (request) => {
    const { host, pathname } = new URL(request.url);
    const file = resolve(rendererRoot, `.${decodeURIComponent(pathname === '/' ? '/index.html' : pathname)}`);
    if (host !== 'footnote' || (file !== rendererRoot && !file.startsWith(rendererRoot + sep))) return new Response('Not found', { status: 404 });
    const response = await net.fetch(pathToFileURL(file).href);
    const headers = new Headers(response.headers);
    if (extname(file) === '.html') headers.set('Content-Type', 'text/html; charset=utf-8');
    headers.set('Content-Security-Policy', contentSecurityPolicy({ allowRemoteImages: settings.get('allowRemoteImages') }));
    headers.set('X-Content-Type-Options', 'nosniff');
    headers.set('Referrer-Policy', 'no-referrer');
    return new Response(response.body, { status: response.status, headers });
  });
}

/** Only our own window's top frame, showing our own pages, may call the API. */
function fromOurWindow(sender: WebContents, frameUrl: string | undefined): boolean {
  return win !== null && sender === win.webContents && (frameUrl ?? '').startsWith(`${ORIGIN}/`);
}

/** The team library's password in the OS keychain through safeStorage. Linux's basic_text backend encrypts with a
 * key built into Chromium, as good as plain text: then no password is kept, as in web mode. */
async function secretStore(dataDir: string): Promise<SecretStore> {
  const available = await safeStorage.isAsyncEncryptionAvailable();
  if (!available || (process.platform === 'linux' && safeStorage.getSelectedStorageBackend() === 'basic_text')) return environmentSecrets(process.env);
  return keychainSecrets(dataDir, {
    encrypt: (plain) => safeStorage.encryptStringAsync(plain),
    decrypt: async (encrypted) => (await safeStorage.decryptStringAsync(encrypted)).result,
  }, 'the OS keychain');
}

/** FOOTNOTE_DATABASE_URL, else the team library saved under Settings → Library with its kept password, else local. */
async function libraryUrl(appSettings: Settings, secrets: SecretStore): Promise<string | undefined> {
  const saved = savedTeamLibraryUrl(appSettings);
  if (process.env['FOOTNOTE_DATABASE_URL']) return process.env['FOOTNOTE_DATABASE_URL'];
  if (!saved) return undefined;
  // A keychain that will not open leaves the password out: the library then reports the refused login in words.
  return withPassword(saved, await secrets.load().catch(() => undefined));
}

function wireIpc(host: EngineWithReader, appSettings: Settings, secrets: SecretStore): void {
  const invoke = withKeptPassword((name, args) => host.invoke(name, args), secrets, appSettings);
  ipcMain.on(IPC_NAMES, (event) => {
    event.returnValue = fromOurWindow(event.sender, event.senderFrame?.url) ? host.methods : [];
  });
  ipcMain.handle(IPC_API, async (event, name: unknown, args: unknown): Promise<BridgeReply> => {
    if (!fromOurWindow(event.sender, event.senderFrame?.url)) return { ok: false, error: 'Refused: not the Footnote window.', code: 'forbidden' };
    if (typeof name !== 'string') return { ok: false, error: 'The method name must be a string.', code: 'bad_request' };
    try {
      return { ok: true, value: await invoke(name, args) };
    } catch (err) {
      return err instanceof ApiError
        ? { ok: false, error: err.message, code: err.code }
        : { ok: false, error: (err as Error).message ?? String(err), code: 'failed' };
    }
  });
  host.onEvent((event) => {
    win?.webContents.send(IPC_EVENT, event);
    if (event.type === 'articles-new' && event.flagged > 0 && appSettings.get('notifyFlagged') && Notification.isSupported()) {
      new Notification({ title: 'Footnote', body: `${event.flagged} new flagged article${event.flagged === 1 ? '' : 's'}` }).show();
    }
  });
}

function hardenContents(contents: WebContents): void {
  contents.on('will-navigate', (event, url) => {
    event.preventDefault();
    openExternal(url);
  });
  contents.on('will-redirect', (event) => event.preventDefault());
  contents.on('will-attach-webview', (event) => event.preventDefault());
  contents.setWindowOpenHandler(({ url }) => {
    openExternal(url);
    return { action: 'deny' };
  });
}

function command(c: MenuCommand): void {
  win?.webContents.send(IPC_COMMAND, c);
}

/** File → Export Evidence (WARC)…: the whole library as an evidence WARC, to a file the user picks. */
async function exportEvidenceWarc(): Promise<void> {
  if (!engine || !win) return;
  const { canceled, filePath } = await dialog.showSaveDialog(win, { defaultPath: 'footnote-evidence.warc.gz', filters: [{ name: 'WARC', extensions: ['gz', 'warc'] }] });
  if (canceled || !filePath) return;
  try {
    // The engine answers with the method's own result ({articles, records}); the channel carries it untyped.
    const r = await engine.invoke('evidence.exportWarc', { path: filePath }) as { articles: number; records: number };
    new Notification({ title: 'Evidence exported', body: `${r.articles} articles, ${r.records} WARC records: ${filePath}` }).show();
  } catch (err) {
    dialog.showErrorBox('Evidence export failed', (err as Error).message);
  }
}

function buildMenu(): void {
  const isMac = process.platform === 'darwin';
  const template: MenuItemConstructorOptions[] = [
    ...(isMac ? [{ role: 'appMenu' as const }] : []),
    {
      label: 'File',
      submenu: [
        { label: 'Add Feed…', accelerator: 'CmdOrCtrl+N', click: () => command('add-feed') },
        { label: 'Refresh All', accelerator: 'CmdOrCtrl+R', click: () => command('refresh') },
        { label: 'Mark All as Read', accelerator: 'CmdOrCtrl+Shift+A', click: () => command('mark-all-read') },
        { label: 'Export Evidence (WARC)…', click: () => void exportEvidenceWarc() },
        { type: 'separator' },
        isMac ? { role: 'close' } : { role: 'quit' },
      ],
    },
    { role: 'editMenu' },
    {
      label: 'View',
      submenu: [
        { label: 'Search', accelerator: 'CmdOrCtrl+F', click: () => command('search') },
        { type: 'separator' },
        { role: 'resetZoom' }, { role: 'zoomIn' }, { role: 'zoomOut' }, { type: 'separator' }, { role: 'togglefullscreen' },
        ...(app.isPackaged ? [] : [{ role: 'toggleDevTools' as const }]),
      ],
    },
    { role: 'windowMenu' },
    { role: 'help', submenu: [{ label: 'Keyboard Shortcuts', accelerator: '?', click: () => command('help') }] },
  ];
  Menu.setApplicationMenu(Menu.buildFromTemplate(template));
}

function createWindow(appSettings: Settings): void {
  const bounds = appSettings.get('windowBounds');
  win = new BrowserWindow({
    width: bounds?.width ?? 1280,
    height: bounds?.height ?? 800,
    ...(bounds?.x !== undefined && bounds.y !== undefined ? { x: bounds.x, y: bounds.y } : {}),
    minWidth: 720,
    minHeight: 480,
    title: 'Footnote',
    show: false,
    webPreferences: {
      preload: join(import.meta.dirname, '..', 'preload', 'index.cjs'),
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      navigateOnDragDrop: false,
      spellcheck: false,
    },
  });
  win.once('ready-to-show', () => win?.show());
  win.on('close', () => {
    if (win) appSettings.set('windowBounds', win.getNormalBounds());
  });
  win.on('closed', () => {
    win = null;
  });
  void win.loadURL(`${ORIGIN}/index.html`);
}

async function start(): Promise<void> {
  const dataDir = process.env['FOOTNOTE_DATA_DIR'] ?? app.getPath('userData');
  // electron-store is conf with Electron's plumbing: same schema, same file as the CLI's settings (and the
  // engine's, which reads that file with conf).
  const appSettings: Settings = new ElectronStore<SettingsValues>({ name: 'settings', cwd: dataDir, schema: settingsSchema });
  settings = appSettings;
  const session_ = session.defaultSession;
  session_.setPermissionRequestHandler((_contents, _permission, callback) => callback(false));
  session_.setPermissionCheckHandler(() => false);
  session_.setDevicePermissionHandler(() => false);
  serveRenderer(appSettings);
  const secrets = await secretStore(dataDir);
  engine = await startEngineWithReader({ dataDir, databaseUrl: await libraryUrl(appSettings, secrets), schedule: true }, utilityChannel);
  wireIpc(engine, appSettings, secrets);
  buildMenu();
  createWindow(appSettings);
}

if (!app.requestSingleInstanceLock()) {
  app.quit();
} else {
  app.on('second-instance', () => {
    if (win?.isMinimized()) win.restore();
    win?.focus();
  });
  app.on('web-contents-created', (_event, contents) => hardenContents(contents));
  app.whenReady().then(start).catch((err: unknown) => {
    console.error(err);
    app.exit(1);
  });
  app.on('window-all-closed', () => {
    if (process.platform !== 'darwin') app.quit();
  });
  app.on('activate', () => {
    if (win === null && settings) createWindow(settings);
  });
  app.on('will-quit', () => {
    void engine?.close();
  });
}
