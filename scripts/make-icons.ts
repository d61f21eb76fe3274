// Draws Footnote's icon (a white footnote asterisk on a blue rounded square) and writes it as PNG at 512 and
// 256 pixels, plus icon.ico and icon.icns that embed those PNGs (both formats allow PNG entries). No image
// library: a PNG is a zlib stream of filtered rows with CRC'd chunks.
import { deflateSync } from 'node:zlib';
import { writeFileSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';

const out = join(import.meta.dirname, '..', 'assets', 'icons');
const BLUE = [36, 88, 198];
const WHITE = [255, 255, 255];

function crc32(buf: Buffer): number {
  let c = ~0;
  for (const byte of buf) {
    c ^= byte;
    for (let k = 0; k < 8; k++) c = (c >>> 1) ^ (0xedb88320 & -(c & 1));
  }
  return ~c >>> 0;
}

function chunk(type: string, data: Buffer): Buffer {
  const len = Buffer.alloc(4);
  len.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([len, body, crc]);
}

function png(size: number, rgba: Uint8Array): Buffer {
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(size, 0);
  ihdr.writeUInt32BE(size, 4);
  ihdr.set([8, 6, 0, 0, 0], 8); // 8-bit RGBA, no interlace
  const raw = Buffer.alloc(size * (size * 4 + 1));
  for (let y = 0; y < size; y++) raw.set(rgba.subarray(y * size * 4, (y + 1) * size * 4), y * (size * 4 + 1) + 1);
  return Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), chunk('IHDR', ihdr), chunk('IDAT', deflateSync(raw, { level: 9 })), chunk('IEND', Buffer.alloc(0))]);
}

/** Coverage of the icon's shapes at (x, y) in unit coordinates: [inside the square, inside the asterisk]. */
function shapes(x: number, y: number): [boolean, boolean] {
  const r = 0.18; // corner radius
  const m = 0.04; // margin
  const cx = Math.min(Math.max(x, m + r), 1 - m - r);
  const cy = Math.min(Math.max(y, m + r), 1 - m - r);
  const square = (x - cx) ** 2 + (y - cy) ** 2 <= r * r && x >= m && x <= 1 - m && y >= m && y <= 1 - m;
  // The asterisk sits high and right, like a footnote marker; three bars through its centre.
  const ax = 0.5, ay = 0.47, arm = 0.27, half = 0.055;
  let star = false;
  for (const angle of [90, 30, 150]) {
    const t = (angle * Math.PI) / 180;
    const dx = Math.cos(t), dy = Math.sin(t);
    const px = x - ax, py = y - ay;
    const along = px * dx + py * dy;
    const across = Math.abs(-px * dy + py * dx);
    if (Math.abs(along) <= arm && across <= half) star = true;
  }
  return [square, star];
}

function draw(size: number): Uint8Array {
  const rgba = new Uint8Array(size * size * 4);
  const ss = 4; // supersampling per axis
  for (let y = 0; y < size; y++) {
    for (let x = 0; x < size; x++) {
      let inSquare = 0, inStar = 0;
      for (let sy = 0; sy < ss; sy++) {
        for (let sx = 0; sx < ss; sx++) {
          const [q, s] = shapes((x + (sx + 0.5) / ss) / size, (y + (sy + 0.5) / ss) / size);
          if (q) inSquare++;
          if (q && s) inStar++;
        }
      }
      const n = ss * ss;
      const a = inSquare / n, w = inSquare ? inStar / inSquare : 0;
      const i = (y * size + x) * 4;
      for (let c = 0; c < 3; c++) rgba[i + c] = Math.round((BLUE[c] as number) * (1 - w) + (WHITE[c] as number) * w);
      rgba[i + 3] = Math.round(a * 255);
    }
  }
  return rgba;
}

function ico(entries: { size: number; data: Buffer }[]): Buffer {
  const header = Buffer.alloc(6 + 16 * entries.length);
  header.writeUInt16LE(0, 0);
  header.writeUInt16LE(1, 2); // icon
  header.writeUInt16LE(entries.length, 4);
  let offset = header.length;
  entries.forEach((e, k) => {
    const o = 6 + 16 * k;
    header.writeUInt8(e.size >= 256 ? 0 : e.size, o); // 0 means 256
    header.writeUInt8(e.size >= 256 ? 0 : e.size, o + 1);
    header.writeUInt16LE(1, o + 4); // planes
    header.writeUInt16LE(32, o + 6); // bits per pixel
    header.writeUInt32LE(e.data.length, o + 8);
    header.writeUInt32LE(offset, o + 12);
    offset += e.data.length;
  });
  return Buffer.concat([header, ...entries.map((e) => e.data)]);
}

function icns(entries: { type: string; data: Buffer }[]): Buffer {
  const parts = entries.map((e) => {
    const head = Buffer.alloc(8);
    head.write(e.type, 0, 'ascii');
    head.writeUInt32BE(e.data.length + 8, 4);
    return Buffer.concat([head, e.data]);
  });
  const head = Buffer.alloc(8);
  head.write('icns', 0, 'ascii');
  head.writeUInt32BE(8 + parts.reduce((n, p) => n + p.length, 0), 4);
  return Buffer.concat([head, ...parts]);
}

mkdirSync(out, { recursive: true });
const p512 = png(512, draw(512));
const p256 = png(256, draw(256));
writeFileSync(join(out, '512x512.png'), p512);
writeFileSync(join(out, '256x256.png'), p256);
writeFileSync(join(out, 'icon.png'), p512);
writeFileSync(join(out, 'icon.ico'), ico([{ size: 256, data: p256 }]));
writeFileSync(join(out, 'icon.icns'), icns([{ type: 'ic08', data: p256 }, { type: 'ic09', data: p512 }]));
console.log(`icons written to ${out}`);
