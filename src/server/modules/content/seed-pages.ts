/**
 * Seed content for the public pages, in Dutch and English.
 *
 * - `waarden`: the public values page, reorganised from the Flemish government page
 *   "Waarden Vlaamse overheid" (shared/seed/000_b5899a82ebb01973.txt). The values,
 *   their behaviour statements, the framework intro, the 5 objectives and the
 *   4 strategies are the official Dutch text, verbatim. All other prose is our own
 *   wording. The English page is our translation.
 * - `toegankelijkheid`, `privacy`, `over`: our own text.
 *
 * Markdown only: headings from level 2, paragraphs, lists and links. No raw HTML.
 */

export type SeedPageLocale = 'nl' | 'en';

export interface SeedPage {
  slug: string;
  locale: SeedPageLocale;
  title: string;
  summary: string;
  bodyMarkdown: string;
}

const CONTACT_EMAIL = 'overheidspersoneel@vlaanderen.be';
const CONTACT_MAILTO = `[${CONTACT_EMAIL}](mailto:${CONTACT_EMAIL})`;
/** The official page this page is based on; it also carries the video and the project plan. */
const VALUES_SOURCE_URL = 'https://overheid.vlaanderen.be/waarden-vlaamse-overheid';
const STRATEGY_TOOLBOX_URL = 'https://overheid.vlaanderen.be/toolbox/strategieformulering';
/** The support catalogue in this application, where entity coordinators request support. */
const SUPPORT_CATALOGUE_PATH = '/mijn/ondersteuning';

// ---------------------------------------------------------------------------
// waarden (nl)
// ---------------------------------------------------------------------------

const waardenNl = `De Vlaamse overheid wil een organisatie zijn die zich laat leiden door waarden. Vier waarden staan centraal: openheid, daadkracht, vertrouwen en wendbaarheid. Ze geven kleur aan onze missie en visie, sturen het beleid en bepalen mee hoe we onze diensten verlenen. Op deze pagina lees je wat de waarden inhouden, welke plaats ze in een organisatie innemen en hoe het project Waarden in Actie ermee aan de slag gaat.

## De plaats van waarden in de organisatie

Het IAVA-model van Audit Vlaanderen toont dat de cultuur van een organisatie doorwerkt in al haar onderdelen. Wie werk maakt van cultuur en waarden, wil dat medewerkers zich gedragen volgens de normen die de organisatie onmisbaar vindt om goed te presteren.

Het model onderscheidt vijf elementen waarin cultuur en waarden zichtbaar worden:

- **Strategie**: de missie, de visie en de doelstellingen van de organisatie. Gedeelde waarden helpen om die missie en visie waar te maken.
- **Leiderschap**: leidinggevenden die de waarden in hun eigen handelen laten zien. Zonder dat voorbeeld blijven waarden woorden.
- **Mensen**: hoe de organisatie omgaat met talenten en competenties.
- **Structuren**: hoe het werk in de organisatie verdeeld is.
- **Middelen**: alle instrumenten die medewerkers krijgen om hun resultaten te behalen.

### Organisatiestrategie

Van bovenaf bekeken begint alles bij de strategie. Een organisatie bepaalt daarom welke waarden ze nastreeft, in lijn met haar missie en visie. De [toolbox strategieformulering](${STRATEGY_TOOLBOX_URL}) kan daarbij helpen. Om de strategie en dus ook de waarden te realiseren, is leiderschap cruciaal: waarden worden pas praktijk wanneer leidinggevenden ze in hun daden uitdragen.

Een strategie bewijst zich in wat je doet, niet in wat je zegt. Wie gedrag echt wil beïnvloeden, zorgt dat strategie en leiderschap ook terug te vinden zijn in de keuzes die de organisatie maakt over mensen, structuren en middelen.

### Sturing

Cultuur en waarden zitten in elke vezel van de organisatie. Daardoor lijkt het lastig om er gericht op te sturen. Maar precies daardoor zijn er ook veel aangrijpingspunten: een kleine ingreep op één dimensie kan een grote uitwerking hebben.

## Visie en aanpak

Met het project Waarden in Actie wil de Vlaamse overheid al haar medewerkers overtuigen van het belang van waardengedreven werken. Zo groeit ze uit tot een betere en sterkere organisatie. Werken aan waarden vraagt een lange adem en een aanpak op meerdere terreinen tegelijk.

Het waardenverhaal is niet alleen naar binnen gericht. De waarden bepalen wie we als organisatie zijn, hoe onze dienstverlening eruitziet en hoe klanten en burgers die dienstverlening beleven.

Wat alle organisaties van de Vlaamse overheid met elkaar verbindt, is hun gezamenlijke opdracht: de burger en de samenleving dienen. Wie handelt vanuit de waarden, verhoogt de kwaliteit van die dienstverlening.

Burgers en andere klanten verwachten een overheid die authentiek is: die zegt wat ze doet en doet wat ze zegt. Ze moeten elke dag kunnen rekenen op een open, betrouwbare, daadkrachtige en wendbare partner.

### Aanpak

- Het waardenverhaal sluit aan bij bestaande acties en projecten die met een of meer waarden te maken hebben. Daarom zoeken we samenwerking en inhoudelijke verbanden met andere thema’s binnen de Vlaamse overheid.
- Leidinggevenden zijn onmisbaar om de waarden uit te dragen. Tegelijk moet het verhaal ook van onderuit groeien en zo inhoud krijgen. De waarden spelen op drie niveaus: dat van de organisatie (strategisch en inhoudelijk), dat van het team en dat van de individuele medewerker.
- Iedereen bij de Vlaamse overheid mag de waarden in eigen woorden vertalen. Elke entiteit heeft een eigen identiteit en kan de waarde of waarden kiezen die daarbij passen. Het waardenkader is een kapstok waaraan ieder zijn eigen verhaal kan ophangen.
- Entiteiten die al rond de waarden werken, of die ermee aan de slag willen, kunnen een beroep doen op een [ondersteunend aanbod](${SUPPORT_CATALOGUE_PATH}).

### 5 doelstellingen

De eerste drie doelstellingen gaan over de organisatie zelf. Ze vormen de basis om de laatste twee te bereiken, die gericht zijn op de burgers en de politiek.

1. Er is draagvlak voor de waarden bij de leidend ambtenaren. Het management straalt de waarden uit in hun leiderschap.
2. Alle entiteiten van de Vlaamse overheid nemen de waarden op. Elke leidinggevende vertaalt de waarden in het beleid van zijn organisatie. Zo worden de waarden ingezet als criterium en toetssteen bij het nemen van beslissingen.
3. Elk personeelslid kent de vier waarden, kan ze uitleggen en toepassen. Elke medewerker vindt de waarden ook iets van zichzelf. De waarden zijn zichtbaar in de dagelijkse werking en samenwerking. Medewerkers spreken elkaar aan op de waarden.
4. De politieke verantwoordelijken en beleidsmakers staan achter de waarden en dragen ze mee uit.
5. De waarden zijn zichtbaar in interactie met klanten en partners. De burger (h)erkent de Vlaamse overheid als een waardengedreven organisatie: open, wendbaar, betrouwbaar en daadkrachtig.

### 4 strategieën

Een cultuurverandering komt er van bovenaf, van onderuit en in de breedte. Daarom zet de Vlaamse overheid verschillende strategieën in om de waarden in de organisatie te verankeren. Het project Waarden in Actie wil:

1. alle personeelsleden van de Vlaamse overheid informeren en sensibiliseren, zodat ze de 4 waarden kennen en toepassen.
2. experimenteren met andere kanalen zoals kunst om de waarden te doen (be)leven.
3. doen door entiteiten en afdelingen te stimuleren om aan de slag te gaan met de waarden en integreren de waarden in overheidsbrede projecten.
4. monitoren hoe de Vlaamse overheid werkt rond waarden, via instrumenten zoals de personeelspeiling en BUE.

## Projectplan Waarden in Actie (10 september 2015)

Op 10 september 2015 keurde het Voorzitterscollege het project Waarden in Actie goed, samen met de visie en de acties die erbij horen. Het projectplan is te vinden via de [webpagina 'Waarden Vlaamse overheid'](${VALUES_SOURCE_URL}).

## Contact

Wil je meer weten of heb je een vraag? Neem contact op met:

- Agentschap Overheidspersoneel
- Havenlaan 88 bus 31, 1000 Brussel
- E-mail: ${CONTACT_MAILTO}

Bron: de webpagina ['Waarden Vlaamse overheid'](${VALUES_SOURCE_URL}) van de Vlaamse overheid (Agentschap Overheidspersoneel). De waarden, hun gedragsindicatoren, de 5 doelstellingen en de 4 strategieën zijn de officiële tekst; de rest van deze pagina is onze eigen bewerking.`;

// ---------------------------------------------------------------------------
// waarden (en)
// ---------------------------------------------------------------------------

const waardenEn = `This page is our English translation of the official Dutch text, and only the Dutch version is authoritative.

The Flemish Government wants to be an organisation guided by values. Four values are central: openness, decisiveness, trust and agility. They shape our mission and vision, steer our policies and help determine how we deliver our services. On this page you can read what the values mean, what place they have in an organisation and how the Waarden in Actie (Values in Action) project puts them into practice.

## The place of values in the organisation

The IAVA model of Audit Vlaanderen (Audit Flanders) shows that an organisation's culture affects every part of it. When you work on culture and values, you want employees to behave according to the standards the organisation considers essential for performing well.

The model distinguishes five elements in which culture and values become visible:

- **Strategy**: the organisation's mission, vision and objectives. Shared values help to achieve that mission and vision.
- **Leadership**: managers who show the values in their own actions. Without that example, values remain mere words.
- **People**: how the organisation deals with talents and competences.
- **Structures**: how the work is divided within the organisation.
- **Means**: all the tools employees are given to achieve their results.

### Organisational strategy

Seen from the top down, everything starts with strategy. An organisation therefore decides which values it pursues, in line with its mission and vision. The [strategy formulation toolbox](${STRATEGY_TOOLBOX_URL}) (toolbox strategieformulering, in Dutch) can help with this. Leadership is crucial to realise the strategy, and therefore the values too: values only become practice when managers carry them out in what they do.

A strategy proves itself in what you do, not in what you say. If you really want to influence behaviour, make sure that strategy and leadership are also reflected in the choices the organisation makes about people, structures and means.

### Steering

Culture and values run through every part of the organisation. That can make them seem hard to steer. But for the same reason there are many points of entry: a small intervention in one dimension can have a large effect.

## Vision and approach

With the Waarden in Actie project, the Flemish Government wants to convince all its employees of the importance of working in a values-driven way. This makes it a better and stronger organisation. Working on values takes stamina and an approach on several fronts at once.

The values story does not only look inwards. The values determine who we are as an organisation, what our services look like and how customers and citizens experience those services.

What connects all organisations of the Flemish Government is their shared mission: serving citizens and society. Acting on the values improves the quality of that service.

Citizens and other customers expect a government that is authentic: one that says what it does and does what it says. They must be able to count every day on an open, reliable, decisive and agile partner.

### Approach

- The values story builds on existing actions and projects that relate to one or more of the values. That is why we look for cooperation and links in content with other themes within the Flemish Government.
- Managers are essential in carrying the values forward. At the same time, the story must also grow from the bottom up and gain substance that way. The values matter at three levels: the organisation (strategic and in content), the team and the individual employee.
- Everyone at the Flemish Government is invited to put the values into their own words. Each entity has its own identity and can choose the value or values that fit it. The values framework is a coat rack on which everyone can hang their own story.
- Entities that already work on the values, or that want to get started, can call on a [support offer](${SUPPORT_CATALOGUE_PATH}).

### 5 objectives

The first three objectives concern the organisation itself. They are the foundation for achieving the last two, which are aimed at citizens and at politics.

1. The top executives support the values. Management radiates the values in its leadership.
2. All entities of the Flemish Government adopt the values. Every manager translates the values into the policy of their organisation. In this way the values are used as a criterion and touchstone when taking decisions.
3. Every staff member knows the four values and can explain and apply them. Every employee also sees the values as partly their own. The values are visible in daily work and cooperation. Employees address each other on the values.
4. Political leaders and policy makers stand behind the values and help to spread them.
5. The values are visible in interactions with customers and partners. Citizens recognise the Flemish Government as a values-driven organisation: open, agile, reliable and decisive.

### 4 strategies

A culture change happens top-down, bottom-up and across the organisation. That is why the Flemish Government uses several strategies to anchor the values in the organisation. The Waarden in Actie project aims to:

1. inform and raise awareness among all staff of the Flemish Government, so that they know and apply the 4 values.
2. experiment with other channels, such as art, to bring the values to life.
3. act, by encouraging entities and divisions to get to work with the values, and integrate the values into government-wide projects.
4. monitor how the Flemish Government works on values, through instruments such as the staff survey (personeelspeiling) and BUE.

## Project plan Waarden in Actie (10 September 2015)

On 10 September 2015 the Voorzitterscollege (the board of chairs of the Flemish Government's management committees) approved the Waarden in Actie project, together with its vision and actions. The project plan is available from the page ['Waarden Vlaamse overheid'](${VALUES_SOURCE_URL}) (in Dutch).

## Contact

Would you like to know more or do you have a question? Please contact:

- Agentschap Overheidspersoneel (Agency for Government Employees)
- Havenlaan 88 bus 31, 1000 Brussels, Belgium
- E-mail: ${CONTACT_MAILTO}

Source: the web page ['Waarden Vlaamse overheid'](${VALUES_SOURCE_URL}) of the Flemish Government (Agentschap Overheidspersoneel), in Dutch. This page is our translation and adaptation of it.`;

// ---------------------------------------------------------------------------
// toegankelijkheid
// ---------------------------------------------------------------------------

const toegankelijkheidNl = `Het Agentschap Overheidspersoneel wil het platform Waarden in Actie toegankelijk maken voor iedereen, ook voor mensen met een beperking. Deze verklaring geldt voor de volledige webtoepassing: de publieke pagina's, het contactformulier en de chat van 1700, en de onderdelen voor personeelsleden.

## Onze verbintenis

We streven ernaar te voldoen aan niveau AA van de Web Content Accessibility Guidelines (WCAG) 2.1. Daartoe zijn we verplicht door het decreet van 7 december 2018 betreffende de toegankelijkheid van websites en mobiele applicaties van overheidsinstanties, dat de Europese richtlijn (EU) 2016/2102 omzet.

## Nalevingsstatus

Dit platform is **gedeeltelijk in overeenstemming** met WCAG 2.1 niveau AA. De onderdelen hieronder zijn nog niet volledig toegankelijk.

## Niet-toegankelijke inhoud

- **Grafieken.** Grafieken met resultaten en indicatoren zijn niet volledig bruikbaar met een schermlezer. Bij elke grafiek staat een tabel met dezelfde gegevens.
- **Video's van derden.** Video's die op een extern platform staan, zoals het filmpje over de vier waarden, hebben nog geen Nederlandse ondertiteling of uitgeschreven tekst (WCAG 1.2.2 en 1.2.3). We zoeken samen met de makers naar een oplossing.
- **Bijdragen van personeelsleden.** Verhalen en kunstwerken die collega's zelf delen, hebben niet altijd een goed tekstalternatief voor afbeeldingen (WCAG 1.1.1). We vragen collega's om bij elke afbeelding een beschrijving te geven, maar we kunnen niet elke bijdrage vooraf controleren.
- **Downloadbare documenten.** Sommige documenten om te downloaden, zoals oudere rapporten, zijn nog niet volledig toegankelijk. Op verzoek bezorgen we de inhoud in een toegankelijke vorm.

We werken deze punten weg en passen deze verklaring aan wanneer er iets verandert.

## Hoe we de toegankelijkheid beoordeeld hebben

- Elke pagina wordt bij elke nieuwe versie automatisch getest met axe-core.
- Bij elke nieuwe versie doorlopen we de belangrijkste taken volledig met het toetsenbord, zoals een e-mail sturen naar 1700, een chatgesprek voeren, de personeelspeiling invullen en resultaten bekijken.

Deze beoordeling is een zelfevaluatie. Er is nog geen audit door een externe partij gebeurd.

## Feedback en contact

Loopt u toch ergens vast, of merkt u een probleem met de toegankelijkheid dat hierboven niet vermeld staat? Laat het ons weten via ${CONTACT_MAILTO}. Vermeld de pagina en beschrijf kort het probleem. We antwoorden zo snel mogelijk en bezorgen u de informatie indien nodig in een andere vorm.

## Handhavingsprocedure

Bent u niet tevreden met ons antwoord? Dan kunt u een klacht indienen bij de [Vlaamse Ombudsdienst](https://www.vlaamseombudsdienst.be).

## Datum

Deze verklaring is opgesteld op 28 november 2026.`;

const toegankelijkheidEn = `The Agentschap Overheidspersoneel (Agency for Government Employees) wants the Waarden in Actie platform to be accessible to everyone, including people with disabilities. This statement applies to the whole web application: the public pages, the 1700 contact form and chat, and the sections for staff.

## Our commitment

We aim to comply with level AA of the Web Content Accessibility Guidelines (WCAG) 2.1. We are required to do so by the Flemish decree of 7 December 2018 on the accessibility of websites and mobile applications of public sector bodies, which transposes European Directive (EU) 2016/2102.

## Compliance status

This platform is **partially compliant** with WCAG 2.1 level AA. The items below are not yet fully accessible.

## Non-accessible content

- **Charts.** Charts showing results and indicators cannot be fully used with a screen reader. Every chart is accompanied by a table with the same data.
- **Third-party videos.** Videos hosted on an external platform, such as the short film about the four values, do not yet have Dutch subtitles or a transcript (WCAG 1.2.2 and 1.2.3). We are working with the makers on a solution.
- **Contributions by staff.** Stories and artworks shared by colleagues do not always have a good text alternative for images (WCAG 1.1.1). We ask colleagues to describe every image, but we cannot check every contribution in advance.
- **Downloadable documents.** Some downloadable documents, such as older reports, are not yet fully accessible. On request we will provide the content in an accessible format.

We are working on these points and will update this statement whenever something changes.

## How we assessed accessibility

- Every page is tested automatically with axe-core for every new release.
- For every new release we walk through the main tasks using only the keyboard, such as sending an e-mail to 1700, chatting, answering the staff survey and viewing results.

This assessment is a self-evaluation. No audit by an external party has been carried out yet.

## Feedback and contact

Are you stuck somewhere, or have you noticed an accessibility problem that is not listed above? Let us know at ${CONTACT_MAILTO}. Please mention the page and briefly describe the problem. We will reply as soon as possible and, if needed, provide the information in another format.

## Enforcement procedure

Are you not satisfied with our answer? You can file a complaint with the [Vlaamse Ombudsdienst](https://www.vlaamseombudsdienst.be) (Flemish Ombudsman).

## Date

This statement was drawn up on 28 November 2026.`;

// ---------------------------------------------------------------------------
// privacy
// ---------------------------------------------------------------------------

const privacyNl = `Op dit platform verwerken we persoonsgegevens van personeelsleden van de Vlaamse overheid en van burgers die contact opnemen met 1700. In deze verklaring leest u welke gegevens dat zijn, waarom we ze nodig hebben, hoelang we ze bewaren en welke rechten u hebt.

## Wie is verantwoordelijk?

Het Agentschap Overheidspersoneel, Havenlaan 88 bus 31, 1000 Brussel, is verantwoordelijk voor de verwerking van de persoonsgegevens op dit platform.

## Welke gegevens verwerken we en waarom?

### Personeelsleden

- **Gegevens uit het personeelsbestand**: naam, personeelsnummer, e-mailadres, taal, de entiteit, afdeling en het team waartoe u behoort en of u leidinggevende bent. We gebruiken ze om u toegang te geven tot de juiste onderdelen, om uw rol te bepalen en om resultaten per organisatie-eenheid te kunnen tonen.
- **Aanmeldgegevens**: wanneer u zich aanmeldt, ontvangen we van het aanmeldsysteem van de Vlaamse overheid uw identificatie en de code van uw organisatie. Voor de duur van uw sessie gebruiken we een sessiecookie. Belangrijke handelingen, zoals het wijzigen van rechten of inhoud, noteren we in een logboek om het platform te beveiligen en verantwoording te kunnen afleggen.
- **Wat u zelf deelt**: waarderingen voor collega's, verhalen en kunstwerken die u plaatst, zijn zichtbaar met uw naam voor de collega's voor wie ze bedoeld zijn.

### Antwoorden op de personeelspeiling

Uw antwoorden op de personeelspeiling bewaren we zonder uw identiteit. We houden apart alleen bij of u de vragenlijst al hebt ingevuld, zodat we geen onnodige herinneringen sturen. Resultaten tonen we alleen voor groepen van minstens 5 personen, en open antwoorden alleen voor groepen van minstens 10 personen.

### Burgers die contact opnemen met 1700

- Stuurt u een e-mail naar 1700 via het contactformulier, dan verwerken we uw e-mailadres, de gegevens die u zelf invult en de inhoud van uw bericht. U ontvangt een kopie van uw bericht op het adres dat u opgeeft.
- Chat u met 1700, dan verwerken we de inhoud van het gesprek en het tijdstip ervan.
- We gebruiken deze gegevens alleen om uw vraag te beantwoorden. Alleen de medewerkers van 1700 die uw vraag behandelen, kunnen ze inzien.
- We bewaren e-mails en chatgesprekken een beperkte tijd: standaard 90 dagen. Daarna worden ze automatisch gewist.
- Als u na het contact een beoordeling geeft, gebruiken we die alleen in totalen om onze dienstverlening te verbeteren.

### Feedback op pagina's

Als u aangeeft of een pagina nuttig was, bewaren we alleen uw antwoord, uw eventuele opmerking en de dag waarop u het gaf. We bewaren geen gegevens waarmee we weten wie u bent. Schrijf daarom geen persoonsgegevens in uw opmerking.

## Rechtsgrond

We verwerken deze gegevens volgens de Algemene Verordening Gegevensbescherming (AVG). De rechtsgrond is de uitvoering van een taak van algemeen belang (artikel 6, lid 1, e, AVG): het personeelsbeleid van de Vlaamse overheid, met inbegrip van het waardenprogramma, en de algemene informatiedienst 1700.

## Wie krijgt uw gegevens?

We verkopen uw gegevens niet en geven ze niet door aan derden. Dienstverleners die het platform in onze opdracht beheren, werken alleen volgens onze instructies en op basis van een verwerkersovereenkomst. We geven gegevens alleen door aan anderen als de wet ons daartoe verplicht.

## Hoelang bewaren we uw gegevens?

- E-mails en chatgesprekken met 1700: standaard 90 dagen.
- Gegevens van personeelsleden: zolang u bij de Vlaamse overheid werkt en zolang dat nodig is voor de doelen hierboven.
- Antwoorden op de personeelspeiling en feedback op pagina's zijn niet tot u te herleiden.

## Uw rechten

U hebt het recht om:

- uw gegevens in te zien;
- onjuiste gegevens te laten verbeteren;
- uw gegevens te laten wissen, bijvoorbeeld uw e-mail of chatgesprek met 1700 voordat de bewaartermijn verstreken is;
- bezwaar te maken tegen een verwerking of te vragen om die te beperken.

Uw antwoorden op de personeelspeiling en uw feedback op pagina's bewaren we zonder uw identiteit. Die kunnen we daarom niet aan u koppelen, en dus ook niet afzonderlijk tonen of wissen.

## Contact

Voor vragen over uw gegevens of om uw rechten uit te oefenen, kunt u terecht bij de functionaris voor gegevensbescherming van het Agentschap Overheidspersoneel: ${CONTACT_MAILTO}.

## Klacht

Bent u het niet eens met de manier waarop we uw gegevens verwerken? Dan kunt u een klacht indienen bij de [Vlaamse Toezichtcommissie voor de verwerking van persoonsgegevens](https://www.vlaamsetoezichtcommissie.be), de toezichthoudende autoriteit voor de Vlaamse overheid.

Deze verklaring is laatst bijgewerkt op 28 november 2026.`;

const privacyEn = `On this platform we process personal data of Flemish Government staff and of citizens who contact 1700. This statement explains which data that is, why we need it, how long we keep it and what rights you have.

## Who is responsible?

The Agentschap Overheidspersoneel (Agency for Government Employees), Havenlaan 88 bus 31, 1000 Brussels, is responsible for processing personal data on this platform.

## What data do we process and why?

### Staff

- **Personnel records**: name, employee number, e-mail address, language, the entity, division and team you belong to, and whether you are a manager. We use this to give you access to the right sections, to determine your role and to show results per organisational unit.
- **Sign-in data**: when you sign in, the Flemish Government's sign-in system sends us your identifier and your organisation's code. We use a session cookie for the duration of your session. Important actions, such as changing permissions or content, are recorded in a log to keep the platform secure and to ensure accountability.
- **What you share yourself**: appreciation for colleagues, stories and artworks you post are visible with your name to the colleagues they are intended for.

### Staff survey answers

Your answers to the staff survey are stored without your identity. Separately, we only record whether you have completed the questionnaire, so that we do not send unnecessary reminders. Results are only shown for groups of at least 5 people, and open answers only for groups of at least 10 people.

### Citizens contacting 1700

- If you send an e-mail to 1700 using the contact form, we process your e-mail address, the details you enter and the content of your message. You receive a copy of your message at the address you provide.
- If you chat with 1700, we process the content of the conversation and when it took place.
- We only use this data to answer your question. Only the 1700 staff handling your question can see it.
- We keep e-mails and chat conversations for a limited time: 90 days by default. After that they are deleted automatically.
- If you rate the contact afterwards, we only use the ratings in totals to improve our service.

### Page feedback

If you tell us whether a page was useful, we only keep your answer, any comment you add and the day you gave it. We keep no data that tells us who you are. Please do not include personal data in your comment.

## Legal basis

We process this data in accordance with the General Data Protection Regulation (GDPR). The legal basis is the performance of a task carried out in the public interest (Article 6(1)(e) GDPR): the personnel policy of the Flemish Government, including the values programme, and the general information service 1700.

## Who receives your data?

We do not sell your data and do not pass it on to third parties. Service providers who manage the platform on our behalf only act on our instructions and under a data processing agreement. We only disclose data to others where the law requires us to.

## How long do we keep your data?

- E-mails and chat conversations with 1700: 90 days by default.
- Staff data: as long as you work for the Flemish Government and as long as needed for the purposes above.
- Staff survey answers and page feedback cannot be traced back to you.

## Your rights

You have the right to:

- access your data;
- have incorrect data corrected;
- have your data erased, for example your e-mail or chat with 1700 before the retention period has ended;
- object to processing or ask for it to be restricted.

Your staff survey answers and your page feedback are stored without your identity. We therefore cannot link them to you, and so cannot show or erase them individually.

## Contact

For questions about your data or to exercise your rights, please contact the data protection officer of the Agentschap Overheidspersoneel: ${CONTACT_MAILTO}.

## Complaints

Do you disagree with how we process your data? You can file a complaint with the [Vlaamse Toezichtcommissie](https://www.vlaamsetoezichtcommissie.be) (Flemish Supervisory Commission for the processing of personal data), the supervisory authority for the Flemish public sector.

This statement was last updated on 28 November 2026.`;

// ---------------------------------------------------------------------------
// over
// ---------------------------------------------------------------------------

const overNl = `Waarden in Actie is het platform van de Vlaamse overheid rond haar vier organisatiewaarden: openheid, daadkracht, vertrouwen en wendbaarheid. Het brengt twee diensten samen.

## Het waardenprogramma

Personeelsleden leren de waarden kennen, testen hun kennis, tonen waardering voor collega's en spreken elkaar aan op de waarden. Ze delen verhalen en kunst en vullen de personeelspeiling in. Leidinggevenden en entiteiten vertalen de waarden in hun eigen woorden, maken actieplannen en volgen de resultaten op. Het Agentschap Overheidspersoneel beheert het centrale waardenkader en volgt de vijf doelstellingen en vier strategieën van het project op.

Resultaten tonen we alleen voor groepen die groot genoeg zijn, zodat niemand individueel herkenbaar is. Geanonimiseerde totalen kunnen als open data gepubliceerd worden.

## Contact met 1700

Op elke pagina kunt u een e-mail sturen naar 1700, de informatiedienst voor al uw vragen aan de overheid, of met een medewerker chatten. Van uw e-mail ontvangt u een kopie.

## Demogegevens

De beleidsdomeinen en entiteiten op dit platform zijn echte organisaties van de Vlaamse overheid, maar hun OVO-codes zijn verzonnen. De afdelingen, teams en personen in de demo zijn synthetische gegevens: ze bestaan niet echt, en elke gelijkenis met bestaande personen is toevallig.`;

const overEn = `Waarden in Actie (Values in Action) is the Flemish Government's platform for its four organisational values: openness, decisiveness, trust and agility. It brings two services together.

## The values programme

Staff learn about the values, test their knowledge, show appreciation for colleagues and address each other on the values. They share stories and art and answer the staff survey. Managers and entities put the values into their own words, draw up action plans and follow up on results. The Agentschap Overheidspersoneel (Agency for Government Employees) manages the central values framework and monitors the project's five objectives and four strategies.

Results are only shown for groups large enough that no one can be identified individually. Anonymised totals can be published as open data.

## Contacting 1700

On every page you can send an e-mail to 1700, the information service for all your questions to the government, or chat with an agent. You receive a copy of your e-mail.

## Demo data

The policy domains and entities on this platform are real Flemish Government organisations, but their OVO codes are made up. The divisions, teams and people in the demo are synthetic data: they do not exist, and any resemblance to real persons is coincidental.`;

export const seedPages: SeedPage[] = [
  {
    slug: 'waarden',
    locale: 'nl',
    title: 'Waarden Vlaamse overheid',
    summary:
      'De vier waarden van de Vlaamse overheid (openheid, daadkracht, vertrouwen en wendbaarheid), hun plaats in de organisatie en het project Waarden in Actie.',
    bodyMarkdown: waardenNl,
  },
  {
    slug: 'waarden',
    locale: 'en',
    title: 'Values of the Flemish Government',
    summary:
      'The four values of the Flemish Government (openness, decisiveness, trust and agility), their place in the organisation and the Waarden in Actie project.',
    bodyMarkdown: waardenEn,
  },
  {
    slug: 'toegankelijkheid',
    locale: 'nl',
    title: 'Toegankelijkheidsverklaring',
    summary:
      'In welke mate dit platform voldoet aan WCAG 2.1 niveau AA, wat nog niet toegankelijk is en hoe u een probleem kunt melden.',
    bodyMarkdown: toegankelijkheidNl,
  },
  {
    slug: 'toegankelijkheid',
    locale: 'en',
    title: 'Accessibility statement',
    summary:
      'To what extent this platform meets WCAG 2.1 level AA, what is not yet accessible and how to report a problem.',
    bodyMarkdown: toegankelijkheidEn,
  },
  {
    slug: 'privacy',
    locale: 'nl',
    title: 'Privacyverklaring',
    summary:
      'Welke persoonsgegevens dit platform verwerkt, waarom, hoelang we ze bewaren en welke rechten u hebt.',
    bodyMarkdown: privacyNl,
  },
  {
    slug: 'privacy',
    locale: 'en',
    title: 'Privacy statement',
    summary: 'What personal data this platform processes, why, how long we keep it and what rights you have.',
    bodyMarkdown: privacyEn,
  },
  {
    slug: 'over',
    locale: 'nl',
    title: 'Over dit platform',
    summary: 'Wat Waarden in Actie doet: het waardenprogramma van de Vlaamse overheid en contact met 1700.',
    bodyMarkdown: overNl,
  },
  {
    slug: 'over',
    locale: 'en',
    title: 'About this platform',
    summary: "What Waarden in Actie does: the Flemish Government's values programme and contact with 1700.",
    bodyMarkdown: overEn,
  },
];
