/**
 * Stands in for wal-replay-child.ts in wal-replay.test.ts where the engine would crash replaying
 * the log: dies of SIGSEGV, as LadybugDB 0.19.1 does on the log of a writer killed inside its COMMIT
 * (test/engine/write-kill.test.ts), which no test can make on demand.
 */
process.kill(process.pid, 'SIGSEGV');
