// A command that works on the database (study, mail, report, privacy) builds the app's context
// from the environment, does its work and closes the database, even when the work fails. A bad
// setting in the environment is a usage error (exit code 2) that names the setting.
import type { AppContext } from '../app/app-context.ts';
import { ConfigError, loadConfig } from '../app/config.ts';
import { CliUsageError } from './cli-errors.ts';

export async function withAppContext<T>(work: (ctx: AppContext) => Promise<T>): Promise<T> {
  let config;
  try {
    config = loadConfig(process.env);
  } catch (error) {
    if (error instanceof ConfigError) throw new CliUsageError(error.message);
    throw error;
  }
  const { createAppContext } = await import('../app/bootstrap.ts');
  const { ctx, database } = await createAppContext(config);
  try {
    return await work(ctx);
  } finally {
    await database.close();
  }
}
