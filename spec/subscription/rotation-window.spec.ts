import { createTestScheduler } from '../support/marbles';
import { createRotationWindow } from '../../lib/subscription/rotation-window';

describe('rotation window', () => {
  it('one session: no overlap; two: overlap; after the older ends: overlap for the grace, then none', () => {
    const scheduler = createTestScheduler();
    scheduler.run(({ cold }) => {
      const rotation = createRotationWindow(scheduler, 1_000);
      const seen: string[] = [];
      const look = (label: string) => seen.push(`${scheduler.now()} ${label} ${rotation.overlapping()}`);
      cold('a 9ms b 9ms c 9ms d 988ms e 9ms f').subscribe((step) => {
        if (step === 'a') rotation.opened();
        if (step === 'b') rotation.opened();
        if (step === 'c') rotation.closed();
        look(step);
      });
      scheduler.flush();
      expect(seen).toEqual([
        '0 a false',
        '10 b true',
        '20 c true', // the grace starts: 20 + 1000
        '30 d true',
        '1019 e true',
        '1029 f false',
      ]);
    });
  });

  it('a session that ends alone (a reconnect) opens no grace', () => {
    const scheduler = createTestScheduler();
    scheduler.run(() => {
      const rotation = createRotationWindow(scheduler, 1_000);
      rotation.opened();
      rotation.closed();
      rotation.opened();
      expect(rotation.overlapping()).toBe(false);
    });
  });
});
