/**
 * What each line of Toronto's rule table contributes, per category: a golden file reviewed like
 * code. A changed rule (or changed data) changes the file, so the diff shows which records moved
 * between categories. Update it with `npx vitest run tests/unit/ingest/rule-contributions.test.ts -u`
 * after checking the new counts.
 */
import { join, posix } from 'node:path';
import { expect, it } from 'vitest';
import { loadSiteConfig } from '../../../src/lib/ingest/config.ts';
import { readGeoJsonLayer } from '../../../src/lib/ingest/readers.ts';
import { applyRules, parseRules, ruleMatches } from '../../../src/lib/ingest/rules.ts';
import { CATEGORY_IDS } from '../../../src/lib/categories.ts';
import { ROOT, textReaderFor } from './helpers.ts';

const dir = join(ROOT, 'demo/toronto');
const config = await loadSiteConfig(join(dir, 'site.config.ts'));
const read = textReaderFor(dir);
const { rules, problems } = parseRules(read(config.rules.file) ?? '');
const rulesDir = posix.dirname(config.rules.file);

it('lists, per category, how many records each rule of the Toronto table adds', async () => {
  expect(problems).toEqual([]);
  /** category → lines "rule line N (file, match → sub-type): count". */
  const byCategory = new Map<string, string[]>();
  for (const layer of config.serviceLayers) {
    const layerRules = rules.filter((r) => posix.join(rulesDir, r.layerFile) === layer.file);
    const records = readGeoJsonLayer(read(layer.file) ?? '', layer);
    for (const rule of layerRules) {
      if (rule.include === 'no') continue;
      // A record counts for a rule when the rule matches and the record is not excluded by a `no` rule.
      const count = records.filter(
        (r) => ruleMatches(rule, r.props) && !applyRules(layerRules, r.props, config.rules.includeOptional).excludedBy,
      ).length;
      const match =
        rule.matchType === 'all'
          ? 'every record'
          : `${rule.fields.join('|')} ${rule.matchType} ${rule.values.join('|')}`;
      const line = `  line ${rule.line}: ${posix.basename(rule.layerFile)}, ${match} → ${rule.subcategory ?? '(no sub-type)'} (${rule.include}): ${count}`;
      byCategory.set(rule.category, [...(byCategory.get(rule.category) ?? []), line]);
    }
  }
  const text = CATEGORY_IDS.map((id) => [`${id}`, ...(byCategory.get(id) ?? ['  (no rule)'])].join('\n')).join('\n');
  await expect(`${text}\n`).toMatchFileSnapshot('golden/rule-contributions.txt');
});
