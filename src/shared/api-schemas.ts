/**
 * zod schemas for every API input. Main validates each IPC/HTTP/WebSocket payload against these before a
 * handler sees it; the `satisfies` clause keeps them in step with ApiMethods.
 */
import * as z from 'zod/mini';
import type { ApiInput, ApiMethod } from './api';
import { SERVICE_NAME_PATTERN } from './actions';
import { wholeNumber as whole } from './schema-checks';

const portSchema = whole(1, 65535);
/** The largest pid any supported OS hands out fits a signed 32-bit int (Linux's cap is 2^22). */
export const PID_MAX = 2 ** 31 - 1;
const pidSchema = whole(0, PID_MAX);
const protocolSchema = z.enum(['tcp', 'udp']);
const empty = z.strictObject({});
const text = (min: number, max: number) => z.string().check(z.minLength(min), z.maxLength(max));
const upTo = (max: number) => z.string().check(z.maxLength(max));
const flag = z.optional(z.boolean());

const replySchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('silent') }),
  z.object({ kind: z.literal('echo') }),
  z.object({ kind: z.literal('http') }),
  z.object({ kind: z.literal('banner'), text: upTo(4096) }),
]);

export const apiInputSchemas = {
  list: z.strictObject({
    listening: flag,
    protocol: z.optional(protocolSchema),
    port: z.optional(portSchema),
    pid: z.optional(pidSchema),
    process: z.optional(upTo(256)),
  }),
  who: z.strictObject({ port: portSchema, protocol: z.optional(protocolSchema) }),
  describe: z.strictObject({
    ports: z.array(z.strictObject({ port: portSchema, protocol: z.optional(protocolSchema) })).check(z.maxLength(1000)),
  }),
  setPollInterval: z.strictObject({ ms: whole(0, 600_000) }),
  kill: z
    .strictObject({
      pid: z.optional(pidSchema),
      port: z.optional(portSchema),
      protocol: z.optional(protocolSchema),
      startKey: z.optional(z.nullable(upTo(256))),
      targets: z.optional(
        z.array(z.strictObject({ pid: pidSchema, startKey: z.optional(z.nullable(upTo(256))) })).check(z.maxLength(1000)),
      ),
      force: flag,
      tree: flag,
      graceMs: z.optional(whole(0, 600_000)),
      elevate: flag,
      confirm: z.boolean(),
    })
    .check(
      z.refine((r) => r.pid !== undefined || r.port !== undefined || (r.targets?.length ?? 0) > 0, {
        message: 'give a pid, a port or targets',
      }),
    ),
  close: z.strictObject({
    localAddress: text(1, 100),
    localPort: portSchema,
    remoteAddress: text(1, 100),
    remotePort: portSchema,
    elevate: flag,
    confirm: z.boolean(),
  }),
  auditLog: empty,
  stopService: z.strictObject({
    name: z.string().check(z.regex(SERVICE_NAME_PATTERN, 'give a Windows service short name, e.g. W3SVC')),
    elevate: flag,
    confirm: z.boolean(),
  }),
  listenStart: z.strictObject({
    port: portSchema,
    protocol: protocolSchema,
    host: z.optional(text(1, 100)),
    reply: replySchema,
    timeoutSec: z.optional(whole(1, 86_400)),
    openFirewall: flag,
  }),
  listenStop: z.strictObject({ id: z.optional(upTo(100)), all: flag }),
  listeners: empty,
  probe: z.strictObject({
    host: text(1, 255),
    port: portSchema,
    protocol: protocolSchema,
    timeoutMs: z.optional(whole(1, 120_000)),
  }),
  localAddresses: empty,
  openPath: z.strictObject({ path: text(1, 4096) }),
  resolveHosts: z.strictObject({ addresses: z.array(z.union([z.ipv4(), z.ipv6()])).check(z.maxLength(500)) }),
} satisfies { [M in ApiMethod]: z.ZodMiniType<ApiInput<M>> };
