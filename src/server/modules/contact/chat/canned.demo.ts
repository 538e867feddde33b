import type { Db } from '../../../db/client';
import * as repo from './chat.repo';

/**
 * Canned answers a 1700 agent uses every day, in the citizen's form of address (je). Variables: {naam}/{name}
 * is the citizen's name, {referentie}/{reference} the ticket reference. Idempotent (by shortcut).
 */
export async function seedCannedAnswersDemo(db: Db) {
  await repo.seedCannedAnswers(db, [
    {
      title: 'Begroeting',
      shortcut: 'hallo',
      textNl: 'Dag {naam}, welkom bij 1700. Waarmee kan ik je helpen?',
      textEn: 'Hello {name}, welcome to 1700. How can I help you?',
    },
    {
      title: 'Even opzoeken',
      shortcut: 'moment',
      textNl: 'Ik zoek het even voor je op. Een ogenblikje, ik ben zo terug.',
      textEn: 'Let me look that up for you. One moment, I will be right back.',
    },
    {
      title: 'Doorverwijzen naar de gemeente',
      shortcut: 'gemeente',
      textNl:
        'Hiervoor kun je het best terecht bij je gemeente: zij beheren je dossier. Op de website van je gemeente vind je de openingsuren en het telefoonnummer.',
      textEn:
        'Your municipality is the right place for this: they manage your file. You will find their opening hours and phone number on the municipality’s website.',
    },
    {
      title: 'Referentie van je vraag',
      shortcut: 'referentie',
      textNl: 'Je vraag heeft referentie {referentie}. Vermeld die als je ons hierover nog contacteert.',
      textEn:
        'Your question has reference {reference}. Please mention it when you contact us about it again.',
    },
    {
      title: 'Afsluiten',
      shortcut: 'bedankt',
      textNl:
        'Bedankt voor je vraag, {naam}. Heb je nog een vraag, dan kun je ons altijd opnieuw contacteren via 1700.',
      textEn:
        'Thank you for your question, {name}. If you have another question, you can always contact 1700 again.',
    },
  ]);
}
