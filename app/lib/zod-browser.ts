import { z } from 'zod';

// What the browser gets for `zod` (vite.config.ts): zod with its compiled parsers turned off.
// They are built with `new Function`, which the Content-Security-Policy refuses (no
// 'unsafe-eval'); zod would try it when a schema is made, and the browser would report it.
z.config({ jitless: true });

export { z };
