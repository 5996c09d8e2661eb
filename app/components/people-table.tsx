import '../../i18n/areas/running';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';

// The people of a session or a cohort as its organizers see them: in order where they wait, their
// name (and whether their place is held), email and answers, and one column of the page's own
// (a session's attendance, a cohort's status).

interface Person {
  name: string;
  email: string;
  answers: string[];
  held?: boolean;
  rank?: number | null;
}

/** A person's answers to the group's questions, one per line. */
export function Answers({ list }: { list: string[] }) {
  const { t } = useTranslation();
  if (list.length === 0) return <span className="muted">{t('running.session.noAnswers')}</span>;
  return (
    <ul className="answers">
      {list.map((a, i) => (
        <li key={i}>{a}</li>
      ))}
    </ul>
  );
}

export function PeopleTable<P extends Person>({
  caption,
  people,
  keyOf,
  withRank = false,
  last,
}: {
  caption: string;
  people: P[];
  keyOf: (p: P) => string;
  withRank?: boolean;
  last?: { header: string; cell: (p: P) => ReactNode };
}) {
  const { t } = useTranslation();
  return (
    <div className="table-scroll" tabIndex={0}>
      <table>
        <caption className="visually-hidden">{caption}</caption>
        <thead>
          <tr>
            {withRank && <th scope="col">{t('running.session.position')}</th>}
            <th scope="col">{t('running.session.name')}</th>
            <th scope="col">{t('running.session.email')}</th>
            <th scope="col">{t('running.session.answers')}</th>
            {last && <th scope="col">{last.header}</th>}
          </tr>
        </thead>
        <tbody>
          {people.map((p) => (
            <tr key={keyOf(p)}>
              {withRank && <td>{p.rank}</td>}
              <th scope="row">
                {p.name}
                {p.held && <div className="muted">{t('running.session.held')}</div>}
              </th>
              <td>{p.email}</td>
              <td>
                <Answers list={p.answers} />
              </td>
              {last && <td>{last.cell(p)}</td>}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
