import type { Command } from './command.js';
import { EXIT } from './exit-codes.js';

// Placeholder while the command is built (issue 13); replaced by its implementation.
export const validateCommand: Command = {
  name: 'validate',
  summary: '',
  help: 'Usage: anp validate (not built yet)',
  run(_argv, io) {
    io.err('anp validate: not built yet\n');
    return Promise.resolve(EXIT.error);
  },
};
