#!/usr/bin/env node
import { runVigil } from './program.js';

await runVigil(process.argv.slice(2));
