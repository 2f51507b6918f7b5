import { chooseIntakeFacts, createUserAsAdmin, errorSummary, expect, expectAccessible, signIn, signOut, test, uniqueEmail, visit, openSection } from './fixtures';

test('an admin creates an officer, who then signs in and sees their mission', async ({ browser, page }) => {
  const email = uniqueEmail('new.officer');
  const { adminPage } = await createUserAsAdmin(browser, { name: 'Putri Handayani', email, role: 'Consular officer', mission: /^DXB/, password: 'a-strong-password' });
  await expectAccessible(adminPage);
  await visit(adminPage, '/admin/users');
  await expect(adminPage.getByRole('row', { name: /Putri Handayani/ })).toContainText('DXB');
  await adminPage.context().close();

  await signIn(page, email, 'a-strong-password');
  await expect(page).toHaveURL(/\/cases$/);
  await expect(page.getByTestId('current-user')).toContainText('Putri Handayani · Consular officer · DXB');
  await page.goto('/cases/new');
  await chooseIntakeFacts(page);
  await page.getByRole('group', { name: 'Subject 1' }).getByLabel('Full name').fill('Dubai Subject');
  await page.getByLabel('Account of events').fill('Passport held by the employer.');
  await page.getByRole('button', { name: 'Create case' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(/^DXB-\d{4}-\d{5}$/);
  await expect(page.locator('.case-header')).toContainText('Consulate General in Dubai');
});

test('the user form checks its answers beside each field, in the browser and on the server', async ({ page }) => {
  await signIn(page, 'admin@payung.test');
  await visit(page, '/admin/users/new');
  await page.getByRole('button', { name: 'Create user' }).click();
  const summary = errorSummary(page);
  await expect(summary).toBeFocused();
  await expect(summary.getByRole('link').first()).toHaveText('Full name: Enter a value');
  await expect(summary).toContainText('Mission: Choose the mission this officer works at');
  await expect(page.getByLabel('Password')).toHaveCount(0);
  await expectAccessible(page);

  // The server's own check: an address already in use.
  await page.getByLabel('Full name').fill('Duplicate');
  await page.getByLabel('Email address').fill('OFFICER.KUL@payung.test');
  await page.getByLabel('Mission', { exact: true }).selectOption('KUL');
  await page.getByRole('button', { name: 'Create user' }).click();
  await expect(page.locator('#email-error')).toContainText('Another user already has this email address');
  await expect(page.getByLabel('Full name')).toHaveValue('Duplicate');
});

test('supervisors need a second admin; a reset gives a one-time link, the old password stops at once', async ({ browser, page }) => {
  const email = uniqueEmail('reset');
  const { adminPage, userUrl } = await createUserAsAdmin(browser, { name: 'Reset Me', email, role: 'Supervisor', password: 'first-password-1' });
  // the admin who asked for the role could not have confirmed it
  await adminPage.goto(userUrl);
  await expect(adminPage.getByRole('button', { name: /^Confirm the role/ })).toHaveCount(0);
  await adminPage.getByRole('button', { name: 'Reset password' }).click();
  const link = await adminPage.getByLabel('Set-password link').inputValue();
  await expectAccessible(adminPage);
  // The reset made a new version of the account: the form above saves on it, not over it.
  await adminPage.getByLabel('Full name').fill('Reset Me Again');
  await adminPage.getByRole('button', { name: 'Save user' }).click();
  await expect(adminPage.locator('form').getByRole('status').filter({ hasText: /^Saved/ })).toBeVisible();
  await adminPage.context().close();

  await signIn(page, email, 'first-password-1');
  await expect(errorSummary(page)).toContainText('not right');
  await page.goto(link);
  await page.getByLabel('New password', { exact: true }).fill('second-password-2');
  await page.getByLabel('Type the new password again').fill('second-password-X');
  await page.getByRole('button', { name: 'Set password' }).click();
  await expect(page.locator('#confirm-error')).toContainText('The two passwords are not the same');
  await expectAccessible(page);
  await page.getByLabel('Type the new password again').fill('second-password-2');
  await page.getByRole('button', { name: 'Set password' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Your password is set' })).toBeVisible();
  await signIn(page, email, 'second-password-2');
  await expect(page).toHaveURL(/\/queues$/);
  await signOut(page);
  // a link works once
  await page.goto(link);
  await page.getByLabel('New password', { exact: true }).fill('third-password-3');
  await page.getByLabel('Type the new password again').fill('third-password-3');
  await page.getByRole('button', { name: 'Set password' }).click();
  await expect(errorSummary(page)).toContainText('This link does not work any more');
});

test('a save over someone else’s newer save is refused, showing what changed and keeping the input', async ({ browser, page }) => {
  const email = uniqueEmail('conflict');
  const { adminPage, userUrl } = await createUserAsAdmin(browser, { name: 'Original Name', email, role: 'Auditor', password: 'a-strong-password' });
  await signIn(page, 'admin@payung.test');
  await page.goto(userUrl);

  await adminPage.getByLabel('Full name').fill('Saved First');
  await adminPage.getByRole('button', { name: 'Save user' }).click();
  await expect(adminPage.getByRole('status').filter({ hasText: /^Saved \d/ })).toBeVisible();

  await page.getByLabel('Full name').fill('Saved Second');
  await page.getByRole('button', { name: 'Save user' }).click();
  const summary = errorSummary(page);
  await expect(summary).toContainText('Someone else saved this record after you opened it');
  await expect(summary).toContainText('Saved First');
  await expect(page.getByLabel('Full name')).toHaveValue('Saved Second');
  await expectAccessible(page);

  // Saving again, knowingly, replaces the other save.
  await page.getByRole('button', { name: 'Save user' }).click();
  await expect(page.getByRole('status').filter({ hasText: /^Saved \d/ })).toBeVisible();
  await page.reload();
  await expect(page.getByLabel('Full name')).toHaveValue('Saved Second');
  await adminPage.context().close();
});

test('an admin adds and edits a mission, with the code, country and time zone checked', async ({ page }) => {
  await signIn(page, 'admin@payung.test');
  await visit(page, '/admin/missions');
  await expect(page.getByRole('row', { name: /KUL/ })).toContainText('Embassy in Kuala Lumpur');
  await page.getByRole('link', { name: 'Add a mission' }).click();
  await expectAccessible(page);

  const code = `Q${String.fromCharCode(65 + Math.floor(Math.random() * 26))}${String.fromCharCode(65 + Math.floor(Math.random() * 26))}`;
  await page.getByLabel('Code').fill(code);
  await page.getByLabel('City').fill('Karachi');
  await page.getByLabel('Country').fill('XX');
  await page.getByLabel('Time zone').fill('Asia/Atlantis');
  await page.getByRole('button', { name: 'Add mission' }).click();
  await expect(page.locator('#country-error')).toContainText('two-letter country code');
  await expect(page.locator('#timeZone-error')).toContainText('time zone like Asia/Kuala_Lumpur');

  await page.getByLabel('Kind').selectOption({ label: 'Consulate general' });
  await page.getByLabel('Country').fill('pk');
  await page.getByLabel('Time zone').fill('Asia/Karachi');
  await page.getByRole('button', { name: 'Add mission' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(`${code} · Consulate General in Karachi`);

  await page.getByLabel('City').fill('Karachi City');
  await page.getByRole('button', { name: 'Save mission' }).click();
  await expect(page.getByRole('status').filter({ hasText: /^Saved \d/ })).toBeVisible();

  await page.goto('/admin/missions/new');
  await page.getByLabel('Code').fill('KUL');
  await page.getByLabel('City').fill('Kuala Lumpur');
  await page.getByLabel('Country').fill('MY');
  await page.getByLabel('Time zone').fill('Asia/Kuala_Lumpur');
  await page.getByRole('button', { name: 'Add mission' }).click();
  await expect(page.locator('#code-error')).toContainText('Another mission already has this code');
});

test('every change an admin makes is on the audit trail, without passwords', async ({ browser, page }) => {
  const email = uniqueEmail('audited');
  const { adminPage } = await createUserAsAdmin(browser, { name: 'Audited Person', email, role: 'Auditor', password: 'secret-password-99' });
  await adminPage.context().close();
  await signIn(page, 'auditor@payung.test');
  await expect(page.getByRole('row', { name: /User created/ }).first()).toContainText(email);
  await expect(page.getByText('secret-password-99')).toHaveCount(0);
});

test('an admin edits a category’s default step; new cases propose it', async ({ page, browser }) => {
  await signIn(page, 'admin@payung.test');
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Reference lists' }).click();
  await page.getByLabel('Category', { exact: true }).selectOption({ label: 'Emergency' });
  await page.getByRole('button', { name: 'Show' }).click();
  // A list to scan; each step is changed on its own page.
  const steps = page.getByRole('table', { name: 'Default steps per category: Emergency' });
  await expect(steps.getByRole('row')).not.toHaveCount(1);
  await expect(page.getByRole('form')).toHaveCount(0);
  await expectAccessible(page);
  await steps.getByRole('link', { name: /^Edit Locate/ }).first().click();
  await expect(page).toHaveURL(/\/admin\/reference\/templates\/\d+$/);
  const locate = page.getByRole('form', { name: /^Locate/ });
  await expect(locate).toBeVisible();
  const newName = `Locate the citizen ${Date.now().toString(36)}`;
  await locate.getByLabel('Name in English').fill(newName);
  await locate.getByLabel('Due after (days from opening)').fill('x');
  await locate.getByRole('button', { name: 'Save' }).click();
  await expect(errorSummary(page)).toContainText('Enter a whole number of days');
  await locate.getByLabel('Due after (days from opening)').fill('2');
  await locate.getByRole('button', { name: 'Save' }).click();
  await expect(page.getByRole('status').filter({ hasText: /^Saved \d/ })).toBeVisible();
  await page.getByRole('link', { name: 'Back to the reference lists' }).click();
  await expect(steps.getByRole('link', { name: `Edit ${newName}` })).toBeVisible();

  // A partner agency is added on its own page, and the list shows it.
  const code = `P${Date.now().toString(36).toUpperCase()}`.slice(0, 10);
  await page.getByRole('link', { name: 'Add a partner agency' }).click();
  const partner = page.getByRole('form', { name: 'Add a partner agency' });
  await partner.getByRole('button', { name: 'Add a partner agency' }).click();
  await expect(errorSummary(page)).toBeVisible();
  await partner.getByLabel('Code').fill(code);
  await partner.getByLabel('Name in Bahasa Indonesia').fill('Lembaga Uji');
  await partner.getByLabel('Name in English').fill('Test Agency');
  await partner.getByRole('button', { name: 'Add a partner agency' }).click();
  await expect(page).toHaveURL(/\/admin\/reference$/);
  await expect(page.getByRole('table', { name: 'Partner agencies' }).getByRole('row', { name: new RegExp(code) })).toContainText('Test Agency');

  const other = await browser.newContext({ locale: 'en-GB' });
  const officer = await other.newPage();
  await signIn(officer, 'officer.kul@payung.test');
  await officer.goto('/cases/new');
  await chooseIntakeFacts(officer);
  await officer.getByRole('group', { name: 'Subject 1' }).getByLabel('Full name').fill('Flood Victim');
  await officer.getByLabel('Category').selectOption({ label: 'Emergency' });
  await officer.getByLabel('Account of events').fill('Caught in the floods in Kelantan.');
  await officer.getByRole('button', { name: 'Create case' }).click();
  await expect(officer.getByRole('group', { name: 'Proposed steps for this category' })).toContainText(newName);
  await other.close();
});

test('the auditor finds who saw a victim’s identity in one search, and every row about a case by its reference', async ({ browser, page }) => {
  // An officer registers a victim whose identity stays undisclosed, and reveals it once.
  const context = await browser.newContext({ locale: 'en-GB' });
  const officer = await context.newPage();
  await signIn(officer, 'officer.kul@payung.test');
  await officer.goto('/cases/new');
  await chooseIntakeFacts(officer);
  const subject = officer.getByRole('group', { name: 'Subject 1' });
  await subject.getByLabel('Full name').fill('Ratna Audit');
  await subject.getByLabel('Identity must stay undisclosed').check();
  await officer.getByLabel('Account of events').fill('Held by the agent.');
  await officer.getByRole('button', { name: 'Create case' }).click();
  await expect(officer).toHaveURL(/\/cases\/[0-9a-f-]{36}/);
  const reference = (await officer.getByRole('heading', { level: 1 }).textContent())!.trim();
  await openSection(officer, 'People');
  await officer.getByRole('button', { name: `Reveal identity of ${reference}-S1` }).click();
  await expect(officer.getByRole('definition').filter({ hasText: 'Ratna Audit' })).toBeVisible();
  // The case's own access log lists the reveal, whatever else the timeline holds.
  await officer.getByRole('link', { name: 'Access log: who saw identities and files of this case' }).click();
  await expect(officer.getByRole('heading', { level: 1 })).toHaveText(`Access log of ${reference}`);
  await expect(officer.getByRole('listitem').filter({ hasText: `Identity of ${reference}-S1 revealed` })).toBeVisible();
  await expect(officer.getByText(`Case ${reference} registered`)).toHaveCount(0);
  await expectAccessible(officer);
  await context.close();

  await signIn(page, 'auditor@payung.test');
  await page.getByLabel('Person (pseudonym)').fill(`${reference.toLowerCase()}-s1`);
  await page.getByLabel('Action').selectOption({ label: 'Identity seen: reveals, search matches and document downloads' });
  await page.getByRole('button', { name: 'Apply' }).click();
  const rows = page.getByRole('table').getByRole('row');
  await expect(rows).toHaveCount(2);
  await expect(rows.nth(1)).toContainText('Identity revealed');
  await expect(rows.nth(1)).toContainText('officer.kul@payung.test');
  await expect(rows.nth(1)).toContainText(reference);
  await expectAccessible(page);

  // Each row in words: the action's label (its code only in the technical details), who by name and role, details labelled.
  await page.goto(`/audit?caseRef=${reference}`);
  const created = page.getByRole('row', { name: /Case registered/ });
  await expect(created).toContainText(reference);
  await expect(created.getByRole('cell').nth(1)).toContainText('Siti Rahmawati · Consular officer');
  await expect(created.getByRole('cell').nth(2)).toHaveText('Case registered');
  await expect(created.getByRole('cell').nth(0)).toHaveText(/^\d{1,2} \w{3} \d{4}, \d{2}:\d{2}:\d{2} GMT\+7$/);
  const details = created.getByRole('cell').nth(4);
  await expect(details.getByRole('definition').filter({ hasText: 'Labour' })).toBeVisible();
  await expect(details.getByRole('term').filter({ hasText: 'Category' })).toBeVisible();
  await expect(details.getByText('case.create')).toBeHidden();
  await details.getByText('Technical details').click();
  await expect(details.getByText(/"action": "case\.create"/)).toBeVisible();
  await expect(page.getByRole('table')).not.toContainText('Ratna Audit');
  await expect(page.getByLabel('Case reference')).toHaveValue(reference);

  await page.goto('/audit?caseRef=KUL-1999-00001&from=2026-02-30');
  await expect(page.getByRole('status').filter({ hasText: 'No case has the reference KUL-1999-00001.' })).toBeVisible();
  await expect(page.getByRole('alert').filter({ hasText: 'Enter a real date' })).toBeVisible();
  await expect(page.getByLabel('From')).toHaveAttribute('aria-invalid', 'true');
});
