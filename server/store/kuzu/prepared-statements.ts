/**
 * Prepared statements kept per statement text, per connection. LadybugDB 0.19.1 (like Kuzu
 * 0.11.3) never frees the native memory of a prepared statement: about 35 KB a call stayed behind
 * after a GC when every parameterised read prepared its statement again (bench/soak.ts). The API
 * runs a few dozen distinct statements (the files in cypher/, with labels or a depth spliced in),
 * so preparing each once and reusing it keeps memory flat. The map is bounded in case a caller
 * splices something unbounded; an evicted statement's memory is lost, as before, but only then.
 */
import type { Connection, PreparedStatement } from '@ladybugdb/core';

const DEFAULT_CAPACITY = 256;

export class PreparedStatements {
  private readonly cache = new Map<string, PreparedStatement>();

  constructor(
    private readonly connection: Connection,
    private readonly capacity = DEFAULT_CAPACITY,
  ) {}

  async get(statement: string): Promise<PreparedStatement> {
    const known = this.cache.get(statement);
    if (known) {
      // Deleted and set again: the Map's order stays "used longest ago first".
      this.cache.delete(statement);
      this.cache.set(statement, known);
      return known;
    }
    const prepared = await this.connection.prepare(statement);
    if (!prepared.isSuccess()) throw new Error(prepared.getErrorMessage());
    this.cache.set(statement, prepared);
    if (this.cache.size > this.capacity) this.cache.delete(this.cache.keys().next().value!);
    return prepared;
  }

  has(statement: string): boolean {
    return this.cache.has(statement);
  }

  get size(): number {
    return this.cache.size;
  }
}
