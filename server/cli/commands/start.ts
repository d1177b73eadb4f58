/**
 * `actorgraph start` (what `npm start` runs): import the sample articles into an empty database,
 * then serve. The explorer is built beforehand (`npm run build`; `npm start` rebuilds what is stale).
 */
import { Command } from 'commander';
import { requireBuiltClient } from '../../built-assets.js';
import { storeLocation } from '../../store/open-store.js';
import { VERSION } from '../../version.js';
import { configFrom, withDbOption, withNer, withNerOption, withStore, type DbOption } from '../shared.js';
import { formatReport, importWithProgress } from './import.js';
import { checkAccess, serve, stopOnSignals, withAccessOption, type AccessOption } from './serve.js';

export function startCommand(): Command {
  return withAccessOption(
    withNerOption(
      withDbOption(
        new Command('start')
          .description('Import the sample articles into an empty database, and serve')
          .option('-p, --port <port>', 'port (env PORT, default 3000)')
          .option('--host <host>', 'interface to listen on (env HOST, default 127.0.0.1)'),
      ),
    ),
  ).action(async (options: DbOption & AccessOption & { port?: string; host?: string }) => {
    const config = configFrom(options);
    // Before the import: a refusal should not come after minutes of work.
    checkAccess(config, options);
    requireBuiltClient();
    await withStore(config, false, async (store) => {
      if (!(await store.isEmpty())) {
        const stats = await store.stats();
        process.stdout.write(
          `Database ${storeLocation(config)} holds ${stats.totalNodes} nodes and ${stats.totalRelationships} relationships.\n`,
        );
        return;
      }
      process.stdout.write(`Empty database ${storeLocation(config)}: importing ${config.articlesDir}\n`);
      // A CoreNLP server started for this import is stopped before serving: only imports need it.
      await withNer(config, async ({ selection, choice }) => {
        const report = await importWithProgress(store, config, [config.articlesDir], choice);
        process.stdout.write(`${formatReport(report, selection)}\n`);
      });
    });
    const running = await serve(config);
    process.stdout.write(`actorgraph ${VERSION} is ready: open ${running.server.url}\n`);
    stopOnSignals(running);
  });
}
