import { z } from 'zod';

// Pages run under a Content-Security-Policy without 'unsafe-eval' (lib/content-security.ts):
// zod must not compile its parsers with Function(), nor even probe whether it may (the probe
// alone is reported as a violation in every page that validates a form).
z.config({ jitless: true });

export { z };
