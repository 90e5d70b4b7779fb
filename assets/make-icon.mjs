/* global Buffer, URL, console */
// Draws the PortScope icon (a scope ring with crosshair ticks and a green "listening" dot on a navy-to-teal
// rounded square) with signed distances, and writes icon.png (512), icon.ico and icon.icns (PNG entries).
// Pure Node (zlib); run `node assets/make-icon.mjs` after changing it. No image tools needed.
import { writeFileSync } from 'node:fs';
import { deflateSync } from 'node:zlib';

const here = new URL('.', import.meta.url);

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});
const crc32 = (buf) => {
  let c = 0xffffffff;
  for (const byte of buf) c = CRC_TABLE[(c ^ byte) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
};

function chunk(type, data) {
  const head = Buffer.alloc(8);
  head.writeUInt32BE(data.length, 0);
  head.write(type, 4, 'ascii');
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(Buffer.concat([head.subarray(4), data])), 0);
  return Buffer.concat([head, data, crc]);
}

function encodePng(size, rgba) {
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(size, 0);
  ihdr.writeUInt32BE(size, 4);
  ihdr[8] = 8; // bit depth
  ihdr[9] = 6; // RGBA
  const raw = Buffer.alloc(size * (size * 4 + 1));
  for (let y = 0; y < size; y++) {
    raw[y * (size * 4 + 1)] = 0; // filter: none
    rgba.copy(raw, y * (size * 4 + 1) + 1, y * size * 4, (y + 1) * size * 4);
  }
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', ihdr),
    chunk('IDAT', deflateSync(raw, { level: 9 })),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

const hex = (h) => [1, 3, 5].map((i) => parseInt(h.slice(i, i + 2), 16));
const mix = (a, b, t) => a.map((v, i) => v + (b[i] - v) * t);

// Signed distances in unit coordinates (negative inside).
const roundedBox = (x, y, cx, cy, half, r) => {
  const qx = Math.abs(x - cx) - half + r;
  const qy = Math.abs(y - cy) - half + r;
  return Math.hypot(Math.max(qx, 0), Math.max(qy, 0)) + Math.min(Math.max(qx, qy), 0) - r;
};
const circle = (x, y, cx, cy, r) => Math.hypot(x - cx, y - cy) - r;
const ring = (x, y, cx, cy, r, w) => Math.abs(circle(x, y, cx, cy, r)) - w / 2;
const segment = (x, y, ax, ay, bx, by, w) => {
  const px = x - ax, py = y - ay, dx = bx - ax, dy = by - ay;
  const t = Math.max(0, Math.min(1, (px * dx + py * dy) / (dx * dx + dy * dy)));
  return Math.hypot(px - dx * t, py - dy * t) - w / 2;
};

function render(size) {
  const out = Buffer.alloc(size * size * 4);
  const top = hex('#1e293b');
  const bottom = hex('#0e7490');
  const white = hex('#f8fafc');
  const green = hex('#22c55e');
  for (let py = 0; py < size; py++) {
    for (let px = 0; px < size; px++) {
      const x = (px + 0.5) / size;
      const y = (py + 0.5) / size;
      const cover = (d) => Math.max(0, Math.min(1, 0.5 - d * size));
      let color = [0, 0, 0];
      let alpha = 0;
      const paint = (rgb, a) => {
        const outA = a + alpha * (1 - a);
        if (outA > 0) color = color.map((c, i) => (rgb[i] * a + c * alpha * (1 - a)) / outA);
        alpha = outA;
      };
      paint(mix(top, bottom, Math.min(1, Math.max(0, (x + y) / 2))), cover(roundedBox(x, y, 0.5, 0.5, 0.46, 0.2)));
      paint(white, cover(ring(x, y, 0.5, 0.5, 0.27, 0.06)));
      const ticks = [
        [0.5, 0.1, 0.5, 0.2],
        [0.5, 0.8, 0.5, 0.9],
        [0.1, 0.5, 0.2, 0.5],
        [0.8, 0.5, 0.9, 0.5],
      ];
      paint(white, cover(Math.min(...ticks.map(([ax, ay, bx, by]) => segment(x, y, ax, ay, bx, by, 0.05)))));
      paint(green, cover(circle(x, y, 0.5, 0.5, 0.095)));
      const i = (py * size + px) * 4;
      out[i] = Math.round(color[0]);
      out[i + 1] = Math.round(color[1]);
      out[i + 2] = Math.round(color[2]);
      out[i + 3] = Math.round(alpha * 255);
    }
  }
  return encodePng(size, out);
}

function encodeIco(pngs) {
  const header = Buffer.alloc(6 + 16 * pngs.length);
  header.writeUInt16LE(0, 0);
  header.writeUInt16LE(1, 2); // icon
  header.writeUInt16LE(pngs.length, 4);
  let offset = header.length;
  pngs.forEach(({ size, png }, n) => {
    const e = 6 + n * 16;
    header[e] = size >= 256 ? 0 : size;
    header[e + 1] = size >= 256 ? 0 : size;
    header.writeUInt16LE(1, e + 4); // planes
    header.writeUInt16LE(32, e + 6); // bits per pixel
    header.writeUInt32LE(png.length, e + 8);
    header.writeUInt32LE(offset, e + 12);
    offset += png.length;
  });
  return Buffer.concat([header, ...pngs.map((p) => p.png)]);
}

function encodeIcns(entries) {
  const blocks = entries.map(({ type, png }) => {
    const head = Buffer.alloc(8);
    head.write(type, 0, 'ascii');
    head.writeUInt32BE(png.length + 8, 4);
    return Buffer.concat([head, png]);
  });
  const head = Buffer.alloc(8);
  head.write('icns', 0, 'ascii');
  head.writeUInt32BE(8 + blocks.reduce((n, b) => n + b.length, 0), 4);
  return Buffer.concat([head, ...blocks]);
}

const pngs = new Map([16, 32, 48, 64, 128, 256, 512, 1024].map((size) => [size, render(size)]));
writeFileSync(new URL('icon.png', here), pngs.get(512));
writeFileSync(new URL('icon.ico', here), encodeIco([16, 32, 48, 64, 128, 256].map((size) => ({ size, png: pngs.get(size) }))));
writeFileSync(
  new URL('icon.icns', here),
  encodeIcns([
    { type: 'icp4', png: pngs.get(16) },
    { type: 'icp5', png: pngs.get(32) },
    { type: 'icp6', png: pngs.get(64) },
    { type: 'ic07', png: pngs.get(128) },
    { type: 'ic08', png: pngs.get(256) },
    { type: 'ic09', png: pngs.get(512) },
    { type: 'ic10', png: pngs.get(1024) },
  ]),
);
console.log('wrote assets/icon.png, icon.ico, icon.icns');
