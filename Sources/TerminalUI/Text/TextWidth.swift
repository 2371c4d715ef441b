/// How many terminal columns text takes, with one pinned rule (glibc's
/// `wcwidth` and terminals disagree on some emoji sequences, NCURSES-NOTES.md
/// trap 16):
///
/// - a grapheme takes the width of the form it is drawn in (`DrawnGrapheme`):
///   its first scalar's width, with joined pictures, variation selectors and
///   skin tones dropped (`👩‍💻` 2, `⬆️` 1, `1️⃣` 1), a flag its two letters
///   (`🇯🇵` 2), and a grapheme of only invisible characters (a zero width
///   space) none;
/// - East Asian Wide and Fullwidth characters and emoji shown as pictures take 2;
/// - combining marks, format characters (ZWJ, ZWSP), and variation selectors
///   take 0 on their own, so they stay with their base;
/// - everything else takes 1.
///
///     TextWidth.of("abc")   // 3
///     TextWidth.of("機械")   // 4
///     TextWidth.of("é")     // 1 (e + U+0301)
public enum TextWidth {
    /// Columns taken by `text`.
    public static func of<S: StringProtocol>(_ text: S) -> Int {
        // Printable ASCII, the common case, is one column a byte.
        if PrintableASCII.test(text) { return text.utf8.count }
        var total = 0
        for character in text { total += of(character) }
        return total
    }

    /// Columns taken by one grapheme as it is drawn: 0, 1 or 2.
    public static func of(_ character: Character) -> Int {
        // A grapheme led by ASCII is drawn as that character (with any marks
        // on it): one column.
        guard let first = character.unicodeScalars.first, !first.isASCII else { return 1 }
        return DrawnGrapheme(character).width
    }

    /// Columns taken by one scalar on its own: 0, 1 or 2.
    public static func of(_ scalar: Unicode.Scalar) -> Int {
        let value = scalar.value
        // Latin, punctuation, arrows, box drawing, block elements and most
        // geometric shapes (borders, bars, bullets, `›`) are drawn on every
        // frame: answer without a Unicode property lookup. A test checks
        // these answers against `ruleWidth` for every scalar.
        if value < 0x300 { return value == 0xAD ? 0 : 1 } // U+00AD soft hyphen is a format character
        if (0x2010...0x2027).contains(value) || (0x2030...0x205E).contains(value)
            || (0x2190...0x21FF).contains(value) || (0x2500...0x25FC).contains(value) {
            return 1
        }
        return ruleWidth(scalar)
    }

    /// The width rule itself, with property lookups: what `of(_:)` answers
    /// for scalars outside its fast ranges.
    static func ruleWidth(_ scalar: Unicode.Scalar) -> Int {
        let value = scalar.value
        if value < 0x7F { return 1 }
        if value < 0xA0 { return 1 } // C1 controls: drawn as a placeholder
        if value == 0x200D || (0xFE00...0xFE0F).contains(value) || (0xE0100...0xE01EF).contains(value) { return 0 }
        if DrawnGrapheme.isRegionalIndicator(scalar) { return 1 } // drawn as its letter
        switch scalar.properties.generalCategory {
        case .nonspacingMark, .enclosingMark, .format: return 0
        default: break
        }
        if (0x1160...0x11FF).contains(value) || (0xD7B0...0xD7FF).contains(value) {
            return 0 // Hangul medial vowels and final consonants
        }
        if isWide(value) || scalar.properties.isEmojiPresentation { return 2 }
        return 1
    }

    /// East Asian Wide (W) and Fullwidth (F) ranges of Unicode 15, with the
    /// Yijing hexagrams (wide in Unicode 16 and in glibc's `wcwidth`).
    private static func isWide(_ value: UInt32) -> Bool {
        switch value {
        case 0x1100...0x115F, 0x231A...0x231B, 0x2329...0x232A, 0x23E9...0x23EC, 0x23F0, 0x23F3,
             0x25FD...0x25FE, 0x2614...0x2615, 0x2648...0x2653, 0x267F, 0x2693, 0x26A1, 0x26AA...0x26AB,
             0x26BD...0x26BE, 0x26C4...0x26C5, 0x26CE, 0x26D4, 0x26EA, 0x26F2...0x26F3, 0x26F5, 0x26FA,
             0x26FD, 0x2705, 0x270A...0x270B, 0x2728, 0x274C, 0x274E, 0x2753...0x2755, 0x2757,
             0x2795...0x2797, 0x27B0, 0x27BF, 0x2B1B...0x2B1C, 0x2B50, 0x2B55,
             0x2E80...0x303E, 0x3041...0x33FF, 0x3400...0x4DBF, 0x4DC0...0x4DFF, 0x4E00...0x9FFF, 0xA000...0xA4CF,
             0xA960...0xA97F, 0xAC00...0xD7A3, 0xF900...0xFAFF, 0xFE10...0xFE19, 0xFE30...0xFE6F,
             0xFF00...0xFF60, 0xFFE0...0xFFE6, 0x16FE0...0x16FE4, 0x16FF0...0x16FF1, 0x17000...0x18CFF,
             0x18D00...0x18D08, 0x1AFF0...0x1AFFE, 0x1B000...0x1B2FF,
             0x1F004, 0x1F0CF, 0x1F18E, 0x1F191...0x1F19A, 0x1F200...0x1F202, 0x1F210...0x1F23B,
             0x1F240...0x1F248, 0x1F250...0x1F251, 0x1F260...0x1F265, 0x1F300...0x1F320, 0x1F32D...0x1F335,
             0x1F337...0x1F37C, 0x1F37E...0x1F393, 0x1F3A0...0x1F3CA, 0x1F3CF...0x1F3D3, 0x1F3E0...0x1F3F0,
             0x1F3F4, 0x1F3F8...0x1F43E, 0x1F440, 0x1F442...0x1F4FC, 0x1F4FF...0x1F53D, 0x1F54B...0x1F54E,
             0x1F550...0x1F567, 0x1F57A, 0x1F595...0x1F596, 0x1F5A4, 0x1F5FB...0x1F64F, 0x1F680...0x1F6C5,
             0x1F6CC, 0x1F6D0...0x1F6D2, 0x1F6D5...0x1F6D7, 0x1F6DC...0x1F6DF, 0x1F6EB...0x1F6EC,
             0x1F6F4...0x1F6FC, 0x1F7E0...0x1F7EB, 0x1F7F0, 0x1F90C...0x1F93A, 0x1F93C...0x1F945,
             0x1F947...0x1F9FF, 0x1FA70...0x1FAFF, 0x20000...0x2FFFD, 0x30000...0x3FFFD:
            return true
        default:
            return false
        }
    }

    /// The longest prefix of `text` that fits in `columns`, never cutting a
    /// grapheme.
    public static func prefix(_ text: String, fitting columns: Int) -> Substring {
        if PrintableASCII.test(text) {
            return text.prefix(max(0, columns)) // one column, one character, one byte
        }
        var used = 0
        var end = text.startIndex
        for index in text.indices {
            let width = of(text[index])
            if used + width > columns { break }
            used += width
            end = text.index(after: index)
        }
        return text[..<end]
    }
}
