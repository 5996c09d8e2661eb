import type { TFunction } from 'i18next';
import { CoreError } from '../../core/errors';
import { findGroups, type GroupSearchResult } from '../../core/search';
import type { Context } from '../../core/context';
import { PARAM_OF_FIELD, toSearchInput, type GroupSearchQuery } from './group-query';
import type { ProblemIssue } from './problem.server';

/** Why a core search input was refused, per parameter, in the reader's language. */
function reason(param: string, t: TFunction): string {
  switch (param) {
    case 'near':
      return t('search.errors.unknownPlace');
    case 'sort':
      return t('search.errors.distanceNeedsPlace');
    case 'lat':
    case 'lon':
      return t('search.errors.latLonTogether');
    default:
      return t('search.errors.invalid');
  }
}

/**
 * Runs a search from parsed query parameters. A search the core refuses (an unknown place, sorting
 * by distance without one) comes back as issues naming the parameter, never as an exception.
 */
export async function searchFromQuery(
  ctx: Context,
  query: GroupSearchQuery,
  t: TFunction,
): Promise<{ ok: true; result: GroupSearchResult } | { ok: false; issues: ProblemIssue[] }> {
  try {
    return { ok: true, result: await findGroups({ ctx, input: toSearchInput(query) }) };
  } catch (err) {
    if (!(err instanceof CoreError) || err.code !== 'invalid') throw err;
    const issues = err.issues.map((i) => {
      const field = i.path.split('.')[0] ?? i.path;
      const param = PARAM_OF_FIELD[field] ?? field;
      return { param, message: t('errors.invalidParam', { param, reason: reason(param, t) }) };
    });
    return { ok: false, issues };
  }
}
