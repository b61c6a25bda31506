import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import {
  ArchiveError, ArchiveWriter, decryptArchive, encryptArchive, HEADER_BYTES, isEncryptedArchive, type KdfParams,
} from '../../../electron/export/encrypted-archive.ts';
import { removeDir, tempDir } from '../../helpers/temp.ts';

// A cheap key derivation keeps the tests quick; the default's cost is checked once below.
const FAST: KdfParams = { log2N: 14, r: 8, p: 1 };
const PASS = 'correct horse battery staple';
const CHUNK = 1000;

async function* pieces(data: Buffer, size: number): AsyncGenerator<Buffer> {
  for (let at = 0; at < data.length; at += size) yield data.subarray(at, at + size);
}

async function collect(source: AsyncIterable<Buffer>): Promise<Buffer> {
  const out: Buffer[] = [];
  for await (const b of source) out.push(b);
  return Buffer.concat(out);
}

async function encrypt(data: Buffer, options = { kdf: FAST, chunkBytes: CHUNK }): Promise<Buffer> {
  return collect(encryptArchive(pieces(data, 333), PASS, options));
}

/** Decrypts, counting the plaintext handed on before a refusal (none may come from a bad chunk). */
async function decrypt(archive: Buffer, passphrase = PASS, readSize = 4096): Promise<{ plain: Buffer; error: ArchiveError | null }> {
  const out: Buffer[] = [];
  try {
    for await (const b of decryptArchive(pieces(archive, readSize), passphrase)) out.push(b);
    return { plain: Buffer.concat(out), error: null };
  } catch (err) {
    if (!(err instanceof ArchiveError)) throw err;
    return { plain: Buffer.concat(out), error: err };
  }
}

/** Offset of chunk `i`'s ciphertext in an archive of full chunks of CHUNK bytes. */
const chunkAt = (i: number) => HEADER_BYTES + i * (5 + CHUNK + 16);

describe('the encrypted export archive', () => {
  const data = crypto.randomBytes(10 * CHUNK + 123);

  it('gives back exactly what was written, over many chunks, whatever the read sizes', async () => {
    const archive = await encrypt(data);
    // Header, ten full chunks and the short last one, each with its 5-byte head and 16-byte tag.
    expect(archive.length).toBe(HEADER_BYTES + 11 * (5 + 16) + data.length);
    for (const readSize of [1, 7, 4096, archive.length]) {
      const { plain, error } = await decrypt(archive, PASS, readSize);
      expect(error).toBeNull();
      expect(plain.equals(data)).toBe(true);
    }
  });

  it('round-trips an empty stream and one of exactly one chunk', async () => {
    expect((await decrypt(await encrypt(Buffer.alloc(0)))).plain.length).toBe(0);
    const one = crypto.randomBytes(CHUNK);
    expect((await decrypt(await encrypt(one))).plain.equals(one)).toBe(true);
  });

  it('never holds the plaintext in readable form: the bytes do not contain it', async () => {
    const text = Buffer.from('{"family_name":"Okafor","given_name":"Adaeze"}'.repeat(100));
    const archive = await encrypt(text);
    expect(archive.includes(Buffer.from('Okafor'))).toBe(false);
    expect(archive.subarray(0, 8).toString('latin1')).toBe('TXMAPENC');
  });

  it('refuses a wrong passphrase before handing on a single byte', async () => {
    const archive = await encrypt(data);
    const { plain, error } = await decrypt(archive, 'correct horse battery stapler');
    expect(error?.problem).toBe('passphrase');
    expect(error?.code).toBe('FORBIDDEN');
    expect(error?.message).toMatch(/passphrase is wrong/);
    expect(plain.length).toBe(0);
  });

  it('refuses a file with one byte flipped in a middle chunk, handing on nothing from that chunk on', async () => {
    const archive = await encrypt(data);
    const changed = Buffer.from(archive);
    changed[chunkAt(5) + 5 + 400]! ^= 0x01;
    const { plain, error } = await decrypt(changed);
    expect(error?.problem).toBe('damaged');
    expect(error?.message).toMatch(/changed or damaged .*chunk 6 fails its check/);
    // Chunks 1-5 had verified; not one byte of the changed chunk was given out.
    expect(plain.equals(data.subarray(0, 5 * CHUNK))).toBe(true);
  });

  it('refuses a file with a flipped tag, chunk flag or length', async () => {
    const archive = await encrypt(data);
    for (const at of [chunkAt(3) + 5 + CHUNK + 2, chunkAt(3), chunkAt(3) + 4]) {
      const changed = Buffer.from(archive);
      changed[at]! ^= 0x01;
      expect((await decrypt(changed)).error?.problem, `byte ${at}`).toBe('damaged');
    }
  });

  it('refuses chunks swapped in place', async () => {
    const archive = await encrypt(data);
    const size = 5 + CHUNK + 16;
    const swapped = Buffer.concat([archive.subarray(0, chunkAt(2)), archive.subarray(chunkAt(3), chunkAt(4)), archive.subarray(chunkAt(2), chunkAt(3)), archive.subarray(chunkAt(4))]);
    expect(swapped.length).toBe(archive.length);
    expect(size).toBe(chunkAt(3) - chunkAt(2));
    expect((await decrypt(swapped)).error?.problem).toBe('damaged');
  });

  it('refuses a truncated file: cut inside a chunk, at a chunk boundary, or inside the header', async () => {
    const archive = await encrypt(data);
    for (const cut of [archive.length - 1, chunkAt(10), chunkAt(4), HEADER_BYTES, 20]) {
      const { error } = await decrypt(archive.subarray(0, cut));
      expect(error?.problem, `cut at ${cut}`).toBe('truncated');
      expect(error?.message).toMatch(/ends early/);
    }
  });

  it('refuses bytes appended after the last chunk', async () => {
    const archive = await encrypt(data);
    expect((await decrypt(Buffer.concat([archive, Buffer.from('x')]))).error?.problem).toBe('damaged');
  });

  it('refuses a header whose key settings or salt were altered', async () => {
    const archive = await encrypt(data);
    // log2N 14 -> 15: a valid-looking setting gives another key, and the key check fails.
    const cost = Buffer.from(archive);
    cost[10] = 15;
    expect((await decrypt(cost)).error?.problem).toBe('passphrase');
    expect((await decrypt(cost)).error?.message).toMatch(/header was changed/);
    // log2N 40 or r 200: beyond what ToxinMap writes, refused before any key is derived.
    for (const [at, value] of [[10, 40], [11, 200], [12, 0], [9, 2], [13, 9]] as const) {
      const bad = Buffer.from(archive);
      bad[at] = value;
      const { error } = await decrypt(bad);
      expect(error?.problem, `byte ${at} = ${value}`).toBe('damaged');
      expect(error?.message).toMatch(/header was changed or damaged/);
    }
    const salt = Buffer.from(archive);
    salt[20]! ^= 0x80;
    expect((await decrypt(salt)).error?.problem).toBe('passphrase');
    const version = Buffer.from(archive);
    version[8] = 2;
    expect((await decrypt(version)).error?.message).toMatch(/format version 2.*Update the app/);
  });

  it('refuses a file that is not an archive', async () => {
    const { error } = await decrypt(Buffer.from('{"format":"toxinmap-export"}'.padEnd(200, ' ')));
    expect(error?.problem).toBe('format');
    expect(error?.message).toMatch(/not an encrypted ToxinMap archive/);
  });

  it('will not be written with a short passphrase', () => {
    expect(() => new ArchiveWriter('eleven char', { kdf: FAST })).toThrow(/at least 12 characters/);
  });

  it('uses two fresh random values per archive: the same input never gives the same bytes', async () => {
    const a = await encrypt(data);
    const b = await encrypt(data);
    expect(a.subarray(0, HEADER_BYTES).equals(b.subarray(0, HEADER_BYTES))).toBe(false);
    expect(a.subarray(chunkAt(0), chunkAt(1)).equals(b.subarray(chunkAt(0), chunkAt(1)))).toBe(false);
  });

  it('by default stretches the passphrase with scrypt N=2^17, r=8, p=1, stored in the header', () => {
    const writer = new ArchiveWriter(PASS);
    expect([...writer.header.subarray(8, 14)]).toEqual([1, 1, 17, 8, 1, 1]);
    expect(writer.header.readUInt32BE(14)).toBe(1 << 20);
  });

  it('is recognised by its first bytes, not its name', async () => {
    const dir = tempDir();
    try {
      const enc = path.join(dir, 'export.json');
      fs.writeFileSync(enc, await encrypt(data));
      const plain = path.join(dir, 'export.enc');
      fs.writeFileSync(plain, '{"format":"toxinmap-export"}');
      expect(isEncryptedArchive(enc)).toBe(true);
      expect(isEncryptedArchive(plain)).toBe(false);
      expect(isEncryptedArchive(path.join(dir, 'missing'))).toBe(false);
    } finally {
      removeDir(dir);
    }
  });
});
