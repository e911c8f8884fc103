import type { Preview } from '@storybook/web-components-vite';
import '../src/define.js';

const preview: Preview = {
  parameters: {
    controls: { expanded: true },
    actions: { handles: ['anp-error', 'anp-checklist-change'] },
  },
};

export default preview;
