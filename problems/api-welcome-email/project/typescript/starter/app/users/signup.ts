/** What a signup must contain, and the email a new user is welcomed with. */
import { HttpError, type Email } from '../../framework';
import type { User } from './store';

export interface SignupForm {
  email: string;
  name: string;
}

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

/** The signup body as {email, name}: the email trimmed and lower-cased, the name trimmed; 400 otherwise. */
export function parseSignup(body: unknown): SignupForm {
  const data = (typeof body === 'object' && body !== null ? body : {}) as Record<string, unknown>;
  const email = typeof data.email === 'string' ? data.email.trim().toLowerCase() : '';
  const name = typeof data.name === 'string' ? data.name.trim() : '';
  if (!EMAIL.test(email)) throw new HttpError(400, 'email must be an email address');
  if (name === '' || name.length > 100) throw new HttpError(400, 'name must be 1 to 100 characters');
  return { email, name };
}

export function welcomeEmail(user: User): Email {
  return {
    to: user.email,
    subject: `Welcome, ${user.name}!`,
    body: `Hi ${user.name}, your account is ready. Sign in with ${user.email}.`,
  };
}
