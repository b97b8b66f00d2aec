/** `/staff/users` (admins): staff users (role, department, partner organisation, disable) and departments. */
import { useCallback, useId } from 'react';
import { ErrorView, Loading } from '../../components/StatusViews.tsx';
import { NewDepartmentForm, NewUserForm } from '../../components/staff/UserForms.tsx';
import { UserRow } from '../../components/staff/UserRow.tsx';
import { organisationsList } from '../../meetings-api.ts';
import { useDocumentTitle, useLoad } from '../../hooks.ts';
import { keys } from '../../queries.ts';
import { useI18n } from '../../i18n.ts';
import { useUser } from '../../session.ts';
import { fetchDepartments, fetchUsers } from '../../staff-api.ts';

async function load(signal: AbortSignal) {
  const [users, departments, organisations] = await Promise.all([fetchUsers(signal), fetchDepartments(signal), organisationsList(signal)]);
  return { users: users.items, departments: departments.items, organisations: organisations.items };
}

export function UsersPage() {
  const { t } = useI18n();
  const me = useUser();
  const usersCaption = useId();
  const deptCaption = useId();
  const { state, retry, refresh } = useLoad(keys.staffUsers(), load);
  const onChanged = useCallback(() => {
    refresh().catch(() => retry());
  }, [refresh, retry]);
  useDocumentTitle(t('usersTitle'), t('staffTitleSuffix'));

  if (state.status === 'loading') return <Loading />;
  if (state.status !== 'ok') return <ErrorView error={state.status === 'error' ? state.error : null} onRetry={retry} />;
  const { users, departments, organisations } = state.data;

  return (
    <>
      <h1>{t('usersTitle')}</h1>
      <section className="plan-section" aria-labelledby="users-heading">
        <h2 id="users-heading">{t('usersHeading')}</h2>
        <div className="table-scroll" role="region" aria-labelledby={usersCaption} tabIndex={0}>
          <table className="data-table table-left" data-testid="users-table">
            <caption id={usersCaption} className="visually-hidden">
              {t('usersCaption')}
            </caption>
            <thead>
              <tr>
                <th scope="col">{t('name')}</th>
                <th scope="col">{t('role')}</th>
                <th scope="col">{t('department')}</th>
                <th scope="col">{t('userState')}</th>
                <th scope="col">{t('manage')}</th>
              </tr>
            </thead>
            <tbody>
              {users.map((u) => (
                <UserRow key={u.id} user={u} departments={departments} isSelf={u.id === me.id} onChanged={onChanged} />
              ))}
            </tbody>
          </table>
        </div>
        <NewUserForm departments={departments} organisations={organisations} onAdded={onChanged} />
      </section>
      <section className="plan-section" aria-labelledby="departments-heading">
        <h2 id="departments-heading">{t('departmentsHeading')}</h2>
        {departments.length === 0 ? (
          <p>{t('departmentsEmpty')}</p>
        ) : (
          <div className="table-scroll" role="region" aria-labelledby={deptCaption} tabIndex={0}>
            <table className="data-table table-left" data-testid="departments-table">
              <caption id={deptCaption} className="visually-hidden">
                {t('departmentsCaption')}
              </caption>
              <thead>
                <tr>
                  <th scope="col">{t('departmentNameKo')}</th>
                  <th scope="col">{t('departmentNameEn')}</th>
                </tr>
              </thead>
              <tbody>
                {departments.map((d) => (
                  <tr key={d.id}>
                    <th scope="row">{d.name}</th>
                    <td lang="en">{d.nameEn ?? '–'}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
        <NewDepartmentForm onAdded={onChanged} />
      </section>
    </>
  );
}
