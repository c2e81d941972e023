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
  build: { format: 'directory', inlineStylesheets: 'never' },
  markdown: {
    processor: unified({ remarkPlugins: [remarkHeadingIds], smartypants: false }),
  },
  integrations: [partnerKb(), mdx()],
});
