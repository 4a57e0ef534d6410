/**
 * The editor page's own Content-Security-Policy (`/admin/`). The editor is a single-page
 * application that injects its styles at run time, so this one page allows inline styles and
 * talks to the Git host's API; every other page keeps the site's policy (`../security/csp.ts`),
 * which allows neither. Scripts still come only from the site itself.
 */
import { serializeCsp, type CspDirectives } from '../security/csp.ts';

/** The directives for the editor page, given the origins of its Git host (`backendOrigins`). */
export function adminDirectives(gitOrigins: readonly string[]): CspDirectives {
  return [
    ['default-src', ["'self'"]],
    ['script-src', ["'self'"]],
    ['style-src', ["'self'", "'unsafe-inline'"]],
    ['img-src', ["'self'", 'data:', 'blob:', ...gitOrigins]],
    ['media-src', ["'self'", 'blob:']],
    ['font-src', ["'self'", 'data:']],
    ['connect-src', ["'self'", 'data:', 'blob:', ...gitOrigins]],
    ['worker-src', ["'self'", 'blob:']],
    ['frame-src', ["'self'", 'blob:']],
    ['object-src', ["'none'"]],
    ['base-uri', ["'self'"]],
    ['form-action', ["'self'", ...gitOrigins]],
  ];
}

/** The policy for the editor page's `<meta http-equiv>`. */
export function adminPolicy(gitOrigins: readonly string[]): string {
  return serializeCsp(adminDirectives(gitOrigins));
}
