// The encrypted export archive (format in docs/encrypted-export.md): a passphrase, stretched by scrypt,
// keys AES-256-GCM over the export in chunks, so a file of any size is written and read in constant memory.
// Node's crypto only. Every chunk is authenticated before any of its bytes is handed on; the chunk's index
// and a "last chunk" flag are bound into its nonce and tag, so chunks cannot be reordered, dropped, or cut
// off at the end without the reader noticing.
import crypto from 'node:crypto';
import fs from 'node:fs';
import { AppError } from '../../shared/ipc/result.ts';
import { MIN_ARCHIVE_PASSPHRASE } from '../../shared/domain/passphrase-rules.ts';

export const ARCHIVE_MAGIC = Buffer.from('TXMAPENC', 'latin1');
export const ARCHIVE_FORMAT_VERSION = 1;
/** The shortest passphrase an archive is written with: it alone protects every patient in the file. */

export interface KdfParams {
  /** scrypt's cost N as a power of two. */
  log2N: number;
  r: number;
  p: number;
}

/**
 * N = 2^17, r = 8, p = 1: 128 MiB of memory and about a second per guess on a clinic laptop (measured 1.2 s
 * here), the strength OWASP names for scrypt. The cost is paid once per export or import.
 */
export const DEFAULT_KDF: KdfParams = { log2N: 17, r: 8, p: 1 };
export const DEFAULT_CHUNK_BYTES = 1 << 20;

const KDF_SCRYPT = 1;
const CIPHER_AES_256_GCM = 1;
const SALT_BYTES = 16;
const NONCE_BYTES = 12;
const TAG_BYTES = 16;
const CHECK_BYTES = 32;
/** magic, version, kdf, log2N, r, p, cipher, chunk size, salt, base nonce: the part the key check covers. */
const PARAMS_BYTES = 8 + 1 + 1 + 3 + 1 + 4 + SALT_BYTES + NONCE_BYTES;
export const HEADER_BYTES = PARAMS_BYTES + CHECK_BYTES;
const FRAME_HEAD_BYTES = 1 + 4;
const FLAG_MORE = 0;
const FLAG_LAST = 1;

/** Bounds a reader accepts, so a changed header cannot make it allocate gigabytes or spin for minutes. */
const KDF_BOUNDS = { log2N: [14, 20], r: [1, 32], p: [1, 4], memory: 512 * 1024 * 1024 } as const;
const CHUNK_BOUNDS = [64, 16 * 1024 * 1024] as const;

/** Why an archive was refused: the reader's caller keeps the file for another try only on 'passphrase'. */
export type ArchiveProblem = 'format' | 'passphrase' | 'damaged' | 'truncated';

export class ArchiveError extends AppError {
  readonly problem: ArchiveProblem;
  constructor(problem: ArchiveProblem, message: string) {
    super(problem === 'passphrase' ? 'FORBIDDEN' : 'BAD_INPUT', message);
    this.problem = problem;
  }
}

interface Keys {
  cipher: Buffer;
  check: Buffer;
}

function deriveKeys(passphrase: string, salt: Buffer, kdf: KdfParams): Keys {
  const N = 2 ** kdf.log2N;
  // NFC: the same passphrase typed on another system (composed or decomposed accents) gives the same key.
  const out = crypto.scryptSync(Buffer.from(passphrase.normalize('NFC'), 'utf8'), salt, 64, {
    N, r: kdf.r, p: kdf.p, maxmem: 256 * N * kdf.r + (1 << 20),
  });
  return { cipher: out.subarray(0, 32), check: out.subarray(32) };
}

function keyCheck(keys: Keys, params: Buffer): Buffer {
  return crypto.createHmac('sha256', keys.check).update('toxinmap archive key check').update(params).digest();
}

/** Chunk i's nonce: the base nonce with the chunk index XORed into its last eight bytes. */
function nonceFor(base: Buffer, index: number): Buffer {
  const nonce = Buffer.from(base);
  const counter = Buffer.alloc(8);
  counter.writeBigUInt64BE(BigInt(index));
  for (let i = 0; i < 8; i++) nonce[NONCE_BYTES - 8 + i]! ^= counter[i]!;
  return nonce;
}

/** What each chunk's tag also covers: the whole header, the chunk's index, its flag and its length. */
function chunkAad(header: Buffer, index: number, frameHead: Buffer): Buffer {
  const counter = Buffer.alloc(8);
  counter.writeBigUInt64BE(BigInt(index));
  return Buffer.concat([header, counter, frameHead]);
}

function frameHead(flag: number, length: number): Buffer {
  const head = Buffer.alloc(FRAME_HEAD_BYTES);
  head[0] = flag;
  head.writeUInt32BE(length, 1);
  return head;
}

export interface WriterOptions {
  kdf?: KdfParams;
  chunkBytes?: number;
}

/**
 * Encrypts a byte stream given piece by piece, synchronously (the export writes inside a database read
 * transaction): `header` first, then whatever `write` and `end` return, in order.
 */
export class ArchiveWriter {
  readonly header: Buffer;
  private readonly key: Buffer;
  private readonly baseNonce: Buffer;
  private readonly chunkBytes: number;
  private pending: Buffer[] = [];
  private pendingBytes = 0;
  private index = 0;
  private ended = false;

  constructor(passphrase: string, options: WriterOptions = {}) {
    if (passphrase.length < MIN_ARCHIVE_PASSPHRASE) {
      throw new AppError('BAD_INPUT', `The archive passphrase has at least ${MIN_ARCHIVE_PASSPHRASE} characters.`);
    }
    const kdf = options.kdf ?? DEFAULT_KDF;
    this.chunkBytes = options.chunkBytes ?? DEFAULT_CHUNK_BYTES;
    if (this.chunkBytes < CHUNK_BOUNDS[0] || this.chunkBytes > CHUNK_BOUNDS[1]) throw new Error(`ArchiveWriter: chunk size ${this.chunkBytes} out of bounds`);
    const salt = crypto.randomBytes(SALT_BYTES);
    this.baseNonce = crypto.randomBytes(NONCE_BYTES);
    const params = Buffer.alloc(PARAMS_BYTES);
    let at = ARCHIVE_MAGIC.copy(params, 0);
    at = params.writeUInt8(ARCHIVE_FORMAT_VERSION, at);
    at = params.writeUInt8(KDF_SCRYPT, at);
    at = params.writeUInt8(kdf.log2N, at);
    at = params.writeUInt8(kdf.r, at);
    at = params.writeUInt8(kdf.p, at);
    at = params.writeUInt8(CIPHER_AES_256_GCM, at);
    at = params.writeUInt32BE(this.chunkBytes, at);
    at += salt.copy(params, at);
    this.baseNonce.copy(params, at);
    const keys = deriveKeys(passphrase, salt, kdf);
    this.key = Buffer.from(keys.cipher);
    this.header = Buffer.concat([params, keyCheck(keys, params)]);
  }

  /** Encrypted frames for every full chunk now available (one chunk's worth is always held back for `end`). */
  write(data: Buffer | string): Buffer[] {
    if (this.ended) throw new Error('ArchiveWriter.write: after end');
    const bytes = typeof data === 'string' ? Buffer.from(data, 'utf8') : data;
    if (bytes.length === 0) return [];
    this.pending.push(bytes);
    this.pendingBytes += bytes.length;
    const frames: Buffer[] = [];
    while (this.pendingBytes > this.chunkBytes) frames.push(this.seal(this.take(this.chunkBytes), FLAG_MORE));
    return frames;
  }

  /** The last frame (flagged last; empty when nothing was written). */
  end(): Buffer {
    if (this.ended) throw new Error('ArchiveWriter.end: called twice');
    this.ended = true;
    const frame = this.seal(this.take(this.pendingBytes), FLAG_LAST);
    this.key.fill(0);
    return frame;
  }

  private take(n: number): Buffer {
    const all = this.pending.length === 1 ? this.pending[0]! : Buffer.concat(this.pending);
    const chunk = all.subarray(0, n);
    const rest = all.subarray(n);
    this.pending = rest.length > 0 ? [rest] : [];
    this.pendingBytes = rest.length;
    return chunk;
  }

  private seal(plain: Buffer, flag: number): Buffer {
    const head = frameHead(flag, plain.length);
    const cipher = crypto.createCipheriv('aes-256-gcm', this.key, nonceFor(this.baseNonce, this.index), { authTagLength: TAG_BYTES });
    cipher.setAAD(chunkAad(this.header, this.index, head));
    const body = Buffer.concat([cipher.update(plain), cipher.final()]);
    this.index++;
    return Buffer.concat([head, body, cipher.getAuthTag()]);
  }
}

/** Encrypts a stream (tests, tools); the export itself uses ArchiveWriter inside its transaction. */
export async function* encryptArchive(source: AsyncIterable<Buffer | string>, passphrase: string, options: WriterOptions = {}): AsyncGenerator<Buffer> {
  const writer = new ArchiveWriter(passphrase, options);
  yield writer.header;
  for await (const piece of source) yield* writer.write(piece);
  yield writer.end();
}

/** Bytes arriving in pieces, taken off the front in exact lengths (each byte copied once). */
class ByteQueue {
  private parts: Buffer[] = [];
  length = 0;
  push(b: Buffer): void {
    if (b.length === 0) return;
    this.parts.push(b);
    this.length += b.length;
  }
  /** The first n bytes, left in the queue. */
  peek(n: number): Buffer {
    const out = Buffer.allocUnsafe(n);
    let filled = 0;
    for (const part of this.parts) {
      if (filled === n) break;
      filled += part.copy(out, filled, 0, Math.min(part.length, n - filled));
    }
    return out;
  }
  take(n: number): Buffer {
    const out = this.peek(n);
    let left = n;
    while (left > 0) {
      const part = this.parts[0]!;
      if (part.length <= left) {
        this.parts.shift();
        left -= part.length;
      } else {
        this.parts[0] = part.subarray(left);
        left = 0;
      }
    }
    this.length -= n;
    return out;
  }
}

interface Header {
  raw: Buffer;
  chunkBytes: number;
  baseNonce: Buffer;
  key: Buffer;
}

function readHeader(raw: Buffer, passphrase: string): Header {
  if (!raw.subarray(0, ARCHIVE_MAGIC.length).equals(ARCHIVE_MAGIC)) {
    throw new ArchiveError('format', 'This file is not an encrypted ToxinMap archive.');
  }
  const version = raw.readUInt8(8);
  if (version !== ARCHIVE_FORMAT_VERSION) {
    throw new ArchiveError('format', `This encrypted archive has format version ${version}, which this version of ToxinMap cannot read. Update the app to open it.`);
  }
  const kdf: KdfParams = { log2N: raw.readUInt8(10), r: raw.readUInt8(11), p: raw.readUInt8(12) };
  const chunkBytes = raw.readUInt32BE(14);
  const inBounds = (v: number, [lo, hi]: readonly [number, number]) => v >= lo && v <= hi;
  if (
    raw.readUInt8(9) !== KDF_SCRYPT || raw.readUInt8(13) !== CIPHER_AES_256_GCM ||
    !inBounds(kdf.log2N, KDF_BOUNDS.log2N) || !inBounds(kdf.r, KDF_BOUNDS.r) || !inBounds(kdf.p, KDF_BOUNDS.p) ||
    128 * 2 ** kdf.log2N * kdf.r > KDF_BOUNDS.memory || !inBounds(chunkBytes, CHUNK_BOUNDS)
  ) {
    throw new ArchiveError('damaged', 'This encrypted archive\'s header was changed or damaged: its key settings are not ones ToxinMap writes.');
  }
  const params = raw.subarray(0, PARAMS_BYTES);
  const salt = raw.subarray(18, 18 + SALT_BYTES);
  const keys = deriveKeys(passphrase, salt, kdf);
  if (!crypto.timingSafeEqual(keyCheck(keys, params), raw.subarray(PARAMS_BYTES, HEADER_BYTES))) {
    throw new ArchiveError('passphrase', 'The passphrase is wrong (or the archive\'s header was changed): the archive cannot be opened with it.');
  }
  return { raw, chunkBytes, baseNonce: Buffer.from(raw.subarray(18 + SALT_BYTES, PARAMS_BYTES)), key: Buffer.from(keys.cipher) };
}

const TRUNCATED = 'The encrypted archive ends early: the file was cut short (an interrupted copy or download?). Use a complete copy.';

/**
 * Decrypts an archive given as a byte stream, yielding plaintext one authenticated chunk at a time.
 * Throws ArchiveError: 'passphrase' before any byte is yielded; 'damaged' or 'truncated' possibly after
 * some chunks were yielded, so the consumer must treat its work as all or nothing.
 */
export async function* decryptArchive(source: AsyncIterable<Buffer>, passphrase: string): AsyncGenerator<Buffer> {
  const queue = new ByteQueue();
  let header: Header | null = null;
  let index = 0;
  let last = false;
  const fail = (problem: ArchiveProblem, message: string): never => {
    header?.key.fill(0);
    throw new ArchiveError(problem, message);
  };
  for await (const piece of source) {
    queue.push(piece);
    if (!header) {
      if (queue.length < HEADER_BYTES) continue;
      header = readHeader(queue.take(HEADER_BYTES), passphrase);
    }
    while (!last && queue.length >= FRAME_HEAD_BYTES) {
      const head = queue.peek(FRAME_HEAD_BYTES);
      const flag = head[0]!;
      const length = head.readUInt32BE(1);
      if ((flag !== FLAG_MORE && flag !== FLAG_LAST) || length > header.chunkBytes) {
        fail('damaged', `The encrypted archive was changed or damaged after it was written (chunk ${index + 1} does not read as a chunk).`);
      }
      if (queue.length < FRAME_HEAD_BYTES + length + TAG_BYTES) break; // the rest of the frame is still to come
      queue.take(FRAME_HEAD_BYTES);
      const body = queue.take(length);
      const tag = queue.take(TAG_BYTES);
      const decipher = crypto.createDecipheriv('aes-256-gcm', header.key, nonceFor(header.baseNonce, index), { authTagLength: TAG_BYTES });
      decipher.setAAD(chunkAad(header.raw, index, head));
      decipher.setAuthTag(tag);
      let plain: Buffer;
      try {
        plain = Buffer.concat([decipher.update(body), decipher.final()]);
      } catch {
        return fail('damaged', `The encrypted archive was changed or damaged after it was written (chunk ${index + 1} fails its check).`);
      }
      index++;
      last = flag === FLAG_LAST;
      if (plain.length > 0) yield plain;
    }
    if (last && queue.length > 0) fail('damaged', 'The encrypted archive has bytes after its last chunk: it was changed after it was written.');
  }
  if (!header) fail(queue.length === 0 ? 'format' : 'truncated', queue.length === 0 ? 'The file is empty.' : TRUNCATED);
  if (!last) fail('truncated', TRUNCATED);
  header?.key.fill(0);
}

/** True when the file starts with the archive's magic bytes (the import tells archives from JSON by them). */
export function isEncryptedArchive(file: string): boolean {
  let fd: number;
  try {
    fd = fs.openSync(file, 'r');
  } catch {
    return false;
  }
  try {
    const head = Buffer.alloc(ARCHIVE_MAGIC.length);
    return fs.readSync(fd, head, 0, head.length, 0) === head.length && head.equals(ARCHIVE_MAGIC);
  } finally {
    fs.closeSync(fd);
  }
}
