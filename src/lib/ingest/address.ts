/**
 * One-line Canadian addresses as directories publish them, e.g.
 * `10 Gateway Blvd, Suite 104, Toronto, ON M3C 3A1`, split into the parts HSDS and the
 * service pages use. Strict: text that does not end in `, City, PR` (optionally followed by a
 * postal code) is not an address this parser understands, and is left as it is.
 */
import { normalizePostalCode, text } from './fields.ts';

/** The two-letter codes of Canada's provinces and territories. */
export const PROVINCE_CODES = ['AB', 'BC', 'MB', 'NB', 'NL', 'NS', 'NT', 'NU', 'ON', 'PE', 'QC', 'SK', 'YT'] as const;

/**
 * Every province and territory by its English and French names (Statistics Canada's official
 * forms), keyed as {@link nameKey} writes them.
 */
const PROVINCE_NAMES: Readonly<Record<string, (typeof PROVINCE_CODES)[number]>> = Object.fromEntries(
  (
    [
      ['AB', 'Alberta', 'Alberta'],
      ['BC', 'British Columbia', 'Colombie-Britannique'],
      ['MB', 'Manitoba', 'Manitoba'],
      ['NB', 'New Brunswick', 'Nouveau-Brunswick'],
      ['NL', 'Newfoundland and Labrador', 'Terre-Neuve-et-Labrador'],
      ['NS', 'Nova Scotia', 'Nouvelle-Écosse'],
      ['NT', 'Northwest Territories', 'Territoires du Nord-Ouest'],
      ['NU', 'Nunavut', 'Nunavut'],
      ['ON', 'Ontario', 'Ontario'],
      ['PE', 'Prince Edward Island', 'Île-du-Prince-Édouard'],
      ['QC', 'Quebec', 'Québec'],
      ['SK', 'Saskatchewan', 'Saskatchewan'],
      ['YT', 'Yukon', 'Yukon'],
    ] as const
  ).flatMap(([code, en, fr]) => [
    [nameKey(en), code],
    [nameKey(fr), code],
    [code.toLowerCase(), code],
  ]),
);

/** A name compared without case, accents, hyphens, extra spaces or a final full stop: `Île-du-Prince-Édouard` → `ile du prince edouard`. */
function nameKey(name: string): string {
  return name
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/\.$/, '')
    .replace(/[\s-]+/g, ' ')
    .trim();
}

/**
 * The two-letter code of a province or territory given as its code (`on`, `ON.`) or its full
 * English or French name (`Ontario`, `British Columbia`, `Québec`, `Colombie-Britannique`);
 * undefined for anything else.
 */
export function provinceCode(value: string): (typeof PROVINCE_CODES)[number] | undefined {
  return PROVINCE_NAMES[nameKey(value)];
}

export interface AddressParts {
  line1: string;
  line2?: string;
  city: string;
  province: string;
  postalCode?: string;
}

const TAIL = new RegExp(
  `^(.*?),\\s*([^,]*?[^,\\s\\d][^,]*?)(?:,?\\s+(${PROVINCE_CODES.join('|')})\\.?)?(?:,?\\s+([A-Za-z]\\d[A-Za-z]\\s?\\d[A-Za-z]\\d))?\\s*(?:,\\s*(?:Canada|CA))?$`,
  'i',
);

/** Province of a postal code's first letter (Canada Post's forward sortation areas); X is two territories. */
const POSTAL_PROVINCE: Readonly<Record<string, string>> = {
  A: 'NL',
  B: 'NS',
  C: 'PE',
  E: 'NB',
  G: 'QC',
  H: 'QC',
  J: 'QC',
  K: 'ON',
  L: 'ON',
  M: 'ON',
  N: 'ON',
  P: 'ON',
  R: 'MB',
  S: 'SK',
  T: 'AB',
  V: 'BC',
  Y: 'YT',
};

/** Splits `street[, unit…], City, PR [A1A 1A1]`; undefined when the text has no such ending. */
export function parseAddressLine(raw: string): AddressParts | undefined {
  const m = TAIL.exec(raw.trim().replace(/\s+/g, ' '));
  if (!m) return undefined;
  const [street = '', ...rest] = (m[1] ?? '')
    .split(',')
    .map((p) => p.trim())
    .filter((p) => p !== '');
  const postal = m[4] !== undefined ? normalizePostalCode(m[4]) : undefined;
  if (m[4] !== undefined && postal === undefined) return undefined;
  // Without a province code the postal code must say which province it is.
  const province = m[3]?.toUpperCase() ?? (postal !== undefined ? POSTAL_PROVINCE[postal[0] ?? ''] : undefined);
  if (street === '' || province === undefined) return undefined;
  const parts: AddressParts = { line1: street, city: (m[2] ?? '').trim(), province };
  if (rest.length > 0) parts.line2 = rest.join(', ');
  if (postal !== undefined) parts.postalCode = postal;
  return parts;
}

/** Parts of an address a record gives; any may be absent. */
export type PartialAddress = { [K in keyof AddressParts]?: string | undefined };

/** A unit written before the civic number (`3-12 River Road`), as Canada Post writes it. */
const SHORT_UNIT = /^[0-9A-Za-z]{1,6}$/;

/**
 * An address from OpenStreetMap's `addr:*` tags: `addr:housenumber` + `addr:street` (or
 * `addr:place` where there is no street), `addr:unit` (`3-12 River Road`; a longer unit text is
 * the second line), `addr:city`, `addr:postcode`, `addr:province` (or `addr:state`).
 */
export function osmAddress(tags: unknown): PartialAddress {
  if (typeof tags !== 'object' || tags === null || Array.isArray(tags)) return {};
  const tag = (key: string): string | undefined =>
    Object.hasOwn(tags, key) ? text((tags as Record<string, unknown>)[key]) : undefined;
  const number = tag('addr:housenumber');
  const street = tag('addr:street') ?? tag('addr:place');
  const unit = tag('addr:unit');
  let line1 = street === undefined ? undefined : number === undefined ? street : `${number} ${street}`;
  let line2: string | undefined;
  if (unit !== undefined) {
    if (line1 !== undefined && number !== undefined && SHORT_UNIT.test(unit)) line1 = `${unit}-${line1}`;
    else line2 = unit;
  }
  return {
    line1,
    line2,
    city: tag('addr:city'),
    province: tag('addr:province') ?? tag('addr:state'),
    postalCode: tag('addr:postcode'),
  };
}

/** The parts back as one line: `street, unit, City, PR A1A 1A1` (what the parser reads). */
export function formatAddressLine(a: {
  line1?: string | undefined;
  line2?: string | undefined;
  city?: string | undefined;
  province?: string | undefined;
  postalCode?: string | undefined;
}): string {
  const last = [a.province, a.postalCode].filter((x) => x !== undefined).join(' ');
  return [a.line1, a.line2, a.city, last === '' ? undefined : last].filter((x) => x !== undefined).join(', ');
}
