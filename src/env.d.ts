/// <reference types="astro/client" />

declare namespace App {
  interface Locals {
    /** What components inside an article need to render for the reader's locale and cloud. */
    reader?: import('./site-context.ts').ReaderContext;
  }
}
