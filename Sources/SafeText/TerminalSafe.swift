/// Text that may be sent to a terminal: nothing in it can move the cursor,
/// ring the bell, start an escape sequence, end a line or reorder the text.
///
/// One rule for every way out, with the placeholder the screen draws:
/// - C0 controls (line breaks and tabs too), DEL and C1 controls
///   (U+0080–U+009F, which some terminals take as escape sequences) become
///   U+FFFD;
/// - bidi overrides and isolates (U+202A–U+202E, U+2066–U+2069) are dropped.
///
/// `ScreenBuffer` draws every grapheme through `displayable`; the commands
/// print every line through `line` (an error line, a path) or `lines` (a
/// report), so a file named `a<ESC>]0;x<BEL>.md` is shown as `a�]0;x�.md`
/// wherever it appears, and a newline in it cannot split an error line.
///
///     TerminalSafe.line("notes\u{1B}[2J\n.md")   // "notes�[2J�.md"
///     TerminalSafe.lines("a\u{7}\nb")            // "a�\nb"
///
/// Text from a post is cleaned before this (DeckKit's `TextSanitizer` shows
/// ESC as `␛`), so what is left for this rule is what comes from elsewhere:
/// file names, paths, arguments, messages.
public enum TerminalSafe {
    /// What a control becomes.
    public static let placeholder: Character = "\u{FFFD}"

    /// What to draw for `character`: itself, the placeholder for a control
    /// (judged by its first scalar: controls are graphemes of their own,
    /// but for CR LF), or nil for a bidi control, which is not drawn.
    @inlinable
    public static func displayable(_ character: Character) -> Character? {
        guard let first = character.unicodeScalars.first else { return character }
        let value = first.value
        if value < 0x20 || (0x7F...0x9F).contains(value) { return placeholder }
        if (0x202A...0x202E).contains(value) || (0x2066...0x2069).contains(value) { return nil }
        return character
    }

    /// Whether `text` is shown unchanged by `line` (the common case: a scan
    /// of its bytes, with no grapheme breaking).
    public static func isSafe(_ text: String) -> Bool {
        !holdsControls(text, exceptNewlines: false)
    }

    /// Whether the UTF-8 of `text` holds a C0 control (but "\n" when
    /// `exceptNewlines`), DEL, a C1 control (C2 80–C2 9F) or a bidi control
    /// (E2 80 AA–AE, E2 81 A6–A9): exactly what `displayable` changes, read
    /// from the bytes, so that "›" or "—" (E2 …) costs no grapheme walk.
    static func holdsControls(_ text: String, exceptNewlines: Bool) -> Bool {
        var utf8 = text.utf8.makeIterator()
        while let byte = utf8.next() {
            switch byte {
            case 0x0A where exceptNewlines: continue
            case 0x00..<0x20, 0x7F: return true
            case 0xC2:
                if let next = utf8.next(), (0x80...0x9F).contains(next) { return true }
            case 0xE2:
                guard let second = utf8.next(), let third = utf8.next() else { return false }
                if second == 0x80 && (0xAA...0xAE).contains(third) || second == 0x81 && (0xA6...0xA9).contains(third) { return true }
            default: continue
            }
        }
        return false
    }

    /// `text` as one line: every control, line breaks included, becomes the
    /// placeholder and bidi controls are dropped.
    public static func line(_ text: String) -> String {
        guard !isSafe(text) else { return text }
        var result = ""
        result.reserveCapacity(text.utf8.count)
        for character in text {
            if let shown = displayable(character) { result.append(shown) }
        }
        return result
    }

    /// `text` as lines: as `line`, but each "\n" is kept.
    public static func lines(_ text: String) -> String {
        // The byte scan of `isSafe` with "\n" let through: a page of JSON lines
        // (one write of `questions --json`) is seldom worth splitting.
        guard holdsControls(text, exceptNewlines: true) else { return text }
        return text.split(separator: "\n", omittingEmptySubsequences: false)
            .map { line(String($0)) }
            .joined(separator: "\n")
    }
}
