/*
 * The kernel's floor for an fd walk: readlink(2) of every /proc/<pid>/fd/<n>, as `ss -p` and our worker do,
 * with no language runtime around it. `fd-walk 2 0 & fd-walk 2 1` splits the links over two processes
 * (every other link each), as two threads of a native reader would. Prints links, sockets, wall and CPU.
 * Build: gcc -O2 -o /tmp/fd-walk fd-walk.c   Run: /tmp/fd-walk [parts part]
 */
#include <dirent.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <time.h>
#include <unistd.h>

static double now_ms(void) {
  struct timespec t;
  clock_gettime(CLOCK_MONOTONIC, &t);
  return t.tv_sec * 1e3 + t.tv_nsec / 1e6;
}

int main(int argc, char **argv) {
  long parts = argc > 2 ? atol(argv[1]) : 1, part = argc > 2 ? atol(argv[2]) : 0;
  double start = now_ms();
  long index = -1, links = 0, sockets = 0;
  char dir[300], path[600], link[128];
  DIR *proc = opendir("/proc");
  struct dirent *pid;
  while ((pid = readdir(proc))) {
    if (pid->d_name[0] < '0' || pid->d_name[0] > '9') continue;
    snprintf(dir, sizeof dir, "/proc/%s/fd", pid->d_name);
    DIR *fds = opendir(dir);
    if (!fds) continue; /* another user's process, or gone */
    struct dirent *fd;
    while ((fd = readdir(fds))) {
      if (fd->d_name[0] == '.' || ++index % parts != part) continue;
      snprintf(path, sizeof path, "%s/%s", dir, fd->d_name);
      ssize_t n = readlink(path, link, sizeof link);
      if (n <= 0) continue;
      links++;
      if (n > 8 && memcmp(link, "socket:[", 8) == 0) sockets++;
    }
    closedir(fds);
  }
  struct rusage usage;
  getrusage(RUSAGE_SELF, &usage);
  printf("links %ld sockets %ld wall %.0f ms user %ld ms system %ld ms\n", links, sockets, now_ms() - start,
         usage.ru_utime.tv_sec * 1000 + usage.ru_utime.tv_usec / 1000, usage.ru_stime.tv_sec * 1000 + usage.ru_stime.tv_usec / 1000);
  return 0;
}
