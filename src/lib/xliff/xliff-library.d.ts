/**
 * Types of the parts of the `xliff` package (it ships none) that src/lib/xliff uses: the XLIFF 2.0
 * writer and reader, with values as `XliffValue` (strings, `<ph>` as Standalone, `<pc>` as Span).
 */
declare module 'xliff/js2xliff' {
  interface XliffJs {
    sourceLanguage: string;
    targetLanguage?: string;
    resources: Record<string, Record<string, { source: unknown; target?: unknown; note?: string | string[]; additionalAttributes?: Record<string, string> }>>;
  }
  export default function js2xliff(js: XliffJs, options?: { indent?: string }): Promise<string>;
}

declare module 'xliff/xliff2js' {
  interface XliffJsRead {
    sourceLanguage?: string;
    targetLanguage?: string;
    resources?: Record<string, Record<string, { source?: unknown; target?: unknown; note?: unknown; groupUnits?: unknown }>>;
  }
  export default function xliff2js(xml: string): Promise<XliffJsRead>;
}
