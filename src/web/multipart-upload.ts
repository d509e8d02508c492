// A multipart form's fields up to its file, read before the route runs, so the CSRF token can be
// checked as an ordinary form field (never in the URL) and a request without it is refused
// before a byte of the file is consumed. Routes take the file with `uploadedFile` and set their
// size limit in the route's config (`uploadLimits`), since the file is opened here.
import type { MultipartFile } from '@fastify/multipart';
import type { FastifyRequest } from 'fastify';

interface UploadLimits {
  fileSize?: number;
  files?: number;
}

declare module 'fastify' {
  interface FastifyContextConfig {
    /** Limits for this route's multipart upload; without them the app-wide limits apply. */
    uploadLimits?: UploadLimits;
  }
}

interface MultipartUpload {
  /** The fields that precede the file (a repeated name keeps its first value). */
  fields: Record<string, string>;
  file: MultipartFile | undefined;
  error: unknown;
}

const uploads = new WeakMap<FastifyRequest, MultipartUpload>();

/** Reads the fields before the first file and leaves the file unread for the route. */
export async function readFieldsBeforeFile(request: FastifyRequest): Promise<MultipartUpload> {
  const upload: MultipartUpload = { fields: {}, file: undefined, error: undefined };
  uploads.set(request, upload);
  const limits = request.routeOptions.config.uploadLimits;
  const parts = request.parts(limits ? { limits } : {});
  try {
    // Stepped by hand: leaving a for-await loop would close the iterator and the file with it.
    for (let next = await parts.next(); !next.done; next = await parts.next()) {
      const part = next.value;
      if (part.type === 'file') {
        upload.file = part;
        break;
      }
      if (typeof part.value === 'string' && !(part.fieldname in upload.fields)) upload.fields[part.fieldname] = part.value;
    }
  } catch (error) {
    upload.error = error;
  }
  return upload;
}

/** Lets a refused upload's file run through unread, so the connection ends cleanly. */
export function discardUpload(request: FastifyRequest): void {
  uploads.get(request)?.file?.file.resume();
}

/** The uploaded file (its CSRF token already checked), or undefined when the form had none. */
export function uploadedFile(request: FastifyRequest): MultipartFile | undefined {
  const upload = uploads.get(request);
  if (upload?.error) throw upload.error;
  return upload?.file;
}
