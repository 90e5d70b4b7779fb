import { describe, expect, it } from 'vitest';
import { printable } from '../../../src/shared/printable';

describe('printable', () => {
  it('keeps line feeds, tabs and ordinary text, Unicode included', () => {
    expect(printable('Would end:\n  nginx\tpid 80 — ünïcode 进程 └ child\n')).toBe('Would end:\n  nginx\tpid 80 — ünïcode 进程 └ child\n');
  });

  it('turns C0/C1 controls, DEL, CR and bidi overrides into ?', () => {
    expect(printable('a\u001b]0;title\u0007b')).toBe('a?]0;title?b');
    expect(printable('ok\rFAKE')).toBe('ok?FAKE');
    expect(printable('\u0000\u007f\u0085\u009b')).toBe('????');
    expect(printable('safe\u202egnp.exe\u2066\u2069\u200f')).toBe('safe?gnp.exe???');
  });
});
