import Testing
import DeckKit
import StudyCore
@testable import Reports

@Suite("questions command output")
struct QuestionReportTests {
    /// The command makes questions on every core; the result must be the one
    /// a single thread makes, in the same order, for any seed.
    @Test func questionsMadeInParallelAreTheSerialOnes() {
        let deck = DeckLoader.bundled()
        var facts: [Fact] = []
        deck.root.forEachNode { facts += $0.facts }
        for seed in [1, 7] as [UInt64] {
            let serial = facts.map { QuestionReport.questions(for: $0, generator: QuestionGenerator(decks: [deck]), seed: seed) }
            let parallel = QuestionReport.questions(for: facts, generator: QuestionGenerator(decks: [deck]), seed: seed)
            #expect(parallel == serial)
        }
    }

    @Test func jsonHasTheDocumentedFieldsInOrder() throws {
        let deck = DeckLoader.bundled()
        var facts: [Fact] = []
        deck.root.forEachNode { facts += $0.facts }
        let generator = QuestionGenerator(decks: [deck])
        let question = try #require(facts.lazy.compactMap { generator.question(for: $0.id, kind: .trueFalse, seed: 1) }.first)
        let json = QuestionReport.json(question)
        let keys = ["\"fact_id\"", "\"fact\"", "\"topic\"", "\"kind\"", "\"context\"", "\"prompt\"", "\"answer\"", "\"options\"", "\"truth\""]
        let positions = keys.compactMap { json.firstRange(of: $0)?.lowerBound }
        #expect(positions.count == keys.count, "\(json)")
        #expect(positions == positions.sorted())
        #expect(json.contains("\"kind\":\"true-false\""))
        #expect(json.contains("\"truth\":true") || json.contains("\"truth\":false"))
    }
}
