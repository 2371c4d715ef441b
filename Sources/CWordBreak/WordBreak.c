// ICU's word break iterator behind one C call. Swift cannot import ICU's
// renamed entry points (`ubrk_open` is a macro for `ubrk_open_72`), so this
// file is the only place that names them.
#include "WordBreak.h"
#include <unicode/ubrk.h>
#include <unicode/utypes.h>

// Opening an iterator loads and sets up ICU's rules, which cost more than
// segmenting a fact: each thread opens one the first time and points it at
// each new text. (Per thread, since an iterator holds its position; it lives
// as long as the thread.)
static _Thread_local UBreakIterator *thread_iterator = NULL;

int32_t awsml_word_segments(const uint16_t *text, int32_t length,
                            int32_t *ends, uint8_t *kinds, int32_t capacity) {
    if (length <= 0) return 0;
    UErrorCode status = U_ZERO_ERROR;
    if (thread_iterator == NULL) {
        thread_iterator = ubrk_open(UBRK_WORD, "", NULL, 0, &status);
        if (U_FAILURE(status)) { thread_iterator = NULL; return -1; }
    }
    UBreakIterator *iterator = thread_iterator;
    ubrk_setText(iterator, (const UChar *)text, length, &status);
    if (U_FAILURE(status)) return -1;
    int32_t count = 0;
    ubrk_first(iterator);
    for (int32_t end = ubrk_next(iterator); end != UBRK_DONE; end = ubrk_next(iterator)) {
        if (count < capacity) {
            int32_t rule = ubrk_getRuleStatus(iterator);
            uint8_t kind = AWSML_SEGMENT_OTHER;
            if (rule >= UBRK_WORD_IDEO && rule < UBRK_WORD_IDEO_LIMIT) kind = AWSML_SEGMENT_IDEO;
            else if (rule >= UBRK_WORD_KANA && rule < UBRK_WORD_KANA_LIMIT) kind = AWSML_SEGMENT_KANA;
            else if (rule >= UBRK_WORD_LETTER && rule < UBRK_WORD_LETTER_LIMIT) kind = AWSML_SEGMENT_LETTER;
            else if (rule >= UBRK_WORD_NUMBER && rule < UBRK_WORD_NUMBER_LIMIT) kind = AWSML_SEGMENT_NUMBER;
            ends[count] = end;
            kinds[count] = kind;
        }
        count++;
    }
    // Let go of the text: the caller's buffer is freed after this call.
    ubrk_setText(iterator, NULL, 0, &status);
    return count;
}
