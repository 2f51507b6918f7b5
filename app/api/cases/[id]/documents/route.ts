import { uploadDocument } from '@/lib/documents/actions';
import { jsonResult } from '@/lib/http';
import { foreignOrigin, isSameOrigin } from '@/lib/same-origin';

/** Upload of one file to a case (multipart: file, kind, partyId). A route handler, so files up to 20 MB are not held to server actions' body limit. */
export async function POST(request: Request, { params }: { params: Promise<{ id: string }> }) {
  if (!isSameOrigin(request)) return jsonResult(foreignOrigin);
  const { id } = await params;
  let form: FormData;
  try {
    form = await request.formData();
  } catch {
    return jsonResult({ ok: false, code: 'invalid', error: 'errors.invalid', fieldErrors: { file: ['validation.fileEmpty'] } });
  }
  const file = form.get('file');
  const result = await uploadDocument({
    caseId: id,
    partyId: String(form.get('partyId') ?? ''),
    kind: String(form.get('kind') ?? ''),
    file: file instanceof File ? file : undefined,
  });
  return jsonResult(result, 201);
}
