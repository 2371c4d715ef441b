import Testing
@testable import TerminalUI
#if canImport(Glibc)
import Glibc
#endif

/// Graphemes whose width terminals disagree on (joined emoji, variation
/// selectors, flags, keycaps, skin tones, zero-width characters) are drawn in
/// a form every terminal and ncurses measure as `TextWidth` does, and the
/// measuring, the wrapping and the buffer all use that form.
@Suite("Drawing graphemes terminals disagree on")
struct GraphemeDrawingTests {
    /// Each cluster, the cells the buffer draws for it ("" for the right
    /// half of a wide one) and so its width.
    static let cases: [(text: String, cells: [String])] = [
        ("👩‍💻", ["👩", ""]), // ZWJ sequence: its first picture
        ("👨‍🎓", ["👨", ""]),
        ("👨‍👩‍👧‍👦", ["👨", ""]), // a family: seven scalars
        ("❤️‍🔥", ["❤"]), // heart on fire: a text-default heart, VS16 dropped
        ("🏳️‍🌈", ["🏳"]),
        ("⬆️", ["⬆"]), // VS16 on a text-default base: drawn as text, one column
        ("❣️", ["❣"]),
        ("🛍️", ["🛍"]),
        ("☕︎", ["☕", ""]), // VS15 on an emoji-default base: the base, two columns
        ("🇯🇵", ["J", "P"]), // a flag: its two letters
        ("🇯", ["J"]), // a lone regional indicator
        ("1️⃣", ["1"]), // a keycap: its key
        ("#️⃣", ["#"]),
        ("👍🏽", ["👍", ""]), // a skin tone modifier is dropped
        ("🏴\u{E0067}\u{E0062}\u{E0073}\u{E0063}\u{E0074}\u{E007F}", ["🏴", ""]), // a tag sequence (Scotland)
        ("\u{200B}", []), // zero width space: nothing
        ("\u{200D}", []), // a lone joiner
        ("\u{FE0F}", []), // a lone variation selector
        ("\u{2060}", []), // word joiner
        ("\u{FEFF}", []), // byte order mark
        ("\u{AD}", []), // soft hyphen
        ("\u{301}", ["◌\u{301}"]), // a lone combining mark sits on a dotted circle
        ("e\u{301}", ["e\u{301}"]), // ordinary combining marks stay
        ("a\u{301}\u{323}", ["a\u{301}\u{323}"]),
        ("機", ["機", ""]),
        ("🎯", ["🎯", ""]),
    ]

    @Test(arguments: cases.indices)
    func eachClusterIsDrawnInAFormOfTheWidthMeasured(index: Int) {
        let (text, expected) = Self.cases[index]
        #expect(TextWidth.of(text) == expected.count, "width of \(Self.describe(text))")
        var buffer = ScreenBuffer(size: Size(width: 8, height: 1))
        let end = buffer.write(text + "x", x: 0, y: 0)
        #expect(end == expected.count + 1, "the column after \(Self.describe(text))")
        let cells = (0..<expected.count).map { buffer[$0, 0].content }
        #expect(cells == expected, "cells of \(Self.describe(text))")
        #expect(buffer[expected.count, 0].content == "x", "what follows \(Self.describe(text)) is in its column")
    }

    @Test func zeroWidthSpacesTakeNoColumnBetweenWords() {
        var buffer = ScreenBuffer(size: Size(width: 10, height: 1))
        #expect(TextWidth.of("a\u{200B}b\u{200B}c") == 3)
        #expect(buffer.write("a\u{200B}b\u{200B}c|", x: 0, y: 0) == 4)
        #expect(buffer.textLines() == ["abc|"])
    }

    @Test func wrappingMeasuresTheDrawnForm() {
        // Four up arrows with VS16 are four columns, two to a line of two.
        let arrows = TextWrapper.wrap([StyledRun("⬆️⬆️⬆️⬆️")], width: 2).map { $0.map(\.text).joined() }
        #expect(arrows == ["⬆️⬆️", "⬆️⬆️"])
        let spaced = TextWrapper.wrap([StyledRun("one\u{200B}two three 🇯🇵🇯🇵")], width: 6).map { $0.map(\.text).joined() }
        #expect(spaced == ["one\u{200B}two", "three", "🇯🇵🇯🇵"])
        #expect(TextWidth.prefix("🇯🇵👩‍💻x", fitting: 4) == "🇯🇵👩‍💻")
        #expect(TextWidth.prefix("1️⃣2️⃣3️⃣", fitting: 2) == "1️⃣2️⃣")
    }

    /// Random text from an alphabet of awkward clusters, glued together
    /// (so clusters join their neighbours in every way Unicode allows):
    /// whatever it is, each cell the buffer fills starts with a scalar that
    /// has a width of its own and carries only combining marks after it,
    /// and the buffer uses exactly the columns `TextWidth` measured.
    @Test func randomClusterTextIsDrawnInTheColumnsMeasured() {
        // GRAPHEME_SEED=N replays a run.
        let seed = getenv("GRAPHEME_SEED").flatMap { UInt64(String(cString: $0)) } ?? UInt64.random(in: 0...UInt64.max)
        print("GraphemeDrawingTests seed: \(seed) (GRAPHEME_SEED=\(seed) replays it)")
        var generator = SplitMix(seed: seed)
        let alphabet = Self.cases.map(\.text) + ["a", " ", "\u{200D}", "\u{FE0F}", "\u{20E3}", "\u{1F3FD}", "\u{E0067}",
                                                 "\u{1F1FA}", "\u{301}", "é", "x"]
        for _ in 0..<2000 {
            var text = ""
            for _ in 0..<Int.random(in: 1...12, using: &generator) { text += alphabet.randomElement(using: &generator)! }
            let problems = Self.problems(drawing: text)
            // The first string that goes wrong is enough to replay.
            #expect(problems.isEmpty, "seed \(seed): \(Self.describe(text)): \(problems)")
            if !problems.isEmpty { break }
        }
    }

    /// What is wrong with how the buffer draws `text`, if anything.
    static func problems(drawing text: String) -> [String] {
        let width = TextWidth.of(text)
        var buffer = ScreenBuffer(size: Size(width: width + 2, height: 1), filling: Cell(scalar: "."))
        var problems: [String] = []
        let end = buffer.write(text, x: 0, y: 0)
        if end != width { problems.append("ends at \(end), measured \(width)") }
        for column in 0..<width {
            let cell = buffer[column, 0]
            if cell.isContinuation {
                if column == 0 || TextWidth.of(buffer[column - 1, 0].content) != 2 {
                    problems.append("a right half at \(column) after no wide cell")
                }
                continue
            }
            let scalars = Array(cell.content.unicodeScalars)
            guard let first = scalars.first, TextWidth.of(first) > 0 else {
                problems.append("column \(column) starts with no width: \(describe(cell.content))")
                continue
            }
            if scalars.contains(where: { (0x1F1E6...0x1F1FF).contains($0.value) }) {
                problems.append("column \(column) holds a regional indicator")
            }
            if !scalars.dropFirst().allSatisfy(isPlainCombiningMark) {
                problems.append("column \(column) carries more than marks: \(describe(cell.content))")
            }
            let cellWidth = buffer[column + 1, 0].isContinuation ? 2 : 1
            if TextWidth.of(first) != cellWidth {
                problems.append("column \(column) is laid out \(cellWidth) wide: \(describe(cell.content))")
            }
        }
        if buffer[width, 0].content != "." { problems.append("wrote past its width") }
        return problems
    }

    /// A mark every terminal puts on the cell before it at no width: not a
    /// joiner, variation selector, keycap or tag, which terminals treat
    /// each in their own way.
    static func isPlainCombiningMark(_ scalar: Unicode.Scalar) -> Bool {
        let value = scalar.value
        if value == 0x200D || value == 0x20E3 || (0xFE00...0xFE0F).contains(value) || (0xE0000...0xE01EF).contains(value) {
            return false
        }
        switch scalar.properties.generalCategory {
        case .nonspacingMark, .enclosingMark: return true
        default: return (0x1160...0x11FF).contains(value)
        }
    }

    static func describe(_ text: String) -> String {
        text.unicodeScalars.map { $0.isASCII && $0.value >= 0x20 ? String($0) : "U+" + String($0.value, radix: 16, uppercase: true) }
            .joined(separator: " ")
    }
}

/// A small seeded generator, so a failing random case can be replayed.
struct SplitMix: RandomNumberGenerator {
    var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
