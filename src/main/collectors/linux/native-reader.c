/*
 * PortScope's optional Linux reader (a Node-API addon, built by scripts/build.mjs when a C compiler is
 * there; without it the ss collector and the fd walk's worker do the same work). Two jobs, each on
 * libuv's thread pool and answered by a promise:
 *
 * - readSockets(): the kernel's TCP and UDP sockets, IPv4 and IPv6, in every state, from one netlink
 *   sock_diag dump each: what `ss -tunae` prints, as fixed-size records (layout below) instead of text.
 * - readFdLinks(): every process's fd links (`/proc/<pid>/fd/<n>`), each fd with the socket inode it
 *   holds (0: not a socket), read on two threads: what the fd walk's worker reads.
 *
 * It only reads: the sockets it opens are netlink ones (and if_indextoname's), nothing is written.
 * docs/performance.md ("Fifteenth pass") says why it exists: the same data as `ss` and the worker read,
 * for less CPU and no child process.
 */
#include <node_api.h>

#include <dirent.h>
#include <endian.h>
#include <errno.h>
#include <linux/inet_diag.h>
#include <linux/netlink.h>
#include <linux/rtnetlink.h>
#include <linux/sock_diag.h>
#include <net/if.h>
#include <netinet/in.h>
#include <pthread.h>
#include <stdatomic.h>
#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <unistd.h>

/*
 * One socket record, 64 bytes (socket-record.ts names the same offsets for the decoder; keep the two
 * in step):
 *   0 u8 family (AF_INET 2, AF_INET6 10)   1 u8 protocol (6 TCP, 17 UDP)   2 u8 kernel state
 *   3 u8 IPV6_V6ONLY (0/1; 255: the kernel did not say)   4 u16 local port   6 u16 remote port
 *   8 u32 inode   12 u32 uid   16 local address (16 bytes, network order)   32 remote address
 *   48 the bound interface's name (16 bytes, NUL-padded; empty when not bound to one)
 * Numbers little-endian.
 */
#define RECORD_SIZE 64
#define V6ONLY_UNKNOWN 255

typedef struct {
  uint8_t *bytes;
  size_t length;
  size_t capacity;
} Bytes;

static int append(Bytes *to, const void *from, size_t count) {
  if (to->length + count > to->capacity) {
    size_t capacity = to->capacity ? to->capacity * 2 : 1 << 20;
    while (capacity < to->length + count) capacity *= 2;
    uint8_t *grown = realloc(to->bytes, capacity);
    if (!grown) return ENOMEM;
    to->bytes = grown;
    to->capacity = capacity;
  }
  memcpy(to->bytes + to->length, from, count);
  to->length += count;
  return 0;
}

/* ---- sockets ---- */

/* Interface names by index, looked up once per dump (if_indextoname opens a socket each time). */
typedef struct {
  unsigned index[8];
  char name[8][IF_NAMESIZE];
  int count;
} InterfaceNames;

static const char *interface_name(InterfaceNames *names, unsigned index) {
  for (int i = 0; i < names->count; i++) {
    if (names->index[i] == index) return names->name[i];
  }
  static _Thread_local char unlisted[IF_NAMESIZE];
  char *name = names->count < 8 ? names->name[names->count] : unlisted;
  /* ss prints an interface it cannot name as "if<index>"; so do we. */
  if (!if_indextoname(index, name)) snprintf(name, IF_NAMESIZE, "if%u", index);
  if (names->count < 8) names->index[names->count++] = index;
  return name;
}

static void put_record(uint8_t *record, const struct inet_diag_msg *socket, int protocol, int length, InterfaceNames *names) {
  memset(record, 0, RECORD_SIZE);
  record[0] = socket->idiag_family;
  record[1] = (uint8_t)protocol;
  record[2] = socket->idiag_state;
  record[3] = V6ONLY_UNKNOWN;
  /* The kernel adds IPV6_V6ONLY for IPv6 sockets that listen or are unconnected, as ss shows it. */
  for (const struct rtattr *attribute = (const struct rtattr *)(socket + 1); RTA_OK(attribute, length);
       attribute = RTA_NEXT(attribute, length)) {
    if (attribute->rta_type == INET_DIAG_SKV6ONLY && RTA_PAYLOAD(attribute) >= 1) record[3] = *(const uint8_t *)RTA_DATA(attribute);
  }
  /* Little-endian whatever the machine, as the decoder reads them. */
  uint16_t local_port = htole16(ntohs(socket->id.idiag_sport)), remote_port = htole16(ntohs(socket->id.idiag_dport));
  uint32_t inode = htole32(socket->idiag_inode), uid = htole32(socket->idiag_uid);
  memcpy(record + 4, &local_port, 2);
  memcpy(record + 6, &remote_port, 2);
  memcpy(record + 8, &inode, 4);
  memcpy(record + 12, &uid, 4);
  memcpy(record + 16, socket->id.idiag_src, 16);
  memcpy(record + 32, socket->id.idiag_dst, 16);
  if (socket->id.idiag_if != 0) {
    const char *name = interface_name(names, socket->id.idiag_if);
    memcpy(record + 48, name, strnlen(name, IF_NAMESIZE - 1));
  }
}

/*
 * The states `ss -a` asks for (TCP_ESTABLISHED .. TCP_CLOSING, bit 0 unused); the kernel adds request
 * sockets (NEW_SYN_RECV) to SYN_RECV. Kernel 6.7's bound-inactive sockets (bit 13) are left out, as
 * ss 6.1 leaves them out.
 */
#define SS_ALL_STATES ((1U << 12) - 1)

/* One dump of `family`/`protocol` appended to `to`: 0 or an errno; `interrupted` set when it raced a change. */
static int dump(Bytes *to, int family, int protocol, int *interrupted, InterfaceNames *names) {
  int fd = socket(AF_NETLINK, SOCK_DGRAM | SOCK_CLOEXEC, NETLINK_SOCK_DIAG);
  if (fd < 0) return errno;
  struct {
    struct nlmsghdr header;
    struct inet_diag_req_v2 request;
  } ask;
  memset(&ask, 0, sizeof ask);
  ask.header.nlmsg_len = sizeof ask;
  ask.header.nlmsg_type = SOCK_DIAG_BY_FAMILY;
  ask.header.nlmsg_flags = NLM_F_REQUEST | NLM_F_DUMP;
  ask.request.sdiag_family = (uint8_t)family;
  ask.request.sdiag_protocol = (uint8_t)protocol;
  ask.request.idiag_states = SS_ALL_STATES;
  if (send(fd, &ask, sizeof ask, 0) < 0) {
    int error = errno;
    close(fd);
    return error;
  }
  static _Thread_local char buffer[65536]; /* the kernel's dump messages come in at most 32 KB */
  int result = 0;
  for (int done = 0; !done;) {
    ssize_t length = recv(fd, buffer, sizeof buffer, 0);
    if (length < 0 && errno == EINTR) continue;
    if (length <= 0) {
      result = length < 0 ? errno : EIO; /* the dump ended without NLMSG_DONE */
      break;
    }
    for (struct nlmsghdr *message = (struct nlmsghdr *)buffer; !done && NLMSG_OK(message, length); message = NLMSG_NEXT(message, length)) {
      if (message->nlmsg_flags & NLM_F_DUMP_INTR) *interrupted = 1;
      if (message->nlmsg_type == NLMSG_DONE || message->nlmsg_type == NLMSG_ERROR) {
        /* Both carry an error code (0: the dump ended well). A missing one is an error too: no table. */
        done = 1;
        int code = -EIO;
        if (message->nlmsg_len >= NLMSG_LENGTH(sizeof(int))) memcpy(&code, NLMSG_DATA(message), sizeof code);
        /* ENOENT: the kernel has no sock_diag handler for this protocol; the ss collector, which falls
           back to /proc/net for it, then serves. */
        result = code < 0 ? -code : 0;
        break;
      }
      if (message->nlmsg_len < NLMSG_LENGTH(sizeof(struct inet_diag_msg))) continue;
      uint8_t record[RECORD_SIZE];
      put_record(record, NLMSG_DATA(message), protocol, (int)(message->nlmsg_len - NLMSG_LENGTH(sizeof(struct inet_diag_msg))), names);
      if ((result = append(to, record, RECORD_SIZE)) != 0) done = 1;
    }
  }
  close(fd);
  return result;
}

static int dump_all(Bytes *to) {
  static const int tables[4][2] = {{AF_INET, IPPROTO_TCP}, {AF_INET6, IPPROTO_TCP}, {AF_INET, IPPROTO_UDP}, {AF_INET6, IPPROTO_UDP}};
  InterfaceNames names = {.count = 0};
  int result = 0;
  /* A dump that raced heavy socket churn may miss sockets: read all four once more, as the ss collector
     runs ss again; a second race keeps the tables as read, as ss does. */
  for (int attempt = 0; attempt < 2; attempt++) {
    int interrupted = 0;
    to->length = 0;
    result = 0;
    for (int i = 0; i < 4 && result == 0; i++) result = dump(to, tables[i][0], tables[i][1], &interrupted, &names);
    if (result != 0 || !interrupted) break;
  }
  return result;
}

/* ---- fd links ---- */

typedef struct {
  int32_t *pids;
  int32_t *fds;
  double *inodes;
  size_t count;
  size_t capacity;
  int32_t *readable; /* processes whose fd table could be listed */
  size_t readable_count;
  size_t readable_capacity;
  atomic_size_t claimed;
} Links;

static int add_link(Links *links, int32_t pid, int32_t fd) {
  if (links->count == links->capacity) {
    size_t capacity = links->capacity ? links->capacity * 2 : 4096;
    int32_t *pids = realloc(links->pids, capacity * sizeof *pids);
    if (!pids) return ENOMEM;
    links->pids = pids;
    int32_t *fds = realloc(links->fds, capacity * sizeof *fds);
    if (!fds) return ENOMEM;
    links->fds = fds;
    links->capacity = capacity;
  }
  links->pids[links->count] = pid;
  links->fds[links->count] = fd;
  links->count++;
  return 0;
}

static int add_readable(Links *links, int32_t pid) {
  if (links->readable_count == links->readable_capacity) {
    size_t capacity = links->readable_capacity ? links->readable_capacity * 2 : 1024;
    int32_t *readable = realloc(links->readable, capacity * sizeof *readable);
    if (!readable) return ENOMEM;
    links->readable = readable;
    links->readable_capacity = capacity;
  }
  links->readable[links->readable_count++] = pid;
  return 0;
}

/* Every readable process's fd numbers, each process's together. */
static int list_fds(Links *links) {
  DIR *proc = opendir("/proc");
  if (!proc) return errno;
  struct dirent *entry;
  char directory[64];
  int result = 0;
  while (result == 0 && (entry = readdir(proc))) {
    if (entry->d_name[0] < '0' || entry->d_name[0] > '9') continue;
    int pid = atoi(entry->d_name);
    snprintf(directory, sizeof directory, "/proc/%d/fd", pid);
    DIR *fds = opendir(directory);
    if (!fds) continue; /* another user's process, or gone */
    result = add_readable(links, pid);
    struct dirent *fd;
    while (result == 0 && (fd = readdir(fds))) {
      if (fd->d_name[0] >= '0' && fd->d_name[0] <= '9') result = add_link(links, pid, atoi(fd->d_name));
    }
    closedir(fds);
  }
  closedir(proc);
  if (result == 0 && links->count > 0) {
    links->inodes = calloc(links->count, sizeof(double));
    if (!links->inodes) result = ENOMEM;
  }
  return result;
}

/* Reads links in claims of 256 until none is left; both walk threads run it. */
static void *read_claimed_links(void *argument) {
  Links *links = argument;
  char path[64], link[64];
  for (;;) {
    size_t start = atomic_fetch_add(&links->claimed, 256);
    if (start >= links->count) return NULL;
    size_t end = start + 256 < links->count ? start + 256 : links->count;
    for (size_t i = start; i < end; i++) {
      snprintf(path, sizeof path, "/proc/%d/fd/%d", links->pids[i], links->fds[i]);
      ssize_t length = readlink(path, link, sizeof link - 1);
      if (length > 9 && memcmp(link, "socket:[", 8) == 0) {
        link[length] = '\0';
        links->inodes[i] = (double)strtoul(link + 8, NULL, 10);
      }
    }
  }
}

static int walk(Links *links) {
  int result = list_fds(links);
  if (result != 0) return result;
  pthread_t helper;
  int helped = pthread_create(&helper, NULL, read_claimed_links, links) == 0;
  read_claimed_links(links);
  if (helped) pthread_join(helper, NULL);
  return 0;
}

/* ---- Node-API ---- */

typedef enum { READ_SOCKETS, READ_FD_LINKS } JobKind;

typedef struct {
  JobKind kind;
  napi_async_work work;
  napi_deferred deferred;
  int error;
  Bytes sockets;
  Links links;
} Job;

static void run_job(napi_env env, void *data) {
  (void)env;
  Job *job = data;
  job->error = job->kind == READ_SOCKETS ? dump_all(&job->sockets) : walk(&job->links);
}

/* A typed array over a copy of `count` items of `size` bytes; false when Node could not make it. */
static bool put_typed_array(napi_env env, napi_value object, const char *key, napi_typedarray_type type, const void *items, size_t count, size_t size) {
  void *data = NULL;
  napi_value buffer, array;
  if (napi_create_arraybuffer(env, count * size, &data, &buffer) != napi_ok) return false;
  if (count > 0) memcpy(data, items, count * size);
  return napi_create_typedarray(env, type, count, buffer, 0, &array) == napi_ok && napi_set_named_property(env, object, key, array) == napi_ok;
}

/* The job's answer as a JS value; false when Node could not make it. */
static bool make_result(napi_env env, Job *job, napi_value *result) {
  if (job->kind == READ_SOCKETS) {
    /* A copy: Electron refuses buffers over memory it did not allocate. */
    void *copy;
    return napi_create_buffer_copy(env, job->sockets.length, job->sockets.length ? (const void *)job->sockets.bytes : "", &copy, result) == napi_ok;
  }
  Links *links = &job->links;
  return napi_create_object(env, result) == napi_ok &&
         put_typed_array(env, *result, "readable", napi_int32_array, links->readable, links->readable_count, sizeof(int32_t)) &&
         put_typed_array(env, *result, "pids", napi_int32_array, links->pids, links->count, sizeof(int32_t)) &&
         put_typed_array(env, *result, "fds", napi_int32_array, links->fds, links->count, sizeof(int32_t)) &&
         put_typed_array(env, *result, "inodes", napi_float64_array, links->inodes, links->count, sizeof(double));
}

static void reject(napi_env env, napi_deferred deferred, const char *what, const char *why) {
  char text[160];
  napi_value message, error;
  snprintf(text, sizeof text, "%s failed: %s", what, why);
  if (napi_create_string_utf8(env, text, NAPI_AUTO_LENGTH, &message) != napi_ok || napi_create_error(env, NULL, message, &error) != napi_ok) {
    napi_get_undefined(env, &error);
  }
  napi_reject_deferred(env, deferred, error);
}

static void free_job(napi_env env, Job *job) {
  free(job->sockets.bytes);
  free(job->links.pids);
  free(job->links.fds);
  free(job->links.inodes);
  free(job->links.readable);
  if (job->work) napi_delete_async_work(env, job->work);
  free(job);
}

static void finish_job(napi_env env, napi_status status, void *data) {
  Job *job = data;
  const char *what = job->kind == READ_SOCKETS ? "the sock_diag dump" : "the fd walk";
  napi_value result;
  if (status != napi_ok) reject(env, job->deferred, what, "cancelled");
  else if (job->error != 0) reject(env, job->deferred, what, strerror(job->error));
  else if (!make_result(env, job, &result)) reject(env, job->deferred, what, "Node could not hold the answer");
  else napi_resolve_deferred(env, job->deferred, result);
  free_job(env, job);
}

static napi_value start_job(napi_env env, JobKind kind) {
  napi_value promise, name;
  Job *job = calloc(1, sizeof *job);
  if (!job) {
    napi_throw_error(env, NULL, "out of memory");
    return NULL;
  }
  job->kind = kind;
  if (napi_create_promise(env, &job->deferred, &promise) != napi_ok) {
    free(job);
    napi_throw_error(env, NULL, "could not make a promise");
    return NULL;
  }
  if (napi_create_string_utf8(env, kind == READ_SOCKETS ? "portscope:readSockets" : "portscope:readFdLinks", NAPI_AUTO_LENGTH, &name) != napi_ok ||
      napi_create_async_work(env, NULL, name, run_job, finish_job, job, &job->work) != napi_ok ||
      napi_queue_async_work(env, job->work) != napi_ok) {
    reject(env, job->deferred, kind == READ_SOCKETS ? "the sock_diag dump" : "the fd walk", "it could not be queued");
    free_job(env, job);
  }
  return promise;
}

static napi_value read_sockets(napi_env env, napi_callback_info info) {
  (void)info;
  return start_job(env, READ_SOCKETS);
}

static napi_value read_fd_links(napi_env env, napi_callback_info info) {
  (void)info;
  return start_job(env, READ_FD_LINKS);
}

/* What fails here leaves a function or the size out: the loader (native-reader.ts) then uses none of it. */
NAPI_MODULE_INIT() {
  napi_value function, size;
  napi_create_function(env, "readSockets", NAPI_AUTO_LENGTH, read_sockets, NULL, &function);
  napi_set_named_property(env, exports, "readSockets", function);
  napi_create_function(env, "readFdLinks", NAPI_AUTO_LENGTH, read_fd_links, NULL, &function);
  napi_set_named_property(env, exports, "readFdLinks", function);
  napi_create_uint32(env, RECORD_SIZE, &size);
  napi_set_named_property(env, exports, "recordSize", size);
  return exports;
}
