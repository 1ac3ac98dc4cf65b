import { describe, expect, it } from 'vitest';
import { fileSizeText, refusalOf, toUpload } from './attachment-files';

describe('attachment files', () => {
  it("says sizes in the reader's language", () => {
    expect(fileSizeText(812, 'en')).toBe('812 bytes');
    expect(fileSizeText(1400, 'pt-BR')).toBe('1,4 kB');
    expect(fileSizeText(10 * 1024 * 1024, 'en')).toBe('10 MB');
  });

  it('refuses what the runtime would refuse: too large, or of a type it does not store', () => {
    expect(refusalOf({ name: 'a.pdf', size: 5000, type: 'application/pdf' }, 'en')).toBeNull();
    expect(refusalOf({ name: 'x.bin', size: 10, type: '' }, 'en')).toBeNull();
    expect(refusalOf({ name: 'big.mp4', size: 11 * 1024 * 1024, type: 'video/mp4' }, 'en')).toEqual({
      id: 'attachment.tooLarge',
      values: { name: 'big.mp4', limit: '10 MB' },
    });
    expect(refusalOf({ name: 'page.html', size: 10, type: 'text/html' }, 'en')).toEqual({
      id: 'attachment.typeRefused',
      values: { name: 'page.html' },
    });
    expect(refusalOf({ name: 'logo.svg', size: 10, type: 'image/svg+xml' }, 'en')?.id).toBe(
      'attachment.typeRefused',
    );
  });

  it('reads a file as base64, bytes of any value included', async () => {
    const bytes = new Uint8Array([0, 255, 128, 10, 65]);
    const upload = await toUpload(new File([bytes], 'raw.bin'));
    expect(upload).toEqual({ name: 'raw.bin', contentType: 'application/octet-stream', content: 'AP+ACkE=' });
  });
});
