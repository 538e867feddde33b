#!/usr/bin/env node
// Entry for `npx waarden`: runs the TypeScript CLI through tsx so no build step is needed.
import { spawnSync } from 'node:child_process';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(import.meta.url);
const tsxCli = require.resolve('tsx/cli');
const result = spawnSync(
  process.execPath,
  [
    // A server gets the young generation `npm start` gives it (docs/ARCHITECTURE.md, "Start-up").
    ...(process.argv[2] === 'serve' ? ['--max-semi-space-size=64'] : []),
    tsxCli,
    join(root, 'src/cli/waarden.ts'),
    ...process.argv.slice(2),
  ],
  {
    stdio: 'inherit',
  },
);
process.exit(result.status ?? 1);
