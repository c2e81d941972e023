/** `/<locale>/<cloud>/nav.json`: the whole sidebar of one reader, loaded on demand (src/lib/view.ts `navTree`). */
import type { APIRoute } from 'astro';
import { everyReader, type Cloud, type Locale } from '../../../lib/site.ts';
import { navTree } from '../../../lib/view.ts';
import { getKb, getT, pathsOfThisBuild } from '../../../site-context.ts';

export function getStaticPaths() {
  return pathsOfThisBuild('[locale]/[cloud]/nav.json', everyReader().map((params) => ({ params })));
}

export const GET: APIRoute = ({ params }) => {
  const t = getT(params['locale'] as Locale);
  const tree = navTree(getKb(), params['locale'] as Locale, params['cloud'] as Cloud, (key) => t(key) as string);
  return new Response(JSON.stringify(tree), { headers: { 'content-type': 'application/json; charset=utf-8' } });
};
