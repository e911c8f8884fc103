// Empties dist/ so that a build never ships files of a module that no longer exists.
import { rmSync } from 'node:fs';
rmSync(new URL('../dist', import.meta.url), { recursive: true, force: true });
