/**
 * Site configuration for the Toronto demo. A LIP adopting the portal copies this file, points
 * the paths at its own data and changes the names: see docs/data-pipeline.md.
 * Paths are relative to this folder. Validated by `npm run data`.
 */
import { censusProfileIndicators, defineSiteConfig } from '#site-config';

const OGL_TORONTO = {
  licence: 'Open Government Licence – Toronto',
  licenceUrl: 'https://open.toronto.ca/open-data-license/',
} as const;

const CITY_PUBLISHED = {
  // The Vision Zero Challenge repository states no licence; the City published it for re-use.
  licence: 'Published by the City of Toronto (no licence stated)',
  licenceUrl: 'https://github.com/CityofToronto/vz_challenge',
} as const;

/** Every Toronto layer was clipped to the city polygon, so the city is a fact, not a guess. */
const IN_TORONTO = { city: 'Toronto', province: 'ON' } as const;

export default defineSiteConfig({
  name: {
    en: 'Toronto Local Immigration Partnership',
    fr: 'Partenariat local en matière d’immigration de Toronto',
    'zh-Hans': '多伦多地方移民合作组织',
    'zh-Hant': '多倫多地方移民合作組織',
    es: 'Alianza Local de Inmigración de Toronto',
    pt: 'Parceria Local de Imigração de Toronto',
    tl: 'Local Immigration Partnership ng Toronto',
    ta: 'டொராண்டோ உள்ளூர் குடிவரவு கூட்டாண்மை',
    fa: 'شراکت محلی مهاجرت تورنتو',
    ar: 'شراكة الهجرة المحلية في تورنتو',
  },
  shortName: {
    en: 'Toronto LIP',
    fr: 'PLI de Toronto',
    'zh-Hans': '多伦多 LIP',
    'zh-Hant': '多倫多 LIP',
    es: 'LIP de Toronto',
    pt: 'LIP de Toronto',
    tl: 'Toronto LIP',
    ta: 'டொராண்டோ LIP',
    fa: 'LIP تورنتو',
    ar: 'LIP تورنتو',
  },
  region: {
    en: 'City of Toronto',
    fr: 'Ville de Toronto',
    'zh-Hans': '多伦多市',
    'zh-Hant': '多倫多市',
    es: 'Ciudad de Toronto',
    pt: 'Cidade de Toronto',
    tl: 'Lungsod ng Toronto',
    ta: 'டொராண்டோ நகரம்',
    fa: 'شهر تورنتو',
    ar: 'مدينة تورنتو',
  },
  // "In" the region, as each language's sentences need it ("settle in the City of Toronto").
  regionIn: {
    en: 'in the City of Toronto',
    fr: 'dans la Ville de Toronto',
    'zh-Hans': '在多伦多市',
    'zh-Hant': '在多倫多市',
    es: 'en la Ciudad de Toronto',
    pt: 'na Cidade de Toronto',
    tl: 'sa Lungsod ng Toronto',
    ta: 'டொராண்டோ நகரத்தில்',
    fa: 'در شهر تورنتو',
    ar: 'في مدينة تورنتو',
  },
  province: 'ON',
  timeZone: 'America/Toronto',
  siteUrl: 'https://toronto-lip.example.org',
  // English and French, then Toronto's most common non-official home languages (2021 census)
  // and Arabic for refugee arrivals. Every code must be in the registry (src/i18n/locales.ts).
  locales: ['en', 'fr', 'zh-Hans', 'zh-Hant', 'es', 'pt', 'tl', 'ta', 'fa', 'ar'],
  defaultLocale: 'en',
  map: {
    center: [-79.3832, 43.7001],
    zoom: 10,
    // City extent (-79.64, 43.58, -79.12, 43.86) plus a margin; points outside are rejected.
    bounds: [-79.7, 43.55, -79.05, 43.9],
  },
  areas: {
    file: 'data/areas/neighbourhoods_158.geojson',
    displayFile: 'data/areas/neighbourhoods_158_simplified_indicators.geojson',
    idProperty: 'nbhd_id',
    nameProperty: 'nbhd_name',
    // NIA = Neighbourhood Improvement Area, EN = Emerging Neighbourhood, NA = neither (TSNS 2020).
    classificationProperty: 'classification_code',
    // Labels of the classification codes (Toronto Strong Neighbourhoods Strategy 2020), shown on
    // neighbourhood fact sheets and beside a service's neighbourhood.
    classificationLabels: {
      NIA: {
        en: 'Neighbourhood Improvement Area',
        fr: 'Quartier d’amélioration',
        'zh-Hans': '社区改善区',
        'zh-Hant': '社區改善區',
        es: 'Área de mejora de barrios (NIA)',
        pt: 'Área de Melhoria de Bairros (NIA)',
        tl: 'Kapitbahayang para sa pagpapabuti',
        ta: 'சுற்றுப்புற மேம்பாட்டுப் பகுதி',
        fa: 'محلهٔ مشمول برنامهٔ بهبود محله‌ها',
        ar: 'حيّ مشمول ببرنامج تحسين الأحياء',
      },
      EN: {
        en: 'Emerging Neighbourhood',
        fr: 'Quartier émergent',
        'zh-Hans': '新兴社区',
        'zh-Hant': '新興社區',
        es: 'Barrio emergente',
        pt: 'Bairro Emergente',
        tl: 'Umuusbong na kapitbahayan',
        ta: 'வளர்ந்துவரும் சுற்றுப்புறம்',
        fa: 'محلهٔ نوظهور',
        ar: 'حيّ ناشئ',
      },
      NA: {
        en: 'Not a Neighbourhood Improvement Area or Emerging Neighbourhood',
        fr: 'Ni secteur d’amélioration de quartier ni quartier émergent',
        'zh-Hans': '不是社区改善区，也不是新兴社区',
        'zh-Hant': '不是社區改善區，也不是新興社區',
        es: 'No es área de mejora de barrios ni barrio emergente',
        pt: 'Não é Área de Melhoria de Bairros nem Bairro Emergente',
        tl: 'Hindi kapitbahayang para sa pagpapabuti o umuusbong na kapitbahayan',
        ta: 'சுற்றுப்புற மேம்பாட்டுப் பகுதியோ வளர்ந்துவரும் சுற்றுப்புறமோ அல்ல',
        fa: 'نه محلهٔ مشمول برنامهٔ بهبود و نه محلهٔ نوظهور',
        ar: 'ليس حيًّا مشمولًا ببرنامج تحسين الأحياء ولا حيًّا ناشئًا',
      },
    },
    sourceName: 'City of Toronto, Social Development, Finance & Administration',
    ...OGL_TORONTO,
    dataDate: '2021',
  },
  census: {
    file: 'data/census/newcomer_indicators_2021.csv',
    // Toronto's totals for 2016 and 2021: the dashboard's change over time.
    cityTotals: 'data/census/city_totals_2016_2021.csv',
    idColumn: 'nbhd_id',
    year: 2021,
    sourceName: 'Statistics Canada, 2021 Census of Population; City of Toronto Neighbourhood Profiles',
    // The City's profiles are under OGL – Toronto; the underlying census data under the Statistics Canada Open Licence.
    ...OGL_TORONTO,
    // Census Profile counts by column: labels and denominators come from src/lib/census/presets.ts.
    indicators: censusProfileIndicators({
      population: 'pop_total',
      privateHouseholdPopulation: 'pop_private_hh',
      immigrants: 'immigrants',
      recentImmigrants: 'recent_immigrants_2016_2021',
      nonPermanentResidents: 'non_permanent_residents',
      refugees: 'adm_refugees',
      notCanadianCitizens: 'not_canadian_citizens',
      visibleMinority: 'visible_minority',
      officialLanguageTotal: 'kol_total',
      neitherOfficialLanguage: 'kol_neither',
      frenchOnly: 'kol_french_only',
      englishAndFrench: 'kol_english_french',
      homeLanguageTotal: 'home_lang_total',
      homeLanguageNonOfficial: 'home_lang_non_official_single',
    }),
    homeLanguages: [1, 2, 3, 4, 5].map((n) => ({ name: `home_lang_${n}_name`, count: `home_lang_${n}_count` })),
  },
  rules: { file: 'data/service_category_mapping.csv', includeOptional: true },
  serviceLayers: [
    {
      id: 'sett',
      file: 'data/services/settlement_services_211_2018.geojson',
      format: 'geojson',
      idField: 'id',
      nameField: 'name',
      address: { line1: 'address' },
      sourceName: '211 Toronto (via City of Toronto)',
      licence: '211 Toronto owns this dataset (published by the City of Toronto; no licence stated)',
      licenceUrl: 'https://github.com/CityofToronto/vz_challenge',
      dataDate: '2018-04',
    },
    {
      id: 'tpl',
      file: 'data/services/libraries_tpl_2023.geojson',
      format: 'geojson',
      idField: 'BranchCode',
      nameField: 'BranchName',
      address: { line1: 'Address', postalCode: 'PostalCode' },
      ...IN_TORONTO,
      phoneField: 'Telephone',
      websiteField: 'Website',
      attributes: [
        { key: 'branchTier', field: 'ServiceTier' },
        { key: 'publicComputers', field: 'Workstations', type: 'number' },
        { key: 'kidsStop', field: 'KidsStop', type: 'boolean' },
        { key: 'computerLearningCentre', field: 'CLC', type: 'boolean' },
        { key: 'digitalInnovationHub', field: 'DIH', type: 'boolean' },
        { key: 'youthHub', field: 'YouthHub', type: 'boolean' },
        { key: 'adultLiteracyProgram', field: 'AdultLiteracyProgram', type: 'boolean' },
      ],
      sourceName: 'Toronto Public Library',
      ...OGL_TORONTO,
      dataDate: '2023',
    },
    {
      id: 'cc',
      file: 'data/services/community_recreation_centres.geojson',
      format: 'geojson',
      idField: 'location_id',
      nameField: 'name',
      address: { line1: 'address' },
      ...IN_TORONTO,
      phoneField: 'phone',
      websiteField: 'url',
      attributes: [{ key: 'amenities', field: 'amenities' }],
      sourceName: 'City of Toronto, Parks, Forestry & Recreation',
      ...OGL_TORONTO,
      dataDate: '2025',
    },
    {
      id: 'moh',
      file: 'data/services/health_services_moh_2022.geojson',
      format: 'geojson',
      // moh_pro_id repeats across provider types (one registry per type), so the type is part of the id.
      idField: ['serv_type', 'moh_pro_id'],
      nameField: 'name',
      alternateNameField: ['alt_name', 'name_fr'],
      address: { line1: 'address_1', line2: 'address_2', city: 'community', postalCode: 'postal_code' },
      province: 'ON',
      lastModifiedField: 'eff_date',
      attributes: [
        { key: 'providerType', field: 'serv_type' },
        { key: 'providerDetail', field: 'serv_det' },
      ],
      sourceName: 'Ontario Ministry of Health',
      licence: 'Open Government Licence – Ontario',
      licenceUrl: 'https://www.ontario.ca/page/open-government-licence-ontario',
      dataDate: '2022-05-03',
    },
    {
      id: 'walkin',
      file: 'data/services/walk_in_clinics_2018.geojson',
      format: 'geojson',
      idField: 'id',
      nameField: 'name',
      address: { line1: 'address', postalCode: 'postal_code' },
      ...IN_TORONTO,
      phoneField: 'phone',
      websiteField: 'website',
      sourceName: 'City of Toronto, Transportation Services',
      ...CITY_PUBLISHED,
      dataDate: '2018',
    },
    {
      id: 'school',
      file: 'data/services/schools_2018.geojson',
      format: 'geojson',
      idField: 'school_id',
      nameField: 'name',
      address: { line1: 'address', postalCode: 'postal_code' },
      ...IN_TORONTO,
      francophoneWhen: { field: 'description', values: ['French Public', 'French Separate'] },
      attributes: [
        { key: 'schoolType', field: 'description' },
        { key: 'schoolBoard', field: 'school_board' },
        { key: 'schoolLevel', field: 'level' },
      ],
      sourceName: 'City of Toronto, Transportation Services (school master list)',
      ...CITY_PUBLISHED,
      dataDate: '2018',
    },
    {
      id: 'childcare',
      file: 'data/services/child_care_centres_2022.geojson',
      format: 'geojson',
      idField: 'LOC_ID',
      nameField: 'LOC_NAME',
      address: { line1: 'ADDRESS', postalCode: 'PCODE' },
      ...IN_TORONTO,
      phoneField: 'PHONE',
      capacityField: 'TOTSPACE',
      attributes: [
        { key: 'auspice', field: 'AUSPICE' },
        { key: 'feeSubsidy', field: 'subsidy', type: 'boolean' },
        { key: 'spacesInfant', field: 'IGSPACE', type: 'number' },
        { key: 'spacesToddler', field: 'TGSPACE', type: 'number' },
        { key: 'spacesPreschool', field: 'PGSPACE', type: 'number' },
        { key: 'spacesKindergarten', field: 'KGSPACE', type: 'number' },
        { key: 'spacesSchoolAge', field: 'SGSPACE', type: 'number' },
        { key: 'building', field: 'BLDGNAME' },
      ],
      sourceName: 'City of Toronto, Children’s Services',
      ...OGL_TORONTO,
      dataDate: '2022-05-03',
    },
  ],
  boundary: 'data/basemap/city_boundary.geojson',
  postalAreas: {
    file: 'data/areas/fsa_2016_simplified.geojson',
    codeProperty: 'fsa',
    sourceName: 'Statistics Canada, 2016 Census forward sortation area boundary file',
    licence: 'Statistics Canada Open Licence',
    licenceUrl: 'https://www.statcan.gc.ca/en/reference/licence',
    dataDate: '2016',
  },
  basemap: null,
  // Ontario's referral lines: 211 Ontario (community and social services, 24/7, 150+ languages),
  // Health811 (a registered nurse, 24/7), 9-1-1 for emergencies.
  referrals: [
    { kind: 'community', name: '211 Ontario', phone: '2-1-1', url: 'https://211ontario.ca/' },
    { kind: 'health', name: 'Health811', phone: '8-1-1', url: 'https://health811.ontario.ca/' },
    { kind: 'emergency', name: '9-1-1', phone: '9-1-1' },
  ],
  staleAfterDays: 730,
  contactEmail: 'info@toronto-lip.example.org',
  // The finder's example postal code (downtown Toronto).
  postalCodeExample: 'M5V 3L9',
  // Service-gap analysis (see the site's methodology page and docs/access-methods.md).
  // Distances are straight lines, so catchments are set a little below real travel distances.
  // E2SFCA step weights 1 / 0.68 / 0.22 (Luo & Qi 2009) over three rings: nearest ring a short
  // walk, outer ring a short transit trip. Demand is the group the service is mainly for.
  gaps: {
    underServedThreshold: 0.5,
    smallCountThreshold: 10,
    // Demand where people live: each neighbourhood's count is shared out over the 2021 census
    // tracts inside it (583 points on land), by the tracts' own counts (demo/toronto/data/SOURCES.md).
    demandPoints: {
      file: 'data/census/tract_points_2021.csv',
      idColumn: 'ctuid',
      weights: { recentImmigrants: 'recent_immigrants', immigrants: 'immigrants' },
      defaultWeight: 'population',
      geography: {
        en: '2021 census tracts',
        fr: 'secteurs de recensement de 2021',
        'zh-Hans': '2021年人口普查区',
        'zh-Hant': '2021年人口普查區',
        es: 'sectores censales de 2021',
        pt: 'setores censitários de 2021',
        tl: 'mga census tract ng 2021',
        ta: '2021 மக்கள்தொகைக் கணக்கெடுப்புப் பகுதிகள்',
        fa: 'حوزه‌های سرشماری ۲۰۲۱',
        ar: 'مناطق التعداد لعام 2021',
      },
      sourceName:
        'Statistics Canada, 2021 Census of Population (census tracts), republished by the School of Cities, University of Toronto',
      licence: 'Statistics Canada Open Licence',
      licenceUrl: 'https://www.statcan.gc.ca/en/reference/licence',
    },
    rankedListLength: 10,
    // Below 30 distinct places (about one per five neighbourhoods) most neighbourhoods would be
    // judged by the absence of a handful of listings, and one missing listing flips many flags.
    minPlaces: 30,
    minPlacesReason:
      'With fewer than 30 distinct places for 158 neighbourhoods, one missing listing would change many neighbourhoods’ results.',
    categories: {
      settlement: {
        demand: 'recentImmigrants',
        method: 'e2sfca',
        // Many agencies (234 sites): people go to one within a short transit ride.
        maxCost: 3000,
        weight: {
          kind: 'step',
          steps: [
            [1000, 1],
            [2000, 0.68],
            [3000, 0.22],
          ],
        },
        rationale: 'Recent immigrants (arrived 2016–2021) are the main clients; 234 sites, so a 3 km reach.',
      },
      language_training: {
        demand: 'neitherOfficialLanguage',
        method: 'e2sfca',
        // Few listed sites (13): learners travel farther to a class, mostly by transit.
        maxCost: 5000,
        weight: {
          kind: 'step',
          steps: [
            [1500, 1],
            [3000, 0.68],
            [5000, 0.22],
          ],
        },
        rationale: 'People who speak neither English nor French need language classes; few sites, so a 5 km reach.',
        // The listings are the school boards' LINC/ESL sites of 2018 and a few others; LINC and
        // ESL classes run by settlement agencies are not in any layer.
        incomplete:
          'The listings hold the 2018 school-board LINC/ESL sites; classes run by settlement agencies are missing, so an area without a listed class may well have one.',
      },
      employment: {
        demand: 'recentImmigrants',
        method: 'e2sfca',
        maxCost: 5000,
        weight: {
          kind: 'step',
          steps: [
            [1500, 1],
            [3000, 0.68],
            [5000, 0.22],
          ],
        },
        rationale: 'Recent immigrants look for work first; few sites, so a 5 km reach.',
      },
      child_family: {
        // No count of young children is configured, so total population stands in for families.
        demand: 'population',
        method: 'e2sfca',
        // Child care is chosen close to home; capacity is the licensed spaces (TOTSPACE).
        maxCost: 2000,
        weight: {
          kind: 'step',
          steps: [
            [500, 1],
            [1000, 0.68],
            [2000, 0.22],
          ],
        },
        rationale:
          'Whole population (no child count in the indicators); capacity is licensed child-care spaces; 2 km, close to home.',
      },
      health: {
        demand: 'recentImmigrants',
        method: 'e2sfca',
        maxCost: 3000,
        weight: {
          kind: 'step',
          steps: [
            [1000, 1],
            [2000, 0.68],
            [3000, 0.22],
          ],
        },
        rationale: 'Recent immigrants often lack a family doctor; 3 km to clinics and health centres.',
      },
      library: {
        demand: 'immigrants',
        method: 'e2sfca',
        maxCost: 2500,
        weight: {
          kind: 'step',
          steps: [
            [800, 1],
            [1600, 0.68],
            [2500, 0.22],
          ],
        },
        rationale:
          'All immigrants use libraries for newcomer programs and computers; branches are close together, 2.5 km.',
      },
      community_recreation: {
        demand: 'immigrants',
        method: 'e2sfca',
        maxCost: 3000,
        weight: {
          kind: 'step',
          steps: [
            [1000, 1],
            [2000, 0.68],
            [3000, 0.22],
          ],
        },
        rationale: 'Community centres serve every immigrant family; 3 km.',
      },
      digital_access: {
        demand: 'recentImmigrants',
        method: 'e2sfca',
        maxCost: 5000,
        weight: {
          kind: 'step',
          steps: [
            [1500, 1],
            [3000, 0.68],
            [5000, 0.22],
          ],
        },
        rationale: 'Digital hubs and computer learning centres are few (20); 5 km.',
      },
    },
  },
  // Shown in every language (footer, data page, map); licence and organisation names stay as published.
  attributions: [
    {
      en: 'Contains information licensed under the Open Government Licence – Toronto.',
      fr: 'Contient des renseignements sous licence Open Government Licence – Toronto.',
      'zh-Hans': '包含根据 Open Government Licence – Toronto 许可的信息。',
      'zh-Hant': '包含根據 Open Government Licence – Toronto 授權的資訊。',
      es: 'Contiene información bajo la licencia Open Government Licence – Toronto.',
      pt: 'Contém informações licenciadas sob a Open Government Licence – Toronto.',
      tl: 'May impormasyong lisensyado sa ilalim ng Open Government Licence – Toronto.',
      ta: 'Open Government Licence – Toronto உரிமத்தின் கீழ் வழங்கப்பட்ட தகவல்களைக் கொண்டுள்ளது.',
      fa: 'دارای اطلاعاتی با مجوز Open Government Licence – Toronto.',
      ar: 'يتضمن معلومات مرخّصة بموجب Open Government Licence – Toronto.',
    },
    {
      en: 'Contains information licensed under the Open Government Licence – Ontario.',
      fr: 'Contient des renseignements sous licence Open Government Licence – Ontario.',
      'zh-Hans': '包含根据 Open Government Licence – Ontario 许可的信息。',
      'zh-Hant': '包含根據 Open Government Licence – Ontario 授權的資訊。',
      es: 'Contiene información bajo la licencia Open Government Licence – Ontario.',
      pt: 'Contém informações licenciadas sob a Open Government Licence – Ontario.',
      tl: 'May impormasyong lisensyado sa ilalim ng Open Government Licence – Ontario.',
      ta: 'Open Government Licence – Ontario உரிமத்தின் கீழ் வழங்கப்பட்ட தகவல்களைக் கொண்டுள்ளது.',
      fa: 'دارای اطلاعاتی با مجوز Open Government Licence – Ontario.',
      ar: 'يتضمن معلومات مرخّصة بموجب Open Government Licence – Ontario.',
    },
    {
      en: 'Adapted from Statistics Canada, 2021 Census of Population. This does not constitute an endorsement by Statistics Canada of this product.',
      fr: 'Adapté de Statistique Canada, Recensement de la population de 2021. Ceci ne constitue pas une approbation de ce produit par Statistique Canada.',
      'zh-Hans': '改编自加拿大统计局（Statistics Canada）2021年人口普查。这并不表示加拿大统计局认可本产品。',
      'zh-Hant': '改編自加拿大統計局（Statistics Canada）2021年人口普查。這並不表示加拿大統計局認可本產品。',
      es: 'Adaptado de Statistics Canada, Censo de Población de 2021. Esto no constituye un respaldo de Statistics Canada a este producto.',
      pt: 'Adaptado de Statistics Canada, Censo da População de 2021. Isto não constitui um endosso deste produto pela Statistics Canada.',
      tl: 'Hinango mula sa Statistics Canada, Senso ng Populasyon ng 2021. Hindi ito pag-endorso ng Statistics Canada sa produktong ito.',
      ta: 'Statistics Canada, 2021 மக்கள்தொகைக் கணக்கெடுப்பிலிருந்து தழுவப்பட்டது. இது இந்தத் தயாரிப்புக்கு Statistics Canada அளிக்கும் ஒப்புதல் அல்ல.',
      fa: 'برگرفته از Statistics Canada، سرشماری جمعیت ۲۰۲۱. این به معنای تأیید این محصول از سوی Statistics Canada نیست.',
      ar: 'مقتبس من Statistics Canada، تعداد السكان لعام 2021. ولا يُعدّ ذلك تأييدًا من Statistics Canada لهذا المنتج.',
    },
    {
      en: 'Postal areas adapted from Statistics Canada, 2016 Census forward sortation area boundary file (Statistics Canada Open Licence). This does not constitute an endorsement by Statistics Canada of this product.',
      fr: 'Régions postales adaptées du fichier des limites des régions de tri d’acheminement du Recensement de 2016 de Statistique Canada (Licence ouverte de Statistique Canada). Ceci ne constitue pas une approbation de ce produit par Statistique Canada.',
      'zh-Hans':
        '邮政区域改编自加拿大统计局（Statistics Canada）2016年人口普查邮政分区（FSA）边界文件（Statistics Canada Open Licence）。这并不表示加拿大统计局认可本产品。',
      'zh-Hant':
        '郵遞區域改編自加拿大統計局（Statistics Canada）2016年人口普查郵遞分區（FSA）邊界檔案（Statistics Canada Open Licence）。這並不表示加拿大統計局認可本產品。',
      es: 'Zonas postales adaptadas del archivo de límites de las áreas de clasificación postal (FSA) del Censo de 2016 de Statistics Canada (Statistics Canada Open Licence). Esto no constituye un respaldo de Statistics Canada a este producto.',
      pt: 'Áreas postais adaptadas do arquivo de limites das áreas de triagem postal (FSA) do Censo de 2016 da Statistics Canada (Statistics Canada Open Licence). Isto não constitui um endosso deste produto pela Statistics Canada.',
      tl: 'Mga postal area na hinango mula sa boundary file ng forward sortation area ng Senso ng 2016 ng Statistics Canada (Statistics Canada Open Licence). Hindi ito pag-endorso ng Statistics Canada sa produktong ito.',
      ta: 'அஞ்சல் பகுதிகள் Statistics Canada, 2016 மக்கள்தொகைக் கணக்கெடுப்பின் அஞ்சல் வரிசைப் பகுதி (FSA) எல்லைக் கோப்பிலிருந்து தழுவப்பட்டவை (Statistics Canada Open Licence). இது இந்தத் தயாரிப்புக்கு Statistics Canada அளிக்கும் ஒப்புதல் அல்ல.',
      fa: 'مناطق پستی برگرفته از فایل مرزهای مناطق پستی (FSA) سرشماری ۲۰۱۶ از Statistics Canada (Statistics Canada Open Licence). این به معنای تأیید این محصول از سوی Statistics Canada نیست.',
      ar: 'المناطق البريدية مقتبسة من ملف حدود مناطق الفرز البريدي (FSA) في تعداد 2016 من Statistics Canada (Statistics Canada Open Licence). ولا يُعدّ ذلك تأييدًا من Statistics Canada لهذا المنتج.',
    },
    {
      en: 'Settlement services listing © 211 Toronto (Findhelp Information Services), 2018, as published by the City of Toronto.',
      fr: 'Liste des services d’établissement © 211 Toronto (Findhelp Information Services), 2018, publiée par la Ville de Toronto.',
      'zh-Hans': '安置服务名单 © 211 Toronto（Findhelp Information Services），2018年，由多伦多市发布。',
      'zh-Hant': '安置服務名單 © 211 Toronto（Findhelp Information Services），2018年，由多倫多市發布。',
      es: 'Lista de servicios de asentamiento © 211 Toronto (Findhelp Information Services), 2018, publicada por la Ciudad de Toronto.',
      pt: 'Lista de serviços de acolhimento © 211 Toronto (Findhelp Information Services), 2018, publicada pela Cidade de Toronto.',
      tl: 'Listahan ng mga serbisyo sa paninirahan © 211 Toronto (Findhelp Information Services), 2018, na inilathala ng Lungsod ng Toronto.',
      ta: 'குடியமர்வுச் சேவைகள் பட்டியல் © 211 Toronto (Findhelp Information Services), 2018, டொராண்டோ நகரம் வெளியிட்டது.',
      fa: 'فهرست خدمات اسکان © 211 Toronto (Findhelp Information Services)، ۲۰۱۸، منتشرشده از سوی شهر تورنتو.',
      ar: 'قائمة خدمات الاستقرار © 211 Toronto (Findhelp Information Services)، 2018، كما نشرتها مدينة تورونتو.',
    },
  ],
});
