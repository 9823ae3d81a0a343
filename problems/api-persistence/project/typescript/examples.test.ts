import { expect } from 'chai';
import { ManualClock, MemoryDisk, TestClient } from './framework/testing';
import { startService } from './server';

describe('Requirement 1', () => {
  it('a user created before a restart is still there after it', async () => {
    const disk = new MemoryDisk();
    const clock = new ManualClock(0);
    const before = new TestClient(await startService({ disk, clock }));
    const created = await before.post('/signup', { json: { email: 'ada@example.com', name: 'Ada' } });
    expect(created.status).to.equal(201);

    const after = new TestClient(await startService({ disk, clock }));
    const read = await after.get(`/users/${created.json().id}`);
    expect(read.status).to.equal(200);
    expect(read.json().email).to.equal('ada@example.com');
  });
});

describe('Profile updates', () => {
  it('a user can be renamed', async () => {
    const client = new TestClient(await startService({ disk: new MemoryDisk(), clock: new ManualClock(0) }));
    await client.post('/signup', { json: { email: 'ada@example.com', name: 'Ada' } });
    const res = await client.patch('/users/1', { json: { name: 'Ada L.' } });
    expect(res.status).to.equal(200);
    expect(res.json().name).to.equal('Ada L.');
  });
});
