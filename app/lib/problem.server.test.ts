import { describe, expect, it } from 'vitest';
import { getT } from '../../i18n';
import { parseInput } from '../../core/context';
import { Conflict, CoreError, Invalid, NotFound, RateLimited } from '../../core/errors';
import { changeSessionCapacityInput } from '../../core/running/change-session-capacity';
import { postponeSessionInput } from '../../core/running/postpone-session';
import { apiProblem, formProblem } from './problem.server';

const fr = getT('fr');
const en = getT('en');

function thrown(fn: () => unknown): unknown {
  try {
    fn();
  } catch (err) {
    return err;
  }
  throw new Error('nothing was thrown');
}

describe('formProblem', () => {
  it('words a refusal by its reason, whatever its English message says', () => {
    const a = formProblem(new Conflict('this session is over', 'session_closed'), fr, 'running');
    const b = formProblem(new Conflict('reworded entirely', 'session_closed'), fr, 'running');
    expect(a).toEqual({ status: 409, message: 'Cette rencontre est passée ou annulée : elle ne peut plus être modifiée.', fields: {} });
    expect(b).toEqual(a);
  });

  it('tells a field with the values core gives, next to the form field of that name', () => {
    const err = new Invalid([{ path: 'capacity', message: 'anything', code: 'capacity_below_taken', params: { count: 3 } }]);
    expect(formProblem(err, en, 'running', { prefix: 'capacity-' })).toEqual({
      status: 400,
      message: 'Please correct the following:',
      fields: { 'capacity-capacity': '3 people already hold a place: the number of places cannot be lower.' },
    });
  });

  it('reads the codes of the schemas core parses with', () => {
    const capacity = formProblem(thrown(() => parseInput(changeSessionCapacityInput, { sessionId: crypto.randomUUID(), capacity: 0 })), fr, 'running');
    expect(capacity.fields.capacity).toBe('Entrez un nombre entier de places, 1 ou plus, ou laissez le champ vide.');
    const times = formProblem(
      thrown(() => parseInput(postponeSessionInput, { sessionId: crypto.randomUUID(), startsAt: new Date('2026-12-10T19:00Z'), endsAt: new Date('2026-12-10T18:00Z'), reason: 'The room is closed.' })),
      en,
      'running',
    );
    expect(times.fields.endsAt).toBe('The end must come after the start.');
  });

  it('falls back to the area’s words for an error with no reason, or a reason no catalog words', () => {
    expect(formProblem(new NotFound('session'), en, 'running')).toEqual({ status: 404, message: 'This page does not exist, or you are not a member of this organization.', fields: {} });
    expect(formProblem(new Conflict('odd', 'no_such_reason'), en, 'running').message).toBe('This change could not be made. Please try again.');
    expect(formProblem(new CoreError('forbidden', 'no'), fr, 'running').message).toBe('Votre rôle dans cet organisme ne permet pas cette action.');
  });

  it('lets anything that is not a core error through', () => {
    const boom = new Error('database down');
    expect(() => formProblem(boom, en, 'running')).toThrow(boom);
  });

  it('lets a page word one field’s code its own way, and says a wait in the unit its message uses', () => {
    const name = formProblem(new Invalid([{ path: 'profile.nameEn', message: 'required' }, { path: 'profile.email', message: 'required' }]), en, 'organize', {
      field: (path) => path.replace(/^profile\./, ''),
    });
    expect(name.fields).toEqual({ nameEn: 'Give the name in at least one language.', email: 'This field is required.' });
    const wait = formProblem(new RateLimited('too many invitations today', 2 * 3600 + 5, 'invitations_per_day', { count: 30 }), fr, 'organize');
    expect(wait).toEqual({ status: 429, message: 'Un organisme peut envoyer 30 invitations par jour. Réessayez dans 3 heures.', fields: {} });
    expect(formProblem(new Conflict('stale'), en, 'organize').message).toBe('This could not be done: the page was out of date. Please try again.');
  });

  it('words a publish problem by the catalog key core gives, and the editor’s fields in its own words', () => {
    const err = new Invalid([
      { path: 'schedule', message: 'editor.problem.kind' },
      { path: 'form.startDate', message: 'invalid_date' },
    ]);
    const e = formProblem(err, en, 'editor', { field: (path) => path.replace(/^(changes|form)\./, '') });
    expect(e.fields).toEqual({ schedule: 'Choose the kind of group.', startDate: 'Enter a date such as 2026-10-06.' });
  });

  it('words a listing report’s fields its own way, and other fields and waits in the shared words', () => {
    const err = new Invalid([
      { path: 'details', message: 'too_long' },
      { path: 'email', message: 'invalid_email' },
      { path: 'locale', message: 'Invalid option' },
    ]);
    expect(formProblem(err, fr, 'listing.report')).toEqual({
      status: 400,
      message: 'Veuillez corriger ce qui suit :',
      fields: {
        details: 'Les détails doivent compter 4 000 caractères ou moins.',
        email: 'Entrez une adresse courriel comme nom@exemple.org, ou laissez le champ vide.',
        locale: 'Cette valeur n’est pas valide.',
      },
    });
    const wait = formProblem(new RateLimited('too many requests', 61, 'too_many_requests'), en, 'listing.report');
    expect(wait).toEqual({ status: 429, message: 'Too many tries from here in a short time. Please wait 2 minutes and try again.', fields: {} });
  });

  it('says the same of a field whatever is wrong when its area words it so, and a refusal by its code', () => {
    const err = new Invalid([
      { path: 'answers.q1', message: 'required' },
      { path: 'name', message: 'too_long' },
      { path: 'sessionId', message: 'Invalid uuid' },
    ]);
    expect(formProblem(err, fr, 'signup', { field: (path) => path.replace(/^answers\./, 'answer.') })).toEqual({
      status: 400,
      message: 'Des renseignements manquent ou ne sont pas valides.',
      fields: {
        'answer.q1': 'Répondez à cette question.',
        name: 'Inscrivez un prénom ou un pseudonyme (80 caractères au plus).',
        sessionId: 'Cette valeur n’est pas valide.',
      },
    });
    expect(formProblem(new CoreError('cutoff_passed', 'too late'), en, 'signup')).toEqual({ status: 409, message: 'Sign-up for this session has closed.', fields: {} });
  });

  it('lets an area word a reason its own way before the shared words', () => {
    const wait = new RateLimited('too many requests', 120, 'too_many_requests');
    expect(formProblem(wait, en, 'community').message).toBe('You have done this many times in a short while. Please try again in 2 minutes.');
    expect(formProblem(wait, en, 'signup').message).toBe('Too many tries from here in a short time. Please wait 2 minutes and try again.');
    expect(formProblem(new Conflict('the report is already dismissed', 'report_closed'), fr, 'admin').message).toBe('Ce signalement est déjà fermé.');
  });

  it('answers the API with a JSON problem in the caller’s language, keeping its error member', async () => {
    const res = apiProblem(new Conflict('this session is over', 'session_closed'), fr);
    expect(res.status).toBe(409);
    expect(res.headers.get('content-type')).toMatch(/^application\/problem\+json/);
    const message = 'Cette rencontre est passée ou annulée : elle ne peut plus être modifiée.';
    expect(await res.json()).toEqual({ type: 'about:blank', title: 'Un problème est survenu', status: 409, detail: message, error: { code: 'conflict', message } });
    const missing = await apiProblem(new NotFound('group'), en, { notFound: 'No such group.' }).json();
    expect(missing).toMatchObject({ status: 404, title: 'Page not found', detail: 'No such group.', error: { code: 'not_found' } });
    const invalid = await apiProblem(new Invalid([{ path: 'email', message: 'invalid_email' }]), en).json();
    expect(invalid.error.issues).toEqual([{ param: 'email', message: 'Enter an email address such as name@example.org.' }]);
  });
});
