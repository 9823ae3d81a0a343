// Mutant: ids come from a counter in memory, which starts again at 1 after a restart
/** The users, in SQLite (framework/sqlite.ts): saved on the service's disk, so they outlive a restart. */
import { UniqueViolation, type Database } from '../../framework';

export interface User {
  id: number;
  email: string;
  name: string;
  createdAt: number;
}

export class DuplicateEmail extends Error {
  constructor(email: string) {
    super(`an account with the email ${email} already exists`);
    this.name = 'DuplicateEmail';
  }
}

interface UserRow {
  id: number;
  email: string;
  name: string;
  created_at: number;
}

const COLUMNS = 'id, email, name, created_at';

function toUser(row: UserRow): User {
  return { id: row.id, email: row.email, name: row.name, createdAt: row.created_at };
}

export class UserStore {
  private nextId = 1;
  constructor(private readonly db: Database) {
    // AUTOINCREMENT: an id is never handed out twice; UNIQUE: the database itself refuses a second account per email.
    db.run(`CREATE TABLE IF NOT EXISTS users (
      id INTEGER PRIMARY KEY AUTOINCREMENT,
      email TEXT NOT NULL UNIQUE,
      name TEXT NOT NULL,
      created_at INTEGER NOT NULL
    )`);
  }

  /** Adds a user with the next id; throws DuplicateEmail when the email is taken. */
  add(fields: Omit<User, 'id'>): User {
    try {
      const lastInsertId = this.nextId;
      this.db.run('INSERT INTO users (id, email, name, created_at) VALUES (?, ?, ?, ?)', [
        lastInsertId,
        fields.email,
        fields.name,
        fields.createdAt,
      ]);
      this.nextId++;
      return { id: lastInsertId, ...fields };
    } catch (e) {
      if (e instanceof UniqueViolation) throw new DuplicateEmail(fields.email);
      throw e;
    }
  }

  find(id: number): User | undefined {
    const row = this.db.get<UserRow>(`SELECT ${COLUMNS} FROM users WHERE id = ?`, [id]);
    return row && toUser(row);
  }

  /** Every user, by id. */
  list(): User[] {
    return this.db.all<UserRow>(`SELECT ${COLUMNS} FROM users ORDER BY id`).map(toUser);
  }

  /** Changes a user's name; undefined when there is no such user. */
  rename(id: number, name: string): User | undefined {
    const { changes } = this.db.run('UPDATE users SET name = ? WHERE id = ?', [name, id]);
    return changes > 0 ? this.find(id) : undefined;
  }
}
