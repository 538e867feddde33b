import type { ValueKey } from '../../db/schema';
import type { Bilingual } from './learning.content';

/**
 * The seeded learning path: one module per value, written by us (not official government text), in
 * Dutch with an English version. Programme admins edit them in /beheer/leren; the seed never
 * overwrites a module that exists.
 */
export type SeedModule = {
  valueKey: ValueKey;
  title: Bilingual;
  intro: Bilingual;
  steps: { title: Bilingual; body: Bilingual; imageUrl?: string; imageAlt?: Bilingual; videoUrl?: string }[];
};

const img = (key: ValueKey) => `/api/learning/illustrations/${key}.svg`;

export const seedModules: SeedModule[] = [
  {
    valueKey: 'openheid',
    title: { nl: 'Openheid in de praktijk', en: 'Openness in practice' },
    intro: {
      nl: 'Openheid gaat over luisteren, delen en uitleggen: naar burgers, partners en collega’s. In drie korte stappen ontdek je wat dat in je dagelijkse werk betekent.',
      en: 'Openness is about listening, sharing and explaining: to citizens, partners and colleagues. In three short steps you discover what it means in your daily work.',
    },
    steps: [
      {
        title: { nl: 'Wat betekent openheid?', en: 'What does openness mean?' },
        body: {
          nl: 'Open zijn betekent dat je **oog hebt voor wat er leeft** bij burgers, partners en collega’s, en dat je **informatie deelt** in plaats van ze vast te houden.\n\nOpenheid is geen naïviteit: je deelt wat je mag en moet delen, en je legt uit waarom iets (nog) niet kan.\n\n- Je luistert voor je oordeelt.\n- Je deelt kennis, ook buiten je eigen team.\n- Je maakt beslissingen begrijpelijk.',
          en: 'Being open means that you **pay attention to what matters** to citizens, partners and colleagues, and that you **share information** instead of holding on to it.\n\nOpenness is not naivety: you share what you may and must share, and you explain why something is not (yet) possible.\n\n- You listen before you judge.\n- You share knowledge, also beyond your own team.\n- You make decisions understandable.',
        },
        imageUrl: img('openheid'),
        imageAlt: {
          nl: 'Tekening: een open deur waardoor geel licht naar buiten valt.',
          en: 'Drawing: an open door with yellow light falling through it.',
        },
      },
      {
        title: { nl: 'Openheid in je werk', en: 'Openness in your work' },
        body: {
          nl: '## Aan het loket\nEen burger begrijpt een beslissing niet. Je herhaalt niet gewoon de regel, maar legt in gewone taal uit hoe de beslissing tot stand kwam en wat de burger nog kan doen.\n\n## In beleidswerk\nJe zet een ontwerpnota vroeg in een gedeelde map en vraagt de andere afdelingen om reactie, in plaats van ze pas te tonen als alles vastligt.\n\n## In je team\nJe vertelt in het teamoverleg ook wat niet lukte, zodat anderen dezelfde fout niet maken.',
          en: '## At the counter\nA citizen does not understand a decision. You do not just repeat the rule but explain in plain language how the decision was reached and what the citizen can still do.\n\n## In policy work\nYou put a draft note in a shared folder early and ask the other departments to react, instead of showing it only when everything is fixed.\n\n## In your team\nIn the team meeting you also tell what did not work, so others do not make the same mistake.',
        },
      },
      {
        title: { nl: 'Valkuilen en vragen voor jezelf', en: 'Pitfalls and questions for yourself' },
        body: {
          nl: 'Openheid botst soms met andere plichten: privacy, beroepsgeheim, een beslissing die nog niet genomen is. Dan is open zijn: **eerlijk zeggen wat je niet kan delen, en waarom**.\n\nVragen om over na te denken:\n\n1. Welke informatie houd ik bij mij die een collega zou helpen?\n2. Wanneer heb ik voor het laatst gevraagd hoe een burger of partner iets ervaart?\n3. Hoe leg ik een ‘nee’ uit zonder me achter de regel te verschuilen?\n\nOefen daarna met de dilemma’s: daar komt openheid vaak samen met vertrouwen en daadkracht.',
          en: 'Openness sometimes conflicts with other duties: privacy, professional secrecy, a decision that has not been taken yet. Then being open means: **saying honestly what you cannot share, and why**.\n\nQuestions to think about:\n\n1. What information do I keep to myself that would help a colleague?\n2. When did I last ask how a citizen or partner experiences something?\n3. How do I explain a “no” without hiding behind the rule?\n\nThen practise with the dilemmas: there openness often meets trust and decisiveness.',
        },
      },
    ],
  },
  {
    valueKey: 'daadkracht',
    title: { nl: 'Daadkracht in de praktijk', en: 'Decisiveness in practice' },
    intro: {
      nl: 'Daadkracht betekent doen wat je zegt, knopen doorhakken en verantwoordelijkheid nemen voor het resultaat. Drie stappen over wat dat vraagt in een overheidscontext.',
      en: 'Decisiveness means doing what you say, making decisions and taking responsibility for the result. Three steps on what that asks in a government context.',
    },
    steps: [
      {
        title: { nl: 'Wat betekent daadkracht?', en: 'What does decisiveness mean?' },
        body: {
          nl: 'Daadkrachtig werken is **resultaatgericht** werken: je houdt het doel voor ogen, je beslist op tijd en je maakt af waar je aan begint.\n\nDaadkracht is niet hetzelfde als snel of alleen beslissen. Het is de juiste beslissing nemen **op het juiste moment**, met de mensen die nodig zijn, en er daarna ook voor staan.\n\n- Je neemt initiatief als iets blijft liggen.\n- Je komt je afspraken na, of je meldt tijdig dat het niet lukt.\n- Je durft prioriteiten te stellen.',
          en: 'Working decisively means working **towards results**: you keep the goal in sight, decide in time and finish what you start.\n\nDecisiveness is not the same as deciding quickly or alone. It is taking the right decision **at the right moment**, with the people who are needed, and then standing by it.\n\n- You take the initiative when something is left lying.\n- You keep your agreements, or say in time that you cannot.\n- You dare to set priorities.',
        },
        imageUrl: img('daadkracht'),
        imageAlt: {
          nl: 'Tekening: een pijl die recht in het gele midden van een doelwit belandt.',
          en: 'Drawing: an arrow landing right in the yellow centre of a target.',
        },
      },
      {
        title: { nl: 'Daadkracht in je werk', en: 'Decisiveness in your work' },
        body: {
          nl: '## Een dossier dat vastzit\nEen aanvraag ligt al weken stil omdat niemand zich bevoegd voelt. Je zoekt uit wie beslist, legt het dossier daar en spreekt een datum af.\n\n## Een project dat uitloopt\nJe ziet dat de planning niet haalbaar is. Je meldt het meteen met een voorstel: minder scope, meer tijd of extra hulp.\n\n## Een klein probleem\nDe printer op de gang geeft al dagen een fout. Je meldt het bij de dienst in plaats van te wachten tot een ander het doet.',
          en: '## A case that is stuck\nAn application has been idle for weeks because nobody feels competent. You find out who decides, put the case there and agree on a date.\n\n## A project running late\nYou see the planning is not feasible. You report it at once with a proposal: less scope, more time or extra help.\n\n## A small problem\nThe printer in the corridor has shown an error for days. You report it to the service desk instead of waiting for someone else to.',
        },
      },
      {
        title: { nl: 'Valkuilen en vragen voor jezelf', en: 'Pitfalls and questions for yourself' },
        body: {
          nl: 'Daadkracht zonder overleg wordt eigengereidheid; overleg zonder beslissing wordt stilstand. Het evenwicht zoeken is de kunst.\n\nVragen om over na te denken:\n\n1. Welke beslissing schuif ik nu al te lang voor me uit?\n2. Weet ik wat het resultaat van mijn werk is voor de burger?\n3. Zeg ik tijdig dat iets niet lukt?',
          en: 'Decisiveness without consultation becomes self-will; consultation without a decision becomes standstill. Finding the balance is the art.\n\nQuestions to think about:\n\n1. Which decision have I been putting off for too long?\n2. Do I know what the result of my work is for the citizen?\n3. Do I say in time when something will not work out?',
        },
      },
    ],
  },
  {
    valueKey: 'vertrouwen',
    title: { nl: 'Vertrouwen in de praktijk', en: 'Trust in practice' },
    intro: {
      nl: 'Vertrouwen werkt in alle richtingen: tussen burger en overheid, tussen collega’s, tussen leidinggevende en medewerker. Drie stappen over vertrouwen geven en verdienen.',
      en: 'Trust works in every direction: between citizen and government, between colleagues, between manager and staff member. Three steps on giving and earning trust.',
    },
    steps: [
      {
        title: { nl: 'Wat betekent vertrouwen?', en: 'What does trust mean?' },
        body: {
          nl: 'Vertrouwen betekent dat je **uitgaat van de goede bedoelingen** van anderen en dat je zelf **betrouwbaar** bent: integer, respectvol en consequent.\n\nVertrouwen geven is ruimte geven: je controleert niet alles, je laat collega’s hun werk doen. Vertrouwen verdienen is doen wat je belooft en correct omgaan met wat je wordt toevertrouwd, zoals persoonsgegevens.\n\n- Je behandelt iedereen gelijk en met respect.\n- Je gaat zorgvuldig om met gegevens en middelen.\n- Je spreekt mensen rechtstreeks aan in plaats van over hen te praten.',
          en: 'Trust means that you **assume the good intentions** of others and that you are **reliable** yourself: honest, respectful and consistent.\n\nGiving trust is giving room: you do not check everything, you let colleagues do their work. Earning trust is doing what you promise and handling what is entrusted to you, such as personal data, with care.\n\n- You treat everyone equally and with respect.\n- You handle data and resources carefully.\n- You speak to people directly instead of talking about them.',
        },
        imageUrl: img('vertrouwen'),
        imageAlt: {
          nl: 'Tekening: twee cirkels die elkaar overlappen; één is geel.',
          en: 'Drawing: two overlapping circles; one is yellow.',
        },
      },
      {
        title: { nl: 'Vertrouwen in je werk', en: 'Trust in your work' },
        body: {
          nl: '## Met burgers\nEen burger belt voor de derde keer. Je gaat ervan uit dat hij het echt niet begrijpt, niet dat hij lastig wil zijn.\n\n## Met collega’s\nJe leidinggevende geeft je een opdracht zonder elk detail vast te leggen. Je gebruikt die ruimte en houdt haar op de hoogte.\n\n## Met gegevens\nJe kijkt alleen in een dossier als je werk dat vraagt, ook al heb je technisch toegang tot meer.',
          en: '## With citizens\nA citizen calls for the third time. You assume he really does not understand, not that he wants to be difficult.\n\n## With colleagues\nYour manager gives you an assignment without fixing every detail. You use that room and keep her informed.\n\n## With data\nYou only look into a file when your work requires it, even if you technically have access to more.',
        },
      },
      {
        title: { nl: 'Valkuilen en vragen voor jezelf', en: 'Pitfalls and questions for yourself' },
        body: {
          nl: 'Vertrouwen is geen blindheid: wie een fout of een integriteitsprobleem ziet, meldt het. Net dat beschermt het vertrouwen in de overheid.\n\nVragen om over na te denken:\n\n1. Waar controleer ik meer dan nodig is?\n2. Doe ik wat ik beloof, ook in kleine dingen?\n3. Hoe reageer ik als iemand mijn vertrouwen beschaamt?',
          en: 'Trust is not blindness: whoever sees a mistake or an integrity problem reports it. That is exactly what protects trust in government.\n\nQuestions to think about:\n\n1. Where do I check more than is needed?\n2. Do I do what I promise, also in small things?\n3. How do I react when someone breaks my trust?',
        },
      },
    ],
  },
  {
    valueKey: 'wendbaarheid',
    title: { nl: 'Wendbaarheid in de praktijk', en: 'Agility in practice' },
    intro: {
      nl: 'Wendbaarheid is meebewegen met een veranderende samenleving zonder het doel uit het oog te verliezen. Drie stappen over leren, bijsturen en nieuwe dingen proberen.',
      en: 'Agility is moving along with a changing society without losing sight of the goal. Three steps on learning, adjusting and trying new things.',
    },
    steps: [
      {
        title: { nl: 'Wat betekent wendbaarheid?', en: 'What does agility mean?' },
        body: {
          nl: 'Wendbaar zijn betekent dat je **openstaat voor verandering**, dat je **bijleert** en dat je je aanpak **bijstuurt** als de situatie verandert.\n\nWendbaarheid is niet elke dag iets anders doen. Het doel blijft: goede dienstverlening. De weg ernaartoe mag veranderen.\n\n- Je probeert nieuwe werkwijzen uit, klein en snel.\n- Je leert van fouten, ook van die van jezelf.\n- Je helpt collega’s mee in een verandering.',
          en: 'Being agile means that you are **open to change**, that you **keep learning** and that you **adjust** your approach when the situation changes.\n\nAgility is not doing something different every day. The goal stays: good public service. The road towards it may change.\n\n- You try new ways of working, small and fast.\n- You learn from mistakes, including your own.\n- You help colleagues through a change.',
        },
        imageUrl: img('wendbaarheid'),
        imageAlt: {
          nl: 'Tekening: een gele weg die in een boog om een donker blok heen loopt.',
          en: 'Drawing: a yellow road curving around a dark block.',
        },
      },
      {
        title: { nl: 'Wendbaarheid in je werk', en: 'Agility in your work' },
        body: {
          nl: '## Een nieuwe toepassing\nJe afdeling stapt over op een nieuw dossiersysteem. Je volgt de opleiding, noteert wat niet werkt en helpt een collega die vastloopt.\n\n## Een crisis\nNa een storm komen er honderden aanvragen tegelijk binnen. Je team spreekt af om tijdelijk anders te werken en evalueert dat na twee weken.\n\n## Een regel die niet meer past\nJe merkt dat een formulier vragen stelt die niemand nog gebruikt. Je stelt voor om het te vereenvoudigen.',
          en: '## A new application\nYour department moves to a new case system. You take the training, note what does not work and help a colleague who gets stuck.\n\n## A crisis\nAfter a storm hundreds of applications come in at once. Your team agrees to work differently for a while and evaluates it after two weeks.\n\n## A rule that no longer fits\nYou notice a form asks questions nobody uses any more. You propose to simplify it.',
        },
      },
      {
        title: { nl: 'Valkuilen en vragen voor jezelf', en: 'Pitfalls and questions for yourself' },
        body: {
          nl: 'Verandering om de verandering put mensen uit. Wendbaar is ook: uitleggen waarom iets verandert, en stoppen met wat niet werkt.\n\nVragen om over na te denken:\n\n1. Wat heb ik de laatste maand bijgeleerd?\n2. Welke gewoonte in mijn werk bestaat alleen omdat ‘het altijd zo ging’?\n3. Hoe help ik een collega die moeite heeft met een verandering?',
          en: 'Change for the sake of change wears people out. Agility also means explaining why something changes, and stopping what does not work.\n\nQuestions to think about:\n\n1. What have I learned in the past month?\n2. Which habit in my work exists only because “it has always been done that way”?\n3. How do I help a colleague who struggles with a change?',
        },
      },
    ],
  },
];
