import type { SurveyItemKind, SurveyOption, ValueKey } from '../../db/schema';

/**
 * The standard values module, written by us for the programme (not an official government text).
 * Per value: knowing it, explaining it, applying it, leaders who exemplify it, colleagues who address
 * each other on it; then how the organisation uses the values; then an engagement outcome item set
 * (the dependent variable of the driver analysis); then a few closing questions.
 */

export const STANDARD_KEY = 'standard-values';

export type StandardItem = {
  itemKey: string;
  kind: SurveyItemKind;
  textNl: string;
  textEn: string;
  options?: SurveyOption[];
  valueKey?: ValueKey;
  objective?: number;
  outcome?: boolean;
  required?: boolean;
};

export type StandardSection = {
  titleNl: string;
  titleEn: string;
  introNl: string;
  introEn: string;
  items: StandardItem[];
};

const values: { key: ValueKey; nl: string; en: string }[] = [
  { key: 'openheid', nl: 'openheid', en: 'openness' },
  { key: 'daadkracht', nl: 'daadkracht', en: 'decisiveness' },
  { key: 'vertrouwen', nl: 'vertrouwen', en: 'trust' },
  { key: 'wendbaarheid', nl: 'wendbaarheid', en: 'agility' },
];

const capital = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);

function valueSection(value: (typeof values)[number]): StandardSection {
  const { key, nl, en } = value;
  return {
    titleNl: capital(nl),
    titleEn: capital(en),
    introNl: `De volgende uitspraken gaan over de waarde ${nl}. Geef aan in welke mate je akkoord gaat.`,
    introEn: `The following statements are about the value ${en}. Say how far you agree.`,
    items: [
      {
        itemKey: `${key}.know`,
        kind: 'agree5',
        textNl: `Ik weet wat de waarde ${nl} bij de Vlaamse overheid inhoudt.`,
        textEn: `I know what the value ${en} means at the Flemish Government.`,
        valueKey: key,
        objective: 3,
      },
      {
        itemKey: `${key}.explain`,
        kind: 'agree5',
        textNl: `Ik kan aan een collega uitleggen wat ${nl} in mijn werk betekent.`,
        textEn: `I can explain to a colleague what ${en} means in my work.`,
        valueKey: key,
        objective: 3,
      },
      {
        itemKey: `${key}.apply`,
        kind: 'agree5',
        textNl: `Ik breng ${nl} in de praktijk in mijn dagelijkse werk.`,
        textEn: `I put ${en} into practice in my daily work.`,
        valueKey: key,
        objective: 3,
      },
      {
        itemKey: `${key}.leader`,
        kind: 'agree5',
        textNl: `Mijn leidinggevende geeft zelf het voorbeeld als het over ${nl} gaat.`,
        textEn: `My manager sets the example when it comes to ${en}.`,
        valueKey: key,
        objective: 1,
      },
      {
        itemKey: `${key}.peers`,
        kind: 'agree5',
        textNl: `In mijn team spreken we elkaar aan als iemand tegen ${nl} ingaat.`,
        textEn: `In my team we speak to each other when someone goes against ${en}.`,
        valueKey: key,
        objective: 3,
      },
    ],
  };
}

export const standardModule: {
  titleNl: string;
  titleEn: string;
  descriptionNl: string;
  descriptionEn: string;
  sections: StandardSection[];
} = {
  titleNl: 'Standaardmodule waarden',
  titleEn: 'Standard values module',
  descriptionNl:
    'De vier waarden kennen, uitleggen en toepassen; leidinggevenden die het voorbeeld geven; collega’s die elkaar aanspreken; betrokkenheid. Geschreven door het programma Waarden in Actie.',
  descriptionEn:
    'Knowing, explaining and applying the four values; managers who set the example; colleagues who address each other; engagement. Written by the Waarden in Actie programme.',
  sections: [
    ...values.map(valueSection),
    {
      titleNl: 'Mijn organisatie',
      titleEn: 'My organisation',
      introNl: 'Hoe werkt je entiteit met de waarden?',
      introEn: 'How does your entity work with the values?',
      items: [
        {
          itemKey: 'org.decisions',
          kind: 'agree5',
          textNl: 'In mijn entiteit zijn de waarden een toetssteen bij het nemen van beslissingen.',
          textEn: 'In my entity the values are a touchstone when decisions are taken.',
          objective: 2,
        },
        {
          itemKey: 'org.top',
          kind: 'agree5',
          textNl: 'Het management van mijn entiteit straalt de waarden uit.',
          textEn: 'The management of my entity radiates the values.',
          objective: 1,
        },
        {
          itemKey: 'org.customers',
          kind: 'agree5',
          textNl: 'Klanten en partners merken onze waarden in hoe we met hen omgaan.',
          textEn: 'Customers and partners notice our values in how we deal with them.',
          objective: 5,
        },
      ],
    },
    {
      titleNl: 'Betrokkenheid',
      titleEn: 'Engagement',
      introNl: 'Tot slot enkele vragen over hoe je je werk beleeft.',
      introEn: 'Finally, a few questions about how you experience your work.',
      items: [
        {
          itemKey: 'engagement.proud',
          kind: 'agree5',
          textNl: 'Ik ben trots om voor de Vlaamse overheid te werken.',
          textEn: 'I am proud to work for the Flemish Government.',
          outcome: true,
        },
        {
          itemKey: 'engagement.committed',
          kind: 'agree5',
          textNl: 'Ik voel me betrokken bij de doelen van mijn entiteit.',
          textEn: 'I feel committed to the goals of my entity.',
          outcome: true,
        },
        {
          itemKey: 'engagement.energy',
          kind: 'agree5',
          textNl: 'Mijn werk geeft me energie.',
          textEn: 'My work gives me energy.',
          outcome: true,
        },
        {
          itemKey: 'engagement.recommend',
          kind: 'scale10',
          textNl:
            'Hoe waarschijnlijk is het dat je de Vlaamse overheid als werkgever aanraadt aan een vriend?',
          textEn: 'How likely are you to recommend the Flemish Government as an employer to a friend?',
          outcome: true,
        },
      ],
    },
    {
      titleNl: 'Tot slot',
      titleEn: 'To finish',
      introNl: 'Nog drie korte vragen. Je open antwoord lezen we nooit samen met je andere antwoorden.',
      introEn: 'Three short questions left. Your open answer is never read together with your other answers.',
      items: [
        {
          itemKey: 'closing.channels',
          kind: 'multi',
          textNl: 'Waar hoorde je over de waarden? Kies alles wat past.',
          textEn: 'Where did you hear about the values? Choose all that apply.',
          options: [
            { nl: 'Intranet of nieuwsbrief', en: 'Intranet or newsletter' },
            { nl: 'Mijn leidinggevende', en: 'My manager' },
            { nl: 'Collega’s', en: 'Colleagues' },
            { nl: 'Een opleiding of workshop', en: 'A training or workshop' },
            { nl: 'Deze website', en: 'This website' },
          ],
        },
        {
          itemKey: 'closing.team_meetings',
          kind: 'single',
          textNl: 'Hoe vaak komen de waarden aan bod in je teamoverleg?',
          textEn: 'How often do the values come up in your team meetings?',
          options: [
            { nl: 'Nooit', en: 'Never' },
            { nl: 'Een paar keer per jaar', en: 'A few times a year' },
            { nl: 'Maandelijks', en: 'Monthly' },
            { nl: 'Wekelijks', en: 'Weekly' },
          ],
        },
        {
          itemKey: 'closing.suggestion',
          kind: 'text',
          textNl: 'Wat zou helpen om de waarden meer te laten leven in je team?',
          textEn: 'What would help to bring the values more to life in your team?',
        },
      ],
    },
  ],
};

export { standardDemographics } from '../../../shared/survey-demographics';
