// Wiring only: the logic lives in src/lib/.
import mdx from '@astrojs/mdx';
import { unified } from '@astrojs/markdown-remark';
import { createHash } from 'node:crypto';
import { resolve } from 'node:path';
import { defineConfig } from 'astro/config';
import partnerKb from './src/integration.ts';
import { remarkHeadingIds } from './src/lib/mdx/heading-ids.ts';
import { SITE } from './src/lib/site.ts';

// Fixtures and the benchmark build other content folders (KB_CONTENT_DIR). Astro's content store
// keeps an entry's old file path when its text is unchanged, so each folder gets its own cache.
const contentDir = process.env.KB_CONTENT_DIR;
const cacheDir = contentDir
  ? `./node_modules/.astro/content-${createHash('sha256').update(resolve(contentDir)).digest('hex').slice(0, 12)}/`
  : './node_modules/.astro/';

export default defineConfig({
  site: SITE.url,
  cacheDir,
  trailingSlash: 'always',
  build: { format: 'directory', inlineStylesheets: 'never' },
  markdown: {
    processor: unified({ remarkPlugins: [remarkHeadingIds], smartypants: false }),
  },
  integrations: [partnerKb(), mdx()],
});
