// `node --import ./test/node/hide-packages.mjs`: the packages named in
// ANP_HIDE_PACKAGES (comma list) fail to resolve, as when they are not
// installed, so tests can check what `anp render` says then.
import { register } from 'node:module';

const hidden = (process.env.ANP_HIDE_PACKAGES ?? '').split(',').filter(Boolean);
register('./hide-packages-hooks.mjs', import.meta.url, { data: { hidden } });
