/**
 * The partner-kb Astro integration: wiring only. Before the build, it builds the content model and
 * fails on any content error with `file:line:column` diagnostics (Astro's own schema error has no
 * line). The logic lives in src/lib/.
 */
import type { AstroIntegration } from 'astro';
import { compareDiagnostics, formatDiagnostic, type Diagnostic } from './lib/diagnostics.ts';
import { loadKnowledgeBase } from './lib/model/load.ts';

function report(diagnostics: Diagnostic[]): string {
  return diagnostics
    .sort(compareDiagnostics)
    .map((d) => formatDiagnostic(d) + (d.hint ? `\n    hint: ${d.hint}` : ''))
    .join('\n');
}

export default function partnerKb(): AstroIntegration {
  return {
    name: 'partner-kb',
    hooks: {
      'astro:config:setup': ({ command, logger }) => {
        if (command !== 'build') return;
        const { diagnostics } = loadKnowledgeBase({ root: process.cwd() });
        const errors = diagnostics.filter((d) => d.severity === 'error');
        if (errors.length > 0) {
          throw new Error(`Content has ${errors.length} error(s); nothing was built.\n${report(errors)}`);
        }
        logger.info('content model: no errors');
      },
    },
  };
}
