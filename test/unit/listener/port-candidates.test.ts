import { describe, expect, it } from 'vitest';
import { candidatePorts } from '../../../src/main/listener/port-candidates';

describe('candidatePorts', () => {
  it('goes outward from the port, nearest first', () => {
    expect(candidatePorts(8080, { minPort: 1, excludedRanges: [], limit: 4 })).toEqual([8081, 8079, 8082, 8078]);
  });
  it('skips excluded ranges', () => {
    expect(candidatePorts(50000, { minPort: 1, excludedRanges: [{ low: 49990, high: 50089, administered: false }], limit: 2 })).toEqual([49989, 49988]);
  });
  it('for a privileged port offers the conventional alternative, then the unprivileged start', () => {
    expect(candidatePorts(80, { minPort: 1024, excludedRanges: [], limit: 3 })).toEqual([8080, 1024, 1025]);
    expect(candidatePorts(443, { minPort: 1024, excludedRanges: [], limit: 1 })).toEqual([8443]);
  });
  it('stays within 1–65535', () => {
    const top = candidatePorts(65535, { minPort: 1, excludedRanges: [], limit: 3 });
    expect(top).toEqual([65534, 65533, 65532]);
  });
});
