import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

/** Unsigned LEB128, the integer encoding of WebAssembly's binary format. */
function leb128(value: number): number[] {
  const out: number[] = [];
  do {
    let byte = value & 0x7f;
    value >>>= 7;
    if (value) byte |= 0x80;
    out.push(byte);
  } while (value);
  return out;
}

/** `bytes` with a custom section `name` appended: other bytes, the same module to run. */
export function withCustomSection(bytes: Uint8Array, name: string, payload: Uint8Array): Uint8Array<ArrayBuffer> {
  const nameBytes = new TextEncoder().encode(name);
  const body = [...leb128(nameBytes.length), ...nameBytes, ...payload];
  const section = [0, ...leb128(body.length), ...body];
  const out = new Uint8Array(bytes.length + section.length);
  out.set(bytes);
  out.set(section, bytes.length);
  return out;
}

/**
 * Writes a changed copy of a module (a custom section appended) to a new temporary folder, under the
 * same file name. A variant that hashes what it ran reports the copy's sha256; one that looks its
 * hash up (by file name, from the kernels' manifest) reports the original's.
 */
export function changedModuleCopy(file: string): { file: string; dir: string } {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'arena-module-copy-'));
  const copy = path.join(dir, path.basename(file));
  writeFileSync(copy, withCustomSection(readFileSync(file), 'arena-conformance', new TextEncoder().encode(`copy of ${file}`)));
  return { file: copy, dir };
}
