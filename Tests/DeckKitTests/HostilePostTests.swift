import Testing
@testable import DeckKit

/// Posts built to break a parser: each loads or fails with the one-line
/// error, and never crashes. (Time is not asserted; the suite's own time
/// limit catches a hang.)
@Suite("Hostile posts", .timeLimit(.minutes(1)))
struct HostilePostTests {
    private func outcome(_ text: String) -> Result<Deck, DeckLoadError> {
        Result { () throws(DeckLoadError) in try DeckLoader.load(text: text, file: "hostile.md") }
    }

    @Test func aOneMegabyteSingleLine() throws {
        let line = String(repeating: "word ", count: 210_000)
        let deck = try outcome("# T\n- " + line + "\n").get()
        #expect(deck.root.children[0].facts[0].text.plainText.count > 1_000_000)
    }

    @Test func tenThousandNestedListLevels() throws {
        var post = "# T\n"
        for depth in 0..<10_000 { post += String(repeating: "  ", count: depth) + "- level \(depth)\n" }
        let deck = try outcome(post).get()
        // Each level is a fact (nested under the one before) down to the cut.
        #expect(deck.root.children[0].facts.count == MarkdownDeckBuilder.maximumNesting + 1)
        #expect(deck.root.children[0].facts.last?.depth == MarkdownDeckBuilder.maximumNesting)
    }

    @Test func tenThousandNestedQuotesAndEmphasis() throws {
        let quotes = String(repeating: ">", count: 10_000) + " deep\n"
        let emphasis = "# T\n- " + String(repeating: "*a ", count: 10_000) + "b" + String(repeating: "*", count: 10_000) + "\n"
        #expect(throws: DeckLoadError.self) { try outcome("# T\n" + quotes).get() } // no list item: no facts
        let deck = try outcome(emphasis).get()
        let text = deck.root.children[0].facts[0].text
        #expect(text.plainText.hasSuffix("a b"))
        #expect(text.spans.contains { $0.style.contains(.italic) })
    }

    @Test func aHundredThousandHeadingsWithNoFacts() {
        let post = (0..<100_000).map { "## Heading \($0)" }.joined(separator: "\n")
        #expect(outcome(post).failureReason == .noFacts)
    }

    @Test func onlyFrontMatter() {
        #expect(outcome("---\ntitle: x\n---\n").failureReason == .noFacts)
        #expect(outcome("---\n---\n").failureReason == .noFacts)
    }

    @Test func invalidUTF8AndNULsThroughTheBytes() {
        let bad = Array("# T\n- ok\n".utf8) + [0xFF, 0xFE] + Array("\n- more\n".utf8)
        #expect(throws: DeckLoadError(file: "b.md", line: 3, reason: .notUTF8)) { try DeckLoader.load(bytes: bad, file: "b.md") }
        let nul = Array("# T\n- a\u{0}b\n".utf8)
        #expect(throws: DeckLoadError(file: "n.md", reason: .binary)) { try DeckLoader.load(bytes: nul, file: "n.md") }
    }

    @Test func everyControlCharacter() throws {
        var post = "# Controls\n"
        for value in 1..<32 where value != 10 { post += "- c\(value) \(Character(Unicode.Scalar(UInt8(value))))\n" }
        post += "- del \u{7F} c1 \u{80}\u{9F} bidi \u{202E}\u{2066}\n"
        let deck = try outcome(post).get()
        var texts: [String] = []
        deck.root.forEachNode { texts += $0.facts.map(\.text.plainText) }
        for text in texts {
            #expect(!text.unicodeScalars.contains { $0.value < 0x20 || (0x7F...0x9F).contains($0.value)
                || (0x202A...0x202E).contains($0.value) || (0x2066...0x2069).contains($0.value) }, "\(text)")
        }
    }
}

private extension Result where Failure == DeckLoadError {
    var failureReason: DeckLoadError.Reason? {
        if case .failure(let error) = self { return error.reason }
        return nil
    }
}
