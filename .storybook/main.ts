import type { StorybookConfig } from '@storybook/web-components-vite';

const config: StorybookConfig = {
  stories: ['../stories/**/*.stories.ts'],
  addons: ['@storybook/addon-docs', '@storybook/addon-a11y'],
  framework: { name: '@storybook/web-components-vite', options: {} },
  core: { disableTelemetry: true },
  // The fixtures are fetched by `src` stories as /fixtures/seed-article.json.
  staticDirs: [{ from: '../test/fixtures', to: '/fixtures' }],
};

export default config;
