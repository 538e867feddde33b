import type { ValueKey } from '../../db/schema';
import { seedFramework } from '../values/seed-framework';
import type { Bilingual, SeedQuestion } from './learning.content';

/**
 * Knowledge checks and dilemmas, written by us in Dutch with an English version.
 *
 * - knows: the official behaviour statements (verbatim from the framework) and a few short statements
 *   of ours: which value do they express?
 * - explains: a concrete behaviour at work: which value does it show most, and why?
 * - applies: a dilemma from public-service work with three options, feedback on each and the values
 *   at stake; the person chooses and justifies.
 *
 * Keys are stable: cards and answers hang on them.
 */

const bi = (nl: string, en: string): Bilingual => ({ nl, en });

const valueNames: Record<ValueKey, Bilingual> = {
  openheid: bi('openheid', 'openness'),
  daadkracht: bi('daadkracht', 'decisiveness'),
  vertrouwen: bi('vertrouwen', 'trust'),
  wendbaarheid: bi('wendbaarheid', 'agility'),
};

// ---- knows -----------------------------------------------------------------------------------------

const officialKnows: SeedQuestion[] = seedFramework.values.flatMap((value) =>
  value.statements.map((statement, index) => ({
    key: `knows:${value.key}:official:${index + 1}`,
    valueKey: value.key,
    level: 'knows' as const,
    content: {
      prompt: bi(statement.nl, statement.en),
      answer: value.key,
      explanation: bi(
        `Deze uitspraak is een van de officiële gedragsuitspraken bij ${valueNames[value.key].nl}.`,
        `This statement is one of the official behaviour statements for ${valueNames[value.key].en}.`,
      ),
    },
  })),
);

const ownKnows: [ValueKey, Bilingual, Bilingual][] = [
  [
    'openheid',
    bi(
      'Ik deel mijn kennis en informatie met wie ze nodig heeft.',
      'I share my knowledge and information with whoever needs it.',
    ),
    bi(
      'Informatie delen in plaats van vasthouden is de kern van openheid.',
      'Sharing information instead of holding on to it is the core of openness.',
    ),
  ],
  [
    'openheid',
    bi('Ik leg uit hoe een beslissing tot stand kwam.', 'I explain how a decision was reached.'),
    bi(
      'Beslissingen begrijpelijk maken is openheid: de ander kan volgen en reageren.',
      'Making decisions understandable is openness: the other person can follow and respond.',
    ),
  ],
  [
    'daadkracht',
    bi(
      'Ik maak af waar ik aan begin, of ik meld tijdig dat het niet lukt.',
      'I finish what I start, or report in time that I cannot.',
    ),
    bi(
      'Daadkracht is resultaat leveren en verantwoordelijkheid nemen voor je afspraken.',
      'Decisiveness is delivering results and taking responsibility for your agreements.',
    ),
  ],
  [
    'vertrouwen',
    bi('Ik ga uit van de goede bedoelingen van de ander.', 'I assume the other person means well.'),
    bi(
      'Vertrouwen geven begint bij het vermoeden van goede trouw.',
      'Giving trust starts with presuming good faith.',
    ),
  ],
  [
    'wendbaarheid',
    bi(
      'Ik probeer een nieuwe werkwijze eerst klein uit en stuur bij.',
      'I first try a new way of working on a small scale and adjust.',
    ),
    bi(
      'Uitproberen, leren en bijsturen is wendbaar werken.',
      'Trying out, learning and adjusting is working with agility.',
    ),
  ],
];

const knows: SeedQuestion[] = [
  ...officialKnows,
  ...ownKnows.map(([valueKey, prompt, explanation], index) => ({
    key: `knows:${valueKey}:own:${index + 1}`,
    valueKey,
    level: 'knows' as const,
    content: { prompt, answer: valueKey, explanation },
  })),
];

// ---- explains ----------------------------------------------------------------------------------------

const explainsData: [ValueKey, Bilingual, Bilingual][] = [
  [
    'openheid',
    bi(
      'Een beleidsmedewerker zet een eerste versie van een nota in de gedeelde map en vraagt de andere afdelingen om hun reactie, nog voor de tekst af is.',
      'A policy officer puts a first version of a note in the shared folder and asks the other departments for their reaction before the text is finished.',
    ),
    bi(
      'Vroeg delen en om reactie vragen is openheid: anderen krijgen de kans om mee te denken voor alles vastligt.',
      'Sharing early and asking for reactions is openness: others get the chance to contribute before everything is fixed.',
    ),
  ],
  [
    'openheid',
    bi(
      'Een loketmedewerker vraagt een burger die boos is eerst rustig wat er precies gebeurd is, en luistert zonder te onderbreken.',
      'A counter clerk first calmly asks an angry citizen what exactly happened, and listens without interrupting.',
    ),
    bi(
      'Oog hebben voor wat er leeft bij de burger en echt luisteren is openheid.',
      'Paying attention to what matters to the citizen and really listening is openness.',
    ),
  ],
  [
    'openheid',
    bi(
      'Na een mislukt project schrijft het team een korte nota over wat fout liep en deelt die met het hele departement.',
      'After a failed project the team writes a short note on what went wrong and shares it with the whole department.',
    ),
    bi(
      'Ook delen wat niet lukte is openheid; het helpt anderen (en getuigt ook van wendbaarheid: leren).',
      'Sharing what did not work is openness too; it helps others (and also shows agility: learning).',
    ),
  ],
  [
    'openheid',
    bi(
      'Een inspecteur legt een bedrijfsleider uit welke criteria ze gebruikt en waar hij de checklist kan vinden.',
      'An inspector explains to a business manager which criteria she uses and where he can find the checklist.',
    ),
    bi(
      'Transparant zijn over hoe je werkt en beslist is openheid.',
      'Being transparent about how you work and decide is openness.',
    ),
  ],
  [
    'daadkracht',
    bi(
      'Een aanvraag ligt al weken stil tussen twee diensten. Een medewerker zoekt uit wie bevoegd is, legt het dossier daar en spreekt een datum af.',
      'An application has been idle between two services for weeks. A staff member finds out who is competent, puts the case there and agrees on a date.',
    ),
    bi(
      'Initiatief nemen om iets vlot te trekken en een resultaat vast te leggen is daadkracht.',
      'Taking the initiative to unblock something and fixing a result is decisiveness.',
    ),
  ],
  [
    'daadkracht',
    bi(
      'Een projectleider ziet dat de deadline niet haalbaar is en meldt dat meteen, met een voorstel om de scope te verkleinen.',
      'A project leader sees the deadline is not feasible and reports it at once, with a proposal to reduce the scope.',
    ),
    bi(
      'Tijdig knopen doorhakken en verantwoordelijkheid nemen voor het resultaat is daadkracht.',
      'Making timely decisions and taking responsibility for the result is decisiveness.',
    ),
  ],
  [
    'daadkracht',
    bi(
      'Een teamleider beslist na een korte bevraging welke van drie projecten dit jaar voorrang krijgt, en communiceert dat helder.',
      'After a short consultation a team leader decides which of three projects gets priority this year, and communicates it clearly.',
    ),
    bi(
      'Prioriteiten stellen en een beslissing nemen (na overleg) is daadkracht.',
      'Setting priorities and taking a decision (after consultation) is decisiveness.',
    ),
  ],
  [
    'daadkracht',
    bi(
      'Een medewerker belooft een burger om vrijdag terug te bellen, en doet dat ook, al is het antwoord nog niet volledig.',
      'A staff member promises a citizen to call back on Friday, and does so, even though the answer is not yet complete.',
    ),
    bi(
      'Doen wat je zegt is daadkracht; het bouwt ook vertrouwen op.',
      'Doing what you say is decisiveness; it also builds trust.',
    ),
  ],
  [
    'vertrouwen',
    bi(
      'Een leidinggevende geeft een nieuwe medewerker een dossier en spreekt alleen het doel en een tussentijds moment af, zonder elke stap te controleren.',
      'A manager gives a new staff member a case and agrees only on the goal and a check-in moment, without checking every step.',
    ),
    bi(
      'Ruimte geven en niet alles controleren is vertrouwen geven.',
      'Giving room and not checking everything is giving trust.',
    ),
  ],
  [
    'vertrouwen',
    bi(
      'Een medewerker met toegang tot het personeelsbestand kijkt niet in het dossier van een bekende, omdat zijn werk het niet vraagt.',
      'A staff member with access to the personnel file does not look into an acquaintance’s file, because his work does not require it.',
    ),
    bi(
      'Integer omgaan met wat je is toevertrouwd, zoals persoonsgegevens, is vertrouwen verdienen.',
      'Handling what is entrusted to you, such as personal data, with integrity is earning trust.',
    ),
  ],
  [
    'vertrouwen',
    bi(
      'Een collega hoort geroddel over een teamgenoot en stelt voor om het rechtstreeks met die persoon te bespreken.',
      'A colleague hears gossip about a teammate and suggests discussing it with that person directly.',
    ),
    bi(
      'Mensen rechtstreeks en respectvol aanspreken in plaats van over hen te praten is vertrouwen.',
      'Speaking to people directly and respectfully instead of talking about them is trust.',
    ),
  ],
  [
    'vertrouwen',
    bi(
      'Een loketmedewerker behandelt twee burgers die hetzelfde vragen op precies dezelfde manier, ook al kent ze een van hen persoonlijk.',
      'A counter clerk treats two citizens who ask the same thing in exactly the same way, even though she knows one of them personally.',
    ),
    bi(
      'Gelijke behandeling en onpartijdigheid maken de overheid betrouwbaar: vertrouwen.',
      'Equal treatment and impartiality make government reliable: trust.',
    ),
  ],
  [
    'wendbaarheid',
    bi(
      'Na een storm komen honderden aanvragen tegelijk binnen. Het team spreekt af om tijdelijk anders te werken en evalueert dat na twee weken.',
      'After a storm hundreds of applications arrive at once. The team agrees to work differently for a while and evaluates it after two weeks.',
    ),
    bi(
      'Je aanpak aanpassen aan een nieuwe situatie, en evalueren, is wendbaarheid.',
      'Adapting your approach to a new situation, and evaluating it, is agility.',
    ),
  ],
  [
    'wendbaarheid',
    bi(
      'Een medewerker merkt dat een formulier vragen stelt die niemand nog gebruikt en stelt voor het te vereenvoudigen.',
      'A staff member notices a form asks questions nobody uses any more and proposes to simplify it.',
    ),
    bi(
      'Kritisch kijken naar gewoontes en verbeteren wat niet meer past is wendbaarheid.',
      'Looking critically at habits and improving what no longer fits is agility.',
    ),
  ],
  [
    'wendbaarheid',
    bi(
      'Een ervaren medewerker volgt een opleiding over een nieuwe toepassing en helpt daarna collega’s die vastlopen.',
      'An experienced staff member takes a training on a new application and then helps colleagues who get stuck.',
    ),
    bi(
      'Bijleren en anderen meenemen in een verandering is wendbaarheid.',
      'Learning and taking others along in a change is agility.',
    ),
  ],
  [
    'wendbaarheid',
    bi(
      'Een team test een nieuwe chatdienst eerst een maand met één thema voor het de dienst breed uitrolt.',
      'A team first tests a new chat service for a month with one topic before rolling it out widely.',
    ),
    bi(
      'Klein uitproberen, leren en dan opschalen is wendbaar werken.',
      'Trying small, learning and then scaling up is working with agility.',
    ),
  ],
];

const explains: SeedQuestion[] = explainsData.map(([valueKey, prompt, explanation], index) => ({
  key: `explains:${valueKey}:${(index % 4) + 1}`,
  valueKey,
  level: 'explains' as const,
  content: { prompt, answer: valueKey, explanation },
}));

// ---- applies: dilemmas -------------------------------------------------------------------------------

/** [option nl, option en, feedback nl, feedback en] */
type Option = [string, string, string, string];

type DilemmaSeed = {
  value: ValueKey;
  atStake: ValueKey[];
  title: Bilingual;
  situation: Bilingual;
  options: [Option, Option, Option];
  best: 0 | 1 | 2;
};

const d = (
  value: ValueKey,
  atStake: ValueKey[],
  title: Bilingual,
  situation: Bilingual,
  options: [Option, Option, Option],
  best: 0 | 1 | 2,
): DilemmaSeed => ({ value, atStake, title, situation, options, best });

const dilemmaData: DilemmaSeed[] = [
  // -- openheid ------------------------------------------------------------------------------------
  d(
    'openheid',
    ['openheid', 'vertrouwen'],
    bi('De geweigerde premie', 'The refused grant'),
    bi(
      'Aan het loket staat een burger met een brief: zijn renovatiepremie is geweigerd. Hij begrijpt de juridische uitleg niet en is boos. Achter hem staat een rij van zes mensen.',
      'At the counter a citizen holds a letter: his renovation grant has been refused. He does not understand the legal explanation and is angry. Six people are queuing behind him.',
    ),
    [
      [
        'Je herhaalt het artikel uit de regelgeving en verwijst naar de website.',
        'You repeat the article of the regulation and refer him to the website.',
        'Correct, maar niet open: de burger blijft met dezelfde onbegrepen regel zitten en het vertrouwen daalt.',
        'Correct, but not open: the citizen is left with the same rule he did not understand, and trust drops.',
      ],
      [
        'Je legt in gewone taal uit waarom de aanvraag niet voldeed en wat hij nog kan doen, en spreekt een terugbelmoment af voor de details zodat de rij niet blijft wachten.',
        'You explain in plain language why the application did not qualify and what he can still do, and agree on a call-back for the details so the queue does not have to wait.',
        'Open én daadkrachtig: je maakt de beslissing begrijpelijk, toont de mogelijkheden (bezwaar, nieuwe aanvraag) en houdt rekening met de anderen in de rij.',
        'Open and decisive: you make the decision understandable, show the options (objection, new application) and take the others in the queue into account.',
      ],
      [
        'Je zegt eerlijk dat je de beslissing zelf ook niet goed vindt en dat je er als loketmedewerker niets aan kan veranderen, zodat hij tenminste weet dat je aan zijn kant staat.',
        'You honestly say that you do not like the decision either and that as a counter clerk you cannot change anything about it, so that at least he knows you are on his side.',
        'Dat lijkt open, maar ondermijnt het vertrouwen in de overheid en helpt de burger niet verder.',
        'That looks open, but undermines trust in government and does not help the citizen any further.',
      ],
    ],
    1,
  ),
  d(
    'openheid',
    ['openheid', 'vertrouwen'],
    bi('De nota die nog niet beslist is', 'The note that is not yet decided'),
    bi(
      'Je werkt aan een beleidsnota over subsidies voor lokale besturen. Een collega van een ander agentschap vraagt je een kopie, omdat haar team gelijkaardig werk doet. De minister heeft nog niet beslist.',
      'You are working on a policy note on grants for local governments. A colleague from another agency asks you for a copy, because her team does similar work. The minister has not decided yet.',
    ),
    [
      [
        'Je stuurt de volledige ontwerpnota door met de vraag ze nog niet te verspreiden: openheid gaat voor alles, en de betrokkenen hebben er recht op te weten wat er op hen afkomt.',
        'You forward the full draft note and ask them not to spread it yet: openness comes first, and the people concerned have a right to know what is coming their way.',
        'Openheid is geen naïviteit. Een ontwerp voor politieke besluitvorming zomaar doorsturen kan de beslissing en het vertrouwen schaden.',
        'Openness is not naivety. Forwarding a draft for political decision-making just like that can harm the decision and trust.',
      ],
      [
        'Je zegt dat je niets kan delen en sluit het gesprek af.',
        'You say you cannot share anything and end the conversation.',
        'Zo mis je een kans op samenwerking; er is vaak wél iets dat je kan delen.',
        'You miss a chance to cooperate; there is often something you can share.',
      ],
      [
        'Je legt uit dat de nota nog voor beslissing ligt, deelt de analyse en de gebruikte cijfers die al publiek zijn, en spreekt af om na de beslissing samen te zitten.',
        'You explain the note is awaiting a decision, share the analysis and the figures that are already public, and agree to meet after the decision.',
        'Open binnen de grenzen: je zegt eerlijk wat je niet kan delen en waarom, en deelt wat wel kan.',
        'Open within limits: you say honestly what you cannot share and why, and share what you can.',
      ],
    ],
    2,
  ),
  d(
    'openheid',
    ['openheid', 'daadkracht'],
    bi('Kritiek op sociale media', 'Criticism on social media'),
    bi(
      'Onder een bericht van je agentschap op sociale media schrijft een burger dat haar dossier “al drie maanden in een lade ligt”. Het bericht krijgt veel reacties. Je beheert de pagina.',
      'Under a post of your agency on social media a citizen writes that her case “has been in a drawer for three months”. The comment gets many reactions. You manage the page.',
    ),
    [
      [
        'Je verwijdert de reactie: persoonlijke dossiers horen niet op sociale media.',
        'You delete the comment: personal cases do not belong on social media.',
        'Kritiek verwijderen voelt als verbergen en voedt wantrouwen. Verwijder alleen wat tegen de huisregels ingaat.',
        'Deleting criticism feels like hiding and fuels distrust. Only remove what breaks the house rules.',
      ],
      [
        'Je reageert publiek dat je het begrijpt, vraagt haar om via een privébericht haar dossiernummer te sturen en volgt het dossier daarna op.',
        'You reply publicly that you understand, ask her to send her case number in a private message and then follow up the case.',
        'Open én daadkrachtig: je erkent de kritiek in het openbaar, beschermt haar privacy en zorgt voor een oplossing.',
        'Open and decisive: you acknowledge the criticism in public, protect her privacy and work on a solution.',
      ],
      [
        'Je legt in een publieke reactie uitgebreid uit wat er in haar dossier ontbreekt, zodat ook andere lezers zien dat de dienst correct heeft gehandeld.',
        'In a detailed public reply you explain what is missing from her case, so that other readers also see that the service acted correctly.',
        'Zo deel je persoonsgegevens in het openbaar; openheid mag de privacy van de burger niet schenden.',
        'That shares personal data in public; openness must not breach the citizen’s privacy.',
      ],
    ],
    1,
  ),
  d(
    'openheid',
    ['openheid', 'vertrouwen'],
    bi('De checklist van de inspectie', 'The inspection checklist'),
    bi(
      'Je bent inspecteur voedselveiligheid. Een nieuwe uitbater van een broodjeszaak vraagt vooraf welke punten je bij een controle bekijkt. Een collega vindt dat je dat niet moet zeggen: “dan bereiden ze zich voor”.',
      'You are a food safety inspector. A new owner of a sandwich bar asks beforehand which points you look at during a check. A colleague thinks you should not say: “then they will prepare”.',
    ),
    [
      [
        'Je verwijst naar de publieke checklist en legt uit waar ze op letten, zonder de datum van de controle te verklappen.',
        'You point to the public checklist and explain what they should watch for, without revealing the date of the inspection.',
        'Dat is open: de regels zijn publiek en een uitbater die zich voorbereidt op veilig werken is precies het doel. De onaangekondigde controle blijft.',
        'That is open: the rules are public and an owner preparing to work safely is exactly the goal. The unannounced check remains.',
      ],
      [
        'Je zegt niets; inspecties zijn een verrassing.',
        'You say nothing; inspections are a surprise.',
        'De datum mag een verrassing zijn, de criteria niet: geheimhouding over regels maakt de overheid onvoorspelbaar.',
        'The date may be a surprise, the criteria not: secrecy about rules makes government unpredictable.',
      ],
      [
        'Je geeft hem ook de datum van de volgende controle, zodat hij zeker klaar is.',
        'You also give him the date of the next inspection, so he is sure to be ready.',
        'Te ver: een aangekondigde controle verliest haar waarde en is oneerlijk tegenover andere uitbaters.',
        'Too far: an announced inspection loses its value and is unfair to other owners.',
      ],
    ],
    0,
  ),
  d(
    'openheid',
    ['openheid', 'vertrouwen'],
    bi('De leverancier die verloor', 'The supplier who lost'),
    bi(
      'Na een openbare aanbesteding voor schoonmaakdiensten belt een kleine leverancier die niet gekozen werd. Hij wil weten waarom zijn offerte het niet haalde.',
      'After a public tender for cleaning services a small supplier who was not selected calls. He wants to know why his bid did not win.',
    ),
    [
      [
        'Je zegt dat de gunningsbeslissing definitief is en dat je er niets over kan zeggen.',
        'You say the award decision is final and that you cannot say anything about it.',
        'Onjuist en gesloten: een inschrijver heeft recht op de motivering van de beslissing.',
        'Wrong and closed: a bidder has a right to the reasons for the decision.',
      ],
      [
        'Je stuurt hem de volledige offerte van de winnaar door, dan kan hij zelf punt voor punt vergelijken en ziet hij met eigen ogen dat de beoordeling eerlijk verliep.',
        'You send him the winner’s complete bid, so that he can compare it point by point for himself and see with his own eyes that the evaluation was fair.',
        'Dat schendt de vertrouwelijkheid van de winnende inschrijver: openheid heeft grenzen.',
        'That breaches the confidentiality of the winning bidder: openness has limits.',
      ],
      [
        'Je bezorgt hem de gemotiveerde beslissing met zijn scores per criterium en biedt een gesprek aan over hoe hij een volgende keer sterker kan inschrijven.',
        'You send him the reasoned decision with his scores per criterion and offer a conversation on how he can bid more strongly next time.',
        'Open en correct: transparant over de beoordeling, zonder vertrouwelijke gegevens van anderen te delen.',
        'Open and correct: transparent about the assessment, without sharing others’ confidential data.',
      ],
    ],
    2,
  ),
  d(
    'openheid',
    ['openheid', 'vertrouwen', 'daadkracht'],
    bi('Je eigen fout in de instellingen', 'Your own mistake in the settings'),
    bi(
      'Je beheert een interne toepassing. Je ontdekt dat door een instelling die jij vorige week aanpaste, medewerkers van een andere afdeling enkele dagen dossiers met persoonsgegevens konden zien. Niemand heeft het gemerkt.',
      'You manage an internal application. You discover that, because of a setting you changed last week, staff of another department could see case files with personal data for a few days. Nobody noticed.',
    ),
    [
      [
        'Je zet de instelling stil terug; er is niemand die het weet.',
        'You quietly change the setting back; nobody knows.',
        'Het lek is gedicht, maar verzwegen. Een mogelijk datalek moet gemeld worden, en verzwijgen ondermijnt het vertrouwen.',
        'The leak is closed, but hidden. A possible data breach must be reported, and hiding it undermines trust.',
      ],
      [
        'Je zet de instelling meteen terug en meldt het incident bij je leidinggevende en de informatieveiligheidsconsulent, met wat je weet.',
        'You change the setting back at once and report the incident to your manager and the information security officer, with what you know.',
        'Open, daadkrachtig en betrouwbaar: je beperkt de schade én je bent eerlijk over je eigen fout, zodat er correct kan worden opgevolgd.',
        'Open, decisive and reliable: you limit the damage and are honest about your own mistake, so it can be followed up properly.',
      ],
      [
        'Je wacht eerst af of iemand klaagt en meldt het pas dan, want misschien heeft niemand er last van gehad en maak je anders onnodig ongerustheid.',
        'You first wait to see whether anyone complains and only report it then, because perhaps nobody was affected and otherwise you cause needless worry.',
        'Afwachten laat het risico bestaan en maakt de melding later moeilijker uit te leggen.',
        'Waiting leaves the risk in place and makes the report harder to explain later.',
      ],
    ],
    1,
  ),
  d(
    'openheid',
    ['openheid', 'vertrouwen'],
    bi('Feedback voor de kandidaat', 'Feedback for the candidate'),
    bi(
      'Je zat in een selectiejury. Een interne kandidaat die niet gekozen werd vraagt je in de gang waarom het niet gelukt is.',
      'You sat on a selection panel. An internal candidate who was not chosen asks you in the corridor why it did not work out.',
    ),
    [
      [
        'Je vertelt hem in de gang wat de andere juryleden over hem zeiden.',
        'You tell him in the corridor what the other panel members said about him.',
        'De beraadslaging van een jury is vertrouwelijk; zo schaad je het vertrouwen van je collega-juryleden.',
        'A panel’s deliberation is confidential; this breaks the trust of your fellow panel members.',
      ],
      [
        'Je zegt vriendelijk dat hij dat aan HR moet vragen, omdat zij de procedure beheren en jij als jurylid niet over de individuele beoordeling mag praten.',
        'You kindly tell him to ask HR, because they manage the procedure and as a panel member you are not allowed to talk about the individual assessment.',
        'Formeel niet fout, maar afhoudend: je kan ook helpen om een goed feedbackgesprek te krijgen.',
        'Formally not wrong, but distant: you can also help him get a good feedback conversation.',
      ],
      [
        'Je stelt een feedbackgesprek voor waarin jullie de criteria en zijn sterke en zwakke punten bespreken, zonder de beraadslaging prijs te geven.',
        'You propose a feedback conversation to discuss the criteria and his strengths and weaknesses, without disclosing the deliberation.',
        'Open binnen de grenzen: eerlijke, bruikbare feedback in een passend kader.',
        'Open within limits: honest, useful feedback in a suitable setting.',
      ],
    ],
    2,
  ),
  d(
    'openheid',
    ['openheid', 'wendbaarheid'],
    bi('Het handige rekenblad', 'The handy spreadsheet'),
    bi(
      'Je hebt een rekenblad gemaakt dat de maandelijkse rapportering van je team van een dag naar een uur terugbrengt. Andere teams doen hetzelfde werk nog met de hand. Je bent bang dat je dan vragen en onderhoud van iedereen krijgt.',
      'You built a spreadsheet that brings your team’s monthly reporting down from a day to an hour. Other teams still do the same work by hand. You fear you will get questions and maintenance requests from everyone.',
    ),
    [
      [
        'Je houdt het voor je team; je hebt geen tijd voor support.',
        'You keep it for your team; you have no time for support.',
        'Begrijpelijk, maar kennis vasthouden laat de organisatie tijd verliezen.',
        'Understandable, but holding on to knowledge makes the organisation lose time.',
      ],
      [
        'Je deelt het met een korte handleiding en spreekt met je leidinggevende af hoeveel tijd je aan vragen besteedt.',
        'You share it with a short guide and agree with your manager how much time you spend on questions.',
        'Open en wendbaar: je deelt wat anderen helpt en maakt afspraken zodat het haalbaar blijft.',
        'Open and agile: you share what helps others and make agreements so it stays feasible.',
      ],
      [
        'Je mailt het bestand naar alle teams zonder uitleg.',
        'You mail the file to all teams without explanation.',
        'Delen is goed, maar zonder uitleg leidt het tot fouten en alsnog veel vragen.',
        'Sharing is good, but without explanation it leads to mistakes and many questions anyway.',
      ],
    ],
    1,
  ),

  // -- daadkracht ------------------------------------------------------------------------------------
  d(
    'daadkracht',
    ['daadkracht', 'vertrouwen'],
    bi('Tussen twee diensten', 'Between two services'),
    bi(
      'Een alleenstaande moeder belt de 1700-lijn: haar uitkering is stopgezet door een administratieve fout. Twee diensten verwijzen al een week naar elkaar. Zij heeft deze maand geen inkomen.',
      'A single mother calls the 1700 line: her benefit was stopped by an administrative error. Two services have been referring to each other for a week. She has no income this month.',
    ),
    [
      [
        'Je geeft haar het nummer van de dienst die volgens jou bevoegd is en raadt haar aan om daar meteen te bellen, want zij kunnen het dossier wel inkijken.',
        'You give her the number of the service you think is competent and advise her to call them right away, because they can actually look into the case.',
        'Nog een doorverwijzing: zo blijft ze tussen twee stoelen zitten.',
        'Another referral: she stays stuck between two chairs.',
      ],
      [
        'Je neemt het dossier op, contacteert zelf beide diensten, zorgt dat één van hen het opneemt en belt haar terug met wie wat doet en wanneer.',
        'You take up the case, contact both services yourself, make sure one of them takes it on and call her back with who does what and when.',
        'Daadkracht: je neemt eigenaarschap tot iemand het probleem echt oplost, en je houdt haar op de hoogte.',
        'Decisiveness: you take ownership until someone really solves the problem, and you keep her informed.',
      ],
      [
        'Je belooft dat het vandaag nog opgelost wordt.',
        'You promise it will be solved today.',
        'Een belofte die je niet kan waarmaken, schaadt het vertrouwen; daadkracht is ook realistisch zijn.',
        'A promise you cannot keep harms trust; decisiveness also means being realistic.',
      ],
    ],
    1,
  ),
  d(
    'daadkracht',
    ['daadkracht', 'openheid'],
    bi('De adviesraad die blijft praten', 'The advisory council that keeps talking'),
    bi(
      'Je bereidt een advies voor de minister voor. De adviesraad heeft al vier vergaderingen nodig gehad en is het nog altijd niet eens. De deadline is over tien dagen.',
      'You are preparing advice for the minister. The advisory council has met four times and still does not agree. The deadline is in ten days.',
    ),
    [
      [
        'Je plant een vijfde vergadering en vraagt het kabinet om uitstel, want een advies waar niet alle leden achter staan, heeft later bij de uitvoering toch geen draagvlak.',
        'You plan a fifth meeting and ask the cabinet for a delay, because advice that not all members support will have no backing later on, when it has to be carried out.',
        'Soms nodig, maar hier schuif je de beslissing voor je uit zonder dat er iets verandert.',
        'Sometimes necessary, but here you push the decision ahead without anything changing.',
      ],
      [
        'Je schrijft zelf het advies en laat de adviesraad links liggen.',
        'You write the advice yourself and leave the council aside.',
        'Snel, maar je negeert het overleg en verliest draagvlak; daadkracht is niet alleen beslissen.',
        'Fast, but you ignore the consultation and lose support; decisiveness is not deciding alone.',
      ],
      [
        'Je vat de standpunten samen, legt de raad twee concrete opties voor met een beslismoment, en neemt de minderheidsstandpunten open op in het advies.',
        'You summarise the positions, put two concrete options to the council with a decision point, and include the minority positions openly in the advice.',
        'Daadkrachtig en open: je brengt de beslissing tot stand op tijd, zonder meningsverschillen weg te moffelen.',
        'Decisive and open: you bring about the decision in time, without hiding disagreements.',
      ],
    ],
    2,
  ),
  d(
    'daadkracht',
    ['daadkracht', 'vertrouwen'],
    bi('Vrijdagnamiddag op de werf', 'Friday afternoon on the site'),
    bi(
      'Als inspecteur welzijn op het werk zie je om 16 uur op vrijdag dat een stelling op een bouwwerf niet verankerd is. Er werken nog mensen op. De procedure voor een stillegging vraagt normaal een handtekening van je diensthoofd, die al weg is.',
      'As a workplace safety inspector you see at 4 pm on Friday that a scaffold on a building site is not anchored. People are still working on it. The procedure for a shutdown normally needs your head of service’s signature, and he has already left.',
    ),
    [
      [
        'Je laat de werken op de stelling meteen stoppen, zoals je bevoegdheid bij acuut gevaar toelaat, documenteert alles en brengt je diensthoofd op de hoogte.',
        'You have work on the scaffold stopped at once, as your power in case of acute danger allows, document everything and inform your head of service.',
        'Daadkracht: bij acuut gevaar handel je binnen je bevoegdheid en leg je verantwoording af.',
        'Decisiveness: in acute danger you act within your powers and account for it.',
      ],
      [
        "Je noteert het gevaar nauwkeurig in je verslag, met foto's, en plant maandagochtend een opvolgingsbezoek, zodat alles correct en volgens de procedure verloopt.",
        'You record the hazard precisely in your report, with photos, and plan a follow-up visit on Monday morning, so that everything runs correctly and by the procedure.',
        'Het risico blijft het hele weekend bestaan: dit is geen zorgvuldigheid maar uitstel.',
        'The risk stays all weekend: this is not care but delay.',
      ],
      [
        'Je vraagt de werfleider om het in orde te brengen en vertrekt.',
        'You ask the site manager to fix it and leave.',
        'Te vrijblijvend: je weet niet of het gebeurt en je hebt geen spoor van je vaststelling.',
        'Too non-committal: you do not know whether it will happen and you have no record of your finding.',
      ],
    ],
    0,
  ),
  d(
    'daadkracht',
    ['daadkracht', 'openheid'],
    bi('Het raamcontract loopt af', 'The framework contract is expiring'),
    bi(
      'Het raamcontract voor laptops van je entiteit loopt over twee maanden af. De nieuwe aanbesteding is nog niet gestart omdat niemand het bestek wou schrijven. Nieuwe collega’s beginnen binnenkort.',
      'Your entity’s framework contract for laptops expires in two months. The new tender has not started because nobody wanted to write the specifications. New colleagues start soon.',
    ),
    [
      [
        "Je koopt de laptops bij de vaste leverancier zonder nieuwe procedure: het is dringend, het bedrag is beperkt, en de nieuwe collega's kunnen niet beginnen zonder toestel op hun eerste werkdag.",
        'You buy the laptops from the usual supplier without a new procedure: it is urgent, the amount is limited, and the new colleagues cannot start without a device.',
        'Snel, maar in strijd met de regels voor overheidsopdrachten; daadkracht werkt binnen de regels.',
        'Fast, but against public procurement rules; decisiveness works within the rules.',
      ],
      [
        'Je signaleert het probleem aan je leidinggevende met een voorstel: aansluiten bij een bestaand raamcontract van de centrale aankoopdienst en een planning voor de eigen aanbesteding.',
        'You flag the problem to your manager with a proposal: join an existing framework contract of the central purchasing body and plan your own tender.',
        'Daadkracht: je neemt initiatief, zoekt een wettige snelle oplossing en legt een plan op tafel.',
        'Decisiveness: you take the initiative, find a lawful quick solution and put a plan on the table.',
      ],
      [
        'Je wacht tot iemand anders het oppakt; het is niet jouw taak.',
        'You wait for someone else to pick it up; it is not your task.',
        'Precies zo ontstond het probleem: niemand nam eigenaarschap.',
        'That is exactly how the problem arose: nobody took ownership.',
      ],
    ],
    1,
  ),
  d(
    'daadkracht',
    ['daadkracht', 'openheid'],
    bi('De dringende beveiligingsupdate', 'The urgent security update'),
    bi(
      'Je werkt bij de IT-dienst. Er is een kritiek beveiligingslek in de toepassing waarmee 300 collega’s premies verwerken. De update vraagt twee uur onderbreking. De afdeling wil dat je wacht tot het weekend, over vijf dagen.',
      'You work in the IT service. There is a critical security flaw in the application 300 colleagues use to process grants. The update needs two hours of downtime. The department wants you to wait until the weekend, five days away.',
    ),
    [
      [
        'Je wacht tot het weekend, de gebruikers gaan voor.',
        'You wait until the weekend; users come first.',
        'Vijf dagen een kritiek lek openlaten is een groot risico voor de gegevens van burgers.',
        'Leaving a critical flaw open for five days is a big risk for citizens’ data.',
      ],
      [
        'Je installeert de update meteen, zonder iemand te verwittigen.',
        'You install the update at once, without telling anyone.',
        'De beslissing kan juist zijn, maar zonder aankondiging verliezen mensen werk en vertrouwen.',
        'The decision may be right, but without notice people lose work and trust.',
      ],
      [
        'Je plant de update vandaag over de middag, verwittigt de afdeling meteen met de reden en de duur, en blijft bereikbaar voor problemen.',
        'You plan the update today over lunch, inform the department at once with the reason and duration, and stay available for problems.',
        'Daadkrachtig én open: je beslist op basis van het risico en beperkt de hinder door goed te communiceren.',
        'Decisive and open: you decide based on the risk and limit the disruption by communicating well.',
      ],
    ],
    2,
  ),
  d(
    'daadkracht',
    ['daadkracht', 'vertrouwen'],
    bi('Het conflict dat blijft duren', 'The conflict that drags on'),
    bi(
      'Je bent teamleider. Twee medewerkers spreken al maanden niet meer met elkaar. Het team werkt eromheen, maar dossiers lopen vertraging op. Je hoopte dat het vanzelf zou overgaan.',
      'You are a team leader. Two staff members have not spoken to each other for months. The team works around it, but cases are being delayed. You hoped it would pass by itself.',
    ),
    [
      [
        'Je spreekt beiden apart aan, daarna samen, met concrete werkafspraken en een opvolgmoment; zo nodig schakel je een vertrouwenspersoon of bemiddelaar in.',
        'You talk to both separately, then together, with concrete working agreements and a follow-up moment; if needed you bring in a confidential counsellor or mediator.',
        'Daadkracht: je neemt je verantwoordelijkheid als leidinggevende, met respect voor beide mensen.',
        'Decisiveness: you take your responsibility as a manager, with respect for both people.',
      ],
      [
        'Je verdeelt de dossiers zodat ze niet meer moeten samenwerken.',
        'You split the cases so they no longer have to work together.',
        'Een werkbare noodoplossing, maar het conflict zelf blijft bestaan en weegt op het team.',
        'A workable stopgap, but the conflict itself remains and weighs on the team.',
      ],
      [
        'Je zegt in het teamoverleg, zonder namen te noemen, dat iedereen zich professioneel moet gedragen en dat je verwacht dat conflicten voortaan onderling worden opgelost.',
        'Without naming anyone, you say in the team meeting that everyone must behave professionally and that you expect conflicts to be settled between colleagues from now on.',
        'Algemeen en vaag: de twee betrokkenen voelen zich niet aangesproken en de rest van het team wel.',
        'General and vague: the two people involved do not feel addressed, the rest of the team does.',
      ],
    ],
    0,
  ),
  d(
    'daadkracht',
    ['daadkracht'],
    bi('Wie doet wat?', 'Who does what?'),
    bi(
      'Na een vergadering met drie afdelingen gaat iedereen enthousiast weg. Er zijn zes acties besproken, maar niemand heeft genoteerd wie wat doet tegen wanneer. Jij was geen voorzitter.',
      'After a meeting with three departments everyone leaves enthusiastically. Six actions were discussed, but nobody wrote down who does what by when. You were not the chair.',
    ),
    [
      [
        'Niets: de voorzitter is verantwoordelijk voor het verslag.',
        'Nothing: the chair is responsible for the minutes.',
        'Formeel juist, maar zo sterven goede afspraken een stille dood.',
        'Formally right, but this is how good agreements die a quiet death.',
      ],
      [
        'Je stuurt dezelfde dag een korte lijst met de zes acties, een voorstel van trekker en datum, en vraagt iedereen om te bevestigen of bij te sturen.',
        'The same day you send a short list of the six actions with a proposed owner and date, and ask everyone to confirm or adjust.',
        'Daadkracht: een klein initiatief dat zorgt dat er ook echt iets gebeurt, zonder de anderen te passeren.',
        'Decisiveness: a small initiative that makes sure something actually happens, without bypassing the others.',
      ],
      [
        'Je voert zelf alle zes de acties uit, dan ben je zeker dat ze op tijd en goed gedaan worden en hoeft niemand anders er deze week nog tijd in te steken.',
        'You carry out all six actions yourself, so that you are sure they are done well and on time, and nobody else has to spend time on them.',
        'Goed bedoeld, maar je neemt werk van anderen over en raakt zelf overbelast.',
        'Well meant, but you take over others’ work and overload yourself.',
      ],
    ],
    1,
  ),
  d(
    'daadkracht',
    ['daadkracht', 'openheid'],
    bi('Het virale bericht', 'The viral post'),
    bi(
      'Op sociale media circuleert een bericht dat “de Vlaamse overheid de energiepremie morgen afschaft”. Het klopt niet. De telefoonlijnen lopen vol. De normale goedkeuringsronde voor een publieke reactie duurt twee dagen.',
      'A post circulates on social media saying “the Flemish government will abolish the energy grant tomorrow”. It is not true. The phone lines are flooding. The normal approval round for a public reaction takes two days.',
    ),
    [
      [
        'Je wacht de gewone goedkeuringsronde af, want communicatie van de overheid moet altijd correct en afgestemd zijn, ook als het bericht intussen verder verspreid raakt.',
        'You wait for the usual approval round, because government communication must always be correct and agreed, even if the post spreads further in the meantime.',
        'Zorgvuldig, maar in twee dagen heeft de valse boodschap iedereen bereikt.',
        'Careful, but in two days the false message will have reached everyone.',
      ],
      [
        'Je vraagt de woordvoerder om een snelle goedkeuring van een korte, feitelijke rechtzetting en zet die dezelfde dag online, met een link naar de officiële informatie.',
        'You ask the spokesperson for quick approval of a short, factual correction and put it online the same day, with a link to the official information.',
        'Daadkracht binnen de afspraken: snel, feitelijk en via de juiste persoon.',
        'Decisiveness within the agreements: fast, factual and through the right person.',
      ],
      [
        'Je reageert zelf onder het bericht vanaf je persoonlijke account.',
        'You react under the post yourself from your personal account.',
        'Snel, maar je spreekt niet namens de organisatie en je reactie kan verkeerd vallen.',
        'Fast, but you do not speak for the organisation and your reply may backfire.',
      ],
    ],
    1,
  ),

  // -- vertrouwen ----------------------------------------------------------------------------------
  d(
    'vertrouwen',
    ['vertrouwen', 'daadkracht'],
    bi('Het ontbrekende attest', 'The missing certificate'),
    bi(
      'Een oudere man vraagt een tegemoetkoming aan. Hij heeft alles bij, behalve één attest dat zijn vorige werkgever, die failliet is, nooit heeft bezorgd. Zijn verhaal is geloofwaardig.',
      'An elderly man applies for an allowance. He has everything except one certificate that his former employer, now bankrupt, never provided. His story is credible.',
    ),
    [
      [
        'Je weigert de aanvraag: zonder attest geen dossier. Je legt uit dat de regel voor iedereen geldt en dat een uitzondering voor hem oneerlijk zou zijn tegenover alle andere aanvragers.',
        'You refuse the application: no certificate, no case. You explain that the rule applies to everyone and that an exception for him would be unfair to all the others.',
        'Strikt, maar je gaat voorbij aan de regels die vaak andere bewijsmiddelen toelaten, en aan zijn goede trouw.',
        'Strict, but you ignore rules that often allow other evidence, and his good faith.',
      ],
      [
        'Je aanvaardt de aanvraag op zijn woord zonder verdere controle.',
        'You accept the application on his word without further checks.',
        'Vertrouwen is geen blindheid: de regels en gelijke behandeling van iedereen blijven gelden.',
        'Trust is not blindness: the rules and equal treatment of everyone still apply.',
      ],
      [
        'Je gaat uit van zijn goede trouw, bekijkt welke andere bewijsmiddelen de regelgeving toelaat (een verklaring op eer, gegevens uit een andere bron) en helpt hem die te verzamelen.',
        'You assume his good faith, check which other evidence the rules allow (a sworn statement, data from another source) and help him collect it.',
        'Vertrouwen geven binnen de regels, en daadkrachtig zoeken naar een oplossing.',
        'Giving trust within the rules, and decisively looking for a solution.',
      ],
    ],
    2,
  ),
  d(
    'vertrouwen',
    ['vertrouwen', 'wendbaarheid'],
    bi('Vier dagen telewerk', 'Four days of telework'),
    bi(
      'Een medewerker vraagt om tijdelijk vier dagen per week te telewerken om voor een ziek familielid te zorgen. Je bent als leidinggevende bang dat je niet zal zien of het werk gebeurt.',
      'A staff member asks to telework four days a week for a while to care for a sick relative. As a manager you fear you will not see whether the work gets done.',
    ),
    [
      [
        'Je stemt in, met duidelijke afspraken over resultaten en een wekelijks kort overleg, en evalueert na een maand.',
        'You agree, with clear agreements on results and a short weekly check-in, and evaluate after a month.',
        'Vertrouwen geven met afspraken over resultaat in plaats van aanwezigheid, en wendbaar bijsturen.',
        'Giving trust with agreements on results rather than presence, and adjusting with agility.',
      ],
      [
        'Je weigert: de regel is twee dagen en dat geldt voor iedereen.',
        'You refuse: the rule is two days and it applies to everyone.',
        'Gelijke behandeling is belangrijk, maar uitzonderlijke situaties vragen maatwerk binnen wat de regels toelaten.',
        'Equal treatment matters, but exceptional situations call for a tailored answer within what the rules allow.',
      ],
      [
        'Je stemt in, maar vraagt dat ze elke dag een overzicht per uur bezorgt.',
        'You agree, but ask her to send an hour-by-hour overview every day.',
        'Dat is controle, geen vertrouwen, en het kost jullie beiden veel tijd.',
        'That is control, not trust, and it costs you both a lot of time.',
      ],
    ],
    0,
  ),
  d(
    'vertrouwen',
    ['vertrouwen', 'daadkracht'],
    bi('Mag ik je wachtwoord?', 'Can I have your password?'),
    bi(
      'Je bent op verlof. Een collega belt: een burger wacht op een beslissing die alleen in jouw werkbak staat. Ze vraagt je wachtwoord, “dan handel ik het even af”.',
      'You are on leave. A colleague calls: a citizen is waiting for a decision that is only in your work queue. She asks for your password, “then I will just deal with it”.',
    ),
    [
      [
        'Je geeft je wachtwoord; je vertrouwt je collega volledig.',
        'You give your password; you fully trust your colleague.',
        'Je collega vertrouwen is goed, maar een gedeeld wachtwoord maakt elke handeling onnaspeurbaar en schendt de regels.',
        'Trusting your colleague is good, but a shared password makes every action untraceable and breaks the rules.',
      ],
      [
        'Je geeft je wachtwoord niet, maar vraagt de applicatiebeheerder of je leidinggevende om het dossier aan je collega toe te wijzen.',
        'You do not give your password, but ask the application manager or your manager to assign the case to your colleague.',
        'Betrouwbaar en daadkrachtig: de burger wordt geholpen en ieder handelt onder eigen naam.',
        'Reliable and decisive: the citizen is helped and everyone acts under their own name.',
      ],
      [
        'Je zegt dat het moet wachten tot je terug bent, omdat je je wachtwoord nooit deelt en het dossier na je verlof nog even kan blijven liggen.',
        'You say it has to wait until you are back, because you never share your password and the file can stay where it is until after your leave.',
        'Veilig, maar de burger wacht onnodig; er bestaat een correcte oplossing.',
        'Safe, but the citizen waits needlessly; a proper solution exists.',
      ],
    ],
    1,
  ),
  d(
    'vertrouwen',
    ['vertrouwen', 'openheid'],
    bi('Tickets voor de match', 'Tickets for the match'),
    bi(
      'Je volgt een lopend contract op. De accountmanager van de leverancier biedt je twee tickets aan voor een voetbalmatch, “als dank voor de goede samenwerking”.',
      'You manage an ongoing contract. The supplier’s account manager offers you two tickets to a football match, “as thanks for the good cooperation”.',
    ),
    [
      [
        'Je aanvaardt: het contract is al gegund, dus het kan geen kwaad.',
        'You accept: the contract has already been awarded, so it can do no harm.',
        'Ook tijdens de uitvoering beslis je mee (facturen, verlenging); de schijn van partijdigheid schaadt het vertrouwen.',
        'During execution you still decide (invoices, extension); the appearance of partiality harms trust.',
      ],
      [
        'Je weigert vriendelijk, verwijst naar de deontologische code en meldt het aanbod aan je leidinggevende.',
        'You refuse kindly, refer to the code of conduct and report the offer to your manager.',
        'Integer en open: je beschermt jezelf en de organisatie, zonder de relatie te beschadigen.',
        'Honest and open: you protect yourself and the organisation without damaging the relationship.',
      ],
      [
        'Je aanvaardt en geeft de tickets aan een collega die niets met het contract te maken heeft.',
        'You accept and give the tickets to a colleague who has nothing to do with the contract.',
        'Het geschenk blijft aanvaard door jou; de schijn van beïnvloeding verdwijnt er niet door.',
        'You still accepted the gift; the appearance of influence does not go away.',
      ],
    ],
    1,
  ),
  d(
    'vertrouwen',
    ['vertrouwen', 'openheid'],
    bi('De oud-klasgenoot', 'The former classmate'),
    bi(
      'Je krijgt een inspectie toegewezen bij een garagebedrijf. Bij het dossier zie je dat de zaakvoerder een goede vriend uit je schooltijd is.',
      'You are assigned an inspection at a garage. In the file you see that the manager is a good friend from your school days.',
    ),
    [
      [
        'Je voert de inspectie extra streng uit, zodat niemand je van vriendjespolitiek kan beschuldigen.',
        'You carry out the inspection extra strictly, so nobody can accuse you of favouritism.',
        'Ook te streng is partijdig: je oordeel wordt beïnvloed door de relatie.',
        'Too strict is partial too: your judgment is influenced by the relationship.',
      ],
      [
        'Je voert de inspectie gewoon uit; je bent professioneel genoeg.',
        'You just carry out the inspection; you are professional enough.',
        'Misschien, maar voor de buitenwereld en je collega’s blijft de schijn van belangenvermenging.',
        'Perhaps, but to the outside world and your colleagues the appearance of a conflict of interest remains.',
      ],
      [
        'Je meldt het belangenconflict aan je leidinggevende en vraagt om de inspectie aan een collega te geven.',
        'You report the conflict of interest to your manager and ask for the inspection to be given to a colleague.',
        'Betrouwbaar en open: je vermijdt de schijn van partijdigheid en beschermt het vertrouwen in de inspectie.',
        'Reliable and open: you avoid the appearance of partiality and protect trust in the inspection.',
      ],
    ],
    2,
  ),
  d(
    'vertrouwen',
    ['vertrouwen', 'openheid'],
    bi('De fout van je collega', 'Your colleague’s mistake'),
    bi(
      'Je neemt een dossier over van een collega die naar een andere afdeling ging. Je ziet dat zij een verkeerde berekening maakte: een burger kreeg 200 euro te weinig.',
      'You take over a case from a colleague who moved to another department. You see she made a wrong calculation: a citizen received 200 euros too little.',
    ),
    [
      [
        'Je verbetert de fout stil in het systeem, zonder iemand iets te zeggen: de burger krijgt zo toch het juiste bedrag en je collega hoeft zich niet te schamen.',
        'You quietly correct the error in the system without telling anyone: the citizen still gets the right amount and your colleague need not feel ashamed.',
        'De burger krijgt zijn geld, maar je collega leert er niets uit en de fout kan zich elders herhalen.',
        'The citizen gets his money, but your colleague learns nothing and the mistake may repeat elsewhere.',
      ],
      [
        'Je corrigeert het dossier, brengt de burger op de hoogte en laat je collega rechtstreeks weten wat je zag, zodat ze na kan gaan of het elders ook gebeurde.',
        'You correct the case, inform the citizen and tell your colleague directly what you saw, so she can check whether it happened elsewhere too.',
        'Vertrouwen en openheid: je spreekt de collega rechtstreeks en respectvol aan en de burger wordt correct behandeld.',
        'Trust and openness: you speak to your colleague directly and respectfully, and the citizen is treated correctly.',
      ],
      [
        'Je meldt het aan haar nieuwe leidinggevende.',
        'You report it to her new manager.',
        'Over iemand praten in plaats van met iemand ondermijnt het vertrouwen; begin bij de collega zelf.',
        'Talking about someone instead of to them undermines trust; start with the colleague herself.',
      ],
    ],
    1,
  ),
  d(
    'vertrouwen',
    ['vertrouwen', 'openheid'],
    bi('Cijfers die “wat gunstiger” moeten', 'Figures that should look “a bit better”'),
    bi(
      'Je maakt het jaarverslag van je afdeling. Je leidinggevende vraagt om de doorlooptijden “wat gunstiger voor te stellen” door de zomermaanden weg te laten. Dat staat nergens vermeld.',
      'You are writing your department’s annual report. Your manager asks you to present the processing times “a bit more favourably” by leaving out the summer months. That is not stated anywhere.',
    ),
    [
      [
        'Je doet het; het is haar verantwoordelijkheid.',
        'You do it; it is her responsibility.',
        'Misleidende cijfers ondermijnen het vertrouwen in de overheid; je bent ook zelf verantwoordelijk voor wat je schrijft.',
        'Misleading figures undermine trust in government; you are responsible for what you write too.',
      ],
      [
        'Je bespreekt het met haar: je stelt voor de volledige cijfers te tonen met uitleg over de zomerpiek, of de keuze om de zomer apart te tonen duidelijk te vermelden.',
        'You discuss it with her: you propose showing the full figures with an explanation of the summer peak, or clearly stating the choice to show summer separately.',
        'Betrouwbaar en open: eerlijke cijfers met context, en je spreekt je leidinggevende rechtstreeks aan.',
        'Reliable and open: honest figures with context, and you speak to your manager directly.',
      ],
      [
        'Je weigert en meldt je leidinggevende meteen bij de integriteitscoördinator, zonder eerst met haar te praten, zodat er zeker een officieel spoor van het voorval is.',
        'You refuse and report your manager at once to the integrity coordinator, without talking to her first, so that there is sure to be an official record of what happened.',
        'Melden kan nodig zijn, maar eerst het gesprek aangaan is vaak de juiste stap en toont vertrouwen.',
        'Reporting may be necessary, but starting with a conversation is often the right first step and shows trust.',
      ],
    ],
    1,
  ),
  d(
    'vertrouwen',
    ['vertrouwen', 'openheid'],
    bi('De journalist aan de lijn', 'The journalist on the line'),
    bi(
      'Een journalist die je kent van een opleiding belt je op je gsm. Hij vraagt “off the record” hoe het staat met een lopend onderzoek naar een bedrijf waar jouw dienst mee bezig is.',
      'A journalist you know from a course calls you on your mobile. He asks “off the record” how an ongoing investigation of a company by your service is going.',
    ),
    [
      [
        'Je geeft een paar algemene details; hij belooft je naam niet te noemen.',
        'You give a few general details; he promises not to mention your name.',
        'Een lopend onderzoek is vertrouwelijk; lekken schaadt het onderzoek, het bedrijf en het vertrouwen in je dienst.',
        'An ongoing investigation is confidential; leaking harms the investigation, the company and trust in your service.',
      ],
      [
        'Je zegt vriendelijk dat je daar niets over kan zeggen en verwijst hem naar de woordvoerder.',
        'You say kindly that you cannot say anything about it and refer him to the spokesperson.',
        'Betrouwbaar én open over de grens: de pers krijgt een aanspreekpunt en het onderzoek blijft beschermd.',
        'Reliable and open about the limit: the press gets a point of contact and the investigation stays protected.',
      ],
      [
        'Je hangt op zonder iets te zeggen.',
        'You hang up without saying anything.',
        'Je lekt niets, maar een korte doorverwijzing is correcter en beter voor de relatie met de pers.',
        'You leak nothing, but a short referral is more correct and better for relations with the press.',
      ],
    ],
    1,
  ),

  // -- wendbaarheid ----------------------------------------------------------------------------------
  d(
    'wendbaarheid',
    ['wendbaarheid', 'openheid'],
    bi('Het nieuwe dossiersysteem', 'The new case system'),
    bi(
      'Je afdeling werkt sinds twee weken met een nieuw dossiersysteem. Collega’s klagen dat het trager is en willen terug naar het oude. Jij merkt dat sommige functies echt beter zijn, andere niet.',
      'Your department has been using a new case system for two weeks. Colleagues complain that it is slower and want to go back to the old one. You notice some functions really are better, others are not.',
    ),
    [
      [
        'Je sluit je aan bij de klachten: het oude systeem werkte.',
        'You join the complaints: the old system worked.',
        'Begrijpelijk, maar terugkeren is zelden mogelijk en helpt niemand vooruit.',
        'Understandable, but going back is rarely possible and helps nobody forward.',
      ],
      [
        'Je verzamelt met het team concrete knelpunten en sterke punten, bezorgt die aan het projectteam en deelt tips die al werken.',
        'With the team you collect concrete bottlenecks and strengths, send them to the project team and share tips that already work.',
        'Wendbaar en open: je helpt de verandering verbeteren in plaats van ze te ondergaan of af te wijzen.',
        'Agile and open: you help improve the change instead of enduring or rejecting it.',
      ],
      [
        'Je werkt voorlopig in een eigen rekenblad verder en zet de gegevens achteraf in het nieuwe systeem, zodat de burgers intussen niet langer moeten wachten.',
        'For now you keep working in your own spreadsheet and enter the data into the new system afterwards, so that citizens do not have to wait longer in the meantime.',
        'Een omweg die fouten en dubbel werk geeft, en gegevens buiten het systeem houdt.',
        'A workaround that causes errors and double work, and keeps data outside the system.',
      ],
    ],
    1,
  ),
  d(
    'wendbaarheid',
    ['wendbaarheid', 'daadkracht'],
    bi('Chat of telefoon?', 'Chat or phone?'),
    bi(
      'Steeds meer burgers vragen om contact via chat. Je team is opgeleid voor telefoon en e-mail en vreest dat chat meer werk geeft. Je leidinggevende vraagt wat jullie ervan denken.',
      'More and more citizens ask to be contacted by chat. Your team is trained for phone and e-mail and fears chat will mean more work. Your manager asks what you think.',
    ),
    [
      [
        'Je stelt voor om chat eerst een maand uit te proberen voor één veelgevraagd thema, met een evaluatie achteraf.',
        'You propose to try chat for a month on one frequently asked topic first, with an evaluation afterwards.',
        'Wendbaar: klein beginnen, leren en dan beslissen, met aandacht voor de zorgen van het team.',
        'Agile: start small, learn and then decide, with attention to the team’s concerns.',
      ],
      [
        'Je zegt dat het team er niet klaar voor is.',
        'You say the team is not ready for it.',
        'De burger verandert; niet bewegen betekent dat de dienstverlening achterop raakt.',
        'Citizens change; not moving means the service falls behind.',
      ],
      [
        'Je stelt voor om vanaf volgende week alle contacten via chat te laten lopen.',
        'You propose to route all contacts through chat from next week.',
        'Te snel en te groot: zonder test en opleiding loopt het mis, en sommige burgers kunnen niet chatten.',
        'Too fast and too big: without a test and training it goes wrong, and some citizens cannot chat.',
      ],
    ],
    0,
  ),
  d(
    'wendbaarheid',
    ['wendbaarheid', 'openheid'],
    bi('Nieuwe regelgeving halverwege', 'New legislation halfway'),
    bi(
      'Je team werkt al een jaar aan een nieuwe subsidieregeling. Europese regelgeving verandert en een deel van jullie werk klopt niet meer. Het team is ontmoedigd.',
      'Your team has been working on a new grant scheme for a year. European legislation changes and part of your work is no longer right. The team is discouraged.',
    ),
    [
      [
        'Je werkt verder volgens het oorspronkelijke plan, want de planning is met alle partners afgesproken, en je past het project pas aan na de volgende evaluatie.',
        'You continue according to the original plan, because the schedule was agreed with all the partners, and you only adjust the project after the next evaluation.',
        'Verder bouwen op iets waarvan je weet dat het niet klopt, kost later meer.',
        'Building further on something you know is wrong costs more later.',
      ],
      [
        'Je analyseert met het team wat bruikbaar blijft, herplant het werk en legt aan de opdrachtgever open uit wat de wijziging betekent voor timing en inhoud.',
        'With the team you analyse what remains usable, replan the work and explain openly to the client what the change means for timing and content.',
        'Wendbaar en open: bijsturen op basis van nieuwe feiten, en eerlijk communiceren over de gevolgen.',
        'Agile and open: adjusting to new facts, and communicating honestly about the consequences.',
      ],
      [
        'Je begint helemaal opnieuw, zodat alles zeker klopt.',
        'You start again from scratch, so everything is sure to be right.',
        'Niet nodig: veel werk blijft bruikbaar. Wendbaar is gericht bijsturen, niet alles weggooien.',
        'Not needed: much of the work remains usable. Agility is targeted adjustment, not throwing everything away.',
      ],
    ],
    1,
  ),
  d(
    'wendbaarheid',
    ['wendbaarheid', 'vertrouwen'],
    bi('Twee teams worden één', 'Two teams become one'),
    bi(
      'Bij een reorganisatie wordt je team samengevoegd met een team dat heel anders werkt. Je nieuwe collega’s doen veel dingen op hun manier. Jij vindt jullie aanpak beter.',
      'In a reorganisation your team is merged with a team that works very differently. Your new colleagues do many things their way. You think your approach is better.',
    ),
    [
      [
        'Je blijft op je eigen manier werken; het resultaat telt.',
        'You keep working your own way; the result is what counts.',
        'Zo blijven er twee teams bestaan binnen één, wat verwarring geeft voor collega’s en burgers.',
        'That keeps two teams inside one, which confuses colleagues and citizens.',
      ],
      [
        'Je stelt voor om per werkproces samen te bekijken wat beide aanpakken goed doen en daaruit één werkwijze te kiezen.',
        'You propose to look together, per work process, at what both approaches do well and choose one way of working from that.',
        'Wendbaar en vertrouwensvol: je staat open voor de andere aanpak en bouwt samen iets nieuws.',
        'Agile and trusting: you are open to the other approach and build something new together.',
      ],
      [
        'Je past je volledig aan de werkwijze van de nieuwe collega’s aan, om conflicten te vermijden en de fusie zo vlot mogelijk te laten verlopen.',
        'You fully adapt to the new colleagues’ way of working, to avoid conflicts and let the merger run as smoothly as possible.',
        'Meegaand, maar de ervaring van je eigen team gaat verloren.',
        'Accommodating, but the experience of your own team is lost.',
      ],
    ],
    1,
  ),
  d(
    'wendbaarheid',
    ['wendbaarheid', 'vertrouwen'],
    bi('Risicogericht inspecteren', 'Risk-based inspection'),
    bi(
      'Je dienst stapt over van een vaste jaarlijkse controle bij elk bedrijf naar risicogericht inspecteren: meer bezoeken bij bedrijven met een hoger risico, minder bij de andere. Een ervaren collega vindt dat oneerlijk.',
      'Your service moves from a fixed yearly check of every company to risk-based inspection: more visits to higher-risk companies, fewer to the others. An experienced colleague thinks that is unfair.',
    ),
    [
      [
        'Je geeft hem gelijk en blijft elk bedrijf jaarlijks bezoeken, want alleen wie overal komt, ziet wat er misloopt, en de bedrijven rekenen op dat vaste bezoek.',
        'You agree with him and keep visiting every company every year, because only those who go everywhere see what goes wrong, and companies count on that regular visit.',
        'Zo negeer je een afgesproken verandering die de middelen beter inzet.',
        'That ignores an agreed change that uses resources better.',
      ],
      [
        'Je zegt dat hij zich moet aanpassen.',
        'You tell him he has to adapt.',
        'Kort door de bocht: zijn bezorgdheid over gelijke behandeling verdient een antwoord.',
        'Too blunt: his concern about equal treatment deserves an answer.',
      ],
      [
        'Je bespreekt met hem hoe de risicocriteria gelijke behandeling waarborgen, en stelt voor zijn ervaring in te brengen bij de evaluatie van die criteria.',
        'You discuss with him how the risk criteria guarantee equal treatment, and suggest he bring his experience into the evaluation of those criteria.',
        'Wendbaar en respectvol: je neemt een collega mee in de verandering en gebruikt zijn ervaring.',
        'Agile and respectful: you take a colleague along in the change and use his experience.',
      ],
    ],
    2,
  ),
  d(
    'wendbaarheid',
    ['wendbaarheid', 'daadkracht'],
    bi('De leverancier valt weg', 'The supplier drops out'),
    bi(
      'De leverancier van de maaltijden voor een opvangcentrum gaat onverwacht failliet. Over drie dagen is er geen eten meer. De normale aankoopprocedure duurt weken.',
      'The supplier of meals for a reception centre unexpectedly goes bankrupt. In three days there will be no food. The normal purchasing procedure takes weeks.',
    ),
    [
      [
        'Je volgt de normale procedure; regels zijn regels.',
        'You follow the normal procedure; rules are rules.',
        'De bewoners zitten dan weken zonder eten: de regels voorzien net uitzonderingen voor dringende noodzaak.',
        'The residents would be without food for weeks: the rules provide exceptions for urgent necessity.',
      ],
      [
        'Je gebruikt de procedure voor dwingende spoed voor een tijdelijke oplossing, documenteert waarom, en start meteen de gewone procedure voor de lange termijn.',
        'You use the procedure for compelling urgency for a temporary solution, document why, and immediately start the regular procedure for the long term.',
        'Wendbaar en daadkrachtig binnen de regels: snel een oplossing, met verantwoording en een plan.',
        'Agile and decisive within the rules: a quick solution, with accountability and a plan.',
      ],
      [
        'Je belt een cateraar die je privé kent en laat hem meteen leveren; de rekening regel je achteraf wel met de aankoopdienst, want de deelnemers moeten vandaag eten.',
        'You call a caterer you know privately and have him deliver at once; you will settle the invoice with procurement afterwards, because the participants need to eat today.',
        'Snel, maar zonder transparantie en mededinging; dat ondermijnt het vertrouwen.',
        'Fast, but without transparency and competition; that undermines trust.',
      ],
    ],
    1,
  ),
  d(
    'wendbaarheid',
    ['wendbaarheid', 'vertrouwen'],
    bi('“We hebben het altijd zo gedaan”', '“We have always done it this way”'),
    bi(
      'Een nieuwe, jonge collega stelt in het teamoverleg voor om de papieren aanvraagformulieren te vervangen door een online formulier. Enkele ervaren collega’s zuchten: “Dat is al eens geprobeerd.”',
      'In the team meeting a new, young colleague proposes to replace the paper application forms with an online form. Some experienced colleagues sigh: “That has been tried before.”',
    ),
    [
      [
        'Je vraagt wat er de vorige keer misliep en stelt voor dat de nieuwe collega en een ervaren collega samen een klein proefproject uitwerken.',
        'You ask what went wrong last time and propose that the new colleague and an experienced colleague work out a small pilot together.',
        'Wendbaar en vertrouwen gevend: je leert uit het verleden en geeft het nieuwe idee een eerlijke kans.',
        'Agile and trusting: you learn from the past and give the new idea a fair chance.',
      ],
      [
        'Je zwijgt; de ervaren collega’s zullen het wel weten.',
        'You stay silent; the experienced colleagues probably know best.',
        'Zo verdwijnt een mogelijk goed idee zonder dat iemand het echt bekeken heeft.',
        'That way a possibly good idea disappears without anyone really looking at it.',
      ],
      [
        'Je steunt het idee enthousiast en stelt voor om meteen alle papieren formulieren af te schaffen, zodat het team niet twee systemen naast elkaar moet bijhouden.',
        'You support the idea enthusiastically and propose to abolish all paper forms at once, so the team does not have to keep two systems running side by side.',
        'Te snel: niet elke burger is digitaal vaardig, en de ervaring van de collega’s wordt genegeerd.',
        'Too fast: not every citizen is digitally skilled, and the colleagues’ experience is ignored.',
      ],
    ],
    0,
  ),
  d(
    'wendbaarheid',
    ['wendbaarheid', 'daadkracht', 'openheid'],
    bi('Overstroming in het weekend', 'Flooding at the weekend'),
    bi(
      'Na zware regen staan in enkele gemeenten huizen onder water. Burgers willen snel weten hoe ze schade kunnen melden. Je dienst is in het weekend normaal gesloten.',
      'After heavy rain, houses in several municipalities are flooded. Citizens want to know quickly how to report damage. Your service is normally closed at the weekend.',
    ),
    [
      [
        'Je wacht tot maandag; dan is iedereen er weer.',
        'You wait until Monday; then everyone is back.',
        'In een crisis verwachten burgers dat de overheid meebeweegt.',
        'In a crisis, citizens expect government to move with them.',
      ],
      [
        'Je stelt je leidinggevende voor een tijdelijke weekendpermanentie met vrijwilligers te organiseren en publiceert samen met communicatie een duidelijke uitleg online.',
        'You propose to your manager a temporary weekend service with volunteers and, with communications, publish a clear explanation online.',
        'Wendbaar, daadkrachtig en open: tijdelijk anders werken, afgestemd, en burgers helder informeren.',
        'Agile, decisive and open: working differently for a while, in agreement, and informing citizens clearly.',
      ],
      [
        'Je zet je eigen gsm-nummer op de website, zodat getroffen burgers het hele weekend iemand kunnen bereiken en niet hoeven te wachten tot de diensten maandagochtend weer openen.',
        'You put your own mobile number on the website, so that affected citizens can reach someone all weekend and need not wait until the services open on Monday.',
        'Goed bedoeld, maar niet houdbaar en niet afgestemd; je raakt overspoeld.',
        'Well meant, but not sustainable or agreed; you will be overwhelmed.',
      ],
    ],
    1,
  ),
];

const counters = new Map<ValueKey, number>();
const applies: SeedQuestion[] = dilemmaData.map((seed) => {
  const n = (counters.get(seed.value) ?? 0) + 1;
  counters.set(seed.value, n);
  return {
    key: `applies:${seed.value}:${n}`,
    valueKey: seed.value,
    level: 'applies' as const,
    content: {
      title: seed.title,
      situation: seed.situation,
      question: bi('Wat doe je, en waarom?', 'What do you do, and why?'),
      options: seed.options.map(([nl, en, feedbackNl, feedbackEn], index) => ({
        id: String.fromCharCode(97 + index),
        text: bi(nl, en),
        feedback: bi(feedbackNl, feedbackEn),
        best: index === seed.best,
      })),
      valuesAtStake: seed.atStake,
    },
  };
});

export const seedQuestions: SeedQuestion[] = [...knows, ...explains, ...applies];
