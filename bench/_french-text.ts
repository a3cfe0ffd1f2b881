// A seeded generator of plausible French articles about the social and solidarity economy, for benchmarks:
// the same seed gives the same text. Real prose has tens of thousands of distinct words over a corpus, a
// few very common and a long tail of rare ones, and each article comes back to its own topic words; a
// 100-noun vocabulary made every query match most of the corpus, which no real site does. So:
//   - a core lexicon of real French words (nouns, adjectives, -er verbs), inflected (plurals, feminines,
//     conjugations) so that stemming has work to do;
//   - a long tail of derived words (roots × French suffixes: -tion, -ment, -age, -ité…) and surnames;
//   - Zipf-distributed picks over the whole vocabulary, and per-article topic words that recur (burstiness).
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const list = (s: string) => s.trim().split(/\s+/);

// Core nouns, most frequent first (the site's own subjects, then general vocabulary).
const coreNouns = list(`économie coopérative association projet territoire emploi entreprise acteur réseau financement
structure habitant commune salarié bénévole solidarité innovation politique collectivité région logement mutuelle
épargne agriculture alimentation circuit producteur consommateur citoyen démocratie gouvernance statut pôle insertion
handicap formation jeunesse santé transition énergie climat mobilité plateforme ressource recyclage déchet réemploi
tourisme culture éducation crédit banque investissement fondation subvention marché achat commande utilité impact
évaluation mesure rapport étude enquête chiffre croissance crise relance ministre loi décret réforme agrément label
charte filière secteur partenaire chambre conférence rencontre forum atelier coopération année travail personne
service action ville village quartier famille enfant école collège lycée université recherche chercheur outil
méthode question réponse problème solution besoin usage usager public population femme homme jeune senior retraite
revenu salaire prix coût budget dépense recette bilan résultat objectif stratégie plan programme dispositif appel
candidature dossier contrat convention accord partenariat alliance fédération union syndicat comité conseil bureau
assemblée président présidente directeur directrice équipe membre adhérent sociétaire client fournisseur artisan
commerçant agriculteur éleveur maraîcher boulanger paysan pêcheur ouvrier cadre technicien ingénieur médecin
infirmier soignant patient hôpital clinique maison foyer résidence immeuble terrain jardin forêt rivière montagne
littoral campagne bourg métropole département état nation europe monde histoire mémoire patrimoine musée théâtre
festival concert livre bibliothèque journal radio télévision média information communication débat opinion idée
valeur principe règle norme droit devoir liberté égalité justice citoyenneté participation engagement militant
mouvement lutte grève manifestation pétition vote élection mandat élu maire député sénateur gouvernement
administration préfecture mairie agence office institut observatoire laboratoire incubateur accélérateur fabrique
tiers lieu café restaurant cantine cuisine repas produit légume fruit viande lait fromage pain vin bière eau
électricité chauffage isolation rénovation construction bâtiment chantier matériau bois pierre métal plastique
papier textile vêtement meuble vélo voiture bus train transport trajet route rue place marché foire salon`);
const coreAdjectives = list(`social solidaire coopératif local territorial durable collectif public privé économique
écologique citoyen associatif mutualiste innovant régional national européen responsable équitable inclusif rural
urbain numérique financier démocratique énergétique alimentaire agricole culturel éducatif sanitaire médical
industriel artisanal commercial juridique fiscal politique administratif technique scientifique historique
nouveau ancien grand petit premier dernier jeune vieux fort faible rapide lent simple complexe libre ouvert
fermé commun partagé accessible disponible nécessaire possible important essentiel principal général particulier
récent actuel futur prochain court long annuel mensuel quotidien régulier exceptionnel modeste ambitieux efficace concret`);
const coreVerbs = list(`développer soutenir financer accompagner renforcer créer organiser structurer mobiliser favoriser
transformer proposer réunir valoriser engager coordonner animer expérimenter mesurer évaluer partager construire
défendre porter relancer ouvrir fermer lancer présenter publier annoncer signer voter adopter décider demander
rappeler expliquer raconter montrer souligner regretter saluer dénoncer critiquer réclamer espérer imaginer
inventer tester essayer chercher trouver aider former recruter embaucher licencier gagner perdre acheter vendre
produire consommer transporter livrer réparer recycler économiser investir emprunter rembourser cotiser gérer
diriger piloter accueillir loger nourrir soigner éduquer enseigner informer alerter protéger préserver restaurer
rénover isoler chauffer cultiver récolter élever pêcher cuisiner manger habiter travailler participer contribuer`);
const glue = list(`le la les un une des du de au aux et ou dans pour avec sur par entre vers sans sous depuis chez
mais donc car comme selon malgré avant après pendant contre`);
const towns = list(`Niort Lyon Lille Nantes Rennes Bordeaux Marseille Grenoble Montpellier Strasbourg Poitiers Limoges
Brest Toulouse Angers Tours Dijon Besançon Metz Nancy Reims Rouen Caen Amiens Orléans Clermont Perpignan Nîmes
Avignon Valence Chambéry Annecy Pau Bayonne Lorient Quimper Vannes Laval Cholet Saintes Angoulême Périgueux Agen`);

// Long tail: roots × suffixes, e.g. "coloriage", "plantement", "torsité". Not all are real words, all look French.
const roots = list(`abr acc adm affr ajust alim ampl annot apais arpent assembl attel aver baliz barr bascul bâtiss
bland bord bouss bras brod brû cadr cal camp cart cass chaîn chant charp chauss chiff cisel class clôt coll colm
compost conf cord couv crép cribl cult débrouill décor défrich dégag dépl dériv dessin détour dress éch éclair
écout effil égal emball encad enjamb entass entret épaul équip escal essaim étag étal étay fabul façonn faufil
ferr feuill fil flott forg fouill frais fress gabar garn gliss grav greff grill guid harn hiss jalonn jard joint
jou labour lanc lav lier lim lust maill manœuvr marquet mél mesur meul modul mouill nappl nett nou ourl pal parc
pass pav peign pes pign pil pinc plant plat pli poin polis port pos press quadr rab racc rad rail ram rang râp
ravaud rebond recoll redress ref régl rem rempl ren repiqu ress rid rod roul sabl sarcl scell semm sertiss
sond soud souffl stock suspend tach taill tamis tapiss tass teint tiss tord tress tri troqu vann vern vid viss`);
const nounSuffixes = list(`age ement tion ité isme eur euse ure ance ence oir oire erie ier ière ette ade aison`);
const adjSuffixes = list(`able ible ique iste al if eux aire el`);
const syllables = list(`ba be bi bo bu da de di do du fa fe fi fo ga ge gi go la le li lo lu ma me mi mo mu na ne ni no
pa pe pi po ra re ri ro ru sa se si so ta te ti to va ve vi vo char chou bran gre plo tru vin lan mon ber cour fon`);

function plural(word: string): string {
  if (/[sxz]$/.test(word)) return word;
  if (word.endsWith('al')) return word.slice(0, -2) + 'aux';
  if (/(eau|eu)$/.test(word)) return word + 'x';
  return word + 's';
}
function feminine(adj: string): string {
  if (adj.endsWith('e')) return adj;
  if (adj.endsWith('if')) return adj.slice(0, -2) + 'ive';
  if (adj.endsWith('eux')) return adj.slice(0, -1) + 'se';
  if (/(el|en|on)$/.test(adj)) return adj + adj.slice(-1) + 'e';
  if (adj.endsWith('er')) return adj.slice(0, -2) + 'ère';
  return adj + 'e';
}
const isFeminine = (noun: string) => /(ie|ion|té|ure|ance|ence|ité|ette|ière|euse|aison|ade|oire|e)$/.test(noun) && !/(age|isme|ème|oire)$/.test(noun);
function conjugate(verb: string, form: number): string {
  const base = verb.slice(0, -2);
  return [base + 'e', base + 'ent', base + 'é', base + 'ée', base + 'és', verb, base + 'ait', base + 'era', base + 'ons', base + 'aient'][form]!;
}

export interface Vocabulary {
  nouns: string[];
  adjectives: string[];
  verbs: string[];
  surnames: string[];
}

/** The whole vocabulary, most frequent words first; derived from its own seed, the same for every writer. */
export function vocabulary(): Vocabulary {
  const random = seededRandom(7);
  const any = <T>(items: T[]): T => items[Math.floor(random() * items.length)]!;
  const nouns = [...coreNouns];
  const adjectives = [...coreAdjectives];
  const seen = new Set([...nouns, ...adjectives]);
  for (const root of roots) {
    for (const suffix of nounSuffixes) if (random() < 0.8) nouns.push(root + suffix);
    for (const suffix of adjSuffixes) if (random() < 0.5) adjectives.push(root + suffix);
  }
  // More roots, made of syllables, for the rarest words.
  while (nouns.length < 12_000) {
    const word = any(syllables) + any(syllables) + (random() < 0.5 ? any(syllables) : '') + any(nounSuffixes);
    if (!seen.has(word)) (seen.add(word), nouns.push(word));
  }
  while (adjectives.length < 3_000) {
    const word = any(syllables) + any(syllables) + any(adjSuffixes);
    if (!seen.has(word)) (seen.add(word), adjectives.push(word));
  }
  const surnames: string[] = [];
  while (surnames.length < 2_000) {
    const name = any(syllables) + any(syllables) + any(['', 'on', 'in', 'et', 'ard', 'aud', 'ier']);
    surnames.push(name[0]!.toUpperCase() + name.slice(1));
  }
  // The core comes first; the derived tail is shuffled so rare words are not all of one family.
  const shuffleTail = <T>(items: T[], from: number) => {
    for (let i = items.length - 1; i > from; i--) {
      const j = from + Math.floor(random() * (i - from + 1));
      [items[i], items[j]] = [items[j]!, items[i]!];
    }
    return items;
  };
  return { nouns: shuffleTail(nouns, coreNouns.length), adjectives: shuffleTail(adjectives, coreAdjectives.length), verbs: coreVerbs, surnames };
}

export function frenchWriter(seed: number) {
  const random = seededRandom(seed);
  const vocab = vocabulary();
  /**
   * Zipf–Mandelbrot: rank r comes back about as often as 1/(r + q). The offset q flattens the head, as in
   * real prose, where even the commonest noun is in a minority of articles.
   */
  const zipf = <T>(items: T[], q = 20): T => items[Math.min(items.length - 1, Math.floor(q * Math.exp(random() * Math.log((items.length + q) / q)) - q))]!;
  const any = <T>(items: T[]): T => items[Math.floor(random() * items.length)]!;
  // Each article has a few topic words of its own that come back often in it.
  let topic: { nouns: string[]; adjectives: string[]; town: string; person: string } = { nouns: [], adjectives: [], town: '', person: '' };
  const newTopic = () => {
    topic = {
      nouns: Array.from({ length: 4 }, () => zipf(vocab.nouns)),
      adjectives: Array.from({ length: 2 }, () => zipf(vocab.adjectives)),
      town: any(towns),
      person: any(vocab.surnames),
    };
  };
  newTopic();
  const noun = () => (random() < 0.3 ? any(topic.nouns) : zipf(vocab.nouns));
  const adjective = () => (random() < 0.25 ? any(topic.adjectives) : zipf(vocab.adjectives));
  const nounPhrase = () => {
    const many = random() < 0.35;
    const n = noun();
    const fem = isFeminine(n);
    let adj = random() < 0.55 ? adjective() : '';
    if (adj && fem) adj = feminine(adj);
    const determiner = many ? any(['les', 'des', 'ces', 'leurs', 'nos']) : fem ? any(['la', 'une', 'cette', 'sa', 'notre']) : any(['le', 'un', 'ce', 'son', 'notre']);
    const parts = [determiner, many ? plural(n) : n];
    if (adj) parts.push(many ? plural(adj) : adj);
    if (random() < 0.2) parts.push('de', zipf(vocab.nouns));
    return parts.join(' ');
  };
  const verb = () => conjugate(zipf(vocab.verbs, 5), Math.floor(random() * 10));
  const sentence = () => {
    const parts = [nounPhrase(), verb(), nounPhrase()];
    if (random() < 0.6) parts.push(any(glue), nounPhrase());
    if (random() < 0.25) parts.push('à', random() < 0.5 ? topic.town : any(towns));
    if (random() < 0.15) parts.push('selon', random() < 0.6 ? topic.person : any(vocab.surnames));
    if (random() < 0.15) parts.push('depuis', String(1990 + Math.floor(random() * 35)));
    const text = parts.join(' ');
    return text[0]!.toUpperCase() + text.slice(1) + '.';
  };
  const paragraph = (sentences: number) => Array.from({ length: sentences }, sentence).join(' ');
  const capital = (t: string) => t[0]!.toUpperCase() + t.slice(1);
  return {
    /** Starts a new article: new topic words. */
    title: () => {
      newTopic();
      return capital(`${nounPhrase()} ${any(glue)} ${nounPhrase()}`);
    },
    lead: () => paragraph(2),
    /** About 250 words in paragraphs, with SPIP markup here and there. */
    text: () => Array.from({ length: 4 }, () => paragraph(4)).join('\n\n').replace(/ (coopératives?) /, ' {{$1}} '),
    postscript: () => (random() < 0.3 ? paragraph(1) : ''),
    random,
  };
}
