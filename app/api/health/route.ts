import { NextResponse } from 'next/server';
import { configuredKind, getHandle } from '@/db';
import { migrationStatus } from '@/db/migrate';
import { forLog } from '@/lib/errors';

export const dynamic = 'force-dynamic';

/** 200 with the database kind and whether migrations are current; 503 when the database does not answer. */
export async function GET() {
  try {
    const handle = await getHandle();
    const migrations = await migrationStatus(handle);
    return NextResponse.json({ status: 'ok', database: handle.kind, migrations });
  } catch (e) {
    console.error(`[payung] health check failed: ${forLog(e)}`);
    return NextResponse.json({ status: 'unavailable', database: configuredKind() }, { status: 503 });
  }
}
