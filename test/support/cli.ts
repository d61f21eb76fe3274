// The real `footnote` bin as a child process, with no data directory or team library from the caller's environment.
import { execFile } from 'node:child_process';

export interface Run { code: number; stdout: string; stderr: string }

// Asynchronous on purpose: servers the test runs in this process must keep answering while the bin runs.
export function footnoteBin(args: string[], env: NodeJS.ProcessEnv): Promise<Run> {
  return new Promise((resolve) => {
    execFile(process.execPath, ['bin/footnote.js', ...args], { env: { ...process.env, FOOTNOTE_DATA_DIR: '', FOOTNOTE_DATABASE_URL: '', ...env } }, (err, stdout, stderr) => {
      resolve({ code: err ? (typeof err.code === 'number' ? err.code : 1) : 0, stdout, stderr });
    });
  });
}
