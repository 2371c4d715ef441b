import Testing
import DeckKit
import StudyCore
@testable import Reports

/// What `check` and `stats` print of names from outside a post (file names,
/// the store path) cannot drive the terminal or split a line.
@Suite("Printed names")
struct PrintedNameTests {
    let file = "/tmp/inj\u{1B}]0;owned\u{07}\nline\u{9B}2J.md"

    func deck() throws -> Deck {
        var deck = try DeckLoader.load(text: "# T\n## A\n- a fact here\n- a fact here\n", file: file)
        // A title from the front matter is cleaned by DeckKit; this one is as raw as can be.
        deck.title = "title\u{1B}[2J\nx"
        return deck
    }

    static func controls(in text: String) -> [Unicode.Scalar] {
        text.unicodeScalars.filter { $0 != "\n" && ($0.value < 0x20 || (0x7F...0x9F).contains($0.value)) }
    }

    @Test func theOutlineShowsControlsAsReplacementCharacters() throws {
        let text = OutlineReport.text(for: [try deck()])
        #expect(Self.controls(in: text).isEmpty)
        let lines = text.split(separator: "\n")
        #expect(lines[0] == "title\u{FFFD}[2J\u{FFFD}x")
        #expect(lines[1] == "  file: /tmp/inj\u{FFFD}]0;owned\u{FFFD}\u{FFFD}line\u{FFFD}2J.md")
        // The duplicated fact's warning: one line, naming the file as above.
        #expect(lines.last?.hasPrefix("/tmp/inj\u{FFFD}]0;owned\u{FFFD}\u{FFFD}line\u{FFFD}2J.md:4: warning: ") == true)
    }

    @Test func theStatsTextShowsTheStorePathOnOneLine() throws {
        let deck = try deck()
        let days = DayBoundary(utcOffsetSeconds: 0, rolloverHour: 4)
        let now = Timestamp(milliseconds: 1_790_326_800_000)
        let statistics = StatsReport.statistics(decks: [deck], cards: [:], log: [], now: now, days: days,
                                                scheduler: .standard)
        let text = StatsReport.text(decks: [deck], statistics: statistics, reviews: 0,
                                    storePath: "/tmp/st\u{1B}[2J\nx.sqlite")
        #expect(Self.controls(in: text).isEmpty)
        let lines = text.split(separator: "\n")
        #expect(lines[0] == "Progress: /tmp/st\u{FFFD}[2J\u{FFFD}x.sqlite (0 reviews logged)")
        #expect(lines[1] == "title\u{FFFD}[2J\u{FFFD}x: 2 facts")
    }

    /// JSON keeps the name exact, and escapes what could drive a terminal.
    @Test func jsonEscapesEveryControlAndBidiOverride() {
        #expect(JSONWriter.quoted("a\u{1B}b\u{7F}c\u{9B}d\u{202E}e\u{2066}f") == #""a\u001bb\u007fc\u009bd\u202ee\u2066f""#)
        #expect(JSONWriter.quoted("café ☕️") == "\"café ☕️\"")
    }
}
