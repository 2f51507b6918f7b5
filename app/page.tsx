import { redirect } from 'next/navigation';
import { getActor } from '@/lib/auth/actor';
import { homeFor } from '@/lib/authz';

export default async function Home() {
  const actor = await getActor();
  redirect(actor ? homeFor(actor.role) : '/login');
}
