/**
 * The only JavaScript a page runs before any interaction, inlined (no request): the theme before
 * first paint, then the theme toggle, remembering the reader's locale and cloud, and loading the
 * search module on first use (or "/" to focus search). Budget: under 1 KB.
 */

/** In <head>: applies the stored theme before the page paints. */
export const THEME_SCRIPT = 'try{var s=localStorage.getItem("kb-theme");s&&(document.documentElement.dataset.theme=s)}catch(e){}';

export interface BodyScriptOptions {
  /** The reader's locale and cloud, remembered for `/` and `/<locale>/`. */
  remember?: { locale: string; cloud: string } | undefined;
  /** The search module's URL, when the page has a search form. */
  searchModule?: string | undefined;
}

export function bodyScript({ remember, searchModule }: BodyScriptOptions): string {
  const parts = [
    'var d=document,h=d.documentElement;',
    'd.getElementById("theme-toggle").onclick=function(){var n=(h.dataset.theme||(matchMedia("(prefers-color-scheme: dark)").matches?"dark":"light"))=="dark"?"light":"dark";h.dataset.theme=n;try{localStorage.setItem("kb-theme",n)}catch(e){}};',
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

