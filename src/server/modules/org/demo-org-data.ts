/**
 * Demo organisation data for seeding the org module.
 *
 * Policy domains: the ten beleidsdomeinen of the Flemish government in the 2019–2024
 * structure (after Kanselarij en Bestuur and internationaal Vlaanderen merged into
 * KBBJ on 1 September 2020, and before EWI, WSE and LV merged into WEWILS on
 * 1 January 2024).
 *
 * Entities: a realistic selection of about 60 real departments and agencies, placed in
 * their policy domain as in that period. The list is compiled from general knowledge,
 * not from the official register: it is not exhaustive, and it does not follow every
 * reorganisation during the term (for example the mergers that created Departement
 * Zorg and Wonen in Vlaanderen, or the renaming of the VREG to Vlaamse Nutsregulator).
 *
 * OVO codes: every entity gets a code in the OVO format ("OVO" + 6 digits), but the
 * numbers are SYNTHETIC. We could not verify the real OVO numbers, so we use the
 * range OVO9xxxxx, which is unique within this file and not meant to match any real
 * code. Do not use them to look anything up in the real organisation register.
 *
 * Divisions, teams and people are generated from the generic names below and are
 * synthetic (see SYNTHETIC_NOTICE).
 */

export interface DemoEntity {
  /** Synthetic OVO code: "OVO" followed by 6 digits. */
  code: string;
  nameNl: string;
  nameEn: string;
  /** Usual abbreviation of the entity. */
  acronym: string;
}

export interface DemoPolicyDomain {
  /** Usual abbreviation of the policy domain (e.g. "KBBJ"); unique, distinct from OVO codes. */
  code: string;
  nameNl: string;
  nameEn: string;
  entities: DemoEntity[];
}

export interface DemoUnitName {
  nameNl: string;
  nameEn: string;
}

export const policyDomains: DemoPolicyDomain[] = [
  {
    code: 'KBBJ',
    nameNl: 'Kanselarij, Bestuur, Buitenlandse Zaken en Justitie',
    nameEn: 'Chancellery, Public Governance, Foreign Affairs and Justice',
    entities: [
      {
        code: 'OVO900101',
        nameNl: 'Departement Kanselarij en Buitenlandse Zaken',
        nameEn: 'Department of Chancellery and Foreign Affairs',
        acronym: 'DKBUZ',
      },
      {
        code: 'OVO900102',
        nameNl: 'Agentschap Overheidspersoneel',
        nameEn: 'Agency for Government Employees',
        acronym: 'AgO',
      },
      {
        code: 'OVO900103',
        nameNl: 'Agentschap Digitaal Vlaanderen',
        nameEn: 'Digital Flanders Agency',
        acronym: 'DV',
      },
      {
        code: 'OVO900104',
        nameNl: 'Agentschap Binnenlands Bestuur',
        nameEn: 'Agency for Domestic Governance',
        acronym: 'ABB',
      },
      {
        code: 'OVO900105',
        nameNl: 'Agentschap Facilitair Bedrijf',
        nameEn: 'Facilities Agency',
        acronym: 'HFB',
      },
      {
        code: 'OVO900106',
        nameNl: 'Audit Vlaanderen',
        nameEn: 'Audit Flanders',
        acronym: 'AV',
      },
      {
        code: 'OVO900107',
        nameNl: 'Agentschap Justitie en Handhaving',
        nameEn: 'Agency for Justice and Enforcement',
        acronym: 'AJH',
      },
      {
        code: 'OVO900108',
        nameNl: 'Dienst van de Bestuursrechtscolleges',
        nameEn: 'Service of the Administrative Courts',
        acronym: 'DBRC',
      },
      {
        code: 'OVO900109',
        nameNl: 'Agentschap Integratie en Inburgering',
        nameEn: 'Agency for Integration and Civic Integration',
        acronym: 'AgII',
      },
      {
        code: 'OVO900110',
        nameNl: 'Flanders Investment & Trade',
        nameEn: 'Flanders Investment & Trade',
        acronym: 'FIT',
      },
      {
        code: 'OVO900111',
        nameNl: 'Toerisme Vlaanderen',
        nameEn: 'VISITFLANDERS (Tourism Flanders)',
        acronym: 'TV',
      },
      {
        code: 'OVO900112',
        nameNl: 'de Rand',
        nameEn: 'de Rand (Flemish periphery around Brussels)',
        acronym: 'de Rand',
      },
    ],
  },
  {
    code: 'FB',
    nameNl: 'Financiën en Begroting',
    nameEn: 'Finance and Budget',
    entities: [
      {
        code: 'OVO900201',
        nameNl: 'Departement Financiën en Begroting',
        nameEn: 'Department of Finance and Budget',
        acronym: 'DFB',
      },
      {
        code: 'OVO900202',
        nameNl: 'Vlaamse Belastingdienst',
        nameEn: 'Flemish Tax Administration',
        acronym: 'VLABEL',
      },
    ],
  },
  {
    code: 'EWI',
    nameNl: 'Economie, Wetenschap en Innovatie',
    nameEn: 'Economy, Science and Innovation',
    entities: [
      {
        code: 'OVO900301',
        nameNl: 'Departement Economie, Wetenschap en Innovatie',
        nameEn: 'Department of Economy, Science and Innovation',
        acronym: 'DEWI',
      },
      {
        code: 'OVO900302',
        nameNl: 'Agentschap Innoveren en Ondernemen',
        nameEn: 'Flanders Innovation & Entrepreneurship',
        acronym: 'VLAIO',
      },
      {
        code: 'OVO900303',
        nameNl: 'Fonds Wetenschappelijk Onderzoek - Vlaanderen',
        nameEn: 'Research Foundation - Flanders',
        acronym: 'FWO',
      },
      {
        code: 'OVO900304',
        nameNl: 'ParticipatieMaatschappij Vlaanderen',
        nameEn: 'Flemish investment company PMV',
        acronym: 'PMV',
      },
      {
        code: 'OVO900305',
        nameNl: 'Vlaamse Instelling voor Technologisch Onderzoek',
        nameEn: 'Flemish Institute for Technological Research',
        acronym: 'VITO',
      },
    ],
  },
  {
    code: 'OV',
    nameNl: 'Onderwijs en Vorming',
    nameEn: 'Education and Training',
    entities: [
      {
        code: 'OVO900401',
        nameNl: 'Departement Onderwijs en Vorming',
        nameEn: 'Department of Education and Training',
        acronym: 'DOV',
      },
      {
        code: 'OVO900402',
        nameNl: 'Agentschap voor Onderwijsdiensten',
        nameEn: 'Agency for Educational Services',
        acronym: 'AGODI',
      },
      {
        code: 'OVO900403',
        nameNl: 'Agentschap voor Hoger Onderwijs, Volwassenenonderwijs, Kwalificaties en Studietoelagen',
        nameEn: 'Agency for Higher Education, Adult Education, Qualifications and Study Grants',
        acronym: 'AHOVOKS',
      },
      {
        code: 'OVO900404',
        nameNl: 'Agentschap voor Infrastructuur in het Onderwijs',
        nameEn: 'Agency for Infrastructure in Education',
        acronym: 'AGION',
      },
    ],
  },
  {
    code: 'WVG',
    nameNl: 'Welzijn, Volksgezondheid en Gezin',
    nameEn: 'Welfare, Public Health and Family',
    entities: [
      {
        code: 'OVO900501',
        nameNl: 'Departement Welzijn, Volksgezondheid en Gezin',
        nameEn: 'Department of Welfare, Public Health and Family',
        acronym: 'DWVG',
      },
      {
        code: 'OVO900502',
        nameNl: 'Agentschap Zorg en Gezondheid',
        nameEn: 'Agency for Care and Health',
        acronym: 'AZG',
      },
      {
        code: 'OVO900503',
        nameNl: 'Agentschap Opgroeien',
        nameEn: 'Growing Up Agency (including Kind en Gezin)',
        acronym: 'Opgroeien',
      },
      {
        code: 'OVO900504',
        nameNl: 'Vlaams Agentschap voor Personen met een Handicap',
        nameEn: 'Flemish Agency for Persons with Disabilities',
        acronym: 'VAPH',
      },
      {
        code: 'OVO900505',
        nameNl: 'Agentschap Vlaamse Sociale Bescherming',
        nameEn: 'Flemish Social Protection Agency',
        acronym: 'VSB',
      },
      {
        code: 'OVO900506',
        nameNl: 'Vlaams Agentschap voor de Uitbetaling van het Groeipakket',
        nameEn: 'Flemish Agency for the Payment of the Growth Package (child benefits)',
        acronym: 'FONS',
      },
    ],
  },
  {
    code: 'CJSM',
    nameNl: 'Cultuur, Jeugd, Sport en Media',
    nameEn: 'Culture, Youth, Sport and Media',
    entities: [
      {
        code: 'OVO900601',
        nameNl: 'Departement Cultuur, Jeugd en Media',
        nameEn: 'Department of Culture, Youth and Media',
        acronym: 'DCJM',
      },
      {
        code: 'OVO900602',
        nameNl: 'Sport Vlaanderen',
        nameEn: 'Sport Flanders',
        acronym: 'SV',
      },
      {
        code: 'OVO900603',
        nameNl: 'Vlaamse Regulator voor de Media',
        nameEn: 'Flemish Regulator for the Media',
        acronym: 'VRM',
      },
      {
        code: 'OVO900604',
        nameNl: 'Literatuur Vlaanderen',
        nameEn: 'Flanders Literature',
        acronym: 'LV',
      },
      {
        code: 'OVO900605',
        nameNl: 'Koninklijk Museum voor Schone Kunsten Antwerpen',
        nameEn: 'Royal Museum of Fine Arts Antwerp',
        acronym: 'KMSKA',
      },
      {
        code: 'OVO900606',
        nameNl: 'deSingel Internationale Kunstcampus',
        nameEn: 'deSingel International Arts Campus',
        acronym: 'deSingel',
      },
    ],
  },
  {
    code: 'WSE',
    nameNl: 'Werk en Sociale Economie',
    nameEn: 'Work and Social Economy',
    entities: [
      {
        code: 'OVO900701',
        nameNl: 'Departement Werk en Sociale Economie',
        nameEn: 'Department of Work and Social Economy',
        acronym: 'DWSE',
      },
      {
        code: 'OVO900702',
        nameNl: 'Vlaamse Dienst voor Arbeidsbemiddeling en Beroepsopleiding',
        nameEn: 'Flemish Public Employment Service',
        acronym: 'VDAB',
      },
      {
        code: 'OVO900703',
        nameNl: 'Syntra Vlaanderen',
        nameEn: 'Syntra Flanders (Flemish Agency for Entrepreneurial Training)',
        acronym: 'Syntra',
      },
    ],
  },
  {
    code: 'LV',
    nameNl: 'Landbouw en Visserij',
    nameEn: 'Agriculture and Fisheries',
    entities: [
      {
        code: 'OVO900801',
        nameNl: 'Departement Landbouw en Visserij',
        nameEn: 'Department of Agriculture and Fisheries',
        acronym: 'DLV',
      },
      {
        code: 'OVO900802',
        nameNl: 'Instituut voor Landbouw-, Visserij- en Voedingsonderzoek',
        nameEn: 'Flanders Research Institute for Agriculture, Fisheries and Food',
        acronym: 'ILVO',
      },
      {
        code: 'OVO900803',
        nameNl: 'Vlaams Centrum voor Agro- en Visserijmarketing',
        nameEn: 'Flanders Agricultural Marketing Board',
        acronym: 'VLAM',
      },
    ],
  },
  {
    code: 'MOW',
    nameNl: 'Mobiliteit en Openbare Werken',
    nameEn: 'Mobility and Public Works',
    entities: [
      {
        code: 'OVO900901',
        nameNl: 'Departement Mobiliteit en Openbare Werken',
        nameEn: 'Department of Mobility and Public Works',
        acronym: 'DMOW',
      },
      {
        code: 'OVO900902',
        nameNl: 'Agentschap Wegen en Verkeer',
        nameEn: 'Roads and Traffic Agency',
        acronym: 'AWV',
      },
      {
        code: 'OVO900903',
        nameNl: 'Agentschap Maritieme Dienstverlening en Kust',
        nameEn: 'Agency for Maritime and Coastal Services',
        acronym: 'MDK',
      },
      {
        code: 'OVO900904',
        nameNl: 'De Vlaamse Waterweg',
        nameEn: 'De Vlaamse Waterweg (Flemish Waterways)',
        acronym: 'DVW',
      },
      {
        code: 'OVO900905',
        nameNl: 'Vlaamse Vervoermaatschappij De Lijn',
        nameEn: 'Flemish Transport Company De Lijn',
        acronym: 'De Lijn',
      },
      {
        code: 'OVO900906',
        nameNl: 'Lantis',
        nameEn: 'Lantis (Antwerp mobility projects)',
        acronym: 'Lantis',
      },
    ],
  },
  {
    code: 'OMG',
    nameNl: 'Omgeving',
    nameEn: 'Environment',
    entities: [
      {
        code: 'OVO901001',
        nameNl: 'Departement Omgeving',
        nameEn: 'Department of Environment and Spatial Development',
        acronym: 'DOMG',
      },
      {
        code: 'OVO901002',
        nameNl: 'Vlaamse Milieumaatschappij',
        nameEn: 'Flanders Environment Agency',
        acronym: 'VMM',
      },
      {
        code: 'OVO901003',
        nameNl: 'Agentschap voor Natuur en Bos',
        nameEn: 'Agency for Nature and Forests',
        acronym: 'ANB',
      },
      {
        code: 'OVO901004',
        nameNl: 'Openbare Vlaamse Afvalstoffenmaatschappij',
        nameEn: 'Public Waste Agency of Flanders',
        acronym: 'OVAM',
      },
      {
        code: 'OVO901005',
        nameNl: 'Agentschap Onroerend Erfgoed',
        nameEn: 'Flanders Heritage Agency',
        acronym: 'OE',
      },
      {
        code: 'OVO901006',
        nameNl: 'Instituut voor Natuur- en Bosonderzoek',
        nameEn: 'Research Institute for Nature and Forest',
        acronym: 'INBO',
      },
      {
        code: 'OVO901007',
        nameNl: 'Vlaams Energie- en Klimaatagentschap',
        nameEn: 'Flemish Energy and Climate Agency',
        acronym: 'VEKA',
      },
      {
        code: 'OVO901008',
        nameNl: 'Agentschap Wonen-Vlaanderen',
        nameEn: 'Housing Agency of Flanders',
        acronym: 'WV',
      },
      {
        code: 'OVO901009',
        nameNl: 'Vlaamse Maatschappij voor Sociaal Wonen',
        nameEn: 'Flemish Social Housing Company',
        acronym: 'VMSW',
      },
      {
        code: 'OVO901010',
        nameNl: 'Vlaamse Landmaatschappij',
        nameEn: 'Flemish Land Agency',
        acronym: 'VLM',
      },
      {
        code: 'OVO901011',
        nameNl: 'Vlaamse Regulator van de Elektriciteits- en Gasmarkt',
        nameEn: 'Flemish Regulator of the Electricity and Gas Market',
        acronym: 'VREG',
      },
    ],
  },
];

/** Generic division names (afdelingen) for synthetic divisions inside each entity. */
export const divisionNames: DemoUnitName[] = [
  { nameNl: 'Afdeling Personeel en Organisatie', nameEn: 'HR and Organisation Division' },
  { nameNl: 'Afdeling Beleid', nameEn: 'Policy Division' },
  { nameNl: 'Afdeling Dienstverlening', nameEn: 'Service Delivery Division' },
  { nameNl: 'Afdeling Financiën en Budget', nameEn: 'Finance and Budget Division' },
  { nameNl: 'Afdeling Communicatie', nameEn: 'Communication Division' },
  { nameNl: 'Afdeling ICT en Data', nameEn: 'ICT and Data Division' },
  { nameNl: 'Afdeling Juridische Dienstverlening', nameEn: 'Legal Services Division' },
  { nameNl: 'Afdeling Strategie en Kwaliteit', nameEn: 'Strategy and Quality Division' },
  { nameNl: 'Afdeling Subsidies', nameEn: 'Grants Division' },
  { nameNl: 'Afdeling Toezicht en Handhaving', nameEn: 'Supervision and Enforcement Division' },
  { nameNl: 'Afdeling Studie en Onderzoek', nameEn: 'Research and Studies Division' },
  { nameNl: 'Afdeling Internationale Samenwerking', nameEn: 'International Cooperation Division' },
  { nameNl: 'Afdeling Logistiek en Facilitair Beheer', nameEn: 'Logistics and Facilities Division' },
  { nameNl: 'Afdeling Regionale Werking', nameEn: 'Regional Operations Division' },
  { nameNl: 'Afdeling Projecten en Programma’s', nameEn: 'Projects and Programmes Division' },
  { nameNl: 'Afdeling Klantenrelaties', nameEn: 'Customer Relations Division' },
];

/** Generic team names for synthetic teams inside each division. */
export const teamNames: DemoUnitName[] = [
  { nameNl: 'Team Onthaal', nameEn: 'Reception Team' },
  { nameNl: 'Team Dossierbehandeling', nameEn: 'Case Handling Team' },
  { nameNl: 'Team Beleidsondersteuning', nameEn: 'Policy Support Team' },
  { nameNl: 'Team Data en Analyse', nameEn: 'Data and Analytics Team' },
  { nameNl: 'Team Applicatiebeheer', nameEn: 'Application Management Team' },
  { nameNl: 'Team Communicatie', nameEn: 'Communication Team' },
  { nameNl: 'Team Rekrutering en Selectie', nameEn: 'Recruitment and Selection Team' },
  { nameNl: 'Team Loopbaan en Ontwikkeling', nameEn: 'Career and Development Team' },
  { nameNl: 'Team Boekhouding', nameEn: 'Accounting Team' },
  { nameNl: 'Team Aankoop', nameEn: 'Procurement Team' },
  { nameNl: 'Team Juridisch Advies', nameEn: 'Legal Advice Team' },
  { nameNl: 'Team Kwaliteit en Klachten', nameEn: 'Quality and Complaints Team' },
  { nameNl: 'Team Inspectie', nameEn: 'Inspection Team' },
  { nameNl: 'Team Regio Oost', nameEn: 'Region East Team' },
  { nameNl: 'Team Regio West', nameEn: 'Region West Team' },
  { nameNl: 'Team Projectondersteuning', nameEn: 'Project Support Team' },
];

/** Common first names in Flanders, for synthetic staff. */
export const firstNames: string[] = [
  'Jan',
  'Peter',
  'Luc',
  'Marc',
  'Dirk',
  'Koen',
  'Bart',
  'Tom',
  'Wim',
  'Kris',
  'Geert',
  'Filip',
  'Johan',
  'Patrick',
  'Stefaan',
  'Jeroen',
  'Pieter',
  'Thomas',
  'Wouter',
  'Joris',
  'Maarten',
  'Lieven',
  'Frank',
  'Steven',
  'Sven',
  'Nico',
  'Ruben',
  'Jens',
  'Arne',
  'Lukas',
  'Simon',
  'Niels',
  'Robbe',
  'Seppe',
  'Bram',
  'Dries',
  'Hans',
  'Erik',
  'Mohamed',
  'Yassine',
  'Els',
  'An',
  'Katrien',
  'Sofie',
  'Sarah',
  'Lien',
  'Ellen',
  'Hilde',
  'Veerle',
  'Inge',
  'Karen',
  'Nathalie',
  'Leen',
  'Griet',
  'Liesbeth',
  'Annelies',
  'Evelien',
  'Charlotte',
  'Marie',
  'Lotte',
  'Julie',
  'Laura',
  'Hanne',
  'Lore',
  'Eline',
  'Elke',
  'Tine',
  'Kathleen',
  'Nele',
  'Caroline',
  'Greet',
  'Martine',
  'Ilse',
  'Wendy',
  'Joke',
  'Femke',
  'Emma',
  'Noor',
  'Fatima',
  'Amina',
];

/** Common surnames in Flanders, for synthetic staff. */
export const lastNames: string[] = [
  'Peeters',
  'Janssens',
  'Maes',
  'Jacobs',
  'Mertens',
  'Willems',
  'Claes',
  'Goossens',
  'Wouters',
  'De Smet',
  'Hermans',
  'Aerts',
  'Pauwels',
  'Verhoeven',
  'Vermeulen',
  'Van den Broeck',
  'Van Damme',
  'De Clercq',
  'Claeys',
  'Michiels',
  'Smets',
  'Martens',
  'De Backer',
  'Van de Velde',
  'Stevens',
  'Lambrechts',
  'Wuyts',
  'Dhondt',
  'Van Dyck',
  'Vandenberghe',
  'Coppens',
  'Bogaerts',
  'De Vos',
  'Cools',
  'Segers',
  'De Meyer',
  'Verstraete',
  'Lemmens',
  'Verbeke',
  'Vermeersch',
  'Bauwens',
  'De Wilde',
  'Hendrickx',
  'Vervoort',
  'Van Hecke',
  'Baert',
  'Geerts',
  'Dewulf',
  'De Cock',
  'Thys',
  'Verheyen',
  'Van Acker',
  'Bosmans',
  'Boeckx',
  'Buysse',
  'De Bruyne',
  'Timmermans',
  'Van Hoof',
  'Van Gorp',
  'Nijs',
  'Roels',
  'Vanhove',
  'Verlinden',
  'Smolders',
  'Van Laere',
  'Huygens',
  'Schepens',
  'Beckers',
  'Moens',
  'Dierckx',
  'Daems',
  'Van Looy',
  'Gielen',
  'Verhaegen',
  'Sterckx',
  'De Ridder',
  'Van Roey',
  'Mahieu',
  'El Amrani',
  'Yilmaz',
];

/** Shown wherever demo organisation data is displayed or exported. */
export const SYNTHETIC_NOTICE: { nl: string; en: string } = {
  nl: 'Demogegevens: de beleidsdomeinen en entiteiten zijn echte organisaties van de Vlaamse overheid, maar hun OVO-codes zijn verzonnen. De afdelingen, teams en personen zijn synthetisch gegenereerd; ze bestaan niet en elke gelijkenis met bestaande personen is toevallig.',
  en: 'Demo data: the policy domains and entities are real Flemish Government organisations, but their OVO codes are made up. The divisions, teams and people are synthetically generated; they do not exist and any resemblance to real persons is coincidental.',
};
