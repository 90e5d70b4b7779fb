/**
 * The Windows firewall rule of a test listener, with a fake FirewallRules whose add resolves late (the
 * UAC prompt can take up to 120 s): a listener that stops meanwhile must still remove the rule.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { createListenerManager, type ListenerManager } from '../../../src/main/listener/listener-manager';
import type { FirewallRuleOutcome, FirewallRules } from '../../../src/main/listener/firewall-rule';
import type { ListenerInfo } from '../../../src/shared/listener';
import { freePort } from '../../integration/listener/helpers';

interface FakeFirewall extends FirewallRules {
  added: { port: number; protocol: string }[];
  removed: { ruleName: string; port: number; protocol: string }[];
  /** Resolves once add() has been called. */
  addCalled: Promise<void>;
  /** Let the pending add finish (the user answered the UAC prompt). */
  finishAdd(added: boolean): void;
}

function lateFirewall(): FakeFirewall {
  let called: () => void = () => undefined;
  let finish: (outcome: FirewallRuleOutcome) => void = () => undefined;
  const fake: FakeFirewall = {
    added: [],
    removed: [],
    addCalled: new Promise<void>((resolve) => (called = resolve)),
    finishAdd: (added) => finish({ ruleName: 'PortScope test listener rule', added, message: added ? 'added' : 'declined' }),
    add(port, protocol) {
      fake.added.push({ port, protocol });
      called();
      return new Promise<FirewallRuleOutcome>((resolve) => (finish = resolve));
    },
    async remove(ruleName, port, protocol) {
      fake.removed.push({ ruleName, port, protocol });
      return true;
    },
  };
  return fake;
}

const managers: ListenerManager[] = [];
afterEach(async () => {
  for (const m of managers.splice(0)) await m.dispose();
});

function manager(firewall: FirewallRules, changes: ListenerInfo[] = []): ListenerManager {
  const m = createListenerManager({
    onChange: (info) => changes.push(info),
    facts: {
      platform: 'win32',
      rows: async () => [],
      excludedRanges: async () => [],
      unprivilegedPortStart: async () => 0,
      localAddresses: () => ['127.0.0.1'],
    },
    localAddresses: () => [],
    firewall,
    notifyDelayMs: 1,
  });
  managers.push(m);
  return m;
}

const listenerOf = (result: Awaited<ReturnType<ListenerManager['start']>>): ListenerInfo => {
  if (!result.ok || !('id' in result.value)) throw new Error(`listener did not start: ${JSON.stringify(result)}`);
  return result.value;
};

describe('listener firewall rule added late', () => {
  it('stop all while the add is pending waits for it, then removes the rule', async () => {
    const firewall = lateFirewall();
    const changes: ListenerInfo[] = [];
    const m = manager(firewall, changes);
    const port = await freePort('tcp', '127.0.0.1');
    const starting = m.start({ port, protocol: 'tcp', host: '127.0.0.1', reply: { kind: 'silent' }, openFirewall: true });
    await firewall.addCalled;
    const stopping = m.stopAll();
    firewall.finishAdd(true);
    const [stopped] = await stopping;
    const started = listenerOf(await starting);
    expect(firewall.removed).toEqual([{ ruleName: 'PortScope test listener rule', port, protocol: 'tcp' }]);
    expect(stopped?.running).toBe(false);
    expect(stopped?.firewall).toMatchObject({ added: false, message: 'Rule "PortScope test listener rule" removed.' });
    // start() reports the final state, not a rule that looks still added.
    expect(started.running).toBe(false);
    expect(started.firewall?.added).toBe(false);
    expect(changes.at(-1)?.firewall?.added).toBe(false);
  });

  it('the auto-stop timeout firing before the add resolves still removes the rule', async () => {
    const firewall = lateFirewall();
    const changes: ListenerInfo[] = [];
    const m = manager(firewall, changes);
    const port = await freePort('udp', '127.0.0.1');
    const starting = m.start({ port, protocol: 'udp', host: '127.0.0.1', reply: { kind: 'echo' }, timeoutSec: 0.05, openFirewall: true });
    await firewall.addCalled;
    await new Promise((r) => setTimeout(r, 150)); // the timeout has fired; the add is still pending
    expect(m.list()[0]?.running).toBe(false);
    expect(firewall.removed).toEqual([]);
    firewall.finishAdd(true);
    const started = listenerOf(await starting);
    expect(started.stopReason).toBe('timeout');
    expect(firewall.removed).toEqual([{ ruleName: 'PortScope test listener rule', port, protocol: 'udp' }]);
    expect(m.list()[0]?.firewall?.added).toBe(false);
  });

  it('dispose (app quit) during the add waits for it and removes the rule', async () => {
    const firewall = lateFirewall();
    const m = manager(firewall);
    const port = await freePort('tcp', '127.0.0.1');
    const starting = m.start({ port, protocol: 'tcp', host: '127.0.0.1', reply: { kind: 'silent' }, openFirewall: true });
    await firewall.addCalled;
    let disposed = false;
    const disposing = m.dispose().then(() => (disposed = true));
    await new Promise((r) => setTimeout(r, 20));
    expect(disposed).toBe(false);
    firewall.finishAdd(true);
    await disposing;
    await starting;
    expect(firewall.removed).toHaveLength(1);
    expect(m.list()[0]?.stopReason).toBe('quit');
  });

  it('a declined add removes nothing; a stop after the add removes the rule once', async () => {
    const declined = lateFirewall();
    const m1 = manager(declined);
    const starting = m1.start({ port: await freePort('tcp', '127.0.0.1'), protocol: 'tcp', host: '127.0.0.1', reply: { kind: 'silent' }, openFirewall: true });
    await declined.addCalled;
    const stopping = m1.stopAll();
    declined.finishAdd(false);
    await stopping;
    await starting;
    expect(declined.removed).toEqual([]);

    const firewall = lateFirewall();
    const m2 = manager(firewall);
    const starting2 = m2.start({ port: await freePort('tcp', '127.0.0.1'), protocol: 'tcp', host: '127.0.0.1', reply: { kind: 'silent' }, openFirewall: true });
    await firewall.addCalled;
    firewall.finishAdd(true);
    const info = listenerOf(await starting2);
    expect(info.running).toBe(true);
    expect(info.firewall?.added).toBe(true);
    await Promise.all([m2.stop(info.id), m2.stop(info.id), m2.stopAll()]);
    expect(firewall.removed).toHaveLength(1);
  });
});
