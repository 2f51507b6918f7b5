import { describe, expect, it } from 'vitest';
import { FORM_BODY_BYTES, bodyLimit, refuseBody } from './body-limit';
import { MAX_DOCUMENT_BYTES } from './documents/limits';

describe('body limits', () => {
  it('give uploads room for their file and everything else the limit of a form', () => {
    expect(bodyLimit('/api/cases/123/documents')).toBeGreaterThan(MAX_DOCUMENT_BYTES);
    expect(bodyLimit('/api/imports')).toBeGreaterThan(FORM_BODY_BYTES);
    for (const path of ['/cases/new', '/cases/123', '/api/auth/callback/credentials', '/api/cases/123/documents/x', '/api/exports']) expect(bodyLimit(path)).toBe(FORM_BODY_BYTES);
  });

  it('refuse by the stated length, before the body is read', () => {
    const post = (url: string, length: number | string) => refuseBody('POST', url, { 'content-length': String(length) });
    expect(post('/cases/new', FORM_BODY_BYTES)).toBeNull();
    expect(post('/cases/new', FORM_BODY_BYTES + 1)).toMatchObject({ status: 413 });
    expect(post('/cases/new?x=1', 50 * 1024 * 1024)).toMatchObject({ status: 413, message: expect.stringContaining('Permintaan terlalu besar') });
    expect(post('/api/cases/9/documents', 5 * 1024 * 1024)).toBeNull();
    expect(post('/api/cases/9/documents', MAX_DOCUMENT_BYTES * 2)).toMatchObject({ status: 413 });
    expect(post('/cases/new', '12abc')).toMatchObject({ status: 413 });
  });

  it('ask a body of unstated length to state it, and leave bodiless requests alone', () => {
    expect(refuseBody('POST', '/cases/new', { 'transfer-encoding': 'chunked' })).toMatchObject({ status: 411 });
    expect(refuseBody('POST', '/cases/new', {})).toBeNull();
    expect(refuseBody('GET', '/cases', { 'content-length': String(FORM_BODY_BYTES * 10) })).toBeNull();
  });
});
