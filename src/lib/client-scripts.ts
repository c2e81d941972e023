/**
 * The only JavaScript a page runs before any interaction, inlined (no request): the theme before
 * first paint, remembering the reader's locale and cloud, loading the search module on first use
 * (or "/" to focus search), and loading the page module (src/client/page.ts: theme toggle,
 * pickers, the whole sidebar, "On this page", heading links) on the first click, key or scroll.
 * Budget: under 1 KB.
 */
import { CLOUD_IDS, LOCALE_CODES } from './site.ts';

/** Where pages load the page module from in a built site (bundled after the build). */
export const PAGE_MODULE_URL = '/_kb/page.js';
/** Where `astro dev` serves the same module, straight from source. */
export const PAGE_MODULE_DEV_URL = '/src/client/page.ts';

/** In <head>: applies the stored theme before the page paints. */
export const THEME_SCRIPT = 'try{var s=localStorage.getItem("kb-theme");s&&(document.documentElement.dataset.theme=s)}catch(e){}';

export interface BodyScriptOptions {
  /** The reader's locale and cloud, remembered for `/` and `/<locale>/`. */
  remember?: { locale: string; cloud: string } | undefined;
  /** The search module's URL, when the page has a search form. */
  searchModule?: string | undefined;
  /** The page module's URL (PAGE_MODULE_URL, or PAGE_MODULE_DEV_URL under `astro dev`). */
  pageModule?: string | undefined;
}

export function bodyScript({ remember, searchModule, pageModule = PAGE_MODULE_URL }: BodyScriptOptions): string {
  const parts = [
    'var d=document;',
    // The page module gets the event that loaded it and every later click, key press and scroll.
    `var P;function u(e){(P=P||import(${JSON.stringify(pageModule)})).then(function(m){m.on(e)})}["click","keydown","scroll"].forEach(function(t){d.addEventListener(t,u,{capture:!0,passive:!0})});`,
  ];
  if (remember) {
    parts.push(`try{localStorage.setItem("kb-cloud",${JSON.stringify(remember.cloud)});localStorage.setItem("kb-locale",${JSON.stringify(remember.locale)})}catch(e){}`);
  }
  if (searchModule) {
    parts.push(
      `var f=d.querySelectorAll("form[data-search]"),p;function l(){return p=p||import(${JSON.stringify(searchModule)}).then(function(m){f.forEach(m.enhance)})}`,
      'f.forEach(function(e){e.querySelector("input").addEventListener("focus",l,{once:!0});e.dataset.search=="page"&&l()});',
      'd.addEventListener("keydown",function(e){if(e.key=="/"&&!e.target.closest("input,textarea,select,[contenteditable=true]")&&!e.metaKey&&!e.ctrlKey&&!e.altKey){var i=f[0]&&f[0].querySelector("input");i&&(e.preventDefault(),i.focus())}});',
    );
  }
  return parts.join('').replace(/</g, '\\u003c');
}


/**
 * On the 404 page only (src/pages/404.astro), before the body script: shows the page of the reader
 * the path names (`/<locale>/<cloud>/…`, or `/<locale>/…` with the remembered cloud) from its
 * <template>: skip link, header, main and footer are swapped, and <html lang> and the title set.
 */
export const NOT_FOUND_SCRIPT =
  `(function(){var m=location.pathname.match(/^\\/(${LOCALE_CODES.join('|')})\\/(?:(${CLOUD_IDS.join('|')})\\/)?/),c,t;` +
  'if(m){c=m[2];if(!c)try{c=localStorage.getItem("kb-cloud")}catch(e){}' +
  't=document.getElementById("not-found-"+m[1]+"-"+c)||document.getElementById("not-found-"+m[1]+"-global")}' +
  'if(t){[".skip-link","header.topbar",".shell",".site-footer"].forEach(function(s){document.querySelector(s).replaceWith(t.content.querySelector(s))});' +
  'document.documentElement.lang=t.dataset.lang;document.title=t.dataset.title}})()';
