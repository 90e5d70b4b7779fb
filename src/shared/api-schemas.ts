/**
 * zod schemas for every API input. Main validates each IPC/HTTP/WebSocket payload against these before a
 * handler sees it; the `satisfies` clause keeps them in step with ApiMethods.
 */
import * as z from 'zod';
import type { ApiInput, ApiMethod } from './api';
import { SERVICE_NAME_PATTERN } from './actions';

const portSchema = z.number().int().min(1).max(65535);
/** The largest pid any supported OS hands out fits a signed 32-bit int (Linux's cap is 2^22). */
export const PID_MAX = 2 ** 31 - 1;
const pidSchema = z.number().int().min(0).max(PID_MAX);
const protocolSchema = z.enum(['tcp', 'udp']);
const empty = z.object({}).strict();

const replySchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('silent') }),
  z.object({ kind: z.literal('echo') }),
  z.object({ kind: z.literal('http') }),
  z.object({ kind: z.literal('banner'), text: z.string().max(4096) }),
]);

export const apiInputSchemas = {
  list: z
    .object({
      listening: z.boolean().optional(),
      protocol: protocolSchema.optional(),
      port: portSchema.optional(),
      pid: pidSchema.optional(),
      process: z.string().max(256).optional(),
    })
    .strict(),
  who: z.object({ port: portSchema, protocol: protocolSchema.optional() }).strict(),
  describe: z
    .object({ ports: z.array(z.object({ port: portSchema, protocol: protocolSchema.optional() }).strict()).max(1000) })
    .strict(),
  setPollInterval: z.object({ ms: z.number().int().min(0).max(600_000) }).strict(),
  kill: z
    .object({
      pid: pidSchema.optional(),
      port: portSchema.optional(),
      protocol: protocolSchema.optional(),
      startKey: z.string().max(256).nullable().optional(),
      targets: z
        .array(z.object({ pid: pidSchema, startKey: z.string().max(256).nullable().optional() }).strict())
        .max(1000)
        .optional(),
      force: z.boolean().optional(),
      tree: z.boolean().optional(),
      graceMs: z.number().int().min(0).max(600_000).optional(),
      elevate: z.boolean().optional(),
      confirm: z.boolean(),
    })
    .strict()
    .refine((r) => r.pid !== undefined || r.port !== undefined || (r.targets?.length ?? 0) > 0, { message: 'give a pid, a port or targets' }),
  close: z
    .object({
      localAddress: z.string().min(1).max(100),
      localPort: portSchema,
      remoteAddress: z.string().min(1).max(100),
      remotePort: portSchema,
      elevate: z.boolean().optional(),
      confirm: z.boolean(),
    })
    .strict(),
  auditLog: empty,
  stopService: z
    .object({
      name: z.string().regex(SERVICE_NAME_PATTERN, 'give a Windows service short name, e.g. W3SVC'),
      elevate: z.boolean().optional(),
      confirm: z.boolean(),
    })
    .strict(),
  listenStart: z
    .object({
      port: portSchema,
      protocol: protocolSchema,
      host: z.string().min(1).max(100).optional(),
      reply: replySchema,
      timeoutSec: z.number().int().min(1).max(86_400).optional(),
      openFirewall: z.boolean().optional(),
    })
    .strict(),
  listenStop: z.object({ id: z.string().max(100).optional(), all: z.boolean().optional() }).strict(),
  listeners: empty,
  probe: z
    .object({
      host: z.string().min(1).max(255),
      port: portSchema,
      protocol: protocolSchema,
      timeoutMs: z.number().int().min(1).max(120_000).optional(),
    })
    .strict(),
  localAddresses: empty,
  openPath: z.object({ path: z.string().min(1).max(4096) }).strict(),
  resolveHosts: z.object({ addresses: z.array(z.union([z.ipv4(), z.ipv6()])).max(500) }).strict(),
} satisfies { [M in ApiMethod]: z.ZodType<ApiInput<M>> };
