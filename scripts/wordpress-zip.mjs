#!/usr/bin/env node
// Builds the WordPress plugin zip (the last step of `npm run build`):
//
//   node scripts/wordpress-zip.mjs                    writes dist/anp-components-wordpress.zip
//   node scripts/wordpress-zip.mjs --extract ZIP DIR  unpacks a zip into DIR (the WordPress suite uses it)
//
// The zip holds anp-components/ (integrations/wordpress/anp-components/) and
// anp-components/assets/anp-components.iife.js (and its siblings
// anp-components.sanitizer.iife.js, anp-components.locales.iife.js and anp-components.signals.iife.js) copied from dist/. No zip
// binary or Python is assumed on the machine: the archive is written and read
// here with node:zlib (deflate) and a CRC-32 of our own.
import { mkdirSync, readFileSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { deflateRawSync, inflateRawSync } from 'node:zlib';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const PLUGIN_DIR = join(root, 'integrations/wordpress/anp-components');
const SCRIPT = join(root, 'dist/anp-components.iife.js');
// Its siblings, which the script loads from next to itself: when a rich field holds markup, for a language with a pack, and for a meta box's signals.
const SIBLINGS = ['anp-components.sanitizer.iife.js', 'anp-components.locales.iife.js', 'anp-components.signals.iife.js'];
const OUT = join(root, 'dist/anp-components-wordpress.zip');

const CRC_TABLE = (() => {
  const table = new Uint32Array(256);
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    table[n] = c >>> 0;
  }
  return table;
})();

/** CRC-32 (IEEE 802.3, as zip uses) of a buffer. */
export function crc32(buffer) {
  let crc = 0xffffffff;
  for (const byte of buffer) crc = CRC_TABLE[(crc ^ byte) & 0xff] ^ (crc >>> 8);
  return (crc ^ 0xffffffff) >>> 0;
}

/** A fixed DOS date and time (2024-01-01 00:00), so the same input gives the same zip. */
const DOS_TIME = 0;
const DOS_DATE = ((2024 - 1980) << 9) | (1 << 5) | 1;

/**
 * Writes a zip from [{ name, data }] (names use "/", directories end in "/").
 * Files are deflated unless that does not make them smaller.
 */
export function writeZip(entries) {
  const locals = [];
  const centrals = [];
  let offset = 0;
  for (const { name, data = Buffer.alloc(0) } of entries) {
    const nameBytes = Buffer.from(name, 'utf8');
    const deflated = data.length ? deflateRawSync(data, { level: 9 }) : data;
    const method = deflated.length < data.length ? 8 : 0;
    const body = method === 8 ? deflated : data;
    const crc = crc32(data);
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4); // version needed
    local.writeUInt16LE(0x0800, 6); // UTF-8 names
    local.writeUInt16LE(method, 8);
    local.writeUInt16LE(DOS_TIME, 10);
    local.writeUInt16LE(DOS_DATE, 12);
    local.writeUInt32LE(crc, 14);
    local.writeUInt32LE(body.length, 18);
    local.writeUInt32LE(data.length, 22);
    local.writeUInt16LE(nameBytes.length, 26);
    local.writeUInt16LE(0, 28);
    locals.push(local, nameBytes, body);

    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE((3 << 8) | 20, 4); // made by Unix, zip 2.0
    central.writeUInt16LE(20, 6);
    central.writeUInt16LE(0x0800, 8);
    central.writeUInt16LE(method, 10);
    central.writeUInt16LE(DOS_TIME, 12);
    central.writeUInt16LE(DOS_DATE, 14);
    central.writeUInt32LE(crc, 16);
    central.writeUInt32LE(body.length, 20);
    central.writeUInt32LE(data.length, 24);
    central.writeUInt16LE(nameBytes.length, 28);
    central.writeUInt16LE(0, 30); // extra
    central.writeUInt16LE(0, 32); // comment
    central.writeUInt16LE(0, 34); // disk
    central.writeUInt16LE(0, 36); // internal attributes
    const mode = name.endsWith('/') ? 0o40755 : 0o100644;
    central.writeUInt32LE(((mode << 16) | (name.endsWith('/') ? 0x10 : 0)) >>> 0, 38);
    central.writeUInt32LE(offset, 42);
    centrals.push(central, nameBytes);
    offset += local.length + nameBytes.length + body.length;
  }
  const centralSize = centrals.reduce((sum, part) => sum + part.length, 0);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(entries.length, 8);
  end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(centralSize, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, ...centrals, end]);
}

/** Reads a zip written by writeZip (or any zip without zip64/encryption) into [{ name, data }]. */
export function readZip(zip) {
  let end = zip.length - 22;
  while (end >= 0 && zip.readUInt32LE(end) !== 0x06054b50) end--;
  if (end < 0) throw new Error('not a zip: no end of central directory');
  const count = zip.readUInt16LE(end + 10);
  let at = zip.readUInt32LE(end + 16);
  const entries = [];
  for (let i = 0; i < count; i++) {
    if (zip.readUInt32LE(at) !== 0x02014b50) throw new Error('bad central directory entry');
    const method = zip.readUInt16LE(at + 10);
    const crc = zip.readUInt32LE(at + 16);
    const compressedSize = zip.readUInt32LE(at + 20);
    const nameLength = zip.readUInt16LE(at + 28);
    const extraLength = zip.readUInt16LE(at + 30);
    const commentLength = zip.readUInt16LE(at + 32);
    const localOffset = zip.readUInt32LE(at + 42);
    const name = zip.toString('utf8', at + 46, at + 46 + nameLength);
    at += 46 + nameLength + extraLength + commentLength;
    const dataStart = localOffset + 30 + zip.readUInt16LE(localOffset + 26) + zip.readUInt16LE(localOffset + 28);
    const body = zip.subarray(dataStart, dataStart + compressedSize);
    let data;
    if (method === 0) data = Buffer.from(body);
    else if (method === 8) data = inflateRawSync(body);
    else throw new Error(`${name}: unsupported compression method ${method}`);
    if (crc32(data) !== crc) throw new Error(`${name}: CRC mismatch`);
    entries.push({ name, data });
  }
  return entries;
}

/** Unpacks a zip into a directory, refusing names that would land outside it. */
export function extractZip(zipPath, intoDir) {
  const target = resolve(intoDir);
  for (const { name, data } of readZip(readFileSync(zipPath))) {
    const path = resolve(target, name);
    if (path !== target && !path.startsWith(target + sep)) throw new Error(`${name}: outside the target directory`);
    if (name.endsWith('/')) mkdirSync(path, { recursive: true });
    else {
      mkdirSync(dirname(path), { recursive: true });
      writeFileSync(path, data);
    }
  }
}

function pluginEntries() {
  const entries = [{ name: 'anp-components/' }];
  const walk = (dir) => {
    for (const item of readdirSync(dir).sort()) {
      const path = join(dir, item);
      const name = `anp-components/${relative(PLUGIN_DIR, path).split(sep).join('/')}`;
      if (statSync(path).isDirectory()) {
        entries.push({ name: `${name}/` });
        walk(path);
      } else entries.push({ name, data: readFileSync(path) });
    }
  };
  walk(PLUGIN_DIR);
  entries.push({ name: 'anp-components/assets/' });
  entries.push({ name: 'anp-components/assets/anp-components.iife.js', data: readFileSync(SCRIPT) });
  for (const file of SIBLINGS) entries.push({ name: `anp-components/assets/${file}`, data: readFileSync(join(root, 'dist', file)) });
  return entries;
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  if (process.argv[2] === '--extract') {
    const [zipPath, intoDir] = process.argv.slice(3);
    if (!zipPath || !intoDir) {
      console.error('usage: node scripts/wordpress-zip.mjs --extract ZIP DIR');
      process.exit(2);
    }
    extractZip(zipPath, intoDir);
  } else {
    const entries = pluginEntries();
    const zip = writeZip(entries);
    // Read it back: a zip we cannot read ourselves is not shipped.
    const back = readZip(zip);
    if (back.length !== entries.length) throw new Error('zip read-back lost entries');
    writeFileSync(OUT, zip);
    console.log(`wordpress: ${relative(root, OUT)} (${entries.filter((e) => e.data).length} files, ${zip.length} bytes)`);
  }
}
