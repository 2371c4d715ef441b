import Testing
@testable import TerminalUI

@Suite("Screen buffer")
struct ScreenBufferTests {
    @Test func writesAreClippedAtTheEdge() {
        var buffer = ScreenBuffer(size: Size(width: 6, height: 2))
        let end = buffer.write("Hello, world", x: 1, y: 0)
        #expect(end == 6)
        #expect(buffer.textLines() == [" Hello", ""])
    }

    @Test func writesOutsideTheBufferAreIgnored() {
        var buffer = ScreenBuffer(size: Size(width: 4, height: 2))
        buffer.write("abc", x: 0, y: 5)
        buffer.write("abc", x: 0, y: -1)
        buffer.write("abcdef", x: -2, y: 1)
        #expect(buffer.textLines() == ["", "cdef"])
    }

    @Test func wideGraphemesTakeTwoCells() {
        var buffer = ScreenBuffer(size: Size(width: 6, height: 1))
        let end = buffer.write("機械a", x: 0, y: 0)
        #expect(end == 5)
        #expect(buffer[0, 0].content == "機")
        #expect(buffer[1, 0].isContinuation)
        #expect(buffer[2, 0].content == "械")
        #expect(buffer[4, 0].content == "a")
    }

    @Test func aWideGraphemeThatWouldBeCutBecomesASpace() {
        var buffer = ScreenBuffer(size: Size(width: 3, height: 1))
        buffer.write("a機械", x: 0, y: 0)
        #expect(buffer.textLines() == ["a機"])
        buffer.write("xy機", x: 0, y: 0)
        #expect(buffer[2, 0].content == " ")
    }

    @Test func overwritingHalfAWideGraphemeMendsTheOtherHalf() {
        var buffer = ScreenBuffer(size: Size(width: 4, height: 1))
        buffer.write("機械", x: 0, y: 0)
        buffer.write("x", x: 1, y: 0)
        #expect(buffer[0, 0].content == " ")
        #expect(buffer[1, 0].content == "x")
        buffer.write("y", x: 2, y: 0)
        #expect(buffer[3, 0].content == " ")
        #expect(buffer.cells.allSatisfy { !$0.isContinuation })
    }

    @Test func combiningMarksStayWithTheirBase() {
        var buffer = ScreenBuffer(size: Size(width: 5, height: 1))
        buffer.write("e\u{301}x", x: 0, y: 0)
        #expect(buffer[0, 0].content == "e\u{301}")
        #expect(buffer[1, 0].content == "x")
    }

    @Test func controlCharactersNeverReachACell() {
        var buffer = ScreenBuffer(size: Size(width: 12, height: 1))
        buffer.write("a\u{1B}[2J\u{07}\u{9B}\r\u{08}\u{202E}z", x: 0, y: 0)
        #expect(buffer.textLines() == ["a\u{FFFD}[2J\u{FFFD}\u{FFFD}\u{FFFD}\u{FFFD}z"])
        for cell in buffer.cells {
            #expect(!cell.content.unicodeScalars.contains { $0.value < 0x20 || (0x7F...0x9F).contains($0.value) })
        }
    }

    @Test func boxWithTitle() {
        var buffer = ScreenBuffer(size: Size(width: 12, height: 3))
        buffer.drawBox(Rect(x: 0, y: 0, width: 12, height: 3), title: "Topics")
        #expect(buffer.textLines() == ["┌─ Topics ─┐", "│          │", "└──────────┘"])
    }

    @Test func rowsChangedListsOnlyTheRowsThatDiffer() {
        var before = ScreenBuffer(size: Size(width: 4, height: 3))
        before.write("ab", x: 0, y: 0)
        var after = before
        after.write("c", x: 1, y: 2)
        #expect(after.rowsChanged(since: before) == [2])
        #expect(after.rowsChanged(since: nil) == [0, 1, 2])
        after.setStyle(CellStyle(attributes: .bold), in: Rect(x: 0, y: 0, width: 1, height: 1))
        #expect(after.rowsChanged(since: before) == [0, 2])
    }
}

@Suite("Text width")
struct TextWidthTests {
    @Test func widths() {
        #expect(TextWidth.of("abc") == 3)
        #expect(TextWidth.of("機械学習") == 8)
        #expect(TextWidth.of("한국어") == 6)
        #expect(TextWidth.of("ｶﾀｶﾅ") == 4) // halfwidth katakana are narrow
        #expect(TextWidth.of("Ａ") == 2) // fullwidth Latin
        #expect(TextWidth.of("é") == 1)
        #expect(TextWidth.of("e\u{301}") == 1)
        #expect(TextWidth.of("🎯") == 2)
        #expect(TextWidth.of("👍🏽") == 2)
        #expect(TextWidth.of("❤️") == 1) // VS16 is dropped: terminals disagree on it (GraphemeDrawingTests)
        #expect(TextWidth.of("❤") == 1)
        #expect(TextWidth.of("👩‍💻") == 2)
        #expect(TextWidth.of("─│┌") == 3)
    }

    @Test func prefixNeverCutsAGrapheme() {
        #expect(TextWidth.prefix("機械学習", fitting: 5) == "機械")
        #expect(TextWidth.prefix("e\u{301}te\u{301}", fitting: 2) == "e\u{301}t")
        #expect(TextWidth.prefix("abc", fitting: 0) == "")
    }
}

@Suite("Word wrapping")
struct TextWrapperTests {
    private func texts(_ lines: [StyledLine]) -> [String] {
        lines.map { $0.map(\.text).joined() }
    }

    @Test func wrapsAtSpaces() {
        let lines = TextWrapper.wrap([StyledRun("Reduces deep learning inference costs by up to 75%.")], width: 20)
        #expect(texts(lines) == ["Reduces deep", "learning inference", "costs by up to 75%."])
    }

    @Test func breaksWordsLongerThanALine() {
        let lines = TextWrapper.wrap([StyledRun("a supercalifragilistic word")], width: 8)
        #expect(texts(lines) == ["a", "supercal", "ifragili", "stic", "word"])
    }

    @Test func keepsStylesAcrossBreaks() {
        let bold = CellStyle(attributes: .bold)
        let lines = TextWrapper.wrap([StyledRun("Recall", style: bold), StyledRun(": TP over all positives")], width: 12)
        #expect(texts(lines) == ["Recall: TP", "over all", "positives"])
        #expect(lines[0][0] == StyledRun("Recall", style: bold))
    }

    @Test func wideCharactersCountTwice() {
        let lines = TextWrapper.wrap([StyledRun("機械学習の 基本")], width: 6)
        #expect(texts(lines) == ["機械学", "習の", "基本"])
    }

    @Test func emptyTextIsOneEmptyLineAndZeroWidthIsNothing() {
        #expect(texts(TextWrapper.wrap([], width: 10)) == [""])
        #expect(TextWrapper.wrap([StyledRun("abc")], width: 0).isEmpty)
    }
}

@Suite("Text width fast paths")
struct TextWidthFastPathTests {
    @Test func fastAnswersAgreeWithTheRuleForEveryScalar() {
        var disagreements: [String] = []
        for value in UInt32(0)...0x10FFFF {
            guard let scalar = Unicode.Scalar(value) else { continue }
            if TextWidth.of(scalar) != TextWidth.ruleWidth(scalar) { disagreements.append(String(value, radix: 16)) }
        }
        #expect(disagreements.isEmpty, "fast width differs from the rule at U+\(disagreements.prefix(10))")
    }
}

@Suite("Narrow scalars")
struct NarrowScalarTests {
    @Test func eachIsOneColumnAndItsOwnGraphemeBesideAnyOther() {
        let narrow = (UInt32(0)...0x2FFFF).compactMap(Unicode.Scalar.init).filter(NarrowScalar.standsAlone)
        #expect(narrow.count > 1000)
        for scalar in narrow {
            #expect(TextWidth.of(scalar) == 1, "U+\(String(scalar.value, radix: 16)) is not one column")
            #expect(ScreenBuffer.displayable(Character(scalar)) == Character(scalar))
        }
        // Any two side by side stay two graphemes: spot pairs across the set.
        let sample = stride(from: 0, to: narrow.count, by: 7).map { narrow[$0] }
        for left in sample {
            for right in sample.prefix(60) {
                var text = String.UnicodeScalarView()
                text.append(left)
                text.append(right)
                #expect(String(text).count == 2, "U+\(String(left.value, radix: 16)) U+\(String(right.value, radix: 16)) joined")
            }
        }
    }
}
