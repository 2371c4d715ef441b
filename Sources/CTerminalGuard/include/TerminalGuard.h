#ifndef AWSML_TERMINAL_GUARD_H
#define AWSML_TERMINAL_GUARD_H
/*
 * Restores the terminal whatever ends the program.
 *
 * ncurses restores the terminal on SIGINT/SIGTERM by itself and calls exit(),
 * which skips Swift's cleanup; it does nothing on SIGHUP, SIGQUIT or a crash,
 * and Swift's backtracer then prints into the alternate screen. These handlers
 * are installed before newterm() so ncurses leaves those signals to us:
 *
 * - SIGINT, SIGTERM, SIGHUP: remember the signal (no SA_RESTART, so a blocked
 *   read returns EINTR); the run loop sees it, restores the terminal and exits
 *   with the conventional status via terminal_guard_reraise().
 * - SIGQUIT and crash signals (SEGV, BUS, ILL, FPE, ABRT, TRAP): call endwin()
 *   once and re-raise with the default action, so the shell sees the real cause.
 */

/* Unblock the signals the app relies on (a parent may have blocked them) and
 * install the handlers. Call once, before newterm(). */
void terminal_guard_install(void);

/* Arms the crash path: from now on a crash calls endwin() first. */
void terminal_guard_set_curses_active(int active);

/* The terminal's descriptor while the app has SGR mouse reports (mode 1006)
 * on, or -1: a crash writes the sequence that turns them off there, after
 * endwin(), which turns off only the reports ncurses itself enabled. Ctrl-Z
 * turns them off too while the shell has the terminal (the first call, after
 * newterm(), wraps ncurses' SIGTSTP handler) and on again after fg. */
void terminal_guard_set_sgr_mouse_fd(int fd);

/* The first of SIGINT/SIGTERM/SIGHUP received since install, or 0. */
int terminal_guard_pending_signal(void);

/* Restores the default action of `sig` and raises it: the process ends as if
 * the signal had never been caught. Call after the terminal is restored. */
void terminal_guard_reraise(int sig);

/* Around another program that has the terminal (an editor): SIGINT and
   SIGQUIT ignored, SIGTSTP at its default; then the handlers put back. */
void terminal_guard_hand_over(void);
void terminal_guard_take_back(void);
#endif
