#ifndef AWSML_CNCURSESW_SHIM_H
#define AWSML_CNCURSESW_SHIM_H
/*
 * ncursesw for Swift. SwiftPM drops pkg-config's -D_XOPEN_SOURCE=600, and
 * without it curses.h hides the wide-character API (get_wch, cchar_t,
 * setcchar, ...). Ask for it explicitly. See NCURSES-NOTES.md, trap 1.
 */
#ifndef NCURSES_WIDECHAR
#define NCURSES_WIDECHAR 1
#endif
#ifndef _XOPEN_SOURCE_EXTENDED
#define _XOPEN_SOURCE_EXTENDED 1
#endif
#include <wchar.h>
#include <locale.h>
#include <stdio.h>
#include <ncursesw/curses.h>

/* glibc hides wcwidth without _XOPEN_SOURCE. */
int wcwidth(wchar_t c);

/* Swift 6 rejects reading these C globals ("not concurrency-safe"); the
 * getters below are the supported way in (trap 3). */
static inline WINDOW *awsml_stdscr(void) { return stdscr; }
static inline WINDOW *awsml_curscr(void) { return curscr; }
static inline int awsml_colors(void) { return COLORS; }
static inline int awsml_color_pairs(void) { return COLOR_PAIRS; }

/* Attribute macros are function-like and are not imported (trap 2). */
static inline attr_t awsml_attr_bold(void) { return A_BOLD; }
static inline attr_t awsml_attr_dim(void) { return A_DIM; }
static inline attr_t awsml_attr_italic(void) { return A_ITALIC; }
static inline attr_t awsml_attr_underline(void) { return A_UNDERLINE; }
static inline attr_t awsml_attr_reverse(void) { return A_REVERSE; }
static inline attr_t awsml_attr_normal(void) { return A_NORMAL; }

static inline mmask_t awsml_all_mouse_events(void) { return ALL_MOUSE_EVENTS | REPORT_MOUSE_POSITION; }
static inline mmask_t awsml_button1_pressed(void) { return BUTTON1_PRESSED; }
static inline mmask_t awsml_button1_clicked(void) { return BUTTON1_CLICKED; }
static inline mmask_t awsml_button1_released(void) { return BUTTON1_RELEASED; }
static inline mmask_t awsml_button4_pressed(void) { return BUTTON4_PRESSED; }
static inline mmask_t awsml_button5_pressed(void) { return BUTTON5_PRESSED; }

/* Whether ncurses itself asks for and reads SGR (mode 1006) mouse reports:
 * it does when the terminfo entry's XM capability names 1006 (xterm's
 * entries), and reads the old X10 reports otherwise (screen, tmux). */
static inline int awsml_terminfo_has_sgr_mouse(void) {
    char *xm = tigetstr("XM");
    if (xm != 0 && xm != (char *)-1) {
        for (const char *p = xm; *p; p++)
            if (p[0] == '1' && p[1] == '0' && p[2] == '0' && p[3] == '6') return 1;
        return 0;
    }
    return tigetnum("XM") == 1006;
}

/* stdio streams are C globals too. */
static inline FILE *awsml_stdin(void) { return stdin; }
static inline FILE *awsml_stdout(void) { return stdout; }
#endif
