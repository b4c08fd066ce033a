import { describe, expect, it } from 'vitest';
import { dependencyUnavailable } from '../../lib/app-error';
import { displayNameOf } from './display-name';
import type { IdentityProvider } from './identity-provider';

/** An identity port whose `displayName` answers from `names` or, while `down`, fails as Cognito does. */
function pool(names: Record<string, string>) {
  const state = { down: false, asked: 0 };
  const identity = {
    displayName: async (username: string) => {
      state.asked += 1;
      if (state.down) throw dependencyUnavailable({ zh: '身份服务', en: 'the identity service' });
      return names[username];
    },
  } as unknown as IdentityProvider;
  return { identity, state };
}

const HOUR = 60 * 60_000;
/** cognito-local's ID tokens carry no `name`: the context's name is the username. */
const caller = (username: string) => ({ username, name: username });

describe('displayNameOf while the user pool is unreachable', () => {
  it('falls back to the username without caching it, and asks again once the pool is back', async () => {
    const { identity, state } = pool({ 'po.fault1': '王建国' });
    state.down = true;
    expect(await displayNameOf(caller('po.fault1'), identity, 0)).toBe('po.fault1');
    state.down = false;
    expect(await displayNameOf(caller('po.fault1'), identity, 1)).toBe('王建国');
    expect(state.asked).toBe(2);
  });

  it('keeps the last known name, even an expired one, over the username', async () => {
    const { identity, state } = pool({ 'po.fault2': '李红' });
    expect(await displayNameOf(caller('po.fault2'), identity, 0)).toBe('李红');
    state.down = true;
    expect(await displayNameOf(caller('po.fault2'), identity, HOUR)).toBe('李红');
    expect(state.asked).toBe(2);
  });

  it('still refuses what is not an outage', async () => {
    const identity = { displayName: () => Promise.reject(new Error('bug')) } as unknown as IdentityProvider;
    await expect(displayNameOf(caller('po.fault3'), identity, 0)).rejects.toThrow('bug');
  });
});
