/** The `actorgraph` command line: one file per command under commands/. */
import { Command } from 'commander';
import { ConfigError } from '../config.js';
import { AppError } from '../domain/errors.js';
import { VERSION } from '../version.js';
import { dossierCommand } from './commands/dossier.js';
import { evalCommand } from './commands/eval.js';
import { exportCommand } from './commands/export.js';
import { importCommand } from './commands/import.js';
import { queryCommand } from './commands/query.js';
import { serveCommand } from './commands/serve.js';
import { startCommand } from './commands/start.js';
import { loadEnvFile } from './env-file.js';

const program = new Command()
  .name('actorgraph')
  .description('Knowledge graph of news: who said what, about whom, in which role.')
  .version(VERSION)
  .showHelpAfterError();

program.addCommand(startCommand());
program.addCommand(serveCommand());
program.addCommand(importCommand());
program.addCommand(queryCommand());
program.addCommand(exportCommand());
program.addCommand(dossierCommand());
program.addCommand(evalCommand());

try {
  // Before any command reads its configuration.
  loadEnvFile();
  await program.parseAsync(process.argv);
} catch (error) {
  if (error instanceof AppError || error instanceof ConfigError) {
    process.stderr.write(`actorgraph: ${error.message}\n`);
  } else {
    process.stderr.write(`actorgraph: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  }
  process.exitCode = 1;
}
