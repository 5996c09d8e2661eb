import { registerForSession } from '../../core/registrations/register-for-session';
import { applyToCohort } from '../../core/applications/apply-to-cohort';
import { proveEmail, type Fixture } from './factories';

// Sign-ups and applications of people whose address was proven before (decision 0010), for tests
// about what happens to people holding a place: theirs are not held and their emails carry the link.

export async function signUpProven(f: Fixture, args: Parameters<typeof registerForSession>[0]) {
  await proveEmail(f, args.input.email);
  return registerForSession(args);
}

export async function applyProven(f: Fixture, args: Parameters<typeof applyToCohort>[0]) {
  await proveEmail(f, args.input.email);
  return applyToCohort(args);
}
