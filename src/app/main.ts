import { runVigil } from '../cli/program.js';

// `node dist/app/main.js` came before the command-line tool; it is `vigil serve`.
await runVigil(['serve']);
