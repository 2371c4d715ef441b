/* The least a curses app can do, as the floor for start-up benchmarks:
 * initscr, two boxes, a line, refresh, wait for a key, endwin. */
#include <locale.h>
#include <ncursesw/curses.h>

int main(void) {
    setlocale(LC_ALL, "");
    initscr();
    cbreak();
    noecho();
    int half = COLS / 3;
    WINDOW *left = newwin(LINES - 1, half, 0, 0);
    WINDOW *right = newwin(LINES - 1, COLS - half, 0, half);
    box(left, 0, 0);
    box(right, 0, 0);
    mvaddstr(LINES - 1, 0, "baseline ready: q quit");
    wnoutrefresh(stdscr);
    wnoutrefresh(left);
    wnoutrefresh(right);
    doupdate();
    getch();
    endwin();
    return 0;
}
