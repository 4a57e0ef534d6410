/**
 * The starter: the configuration a new LIP begins from. Copy this whole folder (config, data/,
 * content/) to a folder of your own, e.g. `lips/halton/`, point package.json's `config.site` at
 * its `site.config.ts`, then replace every "to do" (here, in data/ and in content/). Everything
 * in it is a placeholder: the site it builds says so on every page. Paths are relative to this
 * folder; docs/data-pipeline.md explains every field, and `npm run data` checks them.
 */
import { censusProfileIndicators, defineSiteConfig } from '#site-config';

const TODO_DATA = {
  sourceName: 'Placeholder data of the starter (to do: your source)',
  licence: 'To do: the licence of your data',
  dataDate: '2025',
} as const;

export default defineSiteConfig({
  // To do: your partnership's name, short name and region, in each language you publish.
  name: {
    en: 'Local Immigration Partnership (to do: your name)',
    fr: 'Partenariat local en matière d’immigration (à faire : votre nom)',
  },
  shortName: { en: 'LIP (to do)', fr: 'PLI (à faire)' },
  region: { en: 'Your region (to do)', fr: 'Votre région (à faire)' },
  // How "in <region>" reads in a sentence, with each language's own preposition and article.
  regionIn: { en: 'in your region (to do)', fr: 'dans votre région (à faire)' },
  province: 'NB',
  timeZone: 'America/Moncton',
  siteUrl: 'https://lip.example.org',
  // English and French; add the languages of your community (the registry: src/i18n/locales.ts).
  locales: ['en', 'fr'],
  defaultLocale: 'en',
  // Markdown pages, e-updates, news … of the site (placeholders marked "To do").
  content: 'content',
  map: { center: [-64.81, 46.09], zoom: 13, bounds: [-64.83, 46.07, -64.79, 46.11] },
  areas: {
    file: 'data/areas.geojson',
    idProperty: 'area_id',
    nameProperty: 'area_name',
    ...TODO_DATA,
  },
  census: {
    file: 'data/census.csv',
    idColumn: 'area_id',
    year: 2021,
    ...TODO_DATA,
    // The Census Profile counts by column name in data/census.csv (labels and denominators are
    // known: src/lib/census/presets.ts). Leave out the ones your file lacks; add others as
    // `someId: { column: '…', label: 'indicator.someId' }` beside them.
    indicators: censusProfileIndicators({
      population: 'pop_total',
      privateHouseholdPopulation: 'pop_private_hh',
      immigrants: 'immigrants',
      recentImmigrants: 'recent_immigrants',
      nonPermanentResidents: 'non_permanent_residents',
      refugees: 'refugees',
      notCanadianCitizens: 'not_citizens',
      visibleMinority: 'visible_minority',
      officialLanguageTotal: 'kol_total',
      neitherOfficialLanguage: 'kol_neither',
      frenchOnly: 'kol_french_only',
      englishAndFrench: 'kol_english_french',
      homeLanguageTotal: 'home_lang_total',
      homeLanguageNonOfficial: 'home_lang_non_official',
    }),
    homeLanguages: [1, 2].map((n) => ({ name: `home_lang_${n}_name`, count: `home_lang_${n}_count` })),
  },
  rules: { file: 'data/rules.csv', includeOptional: true },
  serviceLayers: [
    {
      id: 'svc',
      file: 'data/services.csv',
      format: 'csv',
      idField: 'id',
      nameField: 'name',
      address: { line1: 'street', city: 'town', postalCode: 'postal_code' },
      province: 'NB',
      phoneField: 'phone',
      websiteField: 'website',
      languagesField: 'languages',
      latField: 'lat',
      lonField: 'lon',
      ...TODO_DATA,
    },
  ],
  boundary: 'data/boundary.geojson',
  basemap: null,
  contactEmail: 'info@lip.example.org',
  attributions: [
    {
      en: 'Placeholder data of the starter, not real. To do: replace it with your own data and the lines its licences require.',
      fr: 'Données fictives du point de départ, non réelles. À faire : les remplacer par vos propres données et les mentions exigées par leurs licences.',
    },
  ],
});
