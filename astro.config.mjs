// Wiring only: the logic lives in src/lib/.
import mdx from '@astrojs/mdx';
import { unified } from '@astrojs/markdown-remark';
import { defineConfig } from 'astro/config';
import partnerKb from './src/integration.ts';
import { remarkHeadingIds } from './src/lib/mdx/heading-ids.ts';
import { SITE } from './src/lib/site.ts';

export default defineConfig({
  site: SITE.url,
  trailingSlash: 'always',
  // Pages render a few at a time: one by one, the build waits on each file write.
  build: { format: 'directory', inlineStylesheets: 'never', concurrency: 8 },
  markdown: {
    processor: unified({ remarkPlugins: [remarkHeadingIds], smartypants: false }),
  },
  // Route lines stay one per line while pages render in parallel (src/build-log.ts).
  logger: { entrypoint: './src/build-log.ts' },
  integrations: [partnerKb(), mdx()],
});
