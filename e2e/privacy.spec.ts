import { CANARY } from './canaries';
import { chooseIntakeFacts, expect, signIn, test, openSection } from './fixtures';

/**
 * Drives everything that carries an identity — intake, the duplicate check, search, an upload,
 * malformed and oversized requests — with values typed nowhere else (e2e/canaries.ts). After
 * the suite, e2e/server-log.ts fails if any of them appears in what the server printed.
 */
test('identities typed at intake, in searches, uploads and malformed requests never reach the server’s output', async ({ page }) => {
  const actionIds = new Set<string>();
  page.on('request', (r) => {
    const id = r.headers()['next-action'];
    if (id) actionIds.add(id);
  });
  await signIn(page, 'officer.kul@payung.test');
  await page.goto('/cases/new');
  await chooseIntakeFacts(page);
  const subject = page.getByRole('group', { name: 'Subject 1' });
  await subject.getByLabel('Full name').fill(CANARY.name);
  await subject.getByLabel('NIK (optional)').fill(CANARY.nik);
  await subject.getByLabel('Passport number').fill(CANARY.passport);
  await subject.getByLabel('Identity must stay undisclosed').check();
  await page.getByLabel('Account of events').fill(`${CANARY.name} (NIK ${CANARY.nik}) was held by her employer.`);
  await page.getByRole('button', { name: 'Create case' }).click();
  await expect(page).toHaveURL(/\/cases\/[0-9a-f-]{36}/);
  const reference = (await page.getByRole('heading', { level: 1 }).textContent())!.trim();

  const pdf = Buffer.from('%PDF-1.4\n1 0 obj\n<< /Type /Catalog >>\nendobj\ntrailer\n<< /Root 1 0 R >>\n%%EOF\n');
  await openSection(page, 'Documents');
  await page.getByLabel('File').setInputFiles({ name: CANARY.fileName, mimeType: 'application/pdf', buffer: pdf });
  await page.getByLabel('Kind of document').selectOption({ label: "Passport or seaman's book" });
  await page.getByRole('button', { name: 'Upload document' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'uploaded' })).toBeVisible();
  // The file name can name her: shown by kind, and by name only on request, which is on the access log.
  await page.reload();
  await expect(page.getByText(CANARY.fileName)).toHaveCount(0);
  await page.getByRole('button', { name: 'Show the file names' }).click();
  await expect(page.getByRole('link', { name: CANARY.fileName })).toBeVisible();
  await page.goto(`${new URL(page.url()).pathname}/access`);
  await expect(page.getByRole('listitem').filter({ hasText: 'File names of the documents shown (1)' })).toBeVisible();
  await page.goBack();

  // Searches: found by NIK and passport, not by name; broken addresses answered, not failed.
  for (const q of [CANARY.nik, CANARY.passport]) {
    await page.goto(`/cases?q=${encodeURIComponent(q)}`);
    await expect(page.getByRole('row', { name: new RegExp(reference) })).toBeVisible();
  }
  for (const q of [encodeURIComponent(CANARY.name), `${CANARY.nik}%00`, encodeURIComponent(CANARY.name.repeat(6)), `${CANARY.nik}&q=${CANARY.passport}`]) {
    const response = await page.goto(`/cases?q=${q}`);
    expect(response!.status(), q).toBeLessThan(500);
  }

  // Crafted server-action requests carrying the identity: truncated JSON, a truncated form, a dangling reference, too big.
  expect(actionIds.size).toBeGreaterThan(0);
  const origin = new URL(page.url()).origin;
  for (const id of actionIds) {
    for (const [type, body] of [
      ['text/plain;charset=UTF-8', `[{"fullName":"${CANARY.name}","nik":"${CANARY.nik}"`],
      ['text/plain;charset=UTF-8', `["$1","${CANARY.passport}"]`],
      ['multipart/form-data; boundary=x', `--x\r\nContent-Disposition: form-data; name="1_fullName"\r\n\r\n${CANARY.name}\r\n--`],
      ['text/plain;charset=UTF-8', `[{"data":{"fullName":"${CANARY.name}\\u0000","nik":"${CANARY.nik}"}}]`],
      ['text/plain;charset=UTF-8', `["${CANARY.nik}${' '.repeat(1024 * 1024)}"]`],
    ]) {
      // whatever the answer (Next.js refuses the malformed ones itself), what the server printed is checked after the suite
      const response = await page.request.post('/cases/new', { headers: { 'Next-Action': id, 'Content-Type': type!, Origin: origin }, data: body! });
      if (body!.length > 1024 * 1024) expect(response.status()).toBe(413);
    }
  }
});
