/**
 * Fills `{name}` placeholders in a UI string that the page rendered for a script (the build
 * translates it with i18next and leaves `{name}` where the script puts a value known only in
 * the browser). Unknown names stay as they are, so a missing value shows rather than vanishes.
 */
export function fillTemplate(template: string, values: Record<string, string>): string {
  return template.replace(/\{(\w+)\}/g, (whole, key: string) => values[key] ?? whole);
}
