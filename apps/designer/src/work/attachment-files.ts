import {
  ATTACHMENT_LIMITS,
  type AttachmentUpload,
  isAllowedAttachmentType,
  type Locale,
} from '@caseflow/schema';

/** What the picker knows of a chosen file before reading it. */
export interface ChosenFile {
  name: string;
  size: number;
  /** The browser's media type; '' when it does not know one. */
  type: string;
}

/** Why a file cannot go with a message, as a message id and its values; null when it can. */
export type FileRefusal = { id: string; values: Record<string, string | number> } | null;

/** The media type a file is sent as: the browser's, or plain bytes when it has none. */
export function mediaTypeOf(file: ChosenFile): string {
  return file.type || 'application/octet-stream';
}

/**
 * Checks one file against what the runtime stores (ATTACHMENT_LIMITS, the allowed media types),
 * so the person hears it before uploading. Pure.
 */
export function refusalOf(file: ChosenFile, locale: Locale): FileRefusal {
  if (file.size > ATTACHMENT_LIMITS.fileBytes) {
    return {
      id: 'attachment.tooLarge',
      values: { name: file.name, limit: fileSizeText(ATTACHMENT_LIMITS.fileBytes, locale) },
    };
  }
  if (!isAllowedAttachmentType(mediaTypeOf(file))) {
    return { id: 'attachment.typeRefused', values: { name: file.name } };
  }
  return null;
}

/** "812 bytes", "1.4 kB", "10 MB" ("1,4 kB" in Portuguese). Pure. */
export function fileSizeText(bytes: number, locale: Locale): string {
  const [value, unit] =
    bytes < 1000
      ? [bytes, 'byte']
      : bytes < 1_000_000
        ? [bytes / 1000, 'kilobyte']
        : [bytes / 1_000_000, 'megabyte'];
  return new Intl.NumberFormat(locale, {
    style: 'unit',
    unit,
    unitDisplay: unit === 'byte' ? 'long' : 'short',
    maximumFractionDigits: value < 10 ? 1 : 0,
  }).format(value);
}

/** A chosen file read as the runtime takes it: its bytes as base64 (the browser encodes them). */
export function toUpload(file: File): Promise<AttachmentUpload> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => {
      const url = String(reader.result);
      resolve({ name: file.name, contentType: mediaTypeOf(file), content: url.slice(url.indexOf(',') + 1) });
    };
    reader.onerror = () => reject(reader.error ?? new Error(`cannot read ${file.name}`));
    reader.readAsDataURL(file);
  });
}

/** The chosen files read for a message, or nothing when there are none. */
export async function toUploads(files: readonly File[]): Promise<AttachmentUpload[] | undefined> {
  return files.length > 0 ? Promise.all(files.map(toUpload)) : undefined;
}
