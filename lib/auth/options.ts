import type { NextAuthOptions } from 'next-auth';
import CredentialsProvider from 'next-auth/providers/credentials';
import { getDb } from '@/db';
import { ABSOLUTE_HOURS, attemptSignIn, endSession } from '@/db/queries/sessions';
import { FORWARDED_HEADER, PEER_HEADER, clientAddress } from '@/lib/client-address';
import { signInSchema } from '@/lib/validation/users';
import { authSecret } from './secret';

/** Error codes the sign-in form maps to messages. */
export const SIGN_IN_LOCKED = 'locked';
export const SIGN_IN_CODE_REQUIRED = 'code_required';
export const SIGN_IN_CODE_WRONG = 'code_wrong';

function clientIp(headers: Record<string, string | string[] | undefined> | undefined): string | null {
  const one = (name: string) => {
    const v = headers?.[name];
    return (Array.isArray(v) ? v[0] : v) ?? null;
  };
  return clientAddress(one(PEER_HEADER), one(FORWARDED_HEADER));
}

/**
 * next-auth v4 with a credentials provider (fields `email` and `password`, so a script can
 * sign in as a browser does). The signed cookie carries only the id of a server-side session
 * row; lib/auth/actor.ts checks that row on every request.
 */
export function authOptions(): NextAuthOptions {
  return {
    secret: authSecret(),
    session: { strategy: 'jwt', maxAge: ABSOLUTE_HOURS * 3600 },
    pages: { signIn: '/login', error: '/login' },
    providers: [
      CredentialsProvider({
        name: 'Payung',
        credentials: { email: { label: 'Email', type: 'email' }, password: { label: 'Password', type: 'password' }, code: { label: 'Code', type: 'text' } },
        async authorize(credentials, req) {
          const parsed = signInSchema.safeParse(credentials ?? {});
          if (!parsed.success) return null;
          const code = typeof credentials?.code === 'string' ? credentials.code.slice(0, 20) : undefined;
          const result = await attemptSignIn(await getDb(), { ...parsed.data, code: code || undefined, ip: clientIp(req?.headers) });
          if (!result.ok) {
            if (result.reason === 'locked') throw new Error(SIGN_IN_LOCKED);
            if (result.reason === 'code_required') throw new Error(SIGN_IN_CODE_REQUIRED);
            if (result.reason === 'code_wrong') throw new Error(SIGN_IN_CODE_WRONG);
            return null;
          }
          return { id: result.userId, sid: result.sessionId };
        },
      }),
    ],
    callbacks: {
      async jwt({ token, user }) {
        if (user) token.sid = (user as { sid?: string }).sid;
        return token;
      },
      async session({ session, token }) {
        // Nothing about the user leaves the server through next-auth: pages use the actor.
        return { expires: session.expires, sid: token.sid } as typeof session;
      },
    },
    events: {
      async signOut({ token }) {
        if (typeof token?.sid === 'string') await endSession(await getDb(), token.sid);
      },
    },
  };
}
