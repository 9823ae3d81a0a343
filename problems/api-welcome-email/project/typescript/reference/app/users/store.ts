/** The users, in memory. */

export type WelcomeEmailStatus = 'pending' | 'sent' | 'failed';

export interface User {
  id: number;
  email: string;
  name: string;
  createdAt: number;
  welcomeEmail: WelcomeEmailStatus;
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

  /** Adds a user with the next id, its welcome email pending; throws DuplicateEmail when the email is taken. */
  add(fields: Omit<User, 'id' | 'welcomeEmail'>): User {
    if (this.users.some((u) => u.email === fields.email)) throw new DuplicateEmail(fields.email);
    const user: User = { id: this.nextId++, ...fields, welcomeEmail: 'pending' };
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

  setWelcomeEmail(id: number, status: WelcomeEmailStatus): void {
    const user = this.users.find((u) => u.id === id);
    if (user) user.welcomeEmail = status;
  }
}
