import type { ValueKey } from '../../db/schema';

/**
 * Demo only: how the demo entity (Agentschap Overheidspersoneel) might put the values in its own words.
 * Written by us as an example of the "kapstok"; not an official text of that agency.
 */
export const demoEntityValues: {
  translations: { valueKey: ValueKey; textNl: string; textEn: string }[];
  focusValues: ValueKey[];
} = {
  translations: [
    {
      valueKey: 'openheid',
      textNl:
        'We delen wat we weten over personeelsbeleid met alle entiteiten, en we vragen eerst aan collega’s wat zij nodig hebben voor we iets ontwerpen.',
      textEn:
        'We share what we know about HR policy with every entity, and we ask colleagues what they need before we design anything.',
    },
    {
      valueKey: 'daadkracht',
      textNl:
        'Een vraag van een entiteit krijgt binnen de week een antwoord of een plan. We proberen nieuwe werkvormen eerst klein uit en schalen op wat werkt.',
      textEn:
        'A question from an entity gets an answer or a plan within a week. We try new ways of working on a small scale first and scale up what works.',
    },
    {
      valueKey: 'vertrouwen',
      textNl:
        'We geven teams ruimte om zelf te bepalen hoe ze hun doelen halen, en we spreken elkaar open aan als iets niet loopt zoals afgesproken.',
      textEn:
        'We give teams room to decide how they reach their goals, and we speak openly to each other when something does not go as agreed.',
    },
    {
      valueKey: 'wendbaarheid',
      textNl:
        'Als de regels of de noden van de entiteiten veranderen, passen we onze dienstverlening aan en zetten we mensen in waar hun talent het meest oplevert.',
      textEn:
        'When the rules or the needs of the entities change, we adapt our services and deploy people where their talents count most.',
    },
  ],
  focusValues: ['openheid', 'vertrouwen'],
};
