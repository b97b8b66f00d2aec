/** Headers for files handed to the browser as downloads, never rendered in the site's origin. */
import type { FastifyReply } from 'fastify';

/** `attachment` with an ASCII fallback name and the UTF-8 name (RFC 6266 / 5987). */
function contentDisposition(fileName: string): string {
  const fallback = fileName.replace(/[^\x20-\x7e]|["\\%;]/g, '_') || 'download';
  return `attachment; filename="${fallback}"; filename*=UTF-8''${encodeURIComponent(fileName).replace(/['()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`)}`;
}

/** Download headers: attachment, no sniffing, and a sandboxing CSP should the file be opened anyway. */
export function setDownloadHeaders(reply: FastifyReply, o: { fileName: string; mimeType: string; sizeBytes?: number; cache: 'public' | 'private' }): void {
  const textual = o.mimeType.startsWith('text/');
  reply
    .header('content-type', textual ? `${o.mimeType}; charset=utf-8` : o.mimeType)
    .header('content-disposition', contentDisposition(o.fileName))
    .header('x-content-type-options', 'nosniff')
    .header('content-security-policy', "sandbox; default-src 'none'; frame-ancestors 'none'")
    .header('cross-origin-resource-policy', 'same-origin')
    .header('cache-control', o.cache === 'public' ? 'no-cache' : 'private, no-store');
  if (o.sizeBytes !== undefined) reply.header('content-length', String(o.sizeBytes));
}
