/**
 * The native reader's socket record (native-reader.c writes it; keep the two in step): one place for its
 * size and field offsets, used by the loader (which checks the addon's size) and the decoder. Numbers are
 * little-endian, addresses in network order.
 */
export const SOCKET_RECORD_SIZE = 64;

/** Byte offsets of a record's fields. */
export const FIELD = {
  family: 0, // u8: AF_INET 2, AF_INET6 10
  protocol: 1, // u8: 6 TCP, 17 UDP
  state: 2, // u8: the kernel's TCP state
  v6only: 3, // u8: IPV6_V6ONLY 0/1, 255 where the kernel did not say
  localPort: 4, // u16
  remotePort: 6, // u16
  inode: 8, // u32
  uid: 12, // u32
  localAddress: 16, // 16 bytes
  remoteAddress: 32, // 16 bytes
  interfaceName: 48, // 16 bytes, NUL-padded; empty when not bound to an interface
} as const;
