/// Makes text from a post safe to show: nothing in a post may drive the
/// terminal.
///
/// - C0 controls and DEL become their visible Control Pictures
///   (ESC -> "␛", BEL -> "␇", BS -> "␈", CR -> "␍"), so a post cannot move the
///   cursor, ring the bell or start an escape sequence;
/// - C1 controls (U+0080–U+009F) become U+FFFD;
/// - TAB becomes a space;
/// - bidi overrides and isolates (U+202A–U+202E, U+2066–U+2069) are dropped,
///   so text cannot be reordered on screen.
///
/// `TextSanitizer.clean("a\u{1B}[2Jb")` is `"a␛[2Jb"`.
public enum TextSanitizer {
    /// Whether `text` needs cleaning at all (the common case is no).
    public static func needsCleaning(_ text: String) -> Bool {
        for byte in text.utf8 where byte < 0x20 || byte == 0x7F || byte == 0xC2 || byte == 0xE2 {
            return text.unicodeScalars.contains(where: isUnsafe)
        }
        return false
    }

    public static func clean(_ text: String) -> String {
        guard needsCleaning(text) else { return text }
        var result = String.UnicodeScalarView()
        for scalar in text.unicodeScalars {
            if let replacement = replacement(for: scalar) {
                result.append(contentsOf: replacement.unicodeScalars)
            } else {
                result.append(scalar)
            }
        }
        return String(result)
    }

    static func isUnsafe(_ scalar: Unicode.Scalar) -> Bool {
        replacement(for: scalar) != nil
    }

    /// What to show instead of `scalar`, or nil to keep it.
    static func replacement(for scalar: Unicode.Scalar) -> String? {
        switch scalar.value {
        case 0x09: " "
        case 0x00...0x1F: String(Unicode.Scalar(0x2400 + scalar.value)!)
        case 0x7F: "\u{2421}"
        case 0x80...0x9F: "\u{FFFD}"
        case 0x202A...0x202E, 0x2066...0x2069: ""
        default: nil
        }
    }
}
