/**
 * SQLite (sql.js, SQLite compiled to WebAssembly) over a Disk. The database lives in memory while the
 * service runs; after every write outside a transaction, and after every commit, its bytes are written back
 * to the disk, so a service started later over the same disk opens the same data.
 */
import initSqlJs from 'sql.js';
import type { Disk } from './storage';

export type SqlValue = string | number | null | Uint8Array;
/** Positional (`?`) or named (`:name`, written with its prefix as the key: {':name': …}) parameters. */
export type SqlParams = SqlValue[] | Record<string, SqlValue>;
export type Row = Record<string, SqlValue>;

export class DatabaseError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'DatabaseError';
  }
}

/** A write broke a UNIQUE (or PRIMARY KEY) constraint, e.g. a second user with the same email. */
export class UniqueViolation extends DatabaseError {
  constructor(message: string) {
    super(message);
    this.name = 'UniqueViolation';
  }
}

type Engine = Awaited<ReturnType<typeof initSqlJs>>;
let engine: Promise<Engine> | null = null;

/** Opens (or creates) the database file `name` on `disk`. */
export async function openDatabase(disk: Disk, name: string): Promise<Database> {
  engine ??= initSqlJs();
  const sql = await engine;
  return new Database(new sql.Database(disk.read(name) ?? null), disk, name);
}

export class Database {
  private inTransaction = false;

  constructor(
    private readonly db: InstanceType<Engine['Database']>,
    private readonly disk: Disk,
    readonly name: string,
  ) {}

  /** Runs a statement that returns no rows (CREATE, INSERT, UPDATE, DELETE). */
  run(sql: string, params: SqlParams = []): { changes: number; lastInsertId: number } {
    this.guard(() => this.db.run(sql, params));
    const changes = this.db.getRowsModified();
    const lastInsertId = Number(this.db.exec('SELECT last_insert_rowid()')[0]?.values[0]?.[0] ?? 0);
    if (!this.inTransaction) this.save();
    return { changes, lastInsertId };
  }

  /** Every row of a query, each as {column: value}. */
  all<T extends object = Row>(sql: string, params: SqlParams = []): T[] {
    return this.guard(() => {
      const statement = this.db.prepare(sql);
      try {
        statement.bind(params);
        const rows: T[] = [];
        while (statement.step()) rows.push(statement.getAsObject() as T);
        return rows;
      } finally {
        statement.free();
      }
    });
  }

  /** The first row of a query, or undefined. */
  get<T extends object = Row>(sql: string, params: SqlParams = []): T | undefined {
    return this.all<T>(sql, params)[0];
  }

  /** Runs `work` in a transaction: committed (and saved) when it returns, rolled back when it throws. */
  transaction<T>(work: () => T): T {
    if (this.inTransaction) return work();
    this.guard(() => this.db.run('BEGIN'));
    this.inTransaction = true;
    try {
      const result = work();
      this.db.run('COMMIT');
      this.inTransaction = false;
      this.save();
      return result;
    } catch (e) {
      this.inTransaction = false;
      this.db.run('ROLLBACK');
      throw e;
    }
  }

  /** Answers when the database answers a query and its file can be read; throws otherwise (health checks). */
  ping(): void {
    this.guard(() => this.db.exec('SELECT 1'));
    this.disk.read(this.name);
  }

  private save(): void {
    this.disk.write(this.name, this.db.export());
  }

  private guard<T>(work: () => T): T {
    try {
      return work();
    } catch (e) {
      const message = e instanceof Error ? e.message : String(e);
      if (/UNIQUE constraint failed|PRIMARY KEY/i.test(message)) throw new UniqueViolation(message);
      throw new DatabaseError(message);
    }
  }
}
