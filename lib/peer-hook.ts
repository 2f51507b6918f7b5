import http from 'node:http';
import { refuseBody } from './body-limit';
import { FORWARDED_HEADER, PEER_HEADER } from './client-address';

const INSTALLED = Symbol.for('payung.peerHook');

/**
 * Next.js keeps an X-Forwarded-For a client sends and gives the app no other way to the
 * connection's address. Every request the process's HTTP servers receive gets, before anything
 * reads it, the connection's address and the X-Forwarded-For exactly as it arrived, under
 * Payung's own names (lib/client-address.ts decides what to believe of them). A request whose
 * body is over its limit (lib/body-limit.ts) is answered here, before anything reads it, and the
 * connection closed, so a large anonymous POST costs nothing.
 */
export function installPeerHook(): void {
  const proto = http.Server.prototype as unknown as Record<symbol, boolean> & { emit: (event: string | symbol, ...args: unknown[]) => boolean };
  if (proto[INSTALLED]) return;
  const emit = proto.emit;
  proto.emit = function (this: http.Server, event: string | symbol, ...args: unknown[]) {
    if (event === 'request') {
      const req = args[0] as http.IncomingMessage;
      const refusal = refuseBody(req.method, req.url, req.headers);
      if (refusal) {
        const res = args[1] as http.ServerResponse;
        res.writeHead(refusal.status, { 'content-type': 'text/plain; charset=utf-8', connection: 'close' });
        res.end(refusal.message);
        return true;
      }
      req.headers[PEER_HEADER] = req.socket?.remoteAddress ?? '';
      const forwarded = req.headers['x-forwarded-for'];
      req.headers[FORWARDED_HEADER] = (Array.isArray(forwarded) ? forwarded.join(',') : forwarded) ?? '';
    }
    return emit.call(this, event, ...args);
  };
  proto[INSTALLED] = true;
}
