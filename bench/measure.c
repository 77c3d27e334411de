/* measure.c - runs a command and reports its wall time and peak memory (for `make bench`).
 *
 * usage: measure [-o OUTFILE] COMMAND [ARG]...   stdout of the command goes to OUTFILE (or
 * /dev/null); prints "wall_s=SECONDS cpu_s=SECONDS max_rss_kb=KB exit=CODE" on stderr
 * (cpu_s is user + system time: the per-core cost, which other load on the machine does not
 * inflate as it does wall time).
 */
#define _GNU_SOURCE
#include <fcntl.h>
#include <stdio.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/time.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

int main(int argc, char **argv)
{
    const char *out = "/dev/null";
    int first = 1;
    if (argc > 2 && strcmp(argv[1], "-o") == 0) {
        out = argv[2];
        first = 3;
    }
    if (first >= argc) {
        fprintf(stderr, "usage: measure [-o OUTFILE] COMMAND [ARG]...\n");
        return 2;
    }
    struct timespec t0, t1;
    clock_gettime(CLOCK_MONOTONIC, &t0);
    pid_t pid = fork();
    if (pid == 0) {
        int fd = open(out, O_WRONLY | O_CREAT | O_TRUNC, 0644);
        if (fd >= 0) {
            dup2(fd, 1);
            close(fd);
        }
        execvp(argv[first], argv + first);
        perror("measure: exec");
        _exit(127);
    }
    int status = 0;
    struct rusage usage;
    wait4(pid, &status, 0, &usage);
    clock_gettime(CLOCK_MONOTONIC, &t1);
    double wall = (double)(t1.tv_sec - t0.tv_sec) + (double)(t1.tv_nsec - t0.tv_nsec) / 1e9;
    double cpu = (double)usage.ru_utime.tv_sec + (double)usage.ru_utime.tv_usec / 1e6 +
                 (double)usage.ru_stime.tv_sec + (double)usage.ru_stime.tv_usec / 1e6;
    fprintf(stderr, "wall_s=%.3f cpu_s=%.3f max_rss_kb=%ld exit=%d\n", wall, cpu, usage.ru_maxrss,
            WIFEXITED(status) ? WEXITSTATUS(status) : 128);
    return 0;
}
