import 'server-only';
import nodemailer, { type Transporter } from 'nodemailer';
import { forLog } from '@/lib/errors';

/**
 * Email, where the deployment has an SMTP server: `SMTP_URL` (`smtp://user:pass@host:587`, STARTTLS
 * when the server offers it; `smtps://…:465` for TLS from the start) and `NEXTAUTH_URL`, the app's
 * public address that links in a message lead to — never a request's Host header, which a client
 * chooses. `MAIL_FROM` names the sender (default: no-reply at the public address's host).
 */
export interface MailSettings {
  smtpUrl: string;
  from: string;
  /** the public origin, without a trailing slash */
  origin: string;
}

export function mailSettings(env: Record<string, string | undefined> = process.env): MailSettings | null {
  const smtpUrl = env.SMTP_URL?.trim();
  const publicUrl = env.NEXTAUTH_URL?.trim();
  if (!smtpUrl || !publicUrl) return null;
  const origin = new URL(publicUrl).origin;
  return { smtpUrl, origin, from: env.MAIL_FROM?.trim() || `Payung <no-reply@${new URL(origin).hostname}>` };
}

export interface MailMessage {
  to: string;
  subject: string;
  text: string;
}

const transports = new Map<string, Transporter>();

/**
 * Sends one plain-text message and resolves once the SMTP server has accepted it; rejects
 * otherwise. The server's answer is logged without the message (a link in it is a credential).
 */
export async function sendMail(settings: MailSettings, message: MailMessage): Promise<void> {
  let transport = transports.get(settings.smtpUrl);
  if (!transport) {
    // No file or URL contents pulled into a message, whatever a caller passes.
    transport = nodemailer.createTransport(settings.smtpUrl, { from: settings.from, disableFileAccess: true, disableUrlAccess: true });
    transports.set(settings.smtpUrl, transport);
  }
  try {
    await transport.sendMail(message);
  } catch (e) {
    console.error(`[payung] email not sent: ${forLog(e)}`);
    throw e;
  }
}
