#!/usr/bin/env node
import { main } from './main';
import { IS_VALIDATE_WORKER } from './validateWorker';

// The same script is validate's second thread (validateWorker.ts), which runs no command line.
if (!IS_VALIDATE_WORKER) main();
