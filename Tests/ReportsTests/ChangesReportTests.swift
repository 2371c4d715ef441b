import Testing
import DeckKit
import StudyCore
@testable import Reports

/// `awsml-tui changes`: a deck renamed is listed once, made or to be made,
/// and the facts that moved with its title are not listed one by one.
@Suite("Changes report")
struct ChangesReportTests {
    let now = Timestamp(milliseconds: 1_795_600_000_000) // 2026-11-25

    @Test func decksRenamedAreListedOnceAndTheirFactsMovesAreNot() {
        let fact = KnownFact(id: FactID(rawValue: "new1"), text: "Glue crawls S3.", topicPath: ["AWS ML Recap", "Glue"])
        let moved = FactLink(id: 1, old: FactID(rawValue: "old1"), new: fact.id, origin: FactID(rawValue: "old1"),
                             oldText: "Glue crawls S3.", reason: DeckRename.reason, linkedAt: now)
        let made = DeckRename(id: 1, oldTitle: "AWS Recap", newTitle: "AWS ML Recap", cards: 42, matched: 42,
                              renamedAt: now, links: [moved])
        let found = DeckRename(id: nil, oldTitle: "Old\u{1B}[31m notes", newTitle: "Notes", cards: 1, matched: 1, renamedAt: nil)
        let text = ChangesReport.text(changes: NotesChanges(renames: [found]), links: [moved], renames: [made],
                                      current: [fact.id: fact], storePath: "/tmp/p.sqlite")
        #expect(text == """
            Progress: /tmp/p.sqlite
            Decks renamed (2):
              deck renamed: AWS Recap → AWS ML Recap · 2026-11-25 · 42 cards moved
              deck renamed: Old\u{FFFD}[31m notes → Notes · 1 card to move the next time the notes are opened
            Re-linked when the notes were opened (0)
            To re-link the next time the notes are opened (0)
            To confirm (0)
            Gone, progress kept (0)

            """)
        // With no rename, no such section.
        #expect(!ChangesReport.text(changes: NotesChanges(), links: [], current: [:], storePath: "p").contains("Decks renamed"))
    }
}
