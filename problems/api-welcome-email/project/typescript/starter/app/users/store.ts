/** The users, in memory. */

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

export class UserStore {
  private readonly users: User[] = [];
  private nextId = 1;

  /** Adds a user with the next id; throws DuplicateEmail when the email is taken. */
  add(fields: Omit<User, 'id'>): User {
    if (this.users.some((u) => u.email === fields.email)) throw new DuplicateEmail(fields.email);
    const user = { id: this.nextId++, ...fields };
    this.users.push(user);
    return { ...user };
  }

  find(id: number): User | undefined {
    const user = this.users.find((u) => u.id === id);
    return user && { ...user };
  }

  /** Every user, by id. */
  list(): User[] {
    return this.users.map((u) => ({ ...u }));
  }
}
