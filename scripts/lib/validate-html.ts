/**
 * HTML validation for the static sweep (scripts/sweep.ts): html-validate with the project's
 * rule set (.htmlvalidate.json), set up so that validating tens of thousands of pages fits the
 * CI budget. Method and measurements: docs/sweeps.md.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { HtmlValidate, StaticConfigLoader, type ConfigData, type ResolvedConfig } from 'html-validate';

/** The project's html-validate configuration (.htmlvalidate.json at the repository root). */
export function projectConfig(): ConfigData {
  return JSON.parse(readFileSync(join(import.meta.dirname, '..', '..', '.htmlvalidate.json'), 'utf8')) as ConfigData;
}

/**
 * html-validate's StaticConfigLoader resolves the configuration again on every call: it rebuilds
 * the HTML5 element metadata table and the rule list, about half the time of validating a page.
 * Every page is validated with the same configuration, so this loader resolves it once and hands
 * the same ResolvedConfig to every call, as html-validate's own FlatConfigLoader does (it keeps
 * the ResolvedConfig of each file). html-validate still sets up a fresh parser and fresh rule
 * instances for every page, and only reads the metadata table, so each page gets exactly the
 * messages a fresh validator gives it (tests/unit/sweep/sweep.test.ts compares the two).
 */
export class ResolvedOnceConfigLoader extends StaticConfigLoader {
  #resolved: ResolvedConfig | Promise<ResolvedConfig> | undefined;

  override getConfigFor(handle: string, configOverride?: ConfigData): ResolvedConfig | Promise<ResolvedConfig> {
    if (configOverride) return super.getConfigFor(handle, configOverride);
    this.#resolved ??= super.getConfigFor(handle);
    return this.#resolved;
  }
}

/** A validator for many pages with one configuration (the project's by default). */
export function pageValidator(config: ConfigData = projectConfig()): HtmlValidate {
  return new HtmlValidate(new ResolvedOnceConfigLoader(config));
}

/** html-validate's messages for one page's whole HTML, as `html-validate <rule> (line L:C): message`. */
export function validateHtml(validator: HtmlValidate, html: string, file: string): string[] {
  const problems: string[] = [];
  const report = validator.validateStringSync(html, file);
  for (const result of report.results)
    for (const m of result.messages)
      problems.push(`html-validate ${m.ruleId} (line ${m.line}:${m.column}): ${m.message}`);
  return problems;
}
