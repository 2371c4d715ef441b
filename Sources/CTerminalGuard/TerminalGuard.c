#include "TerminalGuard.h"

#include <signal.h>
#include <string.h>
#include <unistd.h>

#define NCURSES_WIDECHAR 1
#include <ncursesw/curses.h>

static volatile sig_atomic_t pending_signal = 0;
static volatile sig_atomic_t curses_active = 0;
static volatile sig_atomic_t sgr_mouse_fd = -1;

static void (*volatile curses_suspend)(int) = 0;

static void send(int fd, const char *sequence, size_t length) {
    ssize_t written = write(fd, sequence, length); /* async-signal-safe */
    (void)written;
}

static void reset_sgr_mouse(void) {
    int fd = sgr_mouse_fd;
    if (fd >= 0) {
        sgr_mouse_fd = -1;
        send(fd, "\033[?1006l", 8);
    }
}

/* Ctrl-Z: SGR reports off while the shell has the terminal, then ncurses'
 * own handler (endwin, stop, and on SIGCONT back to the screen), then on. */
static void on_suspend(int sig) {
    int fd = sgr_mouse_fd;
    if (fd >= 0) send(fd, "\033[?1006l", 8);
    if (curses_suspend) {
        curses_suspend(sig);
    } else {
        signal(sig, SIG_DFL);
        raise(sig);
    }
    if (fd >= 0 && sgr_mouse_fd == fd) send(fd, "\033[?1006h", 8);
}

static void on_termination(int sig) {
    if (pending_signal == 0) pending_signal = sig;
}

static void on_crash(int sig) {
    if (curses_active) {
        curses_active = 0;
        endwin();
    }
    reset_sgr_mouse();
    signal(sig, SIG_DFL);
    raise(sig);
}

static void install(int sig, void (*handler)(int)) {
    struct sigaction action;
    memset(&action, 0, sizeof action);
    action.sa_handler = handler;
    sigemptyset(&action.sa_mask);
    action.sa_flags = 0; /* no SA_RESTART: a blocked read must return */
    sigaction(sig, &action, NULL);
}

void terminal_guard_install(void) {
    sigset_t set;
    sigemptyset(&set);
    int wanted[] = {SIGWINCH, SIGTSTP, SIGCONT, SIGINT, SIGTERM, SIGHUP, SIGQUIT};
    for (unsigned i = 0; i < sizeof wanted / sizeof wanted[0]; i++) sigaddset(&set, wanted[i]);
    sigprocmask(SIG_UNBLOCK, &set, NULL);

    install(SIGINT, on_termination);
    install(SIGTERM, on_termination);
    install(SIGHUP, on_termination);
    int crashes[] = {SIGQUIT, SIGSEGV, SIGBUS, SIGILL, SIGFPE, SIGABRT, SIGTRAP};
    for (unsigned i = 0; i < sizeof crashes / sizeof crashes[0]; i++) install(crashes[i], on_crash);
}

void terminal_guard_set_curses_active(int active) { curses_active = active ? 1 : 0; }

void terminal_guard_set_sgr_mouse_fd(int fd) {
    sgr_mouse_fd = fd;
    if (fd < 0) return;
    /* ncurses installed its SIGTSTP handler in newterm(): wrap it, once. */
    struct sigaction current;
    if (sigaction(SIGTSTP, NULL, &current) != 0 || current.sa_handler == on_suspend) return;
    if (current.sa_handler == SIG_IGN || (current.sa_flags & SA_SIGINFO)) return;
    curses_suspend = current.sa_handler == SIG_DFL ? 0 : current.sa_handler;
    current.sa_handler = on_suspend;
    sigaction(SIGTSTP, &current, NULL);
}

int terminal_guard_pending_signal(void) { return pending_signal; }

void terminal_guard_reraise(int sig) {
    signal(sig, SIG_DFL);
    sigset_t set;
    sigemptyset(&set);
    sigaddset(&set, sig);
    sigprocmask(SIG_UNBLOCK, &set, NULL);
    raise(sig);
}

/* While another program (the learner's editor) has the terminal: Ctrl-C and
   Ctrl-\ are its, not ours (ignored here, as git does around its editor),
   and Ctrl-Z stops this process as it stops the editor (the default action,
   not ncurses' handler, which would redraw the app over the editor). */
static struct sigaction saved_int, saved_quit, saved_tstp;

void terminal_guard_hand_over(void) {
    struct sigaction ignore, fallback;
    memset(&ignore, 0, sizeof ignore);
    ignore.sa_handler = SIG_IGN;
    sigemptyset(&ignore.sa_mask);
    memset(&fallback, 0, sizeof fallback);
    fallback.sa_handler = SIG_DFL;
    sigemptyset(&fallback.sa_mask);
    sigaction(SIGINT, &ignore, &saved_int);
    sigaction(SIGQUIT, &ignore, &saved_quit);
    sigaction(SIGTSTP, &fallback, &saved_tstp);
}

void terminal_guard_take_back(void) {
    sigaction(SIGINT, &saved_int, NULL);
    sigaction(SIGQUIT, &saved_quit, NULL);
    sigaction(SIGTSTP, &saved_tstp, NULL);
}
