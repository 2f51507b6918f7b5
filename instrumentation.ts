/** Runs once when the server starts (Node.js runtime only): see lib/startup.ts. */
export async function register() {
  if (process.env.NEXT_RUNTIME === 'nodejs') {
    const { installPeerHook } = await import('./lib/peer-hook');
    installPeerHook();
    const { startServer } = await import('./lib/startup');
    await startServer();
  }
}
