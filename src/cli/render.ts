import type { Command } from './command.js';
import { EXIT } from './exit-codes.js';

// Placeholder while the command is built (issue 13); replaced by its implementation.
export const renderCommand: Command = {
  name: 'render',
  summary: '',
  help: 'Usage: anp render (not built yet)',
  run(_argv, io) {
    io.err('anp render: not built yet\n');
    return Promise.resolve(EXIT.error);
  },
};
