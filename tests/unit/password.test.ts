/**
 * Password hashes carry their own scrypt parameters. Tests that touch the database hash at a cheap
 * cost (lowerCostForTests, called by tests/support/db.ts); this file keeps the real one: it
 * imports no test support, so its first hash is made at the production cost.
 */
import assert from 'node:assert/strict';
import { before, describe, it } from 'node:test';
import { hashPassword, lowerCostForTests, verifyPassword } from '../../src/modules/accounts/password.ts';

const params = (stored: string) => stored.split('$').slice(0, 4).join('$');

describe('password hashing', () => {
  let real: string;
  before(async () => {
    real = await hashPassword('비밀번호는 열 자 이상'); // before lowerCostForTests below
  });

  it('hashes at the production cost (N=2^15, r=8, p=1) unless lowered, and verifies', async () => {
    assert.equal(params(real), 'scrypt$32768$8$1');
    assert.equal(await verifyPassword('비밀번호는 열 자 이상', real), true);
    assert.equal(await verifyPassword('비밀번호는 열 자 이하', real), false);
  });

  it('a hash made at the cheap test cost stores that cost and still verifies; so do real-cost hashes made before', async () => {
    lowerCostForTests();
    const cheap = await hashPassword('비밀번호는 열 자 이상');
    assert.equal(params(cheap), 'scrypt$1024$8$1');
    assert.equal(await verifyPassword('비밀번호는 열 자 이상', cheap), true);
    assert.equal(await verifyPassword('비밀번호는 열 자 이하', cheap), false);
    // The NFC form is what is hashed, whatever the cost.
    assert.equal(await verifyPassword('비밀번호는 열 자 이상'.normalize('NFD'), cheap), true);
    assert.equal(await verifyPassword('비밀번호는 열 자 이상', real), true);
  });
});
