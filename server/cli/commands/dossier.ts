/** `actorgraph dossier <actor>`: an actor's roles, statements and relations as Markdown or HTML. */
import { Command } from 'commander';
import { writeFileSync } from 'node:fs';
import { InvalidInputError, NotFoundError } from '../../domain/errors.js';
import { searchHits } from '../../explore/graph-views.js';
import { nodeDetails } from '../../explore/node-details.js';
import { dossierHtml, dossierMarkdown } from '../../export/dossier.js';
import type { GraphStore } from '../../store/graph-store.js';
import { configFrom, withDbOption, withStore, type DbOption } from '../shared.js';

/** A node id, or a name the search finds exactly (case-insensitive). */
export async function findActorId(store: GraphStore, nameOrId: string): Promise<string> {
  if (await store.getNode(nameOrId)) return nameOrId;
  const hits = await searchHits(store, nameOrId, 20);
  const exact = hits.find((hit) => hit.label !== 'Statement' && hit.caption.toLowerCase() === nameOrId.toLowerCase());
  const candidate = exact ?? hits.find((hit) => hit.label === 'Actor' || hit.label === 'Institution');
  if (!candidate) throw new NotFoundError(`No actor or institution named "${nameOrId}"`);
  return candidate.id;
}

export function dossierCommand(): Command {
  return withDbOption(
    new Command('dossier')
      .description("An actor's roles, statements with dates and sources, and relations with their evidence")
      .argument('<actor>', 'a name (as the search finds it) or a node id')
      .option('--format <format>', 'md or html', 'md')
      .option('--out <file>', 'write to a file instead of stdout'),
  ).action(async (actor: string, options: DbOption & { format: string; out?: string }) => {
    if (options.format !== 'md' && options.format !== 'html')
      throw new InvalidInputError('--format must be md or html');
    const config = configFrom(options);
    const text = await withStore(config, true, async (store) => {
      const details = await nodeDetails(store, await findActorId(store, actor));
      return options.format === 'html' ? dossierHtml(details) : dossierMarkdown(details);
    });
    if (options.out) writeFileSync(options.out, text);
    else process.stdout.write(text);
  });
}
