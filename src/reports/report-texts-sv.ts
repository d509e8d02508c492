// Texts of the reports (issue 6), in Swedish: the source. report-texts-en.ts must match its type.
// Figures are filled in by the builders; every sentence here is our own.

export const reportTextsSv = {
  labels: {
    author: 'Författare',
    date: 'Datum',
    version: 'Version',
    classification: 'Informationsklassning',
    documentControl: 'Dokumentinformation',
    history: 'Versionshistorik',
    historyColumns: ['Datum', 'Version', 'Utfärdad av', 'Anledning'] as [string, string, string, string],
    noHistory: 'Rapporten har inte utfärdats än. Det här är ett utkast som kan ändras.',
    pageOf: 'Sida {page} av {pages}',
    contents: 'Innehåll',
  },
  draft: 'Utkast',
  figure: (number: number, title: string) => `Figur ${number}. ${title}`,
  table: (number: number, title: string) => `Tabell ${number}. ${title}`,
  memberTitle: (year: number) => `Digital mognad ${year}`,
  memberSubtitle: (member: string, study: string) => `Delrapport för ${member} inom ${study}`,
  memberSubtitleAlone: (member: string) => `Rapport för ${member}`,
  federationTitle: (year: number) => `Digital mognad ${year} – gemensam rapport`,
  federationSubtitle: (study: string, members: number) => `${study}: samlad och anonymiserad bild av ${members} medlemmar`,
  memberLabel: (number: number) => `Kommun ${number}`,
  yourNumber: (number: number) =>
    `I den gemensamma rapporten och i alla jämförelser med förbundet heter ni Kommun ${number}. Numret är slumpat och säger ingenting om storlek eller resultat.`,

  summary: 'Sammanfattning',
  summaryIntro: (member: string, year: number) => `Rapporten beskriver hur ${member} står sig digitalt ${year} och vad ni kan göra härnäst. Här är det viktigaste:`,
  summaryIntroFederation: (study: string, year: number, members: number) =>
    `Rapporten ger en samlad bild av de ${members} medlemmarna i ${study} ${year}. Ingen medlem nämns vid namn, och siffror för grupper som är mindre än anonymitetsgränsen visas inte.`,
  summaryMaturity: (percent: string, quadrant: string, title: string) => `Den digitala mognaden är ${percent}, vilket placerar er i ruta ${quadrant} – ${title.toLowerCase()}.`,
  summaryMaturityWithheld: 'Resultatet av mognadsmätningen visas inte eftersom för få har svarat.',
  summarySecurity: (established: number, total: number) => `${established} av ${total} grundläggande rutiner för informationssäkerhet är helt införda och följs upp.`,
  summaryCapabilityMap: (weak: number, total: number) => `${weak} av ${total} förmågor i förmågekartan bedöms som svaga.`,
  summaryCosts: (total: string, share: string | null) =>
    share === null ? `De identifierade IT-kostnaderna är ${total}.` : `De identifierade IT-kostnaderna är ${total}. Central IT står för ${share} av organisationens totala kostnader.`,
  summaryFederationMaturity: (members: number, average: string) => `${members} medlemmar har ett resultat i mognadsmätningen; genomsnittlig mognad är ${average}.`,
  summaryFederationCandidates: (count: number) =>
    count === 0 ? 'Inga förmågor i förmågekartan är tydliga kandidater för samverkan i år.' : `${count} förmågor i förmågekartan är kandidater för samverkan: flera medlemmar är svaga där medan någon är stark.`,
  summaryParts: (parts: string) => `Rapporten omfattar: ${parts}.`,

  assignment: 'Uppdraget',
  background: 'Bakgrund',
  purpose: 'Syfte',
  goal: 'Mål',
  scope: 'Avgränsning',
  defaultBackground: (study: string) =>
    `Digitaliseringen ställer krav på att organisationer kan styra sin utveckling, förvalta sina system och samarbeta över gränser. ${study} har därför låtit mäta hur långt medlemmarna har kommit, för att få ett gemensamt underlag för prioriteringar.`,
  defaultPurpose: 'Syftet är att ge varje medlem en saklig bild av sin digitala förmåga och sitt digitala arv, och att visa var det finns mest att vinna på att samarbeta.',
  defaultGoal: 'Målet är att varje medlem får konkreta rekommendationer och att förbundet får ett underlag för gemensamma satsningar som kan följas upp år för år.',
  defaultScope: 'Studien omfattar de delar som varje medlem har valt att delta i. Den bedömer inte enskilda verksamheters resultat och ersätter inte en revision.',

  terms: 'Begrepp',
  termRows: [
    ['Digital förmåga', 'Organisationens förmåga att använda digitalisering för att effektivisera, förnya och balansera verksamheten.'],
    ['Digitalt arv', 'Det som redan finns – teknik, organisation och användare – och som antingen hjälper eller hindrar förändringen.'],
    ['Mognad', 'Medelvärdet av förmåga och arv, uttryckt som andel av skalans högsta värde.'],
    ['Ruta A–D', 'Var organisationen hamnar i fyrfältaren där förmåga och arv möts.'],
    ['Central IT', 'De kostnadsställen som organisationen har angett som sin gemensamma IT-funktion.'],
    ['Kostnadspool', 'En av åtta grupper i TBM-modellen som IT-kostnaderna sorteras i, till exempel personal, hårdvara och programvara.'],
    ['Förmågekarta', 'En karta över de förmågor som driver digital utveckling, där varje förmåga bedöms på en skala från 0 till 4.'],
  ] as Array<[string, string]>,
  termColumns: ['Begrepp', 'Betydelse'],
  /** The chapters added from the seed's sub-report (issue 13): concepts, A–D, yardsticks, work areas, levels, målbild, efterlevnad. */
  chapters: {
    phasesTitle: 'Digitisering, digitalisering och digital transformation',
    phasesIntro:
      'Orden används på många sätt. I rapporten betyder de tre steg som bygger på varandra. Alla tre behövs, och en organisation kan befinna sig i olika steg i olika delar av verksamheten.',
    phaseColumns: ['Steg', 'Vad som händer', 'Vad det ger'],
    phases: [
      ['1. Digitisering', 'Information som fanns på papper blir digital, till exempel när en ansökan kommer in via en e-tjänst i stället för med post.', 'Lite snabbare hantering, men arbetet görs på samma sätt som förut.'],
      ['2. Digitalisering', 'När informationen väl är digital går arbetssätt och processer att ändra: steg automatiseras och nya sätt att möta behoven prövas.', 'Tydlig effektivisering och tjänster som passar dem som använder dem bättre.'],
      ['3. Digital transformation', 'Hela organisationen förändras. Den arbetar utforskande och datadrivet och skapar värde tillsammans med andra aktörer.', 'Nya tjänster och arbetssätt som inte gick att föreställa sig tidigare.'],
    ] as Array<[string, string, string]>,
    layersTitle: 'Den digitala organisationens utsida, insida och motor',
    layersIntro:
      'För att se hela organisationen i stället för en förvaltning i taget delar rapporten in den digitala organisationen i tre lager. Lagren hänger ihop: en svag motor bromsar både insidan och utsidan.',
    layerColumns: ['Lager', 'Vad det omfattar'],
    layers: [
      ['Digital utsida', 'Det invånare, företag och andra organisationer möter: e-tjänster, webbplatser, öppna data och gemensamma plattformar med andra aktörer.'],
      ['Digital insida', 'Verksamheternas egna arbetssätt och processer, där medarbetarna använder digitala verktyg och data i det dagliga arbetet.'],
      ['Digital motor', 'Den centrala IT-verksamheten och de roller som arbetar med IT runt om i organisationen, till exempel systemförvaltare. Motorn driver, förvaltar och utvecklar det som insidan och utsidan bygger på.'],
    ] as Array<[string, string]>,
    elementsTitle: 'Vad en förmåga består av',
    elementsIntro:
      'En förmåga beskriver vad organisationen kan göra, inte vem som gör det. Den består av flera delar som alla måste fungera. När en förmåga är svag finns orsaken oftast i någon av dem.',
    elementColumns: ['Del', 'Vad den omfattar'],
    elements: [
      ['Processer', 'Hur arbetet går till, steg för steg, och hur det är beskrivet.'],
      ['Organisation', 'Vilka som gör arbetet, med vilken kompetens och hur mycket tid.'],
      ['Policy och regler', 'Lagar, styrdokument och beslut som styr arbetet.'],
      ['Teknik', 'De system och verktyg som arbetet använder.'],
      ['Information', 'Den information som arbetet behöver och skapar, och hur den skyddas.'],
    ] as Array<[string, string]>,

    quadrantsTitle: 'De fyra rutorna A–D',
    quadrantsIntro:
      'Fyrfältaren delar in organisationer efter två frågor: är den digitala förmågan låg eller hög, och hjälper eller hindrar det digitala arvet? Svaren ger fyra rutor.',
    quadrantsColumns: ['Ruta', 'Digital förmåga', 'Digitalt arv', 'Kortnamn', 'Vad rutan betyder'],
    capabilityLow: 'Låg',
    capabilityHigh: 'Hög',
    legacyLimiting: 'Hindrar',
    legacyEnabling: 'Hjälper',
    quadrantsFederationNote: 'Tabellen gäller alla medlemmar. Hur många medlemmar som hamnar i varje ruta står i tabellen Medlemmar per ruta.',
    practiceTitle: (quadrant: string) => `Vad ruta ${quadrant} betyder i praktiken`,
    practiceStep: (quadrant: string, phase: string) => `Ruta ${quadrant} ligger närmast steget ${phase} (se avsnittet om de tre stegen under Begrepp).`,
    practiceCaveat:
      'Placeringen bygger på de svarandes egen bedömning. Med få svarande eller svarande från en enda del av organisationen kan bilden bli för ljus eller för mörk.',
    quadrantPractice: {
      A: {
        phase: 'digitisering',
        text: [
          'I vardagen märks det genom att mycket tid går åt till att hålla gamla system igång och till att lösa problem när de uppstår. Det finns sällan utrymme att planera för nästa steg.',
          'Digitala tjänster finns, men bakom dem hanteras ärendena ofta på samma sätt som när de kom in på papper. Beslut om nya system fattas ofta i en förvaltning i taget, vilket gör helheten svår att styra.',
          'Det viktigaste nu är att skapa en gemensam bild av vad digitaliseringen ska ge och att frigöra tid genom att städa bland system och avtal.',
        ],
      },
      B: {
        phase: 'digitalisering',
        text: [
          'Tekniken och IT-organisationen klarar mer än verksamheten hinner använda. Nya system införs, men arbetssätten ändras inte i samma takt, så nyttan uteblir.',
          'Ofta saknas en gemensam prioritering: många vill mycket, men ingen väljer bort. Chefer kan behöva mer stöd i att leda förändring och i att följa upp vad satsningarna faktiskt gav.',
          'Det viktigaste nu är styrning och ledarskap: en digital agenda, portföljstyrning och tydliga mål för nyttan.',
        ],
      },
      C: {
        phase: 'digitalisering',
        text: [
          'Ledningen vet vart den vill och satsar på digitalisering, men gamla system, avtal och tidigare beslut bromsar. Satsningarna ger därför mindre effekt än de borde.',
          'Det kan märkas genom att nya tjänster tar lång tid att koppla ihop med befintliga system, att teknisk skuld växer och att verksamheten skaffar egna lösningar vid sidan av IT.',
          'Det viktigaste nu är en plan för att modernisera infrastrukturen och avveckla det som inte längre behövs, steg för steg.',
        ],
      },
      D: {
        phase: 'digital transformation',
        text: [
          'Både förmågan och arvet hjälper till. Satsningar får effekt, och organisationen kan pröva nytt utan att riskera driften.',
          'I praktiken betyder det ofta att data används för att förutse behov och sätta in insatser i tid, att systemen utbyter information utan handpåläggning och att invånarna möter samlade digitala tjänster.',
          'Det viktigaste nu är att hålla takten, att följa upp att bilden stämmer med fler svarande och att dela med sig till andra som har kommit kortare.',
        ],
      },
    } as Record<'A' | 'B' | 'C' | 'D', { phase: string; text: string[] }>,

    yardsticksTitle: 'Externa jämförelsetal',
    yardsticksIntro:
      'Jämförelsetalen kommer från källor utanför studien. Varje tal anges med källa och år. Där det inte finns något jämförelsetal står det så; vi uppskattar inget.',
    yardstickColumns: ['Mått', 'Ert värde', 'Jämförelsetal', 'Källa och år'],
    yardstickColumnsFederation: ['Mått', 'Förbundet', 'Jämförelsetal', 'Källa och år'],
    yardstickMaturity: 'Digital mognad',
    yardstickCentralIt: 'Central IT:s andel av totala kostnader',
    nationalSource: (organisations: number, year: number) => `Riket: medelvärdet för ${organisations} organisationer som mätte med samma frågor, ${year}`,
    noNationalCell: (year: number) => `Inget jämförelsetal för riket finns för ${year}`,
    noNational: (year: number) => `Det finns inget jämförelsetal för riket för ${year}. Därför visas ingen jämförelse med riket.`,
    centralItReference: 'Strax under 2 %',
    centralItSource: 'Forskningskonsortiet Digital förvaltning (SCDI), kommuners genomsnitt enligt forskningen som redovisades 2021',
    centralItNote:
      'Talet gäller kommunernas genomsnitt och säger inte vilken nivå som är rätt. En organisation som vill utveckla verksamheten med digitalt stöd behöver ofta lägga mer än genomsnittet på sin IT.',
    noValue: '–',
    yardstickSpread: (low: string, average: string, high: string) => `${low}–${high} (medel ${average})`,
    ownAboveNational: (own: string, national: string) => `Er mognad (${own}) är högre än rikets genomsnitt (${national}).`,
    ownBelowNational: (own: string, national: string) => `Er mognad (${own}) är lägre än rikets genomsnitt (${national}).`,
    ownAtNational: (own: string) => `Er mognad (${own}) är i nivå med rikets genomsnitt.`,

    workAreasTitle: 'Central IT:s fyra arbetsområden',
    workAreasIntro:
      'Personalen inom central IT delas in i fyra arbetsområden. Två av dem håller driften igång, två riktar sig mot utveckling av verksamheten. Fördelningen visar var tyngdpunkten ligger.',
    workAreaColumns: ['Arbetsområde', 'Vad det omfattar', 'Inriktning', 'Er andel', 'Förbundets medel'],
    workAreaColumnsFederation: ['Arbetsområde', 'Vad det omfattar', 'Inriktning', 'Förbundets medel'],
    focusOperations: 'Drift',
    focusDevelopment: 'Utveckling',
    workAreasNoMix: 'Personal per arbetsområde har inte registrerats, så andelarna visas inte.',
    operationsShare: (own: string) => `Drift (infrastruktur och slutanvändartjänster) tar ${own} av personalen.`,
    operationsShareFederation: (average: string) => `I genomsnitt tar driften (infrastruktur och slutanvändartjänster) ${average} av personalen inom central IT.`,

    levelsTitle: 'Nivåerna 0–4',
    levelsIntro: 'Varje förmåga har bedömts på en skala med fem nivåer. En hög nivå är en styrka; nivå 0 och 1 är svagheter som bör åtgärdas.',
    levelColumns: ['Nivå', 'Namn', 'Vad nivån betyder'],
    describedTitle: 'Förmågorna och vad de innebär',
    describedIntro: (count: number) => `Tabellen beskriver alla ${count} förmågor och den nivå ni har angett.`,
    describedIntroFederation: (count: number) => `Tabellen beskriver alla ${count} förmågor och hur många medlemmar som är svaga respektive starka i var och en.`,
    describedColumns: ['Förmåga', 'Beskrivning', 'Er nivå'],
    describedColumnsFederation: ['Förmåga', 'Beskrivning', 'Svaga', 'Starka'],

    targetIntro: 'Målbilden beskriver vart medlemmarna vill komma tillsammans. Den är utgångspunkten när förmågornas nivå bedöms: en nivå är bra eller dålig i förhållande till målbilden.',
    targetGaps: (below: number, withTarget: number) => `Ni har angett en målnivå för ${withTarget} förmågor. ${below} av dem ligger under målnivån i dag.`,
    noTargets: 'Ni har inte angett någon målnivå i förmågekartan. Ange målnivåer nästa gång, så att avståndet till målbilden kan följas upp.',
    largestGapsTitle: 'Störst avstånd till målnivån',
    largestGapColumns: ['Förmåga', 'Nivå i dag', 'Målnivå', 'Avstånd'],

    complianceTitle: 'Efterlevnad',
    complianceMember: (member: string) =>
      `${member} äger rapporten och dess innehåll. Rapporten och underlagen hanteras, diarieförs och arkiveras enligt ${member}s egen dokumenthanteringsplan.`,
    complianceFederation: (study: string) =>
      `${study} äger den gemensamma rapporten och dess innehåll. Den hanteras, diarieförs och arkiveras enligt ${study}s dokumenthanteringsplan. Varje medlem äger sin egen delrapport.`,
    complianceClassification: (label: string) => `Rapporten är informationsklassad enligt SKR:s KLASSA: ${label.toLowerCase()}. Den som sprider rapporten vidare ansvarar för att klassningen följs.`,
    complianceSources: 'Svaren och bokföringen som rapporten bygger på finns kvar i Mogna och kan tas fram igen för samma år.',

    federationLink: (chapter: string, file: string) => `Motsvarande bild för hela förbundet finns i kapitlet ”${chapter}” i den gemensamma rapporten (${file}).`,
    seeFederation: 'Se även',

    conclusionsTitle: 'Slutsatser och rekommendationer för förbundet',
    conclusionsIntro: 'Slutsatserna följer direkt av siffrorna i rapporten. Varje slutsats har en rekommendation till förbundet. Reglerna beskrivs i Mognas metodbeskrivning.',
    conclusionFinding: 'Slutsats',
    conclusionAdvice: 'Rekommendation',
    conclusionNone: 'Underlaget räcker inte för några slutsatser i år: för få medlemmar har deltagit i delarna.',
    conclusions: {
      quadrantMost: (quadrant: string, title: string, count: number, total: number) => `Flest medlemmar, ${count} av ${total}, hamnar i ruta ${quadrant} (${title.toLowerCase()}).`,
      quadrantAdvice: {
        A: 'Börja med gemensam kompetens för ledningar och förtroendevalda och en gemensam plan för att minska gamla system och avtal.',
        B: 'Stöd medlemmarna i styrning: en gemensam modell för digital agenda, portföljstyrning och uppföljning av nytta.',
        C: 'Samordna moderniseringen av infrastrukturen och gemensamma upphandlingar, så att gamla system kan avvecklas i samma takt.',
        D: 'Låt medlemmarna i ruta D dela arbetssätt med de andra, och gör om mätningen med fler svarande för att pröva bilden.',
      } as Record<'A' | 'B' | 'C' | 'D', string>,
      quadrantSpread: (quadrants: number) => `Medlemmarna fördelar sig på ${quadrants} olika rutor.`,
      quadrantSpreadAdvice: 'Eftersom medlemmarna står på olika ställen behöver samverkan byggas så att den som kommit längre kan stödja de andra.',
      weakForMost: (count: number, names: string) => `${count} förmågor är svaga hos mer än hälften av medlemmarna: ${names}.`,
      weakForMostAdvice: 'Gör de här förmågorna till förbundets första gemensamma utvecklingsområden. Ingen behöver börja ensam.',
      noWeakForMost: 'Ingen förmåga är svag hos mer än hälften av medlemmarna.',
      noWeakForMostAdvice: 'Utgå från kandidaterna för samverkan när förbundet väljer gemensamma insatser.',
      costSpread: (low: string, high: string, points: string) => `Central IT:s andel av de totala kostnaderna varierar från ${low} till ${high}, en skillnad på ${points} procentenheter.`,
      costSpreadWideAdvice: 'Skillnaden är stor. Jämför hur medlemmarna bokför och organiserar sin IT innan kostnaderna används för att fördela gemensamma åtaganden.',
      costSpreadNarrowAdvice: 'Medlemmarna lägger ungefär lika stor andel på central IT. Det gör gemensamma tjänster lättare att jämföra och fördela.',
      securityGap: (count: number, total: number) => `${count} av ${total} grundläggande rutiner för informationssäkerhet är införda hos färre än hälften av medlemmarna.`,
      securityGapAdvice: 'Ta fram gemensamma mallar och utbildning för de rutiner som saknas hos flest, till exempel inom ett gemensamt nätverk för informationssäkerhet.',
    },
  },

  method: 'Metod',
  methodIntro: 'Rapporten bygger på följande underlag. Alla siffror kommer direkt från svaren och bokföringen; beräkningarna beskrivs i Mognas metodbeskrivning.',
  methodMaturity: (instrument: string, respondents: number, who: string | null) =>
    `${instrument}: svar från ${respondents} ${respondents === 1 ? 'person' : 'personer'}${who ? ` (${who})` : ''}. Varje påstående bedöms på en skala från 0 till 6.`,
  methodSecurity: (instrument: string) => `${instrument}: en gemensam bedömning för hela organisationen av ett ombud och sju grundläggande rutiner.`,
  methodCapabilityMap: (instrument: string, count: number) => `${instrument}: en gemensam självskattning av ${count} förmågor på skalan 0–4.`,
  methodCosts: (year: number, rows: number) => `IT-kostnadsanalys: huvudboken för ${year} (${rows} konteringsrader i sammandrag) sorterad i TBM-modellens kostnadspooler.`,
  methodFederation: (members: number, threshold: number) =>
    `Jämförelserna omfattar förbundets ${members} medlemmar. Medlemmarna är numrerade i stället för namngivna, och ingen siffra visas för en grupp med färre än ${threshold} medlemmar.`,
  roleCount: (count: number, role: string) => `${role}: ${count}`,

  maturity: 'Digital mognad',
  maturityIntro: 'Mätningen beskriver två sidor av digitaliseringen: förmågan att använda den och det arv av teknik, organisation och vanor som påverkar hur lätt det går.',
  capabilityDescriptions: 'Förmågorna som mäts',
  capabilityDescriptionsIntro: 'Varje område består av flera förmågor. Tabellen beskriver vad områdena handlar om.',
  areaColumns: ['Dimension', 'Område', 'Beskrivning'],
  capabilityListIntro: (count: number) => `Så här beskrivs de ${count} förmågorna för dem som svarar.`,
  capabilityList: 'De förmågor som mäts',
  capabilityListColumns: ['Förmåga', 'Område', 'Vad den handlar om'],
  federationRadar: 'Förbundet jämfört med riket',
  federationRadarIntro: 'Figuren visar förbundets lägsta, genomsnittliga och högsta värde per förmåga samt rikets genomsnitt.',
  memberRadar: 'Er organisation jämfört med förbundet',
  matrix: 'Förmåga och arv i fyrfältaren',
  quadrantIs: (quadrant: string, title: string) => `Ni hamnar i ruta ${quadrant}: ${title}.`,
  noQuadrant: 'Det finns inte tillräckligt med svar för att placera organisationen i fyrfältaren.',
  dimensionsTable: 'Förmåga, arv och mognad',
  dimensionColumns: ['Mått', 'Er organisation', 'Förbundets medel', 'Rikets medel'],
  maturityRow: 'Mognad (%)',
  withheldTitle: 'Resultatet visas inte',
  withheld: (n: number, threshold: number) => `Bara ${n} har svarat, färre än anonymitetsgränsen ${threshold}. För att ingen enskild ska kunna pekas ut visas inget resultat.`,
  changeSince: (year: number) => `Förändring sedan ${year}`,
  changeMaturity: (previous: string, current: string) => `Mognaden har gått från ${previous} till ${current}.`,
  changeQuadrant: (previous: string, current: string) => `Placeringen i fyrfältaren har gått från ruta ${previous} till ruta ${current}.`,
  changeColumns: ['Område', 'Förra mätningen', 'Nu', 'Förändring'],
  recommendations: 'Rekommendationer',
  maturityRecommendationsIntro: (quadrant: string) => `Rekommendationerna utgår från ruta ${quadrant} och från de områden där ni ligger lägst.`,
  weakestAreas: (areas: string) => `Lägg extra kraft på de områden där resultatet är lägst: ${areas}.`,

  federationMaturityIntro: (members: number) => `${members} medlemmar har ett resultat i mognadsmätningen. Varje medlem visas med sitt nummer.`,
  quadrantCountsTable: 'Medlemmar per ruta',
  quadrantColumns: ['Ruta', 'Betydelse', 'Antal medlemmar'],
  memberMaturityTable: 'Mognad per medlem',
  memberMaturityColumns: ['Medlem', 'Svarande', 'Förmåga', 'Arv', 'Mognad (%)', 'Ruta'],
  tooFewMembers: (threshold: number) => `Färre än ${threshold} medlemmar har resultat, så förbundets siffror visas inte.`,

  security: 'Informationssäkerhet',
  securityIntro: 'Delen visar vilka grundläggande rutiner för informationssäkerhet som finns och i vilken grad de är införda.',
  answerTable: 'Svar om informationssäkerhet',
  answerColumns: ['Fråga', 'Svar'],
  notApplicable: 'Ställs inte (följer av ett tidigare svar)',
  notAnswered: 'Inte besvarad',
  dontKnow: 'Vet inte',
  securityIndex: (index: string, established: number, total: number) => `Indexet för informationssäkerhet är ${index} av 100. ${established} av ${total} rutiner är helt införda och följs upp.`,
  securityChange: (year: number, before: number, now: number) => `${year} var ${before} av rutinerna helt införda; nu är det ${now}.`,
  securityRecommendationsIntro: 'Rekommendationerna väljs utifrån svaren. Varje rekommendation hör till en rutin som saknas eller bara delvis är införd.',
  noRecommendations: 'Svaren ger inga rekommendationer: alla rutiner är införda i hög grad.',
  practiceCountsTable: 'Medlemmar som har infört varje rutin',
  practiceCountColumns: ['Rutin', 'Infört', 'Inte infört', 'Inte besvarat'],
  securityFederationIntro: (members: number) => `${members} medlemmar har besvarat frågorna om informationssäkerhet.`,
  indexDistribution: (low: string, avg: string, high: string) => `Indexet varierar från ${low} till ${high}, med ett medelvärde på ${avg}.`,

  capabilityMap: 'Förmågekarta',
  capabilityMapIntro: 'Förmågekartan beskriver de förmågor som behövs för att driva digital utveckling. Varje förmåga har skattats på en skala från 0 (saknas) till 4 (ledande).',
  levelTable: 'Alla förmågor och deras nivå',
  levelColumns: ['Förmåga', 'Område', 'Tema', 'Nivå'],
  levelCounts: (counts: string) => `Fördelningen över nivåerna: ${counts}.`,
  weakCapabilities: 'Svaga förmågor',
  weakIntro: (count: number, limit: string) => `${count} förmågor ligger på nivån ${limit} eller lägre. Frågorna nedan hjälper er att hitta orsaken till att en förmåga är svag.`,
  noWeak: 'Inga förmågor bedöms som svaga.',
  perspectives: 'Perspektiv för att hitta orsaken',
  perspectiveColumns: ['Perspektiv', 'Fråga att ställa'],
  collaboration: 'Kandidater för samverkan',
  collaborationIntro: 'En förmåga är kandidat för samverkan när flera medlemmar är svaga och minst en är stark och kan dela med sig.',
  collaborationColumns: ['Förmåga', 'Svaga medlemmar', 'Starka medlemmar', 'Er nivå'],
  collaborationColumnsFederation: ['Förmåga', 'Svaga medlemmar', 'Starka medlemmar'],
  noCandidates: 'Inga förmågor uppfyller villkoren för samverkan i år.',
  mapChange: (year: number, up: number, down: number) => `Sedan ${year} har ${up} förmågor fått en högre nivå och ${down} en lägre.`,
  federationMatrix: 'Förbundets medlemmar per förmåga',
  mapFederationIntro: (members: number) => `${members} medlemmar har fyllt i förmågekartan.`,

  costs: 'IT-kostnader',
  costsIntro: 'Analysen sorterar huvudbokens kostnader i TBM-modellens åtta kostnadspooler och skiljer på det som bokförs på central IT och det som bokförs ute i verksamheterna.',
  costsKeyFigures: 'Nyckeltal',
  costsKeyColumns: ['Mått', 'Värde'],
  totalIt: 'Identifierade IT-kostnader',
  centralItCost: 'Kostnader på central IT',
  organisationTotal: 'Organisationens totala kostnader',
  centralItShare: 'Central IT:s andel av totala kostnader',
  federationAverageShare: 'Förbundets genomsnitt',
  costChange: (year: number, previous: string, change: string) => `Jämfört med ${year} (${previous}) har de identifierade IT-kostnaderna ändrats med ${change}.`,
  noComparison: 'För få medlemmar har lämnat bokföring för att en jämförelse ska kunna visas.',
  noTowers: 'Personal per IT-torn har inte registrerats.',
  costRecommendationsIntro: 'Rekommendationerna bygger på hur era kostnader fördelar sig jämfört med förbundets genomsnitt.',
  costRecommendations: {
    unmapped: (amount: string) => `Konton för ${amount} på central IT saknar regel och räknas inte med. Komplettera reglerna så att bilden blir hel.`,
    lowCentralShare: 'Mer av IT-kostnaderna ligger ute i verksamheterna än hos andra medlemmar. Se över vilka system och tjänster som skulle kunna samlas och upphandlas gemensamt.',
    highOutsideSoftware: 'En stor del av programvarukostnaderna bokförs utanför central IT. Gör en samlad förteckning över licenser och avtal för att hitta dubbletter.',
    highExternal: 'Andelen externa konsulter är högre än förbundets genomsnitt. Bedöm vilka kompetenser som är värda att bygga upp internt eller dela med andra medlemmar.',
    noTowers: 'Registrera personalen per IT-torn nästa år, så att fördelningen mellan drift och utveckling kan jämföras.',
    operationsHeavy: 'Personalen lägger en större andel på drift än förbundet i genomsnitt. Undersök om delar av driften kan samordnas så att mer tid frigörs för utveckling.',
    steady: 'Kostnaderna fördelar sig ungefär som hos övriga medlemmar. Följ upp siffrorna vid nästa mätning för att se hur de förändras.',
  },
  federationCostsIntro: (members: number) => `${members} medlemmar har lämnat bokföring. Medlemmarna är numrerade; snitten är okomplicerade medelvärden där varje medlem väger lika.`,

  goalPicture: 'Gemensam målbild',
  goalPictureIntro: 'Målbilden beskriver vart medlemmarna vill komma tillsammans.',
  defaultGoalPicture: [
    'Medlemmarna har en gemensam bild av sin digitala mognad och följer upp den varje år.',
    'Svaga förmågor som flera delar utvecklas tillsammans, med stöd av den som har kommit längst.',
    'Informationssäkerheten vilar på samma grundläggande rutiner hos alla medlemmar.',
    'IT-kostnaderna är kända och jämförbara, så att gemensamma upphandlingar och tjänster kan bedömas på saklig grund.',
  ],
  participation: 'Deltagande',
  participationColumns: ['Medlem', 'Mognadsmätning', 'Informationssäkerhet', 'Förmågekarta', 'IT-kostnader'],
  yes: 'Ja',
  no: '–',
  partNames: { maturity: 'digital mognad', security: 'informationssäkerhet', capabilityMap: 'förmågekarta', costs: 'IT-kostnader' },
  and: 'och',
  drafts: {
    categories: { competence: 'Kompetens', governance: 'Ledning och styrning', economy: 'Ekonomi', it: 'IT' } as Record<'competence' | 'governance' | 'economy' | 'it', string>,
    interpretation: 'Vår tolkning',
    recommendations: 'Rekommendationer',
    recommendationsIntro: 'Rekommendationerna bygger på svaren och är ordnade efter område.',
    strengthen: (name: string, value: string, average: string | null, federation: boolean) =>
      average === null
        ? `Prioritera ${name.toLowerCase()}, som fick ${value} och ligger under mitten av skalan.`
        : `Prioritera ${name.toLowerCase()}, som fick ${value} mot ${average} i genomsnitt ${federation ? 'i förbundet' : 'i riket'}.`,
    securityPolicy: (index: string) => `Ta fram en gemensam policy för informationssäkerhet och utse roller som driver arbetet. Indexet är ${index} av 100.`,
    capabilityMapWeak: (count: number, name: string) => `Gör en plan för de ${count} svaga förmågorna i förmågekartan och börja med ${name.toLowerCase()}.`,
    unmappedCosts: 'Komplettera reglerna för IT-kostnaderna så att alla konton hamnar i en kostnadspool.',
    followUp: 'Inget område sticker ut negativt. Följ upp samma mått nästa år för att se att nivån håller.',
    maturityWithheld: 'Resultatet visas inte eftersom för få har svarat, så det går inte att tolka.',
    strongestWeakest: (best: string, bestDiff: string, worst: string, worstDiff: string, federation: boolean) =>
      `Jämfört med genomsnittet ${federation ? 'i förbundet' : 'i riket'} är ni starkast inom ${best.toLowerCase()} (${bestDiff}) och svagast inom ${worst.toLowerCase()} (${worstDiff}).`,
    strongestWeakestAlone: (best: string, bestValue: string, worst: string, worstValue: string) => `Högst resultat har ${best.toLowerCase()} (${bestValue}) och lägst ${worst.toLowerCase()} (${worstValue}).`,
    quadrantMeans: (quadrant: string, title: string) => `Ni hamnar i ruta ${quadrant}, ${title.toLowerCase()}, och det är utgångspunkten för rekommendationerna.`,
    security: (established: number, total: number, index: string | null) =>
      `${established} av ${total} rutiner för informationssäkerhet är etablerade${index === null ? '' : `, vilket ger indexet ${index} av 100`}.`,
    securityChange: (before: number, now: number) =>
      now > before ? `Sedan förra året har antalet etablerade rutiner ökat från ${before} till ${now}.` : now < before ? `Sedan förra året har antalet etablerade rutiner minskat från ${before} till ${now}.` : `Antalet etablerade rutiner är detsamma som förra året (${now}).`,
    costs: (centralShare: string | null) =>
      centralShare === null ? 'Kostnaderna visar var IT-pengarna går, men organisationens totala kostnad saknas, så IT-andelen kan inte räknas.' : `IT-kostnaderna som bokas centralt motsvarar ${centralShare} av organisationens kostnader.`,
    costsChange: (change: string, direction: 'up' | 'down' | 'same') =>
      direction === 'up' ? `Den identifierade IT-kostnaden har ökat med ${change} sedan förra året.` : direction === 'down' ? `Den identifierade IT-kostnaden har minskat med ${change} sedan förra året.` : 'Den identifierade IT-kostnaden är densamma som förra året.',
    capabilityMap: (weak: number, total: number, mean: string | null) => `${weak} av ${total} förmågor är svaga${mean === null ? '' : `, och medelnivån är ${mean}`}.`,
    capabilityGap: (name: string, gap: number) => `Störst avstånd till målnivån har ${name.toLowerCase()} (${gap} ${gap === 1 ? 'nivå' : 'nivåer'}).`,
    summaryMaturity: (percent: string, federation: 'above' | 'below' | 'level' | null, national: 'above' | 'below' | 'level' | null) => {
      const word = (position: 'above' | 'below' | 'level') => (position === 'above' ? 'över' : position === 'below' ? 'under' : 'i nivå med');
      const parts = [federation && `${word(federation)} förbundets genomsnitt`, national && `${word(national)} rikets`].filter(Boolean);
      return `Den digitala mognaden är ${percent}${parts.length > 0 ? `, ${parts.join(' och ')}` : ''}.`;
    },
    summaryChange: (year: number, before: string, now: string) => `Sedan ${year} har mognaden gått från ${before} till ${now}.`,
    summaryFirst: (text: string) => `Det första steget: ${text.charAt(0).toLowerCase()}${text.slice(1)}`,
  },
  collaborationRanked: (shown: number, total: number) =>
    `${total} förmågor uppfyller villkoren. De ${shown} som står först visas: där flest medlemmar är svaga, sedan där den starkaste medlemmen har kommit längst och där skillnaden mellan medlemmarna är störst.`,
  strongestColumn: 'Starkast',
  strongestCell: (members: string, level: number) => `${members} (nivå ${level})`,
  nationalSource: (scope: 'outside-federation' | 'platform', year: number, count: number) =>
    scope === 'outside-federation'
      ? `Rikets medel bygger på alla organisationer i Mogna utanför förbundet som jämför sig, ${year}: ${count} organisationer.`
      : `Rikets medel bygger på alla organisationer i Mogna som deltar i jämförelser, ${year}: ${count} organisationer.`,
  noNational: 'Det finns ingen nationell jämförelse för året. Det räcker inte med förbundets egna medlemmar, så den kolumnen är utelämnad.',
  federationSpread: 'Spridningen i förbundet',
  federationSpreadIntro: 'Figuren visar förbundets lägsta, genomsnittliga och högsta värde per förmåga.',
};

export type ReportTexts = typeof reportTextsSv;
