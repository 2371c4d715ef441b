import Foundation
import Testing
import DeckKit
import StudyCore
@testable import Reports

/// A question bank's questions and a flip card of the notes, as `check`,
/// `check --json`, the CSV and the Anki export carry them.
@Suite("Questions of the notes in reports and exports")
struct QuestionBankReportTests {
    static func deck() throws -> Deck {
        try DeckLoader.load(text: """
            # Bank
            ## Which mode streams from S3?
            - [ ] File mode
            - [x] Pipe mode
            - [ ] Local mode
            ## Concepts
            ### What is a flip card?
            A card you turn over to check yourself.
            ### Facts
            - Glacier Deep Archive restores objects within twelve hours
            """, file: "bank.md")
    }

    @Test func checkCountsQuestionsApartAndItsJSONGivesKindAndChoices() throws {
        let deck = try Self.deck()
        #expect(OutlineReport.describe(deck.summary) == "2 sections, 3 topics, 0 sub-groups, 1 fact, 2 questions")
        let json = try JSONSerialization.jsonObject(with: Data(DeckJSON.document(for: [deck]).utf8)) as! [String: Any]
        var facts: [[String: Any]] = []
        func walk(_ node: [String: Any]) {
            facts += node["facts"] as! [[String: Any]]
            for child in node["children"] as! [[String: Any]] { walk(child) }
        }
        walk(((json["decks"] as! [[String: Any]])[0])["root"] as! [String: Any])
        #expect(facts.map { $0["kind"] as! String } == ["question", "question", "statement"])
        let choices = facts[0]["choices"] as! [[String: Any]]
        #expect(choices.map { $0["text"] as! String } == ["File mode", "Pipe mode", "Local mode"])
        #expect(choices.map { $0["correct"] as! Bool } == [false, true, false])
        #expect(facts[1]["answer"] as? String == "A card you turn over to check yourself.")
        #expect(facts[2]["choices"] == nil)
    }

    @Test func csvCarriesChoicesAndTheWrittenAnswer() throws {
        let deck = try Self.deck()
        let rows = CSVExportTests.parse(CSVExport.text(decks: [deck], cards: [:]))
        #expect(rows[0].suffix(2) == ["choices", "answer"])
        #expect(rows[1][2] == "Which mode streams from S3?")
        #expect(rows[1][11] == "[ ] File mode\n[x] Pipe mode\n[ ] Local mode")
        #expect(rows[2][12] == "A card you turn over to check yourself.")
        #expect(rows[3][11] == "" && rows[3][12] == "")
    }

    @Test func ankiPutsTheOptionsOnTheFrontAndTheRightOnesOnTheBack() throws {
        let lines = AnkiExport.text(decks: [try Self.deck()]).split(separator: "\n").filter { !$0.hasPrefix("#") }
        let question = lines[0].split(separator: "\t", omittingEmptySubsequences: false).map(String.init)
        #expect(question[0].contains("Which mode streams from S3?<ol><li>File mode</li><li>Pipe mode</li><li>Local mode</li></ol>"))
        #expect(question[1] == "<ul><li><b>Pipe mode</b></li></ul>")
        let card = lines[1].split(separator: "\t", omittingEmptySubsequences: false).map(String.init)
        #expect(card[0].hasSuffix("What is a flip card?"))
        #expect(card[1] == "A card you turn over to check yourself.")
    }
}
