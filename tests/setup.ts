/** Runs before every test file (vitest `setupFiles`): the temp folders a file made go when it ends. */
import { afterAll } from 'vitest';
import { removeTempDirs } from './tmp.js';

afterAll(removeTempDirs);
