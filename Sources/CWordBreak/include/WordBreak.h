#ifndef AWSML_WORD_BREAK_H
#define AWSML_WORD_BREAK_H

#include <stdint.h>

/// The kind of a segment between two word boundaries, from ICU's rule status.
enum awsml_segment_kind {
    AWSML_SEGMENT_OTHER = 0,   /* spaces, punctuation, symbols */
    AWSML_SEGMENT_NUMBER = 1,  /* 75, 3.14 */
    AWSML_SEGMENT_LETTER = 2,  /* SageMaker, S3, fit_transform */
    AWSML_SEGMENT_KANA = 3,    /* トレーニング */
    AWSML_SEGMENT_IDEO = 4     /* 机器, 学習 */
};

/// Splits UTF-16 `text` of `length` units at ICU word boundaries (UAX #29, with
/// ICU's dictionaries for Chinese, Japanese and Thai). Writes the end offset
/// of each segment to `ends` and its kind to `kinds`, at most `capacity` of
/// them, and returns how many segments there are (which may exceed capacity:
/// call again with more room), or -1 when ICU fails.
int32_t awsml_word_segments(const uint16_t *text, int32_t length,
                            int32_t *ends, uint8_t *kinds, int32_t capacity);

#endif
