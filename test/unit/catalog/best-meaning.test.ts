import { describe, expect, it } from 'vitest';
import { bestMeaning, describe as describePort } from '../../../src/shared/catalog/index';

describe('bestMeaning and ranges that cover most ports', () => {
  it('does not label an unknown UDP port with the Cluster service "any port from 1024" range', () => {
    expect(bestMeaning(40001, 'udp', 'linux')).toBeNull();
    expect(bestMeaning(40001, 'udp', 'win32')).toBeNull();
    expect(describePort(40001, 'udp').meanings.map((m) => m.windowsServices)).toContainEqual(['ClusSvc']);
  });

  it('still gives narrower ranges to rows', () => {
    expect(bestMeaning(55555, 'udp', 'win32')?.name).toBe('Windows dynamic range (UDP)');
    expect(bestMeaning(3000, 'tcp', 'win32')).not.toBeNull();
  });
});
