import iconv from 'iconv-lite';
import { AppError } from '../core/errors';
import type { ImportEncoding } from '../shared/api/imports';

export type EncodingChoice = ImportEncoding | 'auto';

const strictUtf8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: false });

function isUtf8(bytes: Uint8Array): boolean {
  try {
    strictUtf8.decode(bytes);
    return true;
  } catch {
    return false;
  }
}

/** `?encoding=`: auto (default), utf-8 or gbk; anything else is a 400. */
export function parseEncodingChoice(value: unknown): EncodingChoice {
  if (value === undefined || value === '' || value === 'auto') return 'auto';
  const v = String(value).toLowerCase().replace('utf8', 'utf-8').replace('gb18030', 'gbk');
  if (v === 'utf-8' || v === 'gbk') return v;
  throw new AppError('REQUEST_INVALID', 'encoding must be auto, utf-8 or gbk');
}

/**
 * The file's text and the encoding it was read in. Auto: bytes that are valid
 * UTF-8 are UTF-8, anything else is read as GB18030 (a superset of GBK).
 * An explicit utf-8 on bytes that are not UTF-8 is refused (IMPORT_ENCODING_INVALID)
 * rather than read with replacement characters.
 */
export function decodeFile(bytes: Uint8Array, choice: EncodingChoice): { text: string; encoding: ImportEncoding } {
  const encoding: ImportEncoding = choice === 'auto' ? (isUtf8(bytes) ? 'utf-8' : 'gbk') : choice;
  if (encoding === 'utf-8') {
    if (!isUtf8(bytes)) throw new AppError('IMPORT_ENCODING_INVALID', 'the file is not valid UTF-8; choose encoding gbk (or auto)', { encoding });
    // TextDecoder drops the byte order mark.
    return { text: strictUtf8.decode(bytes), encoding };
  }
  return { text: iconv.decode(Buffer.from(bytes), 'gb18030'), encoding };
}
