/**
 * One route table for both sides: every address in route-paths.ts is a page for react-router
 * (routes.tsx, built from it) and for the server's 404 decision (isPagePath), and a path that is
 * not a page is "not found" for both.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { isPagePath, ROUTE_PATHS } from '../../src/web/route-paths.ts';
import { matchRoute } from '../../src/web/router.ts';
import { routes } from '../../src/web/routes.tsx';

const concrete = (pattern: string) => pattern.replace(':id', '12').replace(':actionId', '34').replace(':token', 'AbC-def_123456');

describe('web route table shared by the app and the server', () => {
  it('names the same page for every address on both sides', () => {
    for (const [name, pattern] of Object.entries(ROUTE_PATHS)) {
      const path = concrete(pattern);
      assert.equal(matchRoute(routes, { pathname: path }).route.name, name, path);
      assert.ok(isPagePath(path), `server: ${path}`);
      // react-router ignores a trailing slash and letter case; so does the server
      assert.ok(isPagePath(`${path.toUpperCase()}/`), `server: ${path.toUpperCase()}/`);
      assert.equal(matchRoute(routes, { pathname: `${path.toUpperCase()}/` }).route.name, name);
    }
  });

  it('reads both ids of the address of an action', () => {
    assert.deepEqual(matchRoute(routes, { pathname: '/plans/12/actions/34' }).route, { name: 'planAction', id: 12, actionId: 34 });
    assert.deepEqual(matchRoute(routes, { pathname: '/staff/plans/12/actions/34' }).route, { name: 'staffPlanAction', id: 12, actionId: 34 });
  });

  it('agrees on what is not found', () => {
    for (const path of [
      '/nope',
      '/plans',
      '/plans/abc',
      '/plans/0',
      '/plans/01',
      '/plans/1/2',
      '/staff/nope',
      '/registrations/short',
      '/events/1e3',
      '/privacy/x',
      '/plans/1/actions/abc',
      '/plans/1/actions/0',
      '/plans/1/actions/01',
      '/plans/x/actions/1',
      '/plans/1/actions',
      '/plans/1/disclosure/2',
      '/staff/plans/1/actions/1e3',
    ]) {
      assert.equal(matchRoute(routes, { pathname: path }).route.name, 'notFound', path);
      assert.equal(isPagePath(path), false, `server: ${path}`);
    }
    assert.equal(isPagePath('/plans/%E0%A4%A'), false, 'a malformed escape');
  });
});
