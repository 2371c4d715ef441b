import Testing
import AppCore
import AppRuntime
import DeckKit
import ProgressSQLite
import StudyCore

/// `r` on the "what changed" screen through the run loop and a real store:
/// gone progress re-linked by hand to a fact typed for, recorded "by hand",
/// undone with `d`; a fact with answers of its own refused by the store's
/// guard and said in the status bar.
@Suite("Run loop: re-link by hand", .serialized)
struct RelinkByHandRunLoopTests {
    /// Types `text` into whatever takes text now.
    func type(_ text: String, _ harness: inout Harness) {
        harness.send(text.map { .key(Harness.key($0 == " " ? "Space" : String($0))) })
    }

    @Test func goneProgressGoesToTheFactChosenAndBackWithD() throws {
        var harness = try Harness()
        let deck = harness.state.decks[0]
        var facts: [FactID] = []
        deck.root.forEachNode { facts += $0.facts.map(\.id) }
        let practised = facts[1], chosen = facts[2]
        let now = harness.clock.now
        // Progress of a fact the notes no longer hold, with its text kept.
        let old = FactID(rawValue: "feedfacefeedface")
        var gone = ReviewRecord(factID: old, deck: deck.title, reviewedAt: now, rating: .good, mode: .study, kind: "flip",
                                elapsedMilliseconds: 900, before: .new(factID: old), after: .new(factID: old),
                                fact: KnownFact(id: old, text: "Zebra stripes confuse biting flies.",
                                                topicPath: [deck.title, "Zoology"]))
        gone.after = FSRSScheduler.standard.review(gone.before, rating: .good, at: now)
        try harness.store.record(gone, scheduler: .standard)
        // A fact answered in practice: no card, but answers of its own.
        try harness.store.record(ReviewRecord(factID: practised, deck: deck.title, reviewedAt: now, rating: .good,
                                              mode: .practice, kind: "flip", elapsedMilliseconds: 900,
                                              before: .new(factID: practised), after: .new(factID: practised)),
                                 scheduler: .standard)
        let cards = try harness.store.loadCards()
        let changes = try NotesChanges.follow(decks: [deck], cards: cards, store: harness.store, now: now, apply: true)
        #expect(changes.report.removed == [old])
        harness.state.notesChanges = changes
        harness.state.progress = changes.applied(to: cards)

        harness.press("c")
        #expect(harness.screen.contains("gone, progress kept · r re-links it to a fact you choose"))
        harness.press("r")
        #expect(harness.state.keyContext == .factPicker)
        #expect(harness.screen.contains("Re-link by hand"))
        #expect(harness.screen.contains("\(facts.count) facts"))

        // The practised fact: the store's guard refuses it, and says so.
        let practisedText = try #require(AppUpdate.factText(practised, in: harness.state))
        type(practisedText, &harness)
        #expect(harness.state.screen.changes?.picker?.selectedFact == practised)
        harness.press("Enter")
        #expect(harness.state.message?.text.hasPrefix("not re-linked: “\(practisedText)”") == true)
        #expect(harness.screen.contains("not re-linked"))
        #expect(try harness.store.loadCards()[old] != nil)
        #expect(try harness.store.links().isEmpty)

        // Another fact, typed for: the card and its review move to it.
        harness.press("Esc")
        harness.press("r")
        let chosenText = try #require(AppUpdate.factText(chosen, in: harness.state))
        type(chosenText, &harness)
        #expect(harness.state.screen.changes?.picker?.selectedFact == chosen)
        harness.press("Enter")
        #expect(harness.state.screen.changes?.picker == nil)
        let moved = try harness.store.loadCards()
        #expect(moved[old] == nil)
        #expect(moved[chosen]?.reps == 1)
        #expect(harness.state.progress[chosen] == moved[chosen])
        #expect(try harness.reviews().filter { $0.factID == chosen }.count == 1)
        let link = try #require(try harness.store.links().last)
        #expect([link.old, link.new] == [old, chosen])
        #expect(link.reason == "by hand")
        #expect(link.oldText == "Zebra stripes confuse biting flies.")
        #expect(harness.screen.contains("re-linked (by hand)"))

        // d undoes it: the progress is apart again, under the old id.
        harness.press("d")
        let back = try harness.store.loadCards()
        #expect(back[chosen] == nil)
        #expect(back[old]?.reps == 1)
        #expect(try harness.store.links().isEmpty)
        #expect(harness.state.progress[old]?.reps == 1)
    }
}
