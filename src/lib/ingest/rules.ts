/**
 * The category rule table (`service_category_mapping.csv` format): which records of which
 * source file belong to which category.
 *
 * Columns: layer_file, match_field, match_type, match_value, category, subcategory,
 * include_by_default, notes.
 *
 * Semantics (documented for LIPs in docs/data-pipeline.md):
 * - Rules apply to the service layer whose `file` equals `layer_file` (path relative to the
 *   config folder). Every rule of that file is tested against every record; order does not matter.
 * - `match_field` is a field path (field-path.ts): `tags.amenity`, `tags["addr:city"]`.
 * - `match_type`: `all` (every record; `match_field` is `*`), `equals`, `in`, `prefix`
 *   (case-insensitive, surrounding spaces ignored), `regex_i` (case-insensitive regular
 *   expression, searched anywhere in the value). In `match_field`, `|` separates alternative
 *   fields (any may match); in `match_value`, `|` separates alternative values for `equals`,
 *   `in` and `prefix` (for `regex_i` it is the regex alternation).
 * - `include_by_default`: `yes` — a match adds the category and subcategory; `optional` — the
 *   same when the site config sets `rules.includeOptional` (default true), ignored otherwise;
 *   `no` — a match EXCLUDES the record, whatever other rules say (exclusion is the safety valve,
 *   e.g. institutional pharmacies). Excluded records are reported with action `excluded`.
 * - A record that ends with no category is reported (`excluded`) and not published.
 * - A rule matching no record is reported (fatal in strict builds), unless its optional
 *   `may_match_none` column says `yes` (a rule kept for records the current extract lacks).
 * - An unknown category, match type or include value, or a regex that does not compile, stops
 *   the pipeline: a silently ignored rule would hide whole groups of services.
 */
import { isCategoryId, type CategoryId } from '../categories.ts';
import { RE2JS } from 're2js';
import { CsvError, describeHeader, parseCsv, type Delimiter } from '../csv/read.ts';
import { fieldText, type Props } from './fields.ts';
import { parseFieldPath } from './field-path.ts';

export const MATCH_TYPES = ['all', 'equals', 'in', 'prefix', 'regex_i'] as const;
export type MatchType = (typeof MATCH_TYPES)[number];
export const INCLUDE_VALUES = ['yes', 'optional', 'no'] as const;
export type Include = (typeof INCLUDE_VALUES)[number];

export interface Rule {
  /** 1-based line in the rule file (header = line 1). */
  readonly line: number;
  readonly layerFile: string;
  readonly fields: readonly string[];
  readonly matchType: MatchType;
  readonly values: readonly string[];
  /** Linear-time matcher (RE2 syntax): no rule can make the build hang, whatever the value. */
  readonly regex: RE2JS | undefined;
  readonly category: CategoryId;
  readonly subcategory: string | undefined;
  readonly include: Include;
  /** `may_match_none` is `yes`: a rule kept for records the current data lacks (not reported when it matches nothing). */
  readonly mayMatchNone: boolean;
}

export interface RuleProblem {
  readonly line: number;
  readonly field: string;
  readonly reason: string;
}

const REQUIRED_COLUMNS = [
  'layer_file',
  'match_field',
  'match_type',
  'match_value',
  'category',
  'subcategory',
  'include_by_default',
];

/** Longest `regex_i` pattern accepted: rules are short; a longer value is almost surely a pasted cell. */
export const MAX_PATTERN_LENGTH = 500;
/** Longest value a `regex_i` rule is tested against (longer values are tested on their first part). */
export const MAX_MATCHED_LENGTH = 10_000;

/** Parses and checks a rule table. Any problem returned is fatal for the pipeline. */
export function parseRules(csvText: string, delimiter?: Delimiter): { rules: Rule[]; problems: RuleProblem[] } {
  const problems: RuleProblem[] = [];
  let table;
  try {
    table = parseCsv(csvText, { delimiter });
  } catch (e) {
    if (!(e instanceof CsvError)) throw e;
    return {
      rules: [],
      problems: [{ line: e.line ?? 1, field: '*', reason: `not a readable rule table: ${e.message}` }],
    };
  }
  for (const col of REQUIRED_COLUMNS) {
    if (!table.header.includes(col))
      problems.push({
        line: table.headerInfo.line,
        field: col,
        reason: `the header has no "${col}" column (${describeHeader(table.headerInfo)})`,
      });
  }
  if (problems.length > 0) return { rules: [], problems };
  for (const bad of table.badRows) problems.push({ line: bad.line, field: '*', reason: bad.reason });

  const rules: Rule[] = [];
  for (const { line, values: v } of table.rows) {
    const before = problems.length;
    const layerFile = v['layer_file'] ?? '';
    const matchType = v['match_type'] ?? '';
    const include = v['include_by_default'] ?? '';
    const category = v['category'] ?? '';
    const field = v['match_field'] ?? '';
    const value = v['match_value'] ?? '';
    if (layerFile === '') problems.push({ line, field: 'layer_file', reason: 'is empty' });
    if (!(MATCH_TYPES as readonly string[]).includes(matchType)) {
      problems.push({
        line,
        field: 'match_type',
        reason: `unknown match type "${matchType}" (use ${MATCH_TYPES.join(', ')})`,
      });
    }
    if (!(INCLUDE_VALUES as readonly string[]).includes(include)) {
      problems.push({
        line,
        field: 'include_by_default',
        reason: `unknown value "${include}" (use yes, optional or no)`,
      });
    }
    const mayMatchNone = (v['may_match_none'] ?? '').toLowerCase();
    if (!['', 'yes', 'no'].includes(mayMatchNone)) {
      problems.push({
        line,
        field: 'may_match_none',
        reason: `unknown value "${v['may_match_none'] ?? ''}" (use yes, no or leave it empty)`,
      });
    }
    if (!isCategoryId(category)) {
      problems.push({
        line,
        field: 'category',
        reason: `unknown category "${category}" (not in src/lib/categories.ts)`,
      });
    }
    if (matchType !== 'all' && (field === '' || field === '*')) {
      problems.push({ line, field: 'match_field', reason: `match type "${matchType}" needs a field name` });
    }
    if (matchType !== 'all' && value === '') {
      problems.push({ line, field: 'match_value', reason: `match type "${matchType}" needs a value` });
    }
    const fields =
      matchType === 'all'
        ? []
        : field
            .split('|')
            .map((f) => f.trim())
            .filter((f) => f !== '');
    for (const f of fields) {
      const parsed = parseFieldPath(f);
      if (!parsed.ok) problems.push({ line, field: 'match_field', reason: parsed.reason });
    }
    let regex: RE2JS | undefined;
    if (matchType === 'regex_i') {
      if (value.length > MAX_PATTERN_LENGTH) {
        problems.push({
          line,
          field: 'match_value',
          reason: `regular expression is ${value.length} characters long; at most ${MAX_PATTERN_LENGTH} are allowed`,
        });
      } else {
        try {
          regex = RE2JS.compile(value, RE2JS.CASE_INSENSITIVE);
        } catch (e) {
          problems.push({
            line,
            field: 'match_value',
            reason: `regular expression does not compile: ${(e as Error).message} (rules use RE2 syntax: no backreferences or lookaround)`,
          });
        }
      }
    }
    if (problems.length > before || !isCategoryId(category)) continue;
    const subcategory = v['subcategory'] ?? '';
    rules.push({
      line,
      layerFile,
      fields,
      matchType: matchType as MatchType,
      values: matchType === 'regex_i' ? [value] : value.split('|').map((x) => x.trim().toLowerCase()),
      regex,
      category,
      subcategory: subcategory === '' ? undefined : subcategory,
      include: include as Include,
      mayMatchNone: mayMatchNone === 'yes',
    });
  }
  return { rules, problems };
}

/** True when `rule` matches a record with properties `props`. */
export function ruleMatches(rule: Rule, props: Props): boolean {
  if (rule.matchType === 'all') return true;
  return rule.fields.some((f) => {
    const raw = fieldText(props, f);
    if (raw === undefined) return false;
    const value = raw.toLowerCase();
    switch (rule.matchType) {
      case 'equals':
      case 'in':
        return rule.values.includes(value);
      case 'prefix':
        return rule.values.some((p) => value.startsWith(p));
      case 'regex_i':
        return (
          rule.regex?.matcher(raw.length > MAX_MATCHED_LENGTH ? raw.slice(0, MAX_MATCHED_LENGTH) : raw).find() ?? false
        );
      default:
        return false;
    }
  });
}

/** Short human description, used in report reasons. */
export function describeRule(rule: Rule): string {
  const what =
    rule.matchType === 'all' ? 'every record' : `${rule.fields.join('|')} ${rule.matchType} "${rule.values.join('|')}"`;
  return `rule on line ${rule.line} (${what} → ${rule.category}, ${rule.include})`;
}

export interface RuleOutcome {
  readonly categories: CategoryId[];
  readonly subcategories: string[];
  /** The first `no` rule that matched; the record is excluded. */
  readonly excludedBy: Rule | undefined;
  /** `optional` rules that matched but were not applied (config `includeOptional: false`). */
  readonly ignoredOptional: Rule[];
}

/**
 * Applies a layer's rules to one record (see the semantics at the top of this file); `onMatch`
 * hears of every rule that matches (the pipeline counts them to find rules matching nothing).
 */
export function applyRules(
  rules: readonly Rule[],
  props: Props,
  includeOptional: boolean,
  onMatch?: (rule: Rule) => void,
): RuleOutcome {
  const categories: CategoryId[] = [];
  const subcategories: string[] = [];
  const ignoredOptional: Rule[] = [];
  let excludedBy: Rule | undefined;
  for (const rule of rules) {
    if (!ruleMatches(rule, props)) continue;
    onMatch?.(rule);
    if (rule.include === 'no') {
      excludedBy ??= rule;
      continue;
    }
    if (rule.include === 'optional' && !includeOptional) {
      ignoredOptional.push(rule);
      continue;
    }
    if (!categories.includes(rule.category)) categories.push(rule.category);
    if (rule.subcategory !== undefined && !subcategories.includes(rule.subcategory))
      subcategories.push(rule.subcategory);
  }
  return { categories, subcategories, excludedBy, ignoredOptional };
}
