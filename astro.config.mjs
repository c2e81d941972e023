import { defineConfig } from 'astro/config';
import mdx from '@astrojs/mdx';
import { unified } from '@astrojs/markdown-remark';
import { remarkHeadingIds } from './src/lib/mdx/heading-ids.ts';

export default defineConfig({
  site: 'https://partner-kb.example',
  trailingSlash: 'always',
  markdown: { processor: unified({ remarkPlugins: [remarkHeadingIds], smartypants: false }) },
  integrations: [mdx()],
});
