// A seeded generator of plausible French articles about the social and solidarity economy, for benchmarks:
// the same seed gives the same text, with inflected forms (plurals, feminines, derived words) so that
// stemming has real work to do, and a skewed word distribution like real prose.
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

const nouns = `économie coopérative coopération association mutuelle entreprise territoire emploi salarié bénévole projet financement
épargne solidarité innovation politique collectivité région commune habitant logement agriculture alimentation circuit producteur
consommateur citoyen démocratie gouvernance statut réseau pôle insertion handicap formation jeunesse santé transition énergie climat
mobilité numérique plateforme commun ressource recyclage déchet réemploi tourisme culture éducation crédit banque investissement
fondation subvention marché achat commande utilité impact évaluation mesure rapport étude enquête chiffre croissance crise relance
ministre loi décret réforme agrément label charte filière secteur acteur partenaire réseau chambre conférence rencontre forum atelier`.split(/\s+/);
const adjectives = `social solidaire coopératif local territorial durable collectif public privé économique écologique citoyen associatif
mutualiste innovant régional national européen responsable équitable inclusif rural urbain numérique financier démocratique`.split(/\s+/);
const verbs = `développe soutient finance accompagne renforce crée organise structure mobilise favorise transforme propose réunit
valorise engage coordonne anime expérimente mesure évalue partage construit défend porte relance ouvre`.split(/\s+/);
const glue = `le la les un une des du de la au aux et ou dans pour avec sur par entre vers sans sous depuis chez`.split(/\s+/);
const names = `Niort Lyon Lille Nantes Rennes Bordeaux Marseille Grenoble Montpellier Strasbourg Poitiers Limoges Brest Toulouse`.split(/\s+/);

function plural(word: string): string {
  if (/[sxz]$/.test(word)) return word;
  if (word.endsWith('al')) return word.slice(0, -2) + 'aux';
  if (word.endsWith('eau')) return word + 'x';
  return word + 's';
}
function feminine(adj: string): string {
  if (adj.endsWith('e')) return adj;
  if (adj.endsWith('if')) return adj.slice(0, -2) + 'ive';
  if (adj.endsWith('el')) return adj + 'le';
  if (adj.endsWith('en')) return adj + 'ne';
  return adj + 'e';
}

export function frenchWriter(seed: number) {
  const random = seededRandom(seed);
  // Zipf-like: low indexes come back much more often.
  const pick = <T>(list: T[]): T => list[Math.floor(Math.pow(random(), 2.2) * list.length)]!;
  const any = <T>(list: T[]): T => list[Math.floor(random() * list.length)]!;
  const nounPhrase = () => {
    const many = random() < 0.35;
    const noun = pick(nouns);
    const adjective = random() < 0.6 ? pick(adjectives) : '';
    const fem = /(ie|ion|té|ure|ance|ence|ité|e)$/.test(noun);
    const adj = adjective ? (fem ? feminine(adjective) : adjective) : '';
    return [many ? 'les' : any(['le', 'la', 'un', 'une', 'cette']), many ? plural(noun) : noun, adj ? (many ? plural(adj) : adj) : ''].filter(Boolean).join(' ');
  };
  const sentence = () => {
    const parts = [nounPhrase(), pick(verbs), nounPhrase(), any(glue), nounPhrase()];
    if (random() < 0.3) parts.push('à', any(names));
    if (random() < 0.2) parts.push('depuis', String(1990 + Math.floor(random() * 35)));
    const text = parts.join(' ');
    return text[0]!.toUpperCase() + text.slice(1) + '.';
  };
  const paragraph = (sentences: number) => Array.from({ length: sentences }, sentence).join(' ');
  return {
    title: () => {
      const t = `${nounPhrase()} ${any(glue)} ${nounPhrase()}`;
      return t[0]!.toUpperCase() + t.slice(1);
    },
    lead: () => paragraph(2),
    /** About 250 words in paragraphs, with SPIP markup here and there. */
    text: () => Array.from({ length: 4 }, () => paragraph(4)).join('\n\n').replace(/ (coopératives?) /, ' {{$1}} '),
    postscript: () => (random() < 0.3 ? paragraph(1) : ''),
    random,
  };
}
