import Foundation
import Testing
import DeckKit
@testable import StudyCore

/// A generator prepared ahead (`prepare(near:)`, on another thread while
/// questions are asked) asks exactly what one made on the spot asks: the
/// preparation only moves work earlier. And the fact-id table answers as the
/// dictionary it replaced.
@Suite("Question preparation")
struct QuestionPreparationTests {
    /// A generated post: topics of 50 facts, so the option search reaches
    /// past a question's own topic (and `prepare(near:)` warms several).
    static let deck = try! DeckLoader.load(text: GeneratedPost.text(bullets: 600), file: "generated.md")

    static func facts(_ deck: Deck) -> [Fact] {
        var facts: [Fact] = []
        deck.root.forEachNode { facts += $0.facts }
        return facts
    }

    /// Every kind for the first facts of the second topic and a few further
    /// on, with three seeds: what a session there would ask.
    static func questions(_ generator: QuestionGenerator, _ facts: [Fact]) -> [Question?] {
        let sample = Array(facts[50..<62]) + stride(from: 100, to: facts.count, by: 97).map { facts[$0] }
        var asked: [Question?] = []
        for fact in sample {
            for seed: UInt64 in 1...3 {
                for kind in QuestionKind.allCases { asked.append(generator.question(for: fact.id, kind: kind, seed: seed)) }
                asked.append(generator.question(for: fact.id, choosingFrom: QuestionKind.allCases, seed: seed))
            }
        }
        return asked
    }

    @Test("a prepared generator asks the same questions as one made on the spot")
    func preparedAsksTheSame() {
        let facts = Self.facts(Self.deck)
        let fresh = Self.questions(QuestionGenerator(decks: [Self.deck]), facts)
        let prepared = QuestionGenerator(decks: [Self.deck])
        prepared.prepare(near: facts[50..<100].map(\.id))
        #expect(Self.questions(prepared, facts) == fresh)
        // Some were asked with options (the search the preparation warms).
        #expect(fresh.contains { $0?.kind == .clozeChoice })
        #expect(fresh.compactMap { $0 }.count > 100)
    }

    @Test("preparing on another thread while questions are asked changes none of them")
    func preparingWhileAsking() async {
        let facts = Self.facts(Self.deck)
        let expected = Self.questions(QuestionGenerator(decks: [Self.deck]), facts)
        let shared = QuestionGenerator(decks: [Self.deck])
        let near = facts[50..<100].map(\.id)
        let preparing = Task.detached { shared.prepare(near: near) }
        let asked = Self.questions(shared, facts)
        await preparing.value
        #expect(asked == expected)
        // And again, from the caches both filled.
        #expect(Self.questions(shared, facts) == expected)
    }

    /// The glossary, read by bytes (`SeenTexts`, `forEachSpanUTF8`), holds
    /// the stems of every title and every bold or code text, as reading each
    /// span as a string did; asked from two threads at once, it is one set.
    @Test("the glossary is every title's and bold or code text's stems, made once")
    func glossaryByBytes() async {
        let decks = [Self.deck, DeckLoader.bundled()]
        var expected: Set<String> = []
        for deck in decks {
            deck.root.forEachNode { node in
                expected.formUnion(QuestionIndex.quickStems(node.title.plainText))
                for fact in node.facts {
                    fact.text.forEachSpanText(styledAny: [.bold, .code]) { expected.formUnion(QuestionIndex.quickStems($0)) }
                }
            }
        }
        let index = QuestionIndex(decks: decks)
        async let other = Task.detached { index.glossary() }.value
        let here = index.glossary()
        #expect(await other == here)
        #expect(here == expected)
        // The generated post sets `code_7` in code; the bundled post bolds "Dropout".
        #expect(here.isSuperset(of: QuestionIndex.quickStems("code_7 Dropout")))
    }

    @Test("a generator knows the decks it was made from")
    func builtFrom() throws {
        let generator = QuestionGenerator(decks: [Self.deck])
        #expect(generator.isBuilt(from: [Self.deck]))
        let other = try DeckLoader.load(text: "# Other\n- One fact here.\n", file: "other.md")
        #expect(!generator.isBuilt(from: [other]))
        #expect(!generator.isBuilt(from: [Self.deck, other]))
        #expect(!generator.isBuilt(from: []))
    }

    @Test("the fact-id table finds every fact the dictionary found, and nothing else")
    func factPositions() {
        let facts = Self.facts(Self.deck)
        var table = FactPositions(capacity: facts.count)
        for (position, fact) in facts.enumerated() { table.insert(fact.id, at: position) }
        table.finish()
        for (position, fact) in facts.enumerated() { #expect(table[fact.id] == position) }
        #expect(FactPositions.number(facts[0].id) != nil) // real ids take the fast path
        #expect(table[FactID(rawValue: "0123456789abcdef")] == nil)

        // Ids of another form: not 16 lowercase hex digits.
        var odd = FactPositions()
        let upper = FactID(rawValue: "0123456789ABCDEF"), lower = FactID(rawValue: "0123456789abcdef")
        odd.insert(FactID(rawValue: "a"), at: 0)
        odd.insert(upper, at: 1)
        odd.insert(lower, at: 2)
        odd.insert(FactID(rawValue: "0123456789abcdeg"), at: 3)
        odd.finish()
        #expect(FactPositions.number(upper) == nil)
        #expect(FactPositions.number(lower) == 0x0123_4567_89AB_CDEF)
        #expect(odd[FactID(rawValue: "a")] == 0)
        #expect(odd[upper] == 1)
        #expect(odd[lower] == 2)
        #expect(odd[FactID(rawValue: "0123456789abcdeg")] == 3)
        #expect(odd[FactID(rawValue: "b")] == nil)
        // A second insert of an id replaces the first, as a dictionary's does.
        odd.insert(lower, at: 9)
        odd.finish()
        #expect(odd[lower] == 9)

        // Made-up ids that share their top bytes (a pass of the sort skipped),
        // inserted out of order, and inserted again: the last insert wins.
        var small = FactPositions()
        let many = (0..<300).map { FactID(rawValue: String(format: "%016llx", UInt64(($0 * 7919) % 300) &* 0x9E37)) }
        for (position, id) in many.enumerated() { small.insert(id, at: position) }
        small.insert(many[39], at: 1000)
        small.insert(many[0], at: 1001)
        small.finish()
        for (position, id) in many.enumerated().dropFirst() where position != 39 { #expect(small[id] == position) }
        #expect(small[many[39]] == 1000)
        #expect(small[many[0]] == 1001)
        #expect(small[FactID(rawValue: String(format: "%016llx", UInt64(301) &* 0x9E37))] == nil)
        #expect(small[FactID(rawValue: "ffffffffffffffff")] == nil)
        #expect(small[FactID(rawValue: "0000000000000000")] == 1001) // many[0] spells 0
    }
}
