/**
 * Checking a file before it is attached to a ticket: size, a virus scan by clamd, the type by its content
 * (file-type), and for images a re-encoding by sharp that keeps no metadata (EXIF, GPS, XMP). Nothing the
 * upload declares (its type, its name's extension) is trusted; a name that disagrees with the content is
 * refused, so nobody downloads "invoice.pdf" that is something else.
 */
import { extname } from 'node:path';
import { ATTACHMENT_TYPES } from '../../../../shared/api/contact-mail';
import { AppError, type ErrorCode } from '../../../http/errors';
import type { VirusScanner } from '../../../platform/virus-scan';

export type Upload = { fileName: string; mimeType: string; bytes: Buffer };
export type CheckedAttachment = { fileName: string; mimeType: string; data: Buffer };

/** The sniffed extension of each accepted type and the extensions a name may carry for it. */
type AcceptedType = { mime: string; extensions: readonly string[]; image?: 'png' | 'jpeg' | 'webp' };
const accepted = new Map<string, AcceptedType>(ATTACHMENT_TYPES.map((type) => [type.mime, type]));

/** Refused before decoding: a PNG of a few kilobytes may claim 100,000 × 100,000 pixels. */
const MAX_INPUT_PIXELS = 40_000_000;
/** Larger sides are scaled down: enough for a photo of a letter or a screenshot, and it bounds storage. */
const MAX_OUTPUT_SIDE = 3000;

const fail = (code: ErrorCode, field: string, index: number, key: string, params = {}) =>
  new AppError(code, {}, [
    { path: `body.${field}.${index}`, code: 'custom', message: `contactMail.attachments.${key}`, params },
  ]);

/** The file name as shown and mailed: no path, no control or quote characters, at most 120 characters. */
export function cleanFileName(name: string, extension: string) {
  const base = (name.split(/[\\/]/).pop() ?? '')
    .normalize('NFC')
    // biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are what is removed
    .replace(/[\u0000-\u001f\u007f"<>|:*?]/g, '')
    .trim();
  const stem = base.slice(0, base.length - extname(base).length).slice(0, 100) || 'bijlage';
  return `${stem}.${extension}`;
}

async function reencode(bytes: Buffer, format: 'png' | 'jpeg' | 'webp') {
  // libvips is loaded with the first image, not at every server start.
  const { default: sharp } = await import('sharp');
  const meta = await sharp(bytes, { limitInputPixels: false }).metadata();
  if (!meta.width || !meta.height || meta.width * meta.height > MAX_INPUT_PIXELS) return null;
  // rotate() applies the EXIF orientation; sharp writes no metadata unless asked (withMetadata), so EXIF,
  // GPS, XMP and comments are gone from the result.
  const pipeline = sharp(bytes, { limitInputPixels: MAX_INPUT_PIXELS, failOn: 'error' })
    .rotate()
    .resize({ width: MAX_OUTPUT_SIDE, height: MAX_OUTPUT_SIDE, fit: 'inside', withoutEnlargement: true });
  const encoded =
    format === 'jpeg'
      ? pipeline.jpeg({ quality: 85, mozjpeg: true })
      : format === 'png'
        ? pipeline.png({ compressionLevel: 9 })
        : pipeline.webp({ quality: 85 });
  return encoded.toBuffer();
}

/**
 * Checks every upload and returns what may be stored, or throws the first refusal with a translated message
 * for that file: too many (400), too large (413), infected (400), not scanned because clamd is missing,
 * down or too slow (503: the file is never passed unscanned), a type we do not take or a name that
 * disagrees with the content (415), an image that does not decode (415).
 */
export async function checkAttachments(
  scanner: VirusScanner,
  limits: { maxBytes: number; maxFiles: number },
  uploads: Upload[],
  /** Told why a file could not be scanned: clamd down or missing is for the operators to fix. */
  onUnscanned: (reason: string) => void = () => {},
  field = 'files',
): Promise<CheckedAttachment[]> {
  if (uploads.length > limits.maxFiles)
    throw fail('VALIDATION_FAILED', field, limits.maxFiles, 'tooMany', { max: limits.maxFiles });
  const { fileTypeFromBuffer } = await import('file-type');
  const checked: CheckedAttachment[] = [];
  for (const [index, upload] of uploads.entries()) {
    if (upload.bytes.length === 0) throw fail('VALIDATION_FAILED', field, index, 'empty');
    if (upload.bytes.length > limits.maxBytes)
      throw fail('PAYLOAD_TOO_LARGE', field, index, 'tooLarge', {
        max: Math.round(limits.maxBytes / 1024 / 1024),
      });
    // Every file is scanned as it came in, whatever its type: a refusal for a virus is the clearest one.
    const scan = await scanner.scan(upload.bytes);
    if (scan.status === 'infected') throw fail('VALIDATION_FAILED', field, index, 'infected');
    if (scan.status === 'unscanned') {
      onUnscanned(scan.reason);
      throw fail('UNAVAILABLE', field, index, 'notScanned');
    }
    const sniffed = await fileTypeFromBuffer(upload.bytes);
    const type = sniffed ? accepted.get(sniffed.mime) : undefined;
    if (!type) throw fail('UNSUPPORTED_MEDIA_TYPE', field, index, 'unsupported');
    const named = extname(upload.fileName).slice(1).toLowerCase();
    if (named && !type.extensions.includes(named))
      throw fail('UNSUPPORTED_MEDIA_TYPE', field, index, 'typeMismatch', {
        declared: named.toUpperCase(),
        actual: type.extensions[0]!.toUpperCase(),
      });
    let data = upload.bytes;
    if (type.image) {
      const image = await reencode(upload.bytes, type.image).catch(() => null); // Safe: an image sharp cannot decode is refused just below with a translated 415, never stored.
      if (!image) throw fail('UNSUPPORTED_MEDIA_TYPE', field, index, 'badImage');
      data = image;
    }
    checked.push({
      fileName: cleanFileName(upload.fileName, named || type.extensions[0]!),
      mimeType: type.mime,
      data,
    });
  }
  return checked;
}
