/**
 * Child process of wal-replay.test.ts: makes a database with a checkpointed table of 3 people,
 * then commits 2 more without a checkpoint (they are in the write-ahead log only), says
 * "written" and waits to be killed, holding the database open.
 * Run: node --import tsx test/engine/wal-writer-child.ts <db>
 */
import { Connection, Database } from '@ladybugdb/core';

const path = process.argv[2];
// No automatic checkpoint: the last commits stay in the log.
const database = new Database(path, 256 * 1024 * 1024, true, false, 0, false);
await database.init();
const connection = new Connection(database);
await connection.query('CREATE NODE TABLE Person(id STRING, PRIMARY KEY(id))');
await connection.query("UNWIND ['a', 'b', 'c'] AS id CREATE (:Person {id: id})");
await connection.query('CHECKPOINT');
await connection.query("UNWIND ['d', 'e'] AS id CREATE (:Person {id: id})");
process.stdout.write('written\n');
setInterval(() => undefined, 60_000);
