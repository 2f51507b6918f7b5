import type { AddressInfo } from 'node:net';
import { eq } from 'drizzle-orm';
import { simpleParser } from 'mailparser';
import { SMTPServer } from 'smtp-server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DbHandle } from '@/db';
import { resetPassword } from '@/db/queries/users';
import { users } from '@/db/schema';
import { seedDemo } from '@/db/seed';
import { openTestDatabase, testDatabaseKinds } from '@/db/test-db';
import { type MailSettings, mailSettings } from '@/lib/mail/send';
import { actorOf } from '@/lib/testing/actors';
import { deliverPasswordLink } from './password-link';

/** A real SMTP server on a free port, keeping what it accepts; it refuses recipients at `refused.test`. */
function startSmtp() {
  const received: { to: string[]; raw: Buffer }[] = [];
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    logger: false,
    onRcptTo(address, _session, callback) {
      callback(address.address.endsWith('@refused.test') ? Object.assign(new Error('mailbox unavailable'), { responseCode: 550 }) : undefined);
    },
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on('data', (c: Buffer) => chunks.push(c));
      stream.on('end', () => {
        received.push({ to: session.envelope.rcptTo.map((r) => r.address), raw: Buffer.concat(chunks) });
        callback();
      });
    },
  });
  return new Promise<{ server: SMTPServer; port: number; received: typeof received }>((resolve) => {
    server.listen(0, '127.0.0.1', () => resolve({ server, port: (server.server.address() as AddressInfo).port, received }));
  });
}

describe('mail settings', () => {
  it('need both an SMTP server and the public address; links never follow a request', () => {
    expect(mailSettings({})).toBeNull();
    expect(mailSettings({ SMTP_URL: 'smtp://mail.kemlu.test:587' })).toBeNull();
    expect(mailSettings({ NEXTAUTH_URL: 'https://payung.kemlu.test' })).toBeNull();
    expect(mailSettings({ SMTP_URL: 'smtp://mail.kemlu.test:587', NEXTAUTH_URL: 'https://payung.kemlu.test/' })).toEqual({
      smtpUrl: 'smtp://mail.kemlu.test:587',
      origin: 'https://payung.kemlu.test',
      from: 'Payung <no-reply@payung.kemlu.test>',
    });
    expect(mailSettings({ SMTP_URL: 'smtp://m', NEXTAUTH_URL: 'https://p.test', MAIL_FROM: 'Direktorat PWNI <pwni@kemlu.test>' })?.from).toBe('Direktorat PWNI <pwni@kemlu.test>');
  });
});

describe('a set-password link reaching its user', () => {
  let smtp: Awaited<ReturnType<typeof startSmtp>>;
  let settings: MailSettings;
  beforeAll(async () => {
    smtp = await startSmtp();
    settings = { smtpUrl: `smtp://127.0.0.1:${smtp.port}`, from: 'Payung <no-reply@payung.test>', origin: 'https://payung.test' };
  });
  afterAll(() => new Promise<void>((resolve) => smtp.server.close(() => resolve())));

  it('without SMTP: its path, for the administrator to hand over; nothing sent', async () => {
    const before = smtp.received.length;
    expect(await deliverPasswordLink({ email: 'a@payung.test', name: 'A', locale: null }, 'tok', 'created', null)).toEqual({ emailedTo: null, linkPath: '/set-password/tok' });
    expect(smtp.received).toHaveLength(before);
  });

  it('with SMTP: emailed to the account, in its language, with the link at the public address; the administrator gets no link', async () => {
    const token = 'x'.repeat(43);
    expect(await deliverPasswordLink({ email: 'siti@kemlu.test', name: 'Siti Rahma', locale: 'en' }, token, 'reset', settings)).toEqual({ emailedTo: 'siti@kemlu.test', linkPath: null });
    expect(await deliverPasswordLink({ email: 'budi@kemlu.test', name: 'Budi', locale: null }, token, 'created', settings)).toEqual({ emailedTo: 'budi@kemlu.test', linkPath: null });
    const [reset, created] = await Promise.all(smtp.received.slice(-2).map(async (m) => ({ to: m.to, mail: await simpleParser(m.raw) })));
    expect(reset!.to).toEqual(['siti@kemlu.test']);
    expect(reset!.mail.subject).toBe('Payung: set a new password');
    expect(reset!.mail.from?.value).toEqual([{ name: 'Payung', address: 'no-reply@payung.test' }]);
    expect(reset!.mail.text).toContain('Dear Siti Rahma,');
    expect(reset!.mail.text).toContain('the old one no longer works');
    expect(reset!.mail.text).toContain(`https://payung.test/set-password/${token}`);
    // No language chosen: the ministry's own.
    expect(created!.to).toEqual(['budi@kemlu.test']);
    expect(created!.mail.subject).toBe('Akun Payung Anda: tetapkan kata sandi');
    expect(created!.mail.text).toContain('Akun Payung, sistem kasus pelindungan WNI, telah dibuat untuk Anda.');
    expect(created!.mail.text).toContain(`https://payung.test/set-password/${token}`);
  });

  it('refused by the server: an error the administrator can read, so the action changes nothing', async () => {
    await expect(deliverPasswordLink({ email: 'x@refused.test', name: 'X', locale: 'id' }, 'tok', 'reset', settings)).rejects.toMatchObject({ code: 'busy', messageKey: 'users.mailFailed' });
    await expect(deliverPasswordLink({ email: 'x@payung.test', name: 'X', locale: 'id' }, 'tok', 'reset', { ...settings, smtpUrl: 'smtp://127.0.0.1:1' })).rejects.toMatchObject({ code: 'busy' });
  });

  describe.each(testDatabaseKinds())('in the reset’s transaction on %s', (kind) => {
    let h: DbHandle;
    beforeAll(async () => {
      h = await openTestDatabase(kind);
      await seedDemo(h.db);
    });
    afterAll(() => h?.close());

    it('an email that cannot be sent leaves the old password working and no link stored', async () => {
      const [before] = await h.db.select({ id: users.id, hash: users.passwordHash, version: users.version }).from(users).where(eq(users.email, 'officer.kul@payung.test'));
      await expect(
        h.db.transaction(async (tx) => {
          const { token, user } = await resetPassword(tx, actorOf('admin'), { id: before!.id });
          await deliverPasswordLink({ ...user, email: 'officer.kul@refused.test' }, token, 'reset', settings);
        }),
      ).rejects.toMatchObject({ messageKey: 'users.mailFailed' });
      const [after] = await h.db.select({ hash: users.passwordHash, version: users.version }).from(users).where(eq(users.id, before!.id));
      expect(after).toEqual({ hash: before!.hash, version: before!.version });
    });
  });
});
