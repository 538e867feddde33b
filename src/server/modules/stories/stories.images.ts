import type sharpModule from 'sharp';
import { MAX_IMAGE_BYTES } from '../../../shared/api/stories';
import { MAX_STORY_IMAGES } from '../../../shared/domain';
import { AppError } from '../../http/errors';

/** What a story may carry: a few photos of a sensible size, each re-encoded on arrival. */
export const MAX_IMAGES = MAX_STORY_IMAGES;
export { MAX_IMAGE_BYTES };
/** Larger sides are scaled down; nobody needs more in a gallery, and it bounds what we store. */
export const MAX_OUTPUT_SIDE = 2000;
/** Refused before decoding: a 100,000 × 100,000 PNG of a few kilobytes would otherwise take gigabytes. */
export const MAX_INPUT_PIXELS = 40_000_000;
export const MAX_INPUT_SIDE = 12_000;

export type ImageFormat = 'jpeg' | 'png' | 'webp';
export const mimeOf: Record<ImageFormat, 'image/jpeg' | 'image/png' | 'image/webp'> = {
  jpeg: 'image/jpeg',
  png: 'image/png',
  webp: 'image/webp',
};

/** The format by the file's first bytes (its content), never by its name. */
export function sniffFormat(bytes: Buffer): ImageFormat | null {
  if (bytes.length >= 3 && bytes[0] === 0xff && bytes[1] === 0xd8 && bytes[2] === 0xff) return 'jpeg';
  if (
    bytes.length >= 8 &&
    bytes.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]))
  )
    return 'png';
  if (
    bytes.length >= 12 &&
    bytes.subarray(0, 4).toString('latin1') === 'RIFF' &&
    bytes.subarray(8, 12).toString('latin1') === 'WEBP'
  )
    return 'webp';
  return null;
}

/** What the upload says it is, by its declared type or its file name's extension; null if it says nothing known. */
export function declaredFormat(fileName: string, mimeType: string): ImageFormat | null {
  const ext = fileName.toLowerCase().match(/\.([a-z0-9]+)$/)?.[1];
  const byExt: Record<string, ImageFormat> = { jpg: 'jpeg', jpeg: 'jpeg', png: 'png', webp: 'webp' };
  if (ext && ext in byExt) return byExt[ext]!;
  const byMime: Record<string, ImageFormat> = {
    'image/jpeg': 'jpeg',
    'image/jpg': 'jpeg',
    'image/png': 'png',
    'image/webp': 'webp',
  };
  return byMime[mimeType.toLowerCase()] ?? null;
}

const fail = (
  code: 'UNSUPPORTED_MEDIA_TYPE' | 'VALIDATION_FAILED' | 'PAYLOAD_TOO_LARGE',
  index: number,
  key: string,
  params = {},
) =>
  new AppError(code, {}, [
    { path: `body.images.${index}`, code: 'custom', message: `stories.errors.${key}`, params },
  ]);

export type ProcessedImage = {
  format: ImageFormat;
  mimeType: (typeof mimeOf)[ImageFormat];
  width: number;
  height: number;
  data: Buffer;
};

/**
 * Checks an upload by its content and re-encodes it: JPEG, PNG and WebP only; the content must be the
 * type the file claims (a PNG named .jpg is refused); no more than MAX_INPUT_PIXELS; rotated upright by
 * its EXIF orientation, scaled to at most MAX_OUTPUT_SIDE, and written anew without any metadata
 * (EXIF, GPS, XMP, ICC comments): sharp keeps none unless asked to.
 */
export async function processImage(
  index: number,
  upload: { fileName: string; mimeType: string; bytes: Buffer },
): Promise<ProcessedImage> {
  if (upload.bytes.length === 0) throw fail('VALIDATION_FAILED', index, 'emptyImage');
  if (upload.bytes.length > MAX_IMAGE_BYTES)
    throw fail('PAYLOAD_TOO_LARGE', index, 'imageTooLarge', { max: MAX_IMAGE_BYTES / 1024 / 1024 });
  const format = sniffFormat(upload.bytes);
  if (!format) throw fail('UNSUPPORTED_MEDIA_TYPE', index, 'notAnImage');
  const declared = declaredFormat(upload.fileName, upload.mimeType);
  if (declared && declared !== format)
    throw fail('UNSUPPORTED_MEDIA_TYPE', index, 'typeMismatch', {
      declared: declared.toUpperCase(),
      actual: format.toUpperCase(),
    });
  // libvips is loaded with the first image, not at every server start.
  const { default: sharp } = await import('sharp');
  let meta: Awaited<ReturnType<ReturnType<typeof sharpModule>['metadata']>>;
  try {
    meta = await sharp(upload.bytes, { limitInputPixels: false }).metadata();
  } catch {
    // libvips cannot read the header: not an image after all, whatever its first bytes said.
    throw fail('UNSUPPORTED_MEDIA_TYPE', index, 'notAnImage');
  }
  const width = meta.width ?? 0;
  const height = meta.height ?? 0;
  if (!width || !height) throw fail('UNSUPPORTED_MEDIA_TYPE', index, 'notAnImage');
  if (width > MAX_INPUT_SIDE || height > MAX_INPUT_SIDE || width * height > MAX_INPUT_PIXELS)
    throw fail('VALIDATION_FAILED', index, 'dimensionsTooLarge', { max: MAX_INPUT_SIDE });
  try {
    const pipeline = sharp(upload.bytes, { limitInputPixels: MAX_INPUT_PIXELS, failOn: 'error' })
      .rotate()
      .resize({ width: MAX_OUTPUT_SIDE, height: MAX_OUTPUT_SIDE, fit: 'inside', withoutEnlargement: true });
    const encoded =
      format === 'jpeg'
        ? pipeline.jpeg({ quality: 82, mozjpeg: true })
        : format === 'png'
          ? pipeline.png({ compressionLevel: 9 })
          : pipeline.webp({ quality: 82 });
    const { data, info } = await encoded.toBuffer({ resolveWithObject: true });
    return { format, mimeType: mimeOf[format], width: info.width, height: info.height, data };
  } catch {
    // Truncated or corrupt data that only shows while decoding.
    throw fail('UNSUPPORTED_MEDIA_TYPE', index, 'notAnImage');
  }
}
