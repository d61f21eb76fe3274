// The Electron shell: one sandboxed window on the built renderer, served from app://footnote with a strict CSP;
// every API call goes through invoke() after a sender check; links open in the system browser after a scheme
// check; navigation, new windows, webviews and permissions are refused. Everything else lives in plain Node.
import { app, BrowserWindow, ipcMain, Menu, Notification, net, protocol, session, shell, type MenuItemConstructorOptions, type WebContents } from 'electron';
import ElectronStore from 'electron-store';
import { extname, join, resolve, sep } from 'node:path';
import { pathToFileURL } from 'node:url';
import { apiNames, invoke, ApiError, type ApiContext } from './api/methods.ts';
import { createContext } from './engine/context.ts';
import { settingsSchema, type Settings, type SettingsValues } from './settings.ts';
import { contentSecurityPolicy } from './server/csp.ts';
import { startPollSchedule, type PollSchedule } from './engine/poll-schedule.ts';
import { isSafeExternalUrl } from './external-links.ts';
import { IPC_API, IPC_COMMAND, IPC_EVENT, IPC_NAMES, type BridgeReply, type MenuCommand } from './api/bridge.ts';

const SCHEME = 'app';
const ORIGIN = `${SCHEME}://footnote`;
const rendererRoot = resolve(join(import.meta.dirname, '..', 'renderer'));

protocol.registerSchemesAsPrivileged([{ scheme: SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true } }]);

let win: BrowserWindow | null = null;
let ctx: ApiContext | null = null;
let schedule: PollSchedule | null = null;

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

function wireIpc(context: ApiContext): void {
  ipcMain.on(IPC_NAMES, (event) => {
    event.returnValue = fromOurWindow(event.sender, event.senderFrame?.url) ? apiNames : [];
  });
  ipcMain.handle(IPC_API, async (event, name: unknown, args: unknown): Promise<BridgeReply> => {
    if (!fromOurWindow(event.sender, event.senderFrame?.url)) return { ok: false, error: 'Refused: not the Footnote window.', code: 'forbidden' };
    if (typeof name !== 'string') return { ok: false, error: 'The method name must be a string.', code: 'bad_request' };
    try {
      return { ok: true, value: await invoke(context, name, args) };
    } catch (err) {
      return err instanceof ApiError
        ? { ok: false, error: err.message, code: err.code }
        : { ok: false, error: (err as Error).message ?? String(err), code: 'failed' };
    }
  });
  context.events.on((event) => {
    win?.webContents.send(IPC_EVENT, event);
    if (event.type === 'articles-new' && event.flagged > 0 && context.settings.get('notifyFlagged') && Notification.isSupported()) {
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

function createWindow(settings: Settings): void {
  const bounds = settings.get('windowBounds');
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
    if (win) settings.set('windowBounds', win.getNormalBounds());
  });
  win.on('closed', () => {
    win = null;
  });
  void win.loadURL(`${ORIGIN}/index.html`);
}

function start(): void {
  const dataDir = process.env['FOOTNOTE_DATA_DIR'] ?? app.getPath('userData');
  // electron-store is conf with Electron's plumbing: same schema, same file as the CLI's settings.
  const settings: Settings = new ElectronStore<SettingsValues>({ name: 'settings', cwd: dataDir, schema: settingsSchema });
  const session_ = session.defaultSession;
  session_.setPermissionRequestHandler((_contents, _permission, callback) => callback(false));
  session_.setPermissionCheckHandler(() => false);
  session_.setDevicePermissionHandler(() => false);
  serveRenderer(settings);
  ctx = createContext(dataDir, settings);
  wireIpc(ctx);
  buildMenu();
  createWindow(settings);
  schedule = startPollSchedule(ctx, (message) => console.error(`footnote: ${message}`));
}

if (!app.requestSingleInstanceLock()) {
  app.quit();
} else {
  app.on('second-instance', () => {
    if (win?.isMinimized()) win.restore();
    win?.focus();
  });
  app.on('web-contents-created', (_event, contents) => hardenContents(contents));
  app.whenReady().then(start, (err: unknown) => {
    console.error(err);
    app.exit(1);
  });
  app.on('window-all-closed', () => {
    if (process.platform !== 'darwin') app.quit();
  });
  app.on('activate', () => {
    if (win === null && ctx) createWindow(ctx.settings);
  });
  app.on('will-quit', () => {
    schedule?.stop();
    void ctx?.store.close();
  });
}
