/**
 * The editor's script asks CDNs for its fonts (text, code and icons) and for the translations of
 * its own interface. The site makes no third-party request, so when the build copies the script
 * it points those addresses at copies served beside the editor: the fonts from the Fontsource
 * npm packages (`/admin/fonts/`), the interface translations from the editor's own package
 * (`/admin/locales/`). Without its translations the editor stops loading in any browser whose
 * language is not US English, so the build fails if it cannot redirect them.
 */

/** `https://cdn.jsdelivr.net/fontsource/fonts/<family>[:vf]@<version>/<file>.woff2` */
const CDN_FONT = /https:\/\/cdn\.jsdelivr\.net\/fontsource\/fonts\/([a-z0-9-]+)(:vf)?@[0-9.]+\/([a-z0-9-]+\.woff2)/g;
/** The base of the interface translations: `` `${cdnPackage}@${version}/locales` `` in the minified script. */
const CDN_LOCALES = /`\$\{[A-Za-z_$][\w$]*\}@\$\{[A-Za-z_$][\w$]*\}\/locales`/g;

export interface SelfHostedFont {
  /** The npm package that holds the font (`@fontsource-variable/<family>` for variable fonts). */
  readonly pkg: string;
  /** The file inside the package's `files/` folder, also its name under `/admin/fonts/`. */
  readonly file: string;
}

/**
 * The script with every CDN font address replaced by `/admin/fonts/<file>` and the translations'
 * base by `/admin/locales`, and the fonts to copy there. Throws when the script's translations
 * base is not found exactly once (a new editor version: update the pattern above).
 */
export function selfHostAssets(script: string): { readonly script: string; readonly fonts: readonly SelfHostedFont[] } {
  const fonts = new Map<string, SelfHostedFont>();
  let rewritten = script.replace(CDN_FONT, (_url, family: string, variable: string | undefined, name: string) => {
    const font = { pkg: `@fontsource${variable ? '-variable' : ''}/${family}`, file: `${family}-${name}` };
    fonts.set(font.file, font);
    return `/admin/fonts/${font.file}`;
  });
  const bases = rewritten.match(CDN_LOCALES)?.length ?? 0;
  if (bases !== 1)
    throw new Error(
      `the editor script names its translations' address ${bases} times (expected once); update src/lib/cms/self-host.ts`,
    );
  rewritten = rewritten.replace(CDN_LOCALES, '`/admin/locales`');
  return { script: rewritten, fonts: [...fonts.values()] };
}
