// Writing an export to disk with backpressure: a chunk waits for 'drain' when the stream's buffer is full, so an
// export of any size holds one chunk in memory, not the whole file.
import { createWriteStream, type WriteStream } from 'node:fs';

export async function openFile(path: string): Promise<WriteStream> {
  const out = createWriteStream(path);
  await new Promise<void>((resolve, reject) => out.once('open', () => resolve()).once('error', reject));
  return out;
}

export async function writeChunk(out: WriteStream, chunk: string | Uint8Array): Promise<void> {
  if (!out.write(chunk)) await new Promise<void>((resolve, reject) => out.once('drain', resolve).once('error', reject));
}

export function endFile(out: WriteStream): Promise<void> {
  return new Promise<void>((resolve, reject) => out.end(() => resolve()).once('error', reject));
}
