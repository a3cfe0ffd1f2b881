// `tisse glossary add|list|import`: managing glossary terms from the command line, until (and besides) the
// back office. Writes go through the glossary operations, like every other entry point.
import { readFileSync } from 'node:fs';
import type { Command } from 'commander';
import { withDatabase } from './with-database.ts';
import { TisseError } from '../kernel/errors.ts';
import { saveTerm, importGlossaryCsv, splitVariants, listTerms, termVariants } from '../glossary/index.ts';


const collect = (value: string, previous: string[]) => [...previous, ...splitVariants(value)];

export function registerGlossaryCommand(program: Command): void {
  const glossary = program.command('glossary').description('gère le glossaire (termes définis sur place dans les articles)');

  glossary
    .command('add')
    .description('ajoute un terme (ou le remplace avec --replace)')
    .argument('<terme>', 'le terme, par exemple « SCOP »')
    .argument('<définition>', 'la définition courte (raccourcis typographiques SPIP)')
    .option('--variant <variantes>', 'une variante (pluriel, synonyme, forme développée) ; répétable, ou séparées par |', collect, [])
    .option('--presentation <texte>', 'présentation longue (raccourcis SPIP), montrée sur /glossaire')
    .option('--link <url>', 'lien vers une page de référence')
    .option('--slug <ancre>', 'ancre sur /glossaire (tirée du terme si absente)')
    .option('--replace', 'remplace le terme qui a déjà cette ancre')
    .action(
      async (
        term: string,
        definition: string,
        options: { variant: string[]; presentation?: string; link?: string; slug?: string; replace?: boolean },
      ) => {
        await withDatabase(async (db) => {
          const result = await saveTerm(
            db,
            {
              term,
              definition,
              variants: options.variant,
              ...(options.presentation !== undefined ? { presentation: options.presentation } : {}),
              ...(options.link !== undefined ? { linkUrl: options.link } : {}),
              ...(options.slug !== undefined ? { slug: options.slug } : {}),
            },
            { replace: options.replace ?? false },
          );
          console.log(`${result.created ? 'Terme ajouté' : 'Terme remplacé'} : ${result.term.term} (/glossaire#${result.term.slug}).`);
        });
      },
    );

  glossary
    .command('list')
    .description('liste les termes de A à Z')
    .option('--search <texte>', 'ne garde que les termes dont le terme, une variante ou la définition contient ce texte')
    .action(async (options: { search?: string }) => {
      await withDatabase(async (db) => {
        const terms = await listTerms(db, options.search ? { search: options.search } : {});
        if (terms.length === 0) {
          console.log(options.search ? 'Aucun terme ne correspond.' : 'Le glossaire est vide.');
          return;
        }
        for (const term of terms) {
          const variants = termVariants(term);
          console.log(`${term.term}${variants.length ? ` (${variants.join(', ')})` : ''} [#${term.slug}]`);
          console.log(`    ${term.definition.replace(/\s+/g, ' ')}`);
        }
        console.log(`${terms.length} terme(s).`);
      });
    });

  glossary
    .command('import')
    .description('importe des termes depuis un fichier CSV (colonnes : terme, variantes, definition, presentation, lien, ancre)')
    .argument('<fichier>', 'fichier CSV en UTF-8, séparé par des virgules ou des points-virgules')
    .action(async (file: string) => {
      let csv: string;
      try {
        csv = readFileSync(file, 'utf8');
      } catch (cause) {
        throw new TisseError('BAD_INPUT', { key: 'errors.cli.unreadableFile', params: { file } }, { cause });
      }
      await withDatabase(async (db) => {
        const { created, updated } = await importGlossaryCsv(db, csv);
        console.log(`Import terminé : ${created} terme(s) ajouté(s), ${updated} mis à jour.`);
      });
    });
}
