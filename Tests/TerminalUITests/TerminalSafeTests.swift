import Testing
import SafeText
@testable import TerminalUI

/// The one rule for what reaches a terminal, as the commands print it and as
/// the screen draws it.
@Suite("Terminal-safe text")
struct TerminalSafeTests {
    @Test func controlsBecomeTheReplacementCharacterAndBidiControlsGo() {
        #expect(TerminalSafe.line("a\u{1B}]0;x\u{07}b") == "a\u{FFFD}]0;x\u{FFFD}b")
        #expect(TerminalSafe.line("one\ntwo\r\nthree\tfour") == "one\u{FFFD}two\u{FFFD}three\u{FFFD}four")
        #expect(TerminalSafe.line("del\u{7F} csi\u{9B}2J nel\u{85}") == "del\u{FFFD} csi\u{FFFD}2J nel\u{FFFD}")
        #expect(TerminalSafe.line("abc\u{202E}fed\u{2066}x\u{2069}") == "abcfedx")
    }

    @Test func ordinaryTextIsKeptAsItIs() {
        for text in ["notes.md", "café ☕️ 日本語 — ‹›", "e\u{301}", "👩‍👩‍👧", "\u{200E}mark", ""] {
            #expect(TerminalSafe.isSafe(text))
            #expect(TerminalSafe.line(text) == text)
        }
    }

    @Test func linesKeepTheirBreaksAndNothingElse() {
        #expect(TerminalSafe.lines("a\u{1B}[2J\nb\u{07}\n") == "a\u{FFFD}[2J\nb\u{FFFD}\n")
        #expect(TerminalSafe.lines("a\r\nb") == "a\u{FFFD}b")
        #expect(TerminalSafe.lines("plain\nlines\n") == "plain\nlines\n")
    }

    /// The screen draws every scalar up to U+3000 as the commands print it.
    /// Spacing marks (category Mc: Indic and Thai vowel signs) are left out:
    /// they join the letter before them, and the screen draws that cluster
    /// as its letter (ncurses keeps no scalar of a cell after one with a
    /// width; see `DrawnGrapheme`), a known limit the commands do not share.
    @Test func theScreenDrawsWhatTheCommandsPrint() {
        for value in UInt32(0)...0x3000 {
            guard let scalar = Unicode.Scalar(value), !scalar.properties.isGraphemeExtend,
                  scalar.properties.generalCategory != .spacingMark,
                  TextWidth.of(Character(scalar)) == 1 || value < 0x20 || (0x7F...0x9F).contains(value)
                    || (0x202A...0x202E).contains(value) || (0x2066...0x2069).contains(value) else { continue }
            // Only what stands as one narrow character of its own between two
            // letters: a scalar that joins a neighbour, or that the screen
            // draws in another form (a lone jamo vowel on ◌), is `DrawnGrapheme`'s.
            let text = "a" + String(Character(scalar)) + "b"
            if value >= 0x20 && !(0x7F...0x9F).contains(value) && !(0x202A...0x202E).contains(value)
                && !(0x2066...0x2069).contains(value) {
                let drawn = DrawnGrapheme(Character(scalar))
                if text.count != 3 || TextWidth.of(text) != 3 || drawn.scalars.0 != value || drawn.scalars.1 != 0 { continue }
            }
            var buffer = ScreenBuffer(size: Size(width: 4, height: 1))
            buffer.write("a" + String(Character(scalar)) + "b", x: 0, y: 0)
            let printed = TerminalSafe.line("a" + String(Character(scalar)) + "b")
            #expect(buffer.textLines()[0] == printed, "U+\(String(value, radix: 16))")
        }
    }
}
