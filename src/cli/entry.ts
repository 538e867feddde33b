// The bundled entry (`npm start` runs dist/server/waarden.js): starts the embedded database's slow
// preparation first, then loads the CLI. The CLI is imported dynamically so that esbuild puts it in
// its own chunk, evaluated only after the warm-up has begun.
import { startPgliteWarmup } from '../server/db/pglite-warmup';

if (process.argv[2] === 'serve' && !process.env.DATABASE_URL) startPgliteWarmup();
await import('./waarden');
