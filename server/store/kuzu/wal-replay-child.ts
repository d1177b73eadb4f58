/**
 * Child process of wal-replay.ts: opens the database named by its one argument for writing, which
 * replays its write-ahead log, and closes it, which checkpoints it and removes the log. Exits with
 * REPLAY_EXIT's codes; a crash of the engine while replaying ends it by a signal instead.
 */
import { isInUseError, newDatabase } from './kuzu-database.js';
import { REPLAY_EXIT } from './wal-replay.js';

async function replay(path: string): Promise<number> {
  // As the store opens it for writing: a torn record at the end of the log ends the replay.
  const database = newDatabase(path, { readOnly: false });
  try {
    await database.init();
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    process.stderr.write(`${message}\n`);
    return isInUseError(message) ? REPLAY_EXIT.inUse : REPLAY_EXIT.failed;
  }
  await database.close();
  return REPLAY_EXIT.replayed;
}

const path = process.argv[2];
if (!path) {
  process.stderr.write('usage: wal-replay-child <database path>\n');
  process.exit(REPLAY_EXIT.failed);
}
process.exit(await replay(path));
