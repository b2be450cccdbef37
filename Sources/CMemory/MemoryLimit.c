#define _GNU_SOURCE
#include "CMemory.h"
#include <fcntl.h>
#include <malloc.h>
#include <pthread.h>
#include <signal.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <unistd.h>

long long hedgerow_address_space_limit(void) {
    struct rlimit limit;
    if (getrlimit(RLIMIT_AS, &limit) != 0 || limit.rlim_cur == RLIM_INFINITY) return -1;
    return (long long)limit.rlim_cur;
}

long long hedgerow_address_space_in_use(void) {
    int fd = open("/proc/self/statm", O_RDONLY | O_CLOEXEC);
    if (fd < 0) return -1;
    char text[64];
    ssize_t n = read(fd, text, sizeof text - 1);
    close(fd);
    if (n <= 0) return -1;
    long long pages = 0;
    for (ssize_t i = 0; i < n && text[i] >= '0' && text[i] <= '9'; i++) pages = pages * 10 + (text[i] - '0');
    return pages * (long long)sysconf(_SC_PAGESIZE);
}

int hedgerow_reserve_less(size_t stack_bytes) {
    int arenas = mallopt(M_ARENA_MAX, 1) == 1 ? 0 : -1;
    pthread_attr_t attributes;
    if (pthread_attr_init(&attributes) != 0) return -1;
    int stack = pthread_attr_setstacksize(&attributes, stack_bytes);
    if (stack == 0) stack = pthread_setattr_default_np(&attributes);
    pthread_attr_destroy(&attributes);
    return arenas == 0 && stack == 0 ? 0 : -1;
}

/* Fixed storage, filled before any signal can need it: a handler may not allocate. */
enum { slots = 32, path_max = 4096 };
static char temporaries[slots][path_max];
static volatile sig_atomic_t in_use[slots];
static pthread_mutex_t slot_lock = PTHREAD_MUTEX_INITIALIZER;
static char failure_message[1024];
static size_t failure_length;

int hedgerow_note_temporary(const char *path) {
    size_t length = strlen(path);
    if (length >= path_max) return -1;
    pthread_mutex_lock(&slot_lock);
    int found = -1;
    for (int i = 0; i < slots; i++) {
        if (!in_use[i]) { memcpy(temporaries[i], path, length + 1); in_use[i] = 1; found = i; break; }
    }
    pthread_mutex_unlock(&slot_lock);
    return found;
}

void hedgerow_forget_temporary(int slot) {
    if (slot < 0 || slot >= slots) return;
    pthread_mutex_lock(&slot_lock);
    in_use[slot] = 0;
    pthread_mutex_unlock(&slot_lock);
}

static void fail_cleanly(int signal_number) {
    (void)signal_number;
    ssize_t ignored = write(STDERR_FILENO, failure_message, failure_length);
    (void)ignored;
    for (int i = 0; i < slots; i++) {
        if (in_use[i]) unlink(temporaries[i]);
    }
    _exit(2);
}

void hedgerow_fail_cleanly_on_fatal_signals(const char *message) {
    size_t length = strlen(message);
    if (length >= sizeof failure_message) length = sizeof failure_message - 1;
    memcpy(failure_message, message, length);
    failure_message[length] = 0;
    failure_length = length;
    /* An alternate stack, so a thread whose own stack is what ran out can still report. */
    static char alternate[1 << 16];
    stack_t stack = { .ss_sp = alternate, .ss_size = sizeof alternate, .ss_flags = 0 };
    sigaltstack(&stack, NULL);
    struct sigaction action;
    memset(&action, 0, sizeof action);
    action.sa_handler = fail_cleanly;
    action.sa_flags = SA_ONSTACK;
    sigemptyset(&action.sa_mask);
    int fatal[] = { SIGABRT, SIGILL, SIGTRAP, SIGSEGV, SIGBUS };
    for (size_t i = 0; i < sizeof fatal / sizeof fatal[0]; i++) sigaction(fatal[i], &action, NULL);
}
