/**
 * Stands in for wal-replay-child.ts in wal-replay.test.ts where the real engine cannot be made to
 * misbehave on demand, as ACTORGRAPH_STAND_IN says: `crash` dies of SIGSEGV, as LadybugDB 0.19.1
 * does on the log of a writer killed inside its COMMIT (test/engine/write-kill.test.ts: 1 run in
 * 3 or 4 under load); `fail` says why on stderr and exits with the replay's failure code; `hang`
 * never ends.
 */
import { REPLAY_EXIT } from '../../server/store/kuzu/wal-replay.js';

const behaviour = process.env.ACTORGRAPH_STAND_IN;
if (behaviour === 'crash') process.kill(process.pid, 'SIGSEGV');
else if (behaviour === 'fail') {
  process.stderr.write('Runtime exception: an invented failure\n');
  process.exit(REPLAY_EXIT.failed);
} else setInterval(() => undefined, 60_000);
