/**
 * What a LIP should fix next after `npm run new-lip` (or any later data run): the data step's
 * fatal errors first, then the TODOs left in the config, the files that do not fit (a census
 * profile, areas without census rows, swapped coordinates), the kinds of records no rule
 * categorises, and the records the data step left out, grouped. Plain sentences, in order, so
 * the command can number them.
 */
import { formatIssue } from '../ingest/issues.ts';
import type { Issue, QualityReport } from '../schema/report.ts';
import { kindsWithoutRule, type ScaffoldPlan } from './scaffold.ts';

/** How the data step ended. */
export type DataOutcome =
  { readonly ok: false; readonly issues: readonly Issue[] } | { readonly ok: true; readonly report: QualityReport };

/** The config keys still marked TODO, with their line numbers: `name (line 14)`. */
export function todosIn(configText: string): { key: string; line: number }[] {
  const lines = configText.split('\n');
  const found: { key: string; line: number }[] = [];
  lines.forEach((text, i) => {
    if (!/TODO/.test(text)) return;
    // A TODO comment belongs to the next line that sets a key; a TODO value to its own line.
    const own = /^\s*(?:\/\/\s*)?([A-Za-z0-9]+):/.exec(text);
    if (own !== null && !/^\s*\/\/\s*TODO/.test(text)) {
      found.push({ key: own[1] ?? '?', line: i + 1 });
      return;
    }
    for (let j = i + 1; j < lines.length; j += 1) {
      const next = /^\s*(?:\/\/\s*)?([A-Za-z0-9]+):/.exec(lines[j] ?? '');
      if (next !== null) {
        found.push({ key: next[1] ?? '?', line: j + 1 });
        return;
      }
      if (!/^\s*\/\//.test(lines[j] ?? '')) return;
    }
  });
  const seen = new Set<string>();
  return found.filter((t) => (seen.has(`${t.line}`) ? false : (seen.add(`${t.line}`), true)));
}

const plural = (n: number, one: string, many = `${one}s`): string => `${n} ${n === 1 ? one : many}`;

/** Records the data step left out or changed, grouped by file, field and what happened. */
function groupedIssues(report: QualityReport): string[] {
  const groups = new Map<string, { issue: Issue; count: number }>();
  for (const issue of report.issues) {
    if (issue.action === 'merged' || issue.action === 'kept') continue;
    if (issue.action === 'excluded' && issue.field === '*' && /no rule|no category/i.test(issue.reason)) continue;
    const key = `${issue.file}\u0000${issue.field}\u0000${issue.action}\u0000${issue.severity}`;
    const group = groups.get(key);
    if (group === undefined) groups.set(key, { issue, count: 1 });
    else group.count += 1;
  }
  return [...groups.values()]
    .sort((a, b) => b.count - a.count)
    .slice(0, 6)
    .map(({ issue, count }) => {
      if (issue.action === 'fixed')
        return `${issue.file}: ${plural(count, 'record')} corrected or completed (${issue.field}), e.g. ${formatIssue(issue)}. Check that this is right.`;
      return `${issue.file}: ${plural(count, 'record')} left out because of ${issue.field}, e.g. ${formatIssue(issue)}. Fix the data, or name another field in the config.`;
    });
}

export interface NextStepsInput {
  readonly plan: ScaffoldPlan;
  /** The config's path as the LIP types it (`data/vancouver/site.config.ts`). */
  readonly configFile: string;
  readonly configText: string;
  /** The rule table's path as the LIP types it. */
  readonly rulesFile: string;
  readonly outcome: DataOutcome;
}

/** The steps, most urgent first; the command numbers them. */
export function nextSteps({ plan, configFile, configText, rulesFile, outcome }: NextStepsInput): string[] {
  const steps: string[] = [];
  if (!outcome.ok) {
    const shown = outcome.issues.slice(0, 8);
    steps.push(
      `The data step stopped. Fix ${outcome.issues.length === 1 ? 'this problem' : `these ${outcome.issues.length} problems`} first:\n${shown.map((i) => `     - ${formatIssue(i)}`).join('\n')}${outcome.issues.length > shown.length ? `\n     - … and ${outcome.issues.length - shown.length} more (run the data step to see them all)` : ''}`,
    );
  }
  const todos = todosIn(configText);
  if (todos.length > 0) {
    steps.push(
      `Replace the ${plural(todos.length, 'TODO')} in ${configFile}: ${todos.map((t) => `${t.key} (line ${t.line})`).join(', ')}.`,
    );
  }
  if (plan.profileAreas.length > 0) {
    steps.push(
      `${plan.input.census.file} has one column per area (${plan.profileAreas.slice(0, 3).join(', ')} …): it is a census profile. Make a table with one row per area, an id column with the areas' ${plan.areaId?.path ?? 'id'} and one column per count, and point census.file at it.`,
    );
  } else if (plan.join === undefined) {
    steps.push(
      `No census column holds the areas' ids: add a column with the ${plan.areaId?.path ?? 'id'} of each area to ${plan.input.census.file} (areas are joined by id, never by name) and set census.idColumn.`,
    );
  } else if (plan.join.matched < plan.join.areas) {
    steps.push(
      `${plural(plan.join.areas - plan.join.matched, 'area')} of ${plan.join.areas} ${plan.join.areas - plan.join.matched === 1 ? 'has' : 'have'} no census row (${plan.join.areasWithoutRow.join(', ')}${plan.join.areas - plan.join.matched > plan.join.areasWithoutRow.length ? ' …' : ''}): their figures will show as unknown. Add the rows, or check that ${plan.join.censusField} and ${plan.join.areaField} hold the same ids.`,
    );
  }
  for (const layer of plan.layers) {
    if (layer.order?.order === 'lat-lon')
      steps.push(
        `${layer.file}: the points are written [latitude, longitude] (${layer.order.why}); GeoJSON needs [longitude, latitude]: export the file again with the right order.`,
      );
    if (layer.format === 'unsupported')
      steps.push(
        `${layer.file} is ${layer.inspection.format === 'unreadable' ? `unreadable (${layer.inspection.problems[0] ?? 'unknown reason'})` : `a ${layer.inspection.format} file`}: convert it to GeoJSON points or a CSV with latitude and longitude columns.`,
      );
  }
  for (const { layer, values } of kindsWithoutRule(plan)) {
    const total = values.reduce((n, [, c]) => n + c, 0);
    const shown = values
      .slice(0, 8)
      .map(([v, c]) => `${v} (${c})`)
      .join(', ');
    steps.push(
      `${rulesFile}: no rule gives a category to ${layer.kind?.path ?? 'these'} = ${shown}${values.length > 8 ? ' …' : ''} in ${layer.file} (${plural(total, 'record')}). Add a row for each kind the site should list (layer_file ${layer.file}, match_field ${layer.kind?.path ?? ''}, match_type equals, the value, a category); the others stay left out. Check the suggested rows too.`,
    );
  }
  if (outcome.ok) {
    const { totals } = outcome.report;
    if (totals.services === 0)
      steps.push(
        `No service is published yet (${totals.read} records read): the rule table must give categories to the records (${rulesFile}).`,
      );
    steps.push(...groupedIssues(outcome.report));
  }
  steps.push(`Run the data step again until it ends without errors: npm run data -- --config ${configFile}`);
  steps.push(
    `Build and look at the site: SITE_CONFIG=${configFile} npm run build, then npm run preview. Replace the starter's placeholder pages in content/ and check for leftover demo text: npm run check:leftovers -- dist`,
  );
  return steps;
}

/** `1. …`, `2. …`: the steps as the command prints them. */
export function numbered(steps: readonly string[]): string {
  return steps.map((s, i) => `${String(i + 1).padStart(2)}. ${s}`).join('\n');
}
