/**
 * Seed data for the central values framework (version 1).
 *
 * Source: the Flemish government web page "Waarden Vlaamse overheid"
 * (shared/seed/000_b5899a82ebb01973.txt). The Dutch names, headings, intro and
 * behaviour statements are the page's official text, verbatim. On the page the first
 * bullet of each value is prefixed with the value word glued on ("openheidWe hebben
 * oog ..."); that rendering artefact is stripped here. The English is our own
 * translation and is not an official text.
 *
 * Statements per value on the page: openheid 2, daadkracht 3, vertrouwen 4,
 * wendbaarheid 4 (13 in total).
 */

export type SeedValueKey = 'openheid' | 'daadkracht' | 'vertrouwen' | 'wendbaarheid';

export interface SeedStatement {
  /** Official Dutch text, verbatim from the source page. */
  nl: string;
  /** Our English translation. */
  en: string;
}

export interface SeedValue {
  key: SeedValueKey;
  /** Short Dutch name of the value. */
  nameNl: string;
  nameEn: string;
  /** The heading the source page uses for this value (e.g. "360° vertrouwen"). */
  headingNl: string;
  /** Our English rendering of the heading. */
  headingEn: string;
  statements: SeedStatement[];
}

export interface SeedFramework {
  /** Title of the source page. */
  sourceTitle: string;
  /** URL of the source page; unknown, hence null. */
  sourceUrl: string | null;
  titleNl: string;
  titleEn: string;
  /** The page's own intro to the values, verbatim. */
  introNl: string;
  /** Our English translation of the intro. */
  introEn: string;
  /** The four values, in the order of the source page. */
  values: SeedValue[];
}

export const seedFramework: SeedFramework = {
  sourceTitle: 'Waarden Vlaamse overheid',
  sourceUrl: null,
  titleNl: 'Waarden Vlaamse overheid',
  titleEn: 'Values of the Flemish Government',
  introNl:
    'De Vlaamse overheid streeft ernaar een open en wendbare organisatie te zijn die daadkrachtig anticipeert op de evoluties en behoeften in de samenleving. Samen met alle belanghebbenden werkt de Vlaamse overheid aan een duurzame dienstverlening in vertrouwen en vanuit het algemeen belang.',
  introEn:
    'The Flemish Government aims to be an open and agile organisation that decisively anticipates developments and needs in society. Together with all stakeholders, the Flemish Government works towards sustainable public services, in trust and in the public interest.',
  values: [
    {
      key: 'openheid',
      nameNl: 'Openheid',
      nameEn: 'Openness',
      headingNl: 'Openheid',
      headingEn: 'Openness',
      statements: [
        {
          nl: 'We hebben oog voor wat er leeft in de samenleving.',
          en: 'We pay attention to what is going on in society.',
        },
        {
          nl: 'We werken samen met alle betrokken actoren binnen en buiten de overheid en stellen onze gegevens, informatie, kennis en vaardigheden ten dienste van de maatschappij.',
          en: 'We work together with all the actors involved, inside and outside government, and put our data, information, knowledge and skills at the service of society.',
        },
      ],
    },
    {
      key: 'daadkracht',
      nameNl: 'Daadkracht',
      nameEn: 'Decisiveness',
      headingNl: 'Daadkracht',
      headingEn: 'Decisiveness',
      statements: [
        {
          nl: 'We nemen met respect voor alle belanghebbenden weloverwogen beslissingen die we kordaat uitvoeren.',
          en: 'With respect for all stakeholders, we take well-considered decisions and carry them out resolutely.',
        },
        {
          nl: 'We grijpen opportuniteiten en ondernemen gedurfde, adequate acties om innovatieve oplossingen te bieden.',
          en: 'We seize opportunities and take bold, appropriate action to offer innovative solutions.',
        },
        {
          nl: 'We nemen daarbij verantwoorde risico’s en leren uit fouten.',
          en: 'In doing so, we take responsible risks and learn from our mistakes.',
        },
      ],
    },
    {
      key: 'vertrouwen',
      nameNl: 'Vertrouwen',
      nameEn: 'Trust',
      headingNl: '360° vertrouwen',
      headingEn: '360° trust',
      statements: [
        {
          nl: 'We gedragen ons deontologisch correct, zijn eerlijk en loyaal aan het algemeen belang.',
          en: 'We act with professional integrity, and are honest and loyal to the public interest.',
        },
        {
          nl: 'We geven en verdienen vertrouwen.',
          en: 'We give trust and earn it.',
        },
        {
          nl: 'We stimuleren de kwaliteiten in de eigen organisatie en in de maatschappij.',
          en: 'We encourage the qualities within our own organisation and in society.',
        },
        {
          nl: 'We zijn authentiek en doen wat we zeggen. Duidelijkheid en voorbeeldig werkgeverschap maken ons geloofwaardig.',
          en: 'We are authentic and do what we say. Clarity and being an exemplary employer make us credible.',
        },
      ],
    },
    {
      key: 'wendbaarheid',
      nameNl: 'Wendbaarheid',
      nameEn: 'Agility',
      headingNl: 'Wendbaarheid',
      headingEn: 'Agility',
      statements: [
        {
          nl: 'We reageren alert op de ontwikkelingen in de samenleving.',
          en: 'We respond alertly to developments in society.',
        },
        {
          nl: 'We definiëren onze dienstverlening proactief naargelang de noden, wensen en verwachtingen van de klanten en belanghebbenden.',
          en: 'We proactively shape our services according to the needs, wishes and expectations of customers and stakeholders.',
        },
        {
          nl: 'We zetten onze talenten flexibel in.',
          en: 'We deploy our talents flexibly.',
        },
        {
          nl: 'We zeggen wat we doen.',
          en: 'We say what we do.',
        },
      ],
    },
  ],
};
