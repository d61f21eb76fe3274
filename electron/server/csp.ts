// The one Content-Security-Policy of the renderer, used by web mode (a header) and the app (session headers):
// no script but our own files, no inline script, no plugins or frames, no remote loads except images when
// the user has allowed them.
export interface CspOptions {
  allowRemoteImages: boolean;
}

export function contentSecurityPolicy({ allowRemoteImages }: CspOptions): string {
  return [
    "default-src 'self'",
    "script-src 'self'",
    "style-src 'self'",
    `img-src 'self' data:${allowRemoteImages ? ' https: http:' : ''}`,
    "font-src 'self'",
    "connect-src 'self'",
    "media-src 'none'",
    "object-src 'none'",
    "frame-src 'none'",
    "worker-src 'none'",
    "base-uri 'none'",
    "form-action 'none'",
    "frame-ancestors 'none'",
  ].join('; ');
}
