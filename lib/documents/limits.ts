/** What may be attached: PDF and common photo formats (judged by content on the server), up to 20 MB. */
export const MAX_DOCUMENT_BYTES = 20 * 1024 * 1024;
export const ALLOWED_TYPES = ['application/pdf', 'image/jpeg', 'image/png', 'image/webp', 'image/heic'] as const;
