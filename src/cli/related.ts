import type { Command } from './command.js';
import { EXIT } from './exit-codes.js';

// Placeholder while the command is built (issue 13); replaced by its implementation.
export const relatedCommand: Command = {
  name: 'related',
  summary: '',
  help: 'Usage: anp related (not built yet)',
  run(_argv, io) {
    io.err('anp related: not built yet\n');
    return Promise.resolve(EXIT.error);
  },
};
