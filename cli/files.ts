/**
 * File input and output for the CLIs, checked before any work: an input is read only when
 * stat says it is a regular file of at most MAX_INPUT_BYTES (so /dev/zero or a 40 GB file
 * is refused, not read), a UTF-8 byte-order mark is skipped, and JSON nested deeper than
 * MAX_JSON_DEPTH is refused before JSON.parse. An output path is checked writable before a
 * run starts, so a bad --csv never costs a whole run. Every failure is an InputError naming
 * the file.
 */
import { accessSync, constants, readFileSync, statSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { jsonDepth } from '../src/core/config/jsonDepth';
import { InputError } from './args';

/** Larger inputs are refused unread (V8's longest string is about 512 MiB). */
export const MAX_INPUT_BYTES = 256 * 1024 * 1024;
/** Model files are 4 levels deep ({layers: [{weight: [[…]]}]}), data files 3. */
export const MAX_JSON_DEPTH = 32;

const READ_ERRORS: Readonly<Record<string, string>> = {
  ENOENT: 'file not found',
  EISDIR: 'is a directory, not a file',
  EACCES: 'permission denied',
  ENOTDIR: 'a part of the path is not a directory',
  ENAMETOOLONG: 'the path is too long',
};

function ioError(file: string, e: unknown): InputError {
  const code = (e as NodeJS.ErrnoException).code ?? '';
  const why = READ_ERRORS[code] ?? `cannot read file (${code || (e as Error).message})`;
  return new InputError(`${file}: ${why}`);
}

const mib = (bytes: number) => `${(bytes / 2 ** 20).toFixed(0)} MiB`;

/** The text of a regular file of at most `maxBytes`, checked with stat before reading. */
export function readTextFile(file: string, maxBytes = MAX_INPUT_BYTES): string {
  let size: number;
  try {
    const st = statSync(file);
    if (st.isDirectory()) throw new InputError(`${file}: is a directory, not a file`);
    if (!st.isFile()) throw new InputError(`${file}: not a regular file`);
    size = st.size;
  } catch (e) {
    throw e instanceof InputError ? e : ioError(file, e);
  }
  if (size > maxBytes)
    throw new InputError(
      `${file}: ${size.toLocaleString('en')} bytes is too large (at most ${mib(maxBytes)})`,
    );
  try {
    return readFileSync(file, 'utf8').replace(/^\uFEFF/, '');
  } catch (e) {
    throw ioError(file, e);
  }
}

/** Reads and parses a JSON file; size, nesting, I/O and syntax errors name the file. */
export function readJson(file: string): unknown {
  const text = readTextFile(file);
  const depth = jsonDepth(text);
  if (depth > MAX_JSON_DEPTH)
    throw new InputError(
      `${file}: JSON nested ${depth.toLocaleString('en')} levels deep (at most ${MAX_JSON_DEPTH})`,
    );
  try {
    return JSON.parse(text);
  } catch (e) {
    throw new InputError(`${file}: invalid JSON (${(e as Error).message.split('\n')[0]})`);
  }
}

/**
 * Throws unless `file` can be written: not a directory, an existing file writable, else
 * its directory existing and writable. Nothing is created.
 */
export function checkWritable(flag: string, file: string): void {
  const fail = (why: string) => new InputError(`--${flag} ${file}: ${why}`);
  let exists = true;
  try {
    const st = statSync(file);
    if (st.isDirectory()) throw fail('is a directory, not a file');
    if (!st.isFile()) throw fail('not a regular file');
  } catch (e) {
    if (e instanceof InputError) throw e;
    const code = (e as NodeJS.ErrnoException).code;
    if (code !== 'ENOENT') throw fail(READ_ERRORS[code ?? ''] ?? `cannot write (${code})`);
    exists = false;
  }
  const target = exists ? file : dirname(resolve(file));
  try {
    if (!exists && !statSync(target).isDirectory()) throw fail(`${target} is not a directory`);
    accessSync(target, constants.W_OK);
  } catch (e) {
    if (e instanceof InputError) throw e;
    const code = (e as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') throw fail(`the directory ${target} does not exist`);
    throw fail(code === 'EACCES' ? 'permission denied' : `cannot write (${code})`);
  }
}
