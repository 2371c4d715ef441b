import Testing
import AppCore
import DeckKit
import StudyCore

/// The "what changed" screen (`c`): each change with its keys; what the
/// store does comes back through `update` and shows on the change's line.
@Suite("What changed")
struct ChangesScreenTests {
    let post = """
        # Recap

        ## Kinesis

        - Kinesis Data Streams keeps records for 24 hours by default, up to a year.
        - Kinesis Data Streams keeps records for a day by default.
        - Kinesis Data Firehose loads streaming data into S3.
        """
    let now = Timestamp(milliseconds: 1_795_600_000_000)

    /// A state whose last opening found: one re-link made, one change to
    /// confirm between the two Data Streams facts, and one fact gone.
    func state() throws -> (AppState, old: KnownFact, gone: KnownFact, link: FactLink, candidates: [KnownFact]) {
        let deck = try DeckLoader.load(text: post, file: "recap.md")
        let current = NotesChanges.knownFacts(in: [deck]).values.sorted { $0.text < $1.text }
        let firehose = current.first { $0.text.contains("Firehose") }!
        let candidates = current.filter { $0.text.contains("Data Streams") }
        let old = KnownFact(id: FactID(rawValue: "old-streams"), text: "Kinesis Data Streams keeps records for 24 hours.",
                            topicPath: ["Recap", "Recap", "Kinesis"])
        let gone = KnownFact(id: FactID(rawValue: "old-shards"), text: "Shards scale a stream.", topicPath: ["Recap", "Recap", "Kinesis"])
        let link = FactLink(id: 7, old: FactID(rawValue: "old-firehose"), new: firehose.id, origin: FactID(rawValue: "old-firehose"),
                            oldText: "Kinesis Firehose loads streaming data into S3.", reason: "edited", linkedAt: now)
        var facts = [old.id: old, gone.id: gone, firehose.id: firehose]
        for candidate in candidates { facts[candidate.id] = candidate }
        let report = RelinkReport(changes: [
            .relinked(old: link.old, new: link.new, reason: .edited),
            .toConfirm(old: old.id, candidates: candidates.map { RelinkCandidate(new: $0.id, similarity: 0.7) }),
            .removed(old: gone.id),
        ])
        var state = AppState(decks: [deck], width: 100, height: 30, now: now,
                             progress: [old.id: CardProgress(factID: old.id, state: .review, reps: 3),
                                        gone.id: CardProgress(factID: gone.id, state: .review, reps: 2),
                                        firehose.id: CardProgress(factID: firehose.id, state: .review, reps: 4)])
        state.notesChanges = NotesChanges(report: report, links: [link], facts: facts)
        return (state, old, gone, link, candidates)
    }

    @Test func cListsEveryChangeAndItsKeysActThroughTheStore() throws {
        var (state, old, gone, link, candidates) = try state()
        AppUpdate.update(&state, .keyPressed("c"))
        let view = try #require(state.screen.changes)
        #expect(view.items.count == 3)
        #expect(state.keyContext == .changes)

        // The change to confirm: 2 re-links it to the second candidate.
        AppUpdate.update(&state, .keyPressed("j"))
        #expect(AppUpdate.update(&state, .keyPressed("2")) == [.relinkByHand(old: old.id, new: candidates[1], reason: "confirmed", at: now)])
        let confirmed = FactLink(id: 8, old: old.id, new: candidates[1].id, origin: old.id, oldText: old.text,
                                 reason: "confirmed", linkedAt: now)
        AppUpdate.update(&state, .factsRelinked([confirmed]))
        #expect(state.progress[old.id] == nil)
        #expect(state.progress[candidates[1].id]?.reps == 3)
        #expect(state.screen.changes?.items[1] == .relinked(confirmed, newText: candidates[1].text))

        // The gone fact: d discards its card (only with the key).
        AppUpdate.update(&state, .keyPressed("j"))
        #expect(AppUpdate.update(&state, .keyPressed("d"))
            == [.saveCards([CardSnapshot(factID: gone.id, deck: "Recap", card: nil)])])
        #expect(state.progress[gone.id] == nil)
        #expect(state.screen.changes?.items[2] == .settled(old: gone.text, outcome: "progress discarded"))

        // The re-link made on opening: d undoes it through the store.
        AppUpdate.update(&state, .keyPressed("g"))
        #expect(AppUpdate.update(&state, .keyPressed("d")) == [.undoRelink(link)])
        AppUpdate.update(&state, .relinkUndone(link))
        #expect(state.progress[link.new] == nil)
        #expect(state.progress[link.old]?.reps == 4)
        if case .settled(_, let outcome)? = state.screen.changes?.items[0] {
            #expect(outcome.hasPrefix("re-link undone"))
        } else {
            Issue.record("the undone re-link does not say so")
        }
        AppUpdate.update(&state, .keyPressed("Esc"))
        #expect(state.screen == .browse)
    }

    @Test func nothingChangedSaysSo() throws {
        var state = AppState(decks: [try DeckLoader.load(text: post, file: "recap.md")], width: 100, height: 30)
        AppUpdate.update(&state, .keyPressed("c"))
        #expect(state.screen.changes?.items.isEmpty == true)
        #expect(AppUpdate.update(&state, .keyPressed("d")).isEmpty)
        #expect(AppUpdate.update(&state, .keyPressed("1")).isEmpty)
    }

    /// `r` on gone progress: a picker of the deck's facts, narrowed by what is
    /// typed (case and accents ignored, as the search), Enter re-links to the
    /// one highlighted, Esc goes back with nothing done.
    @Test func rPicksAnyFactOfTheDeckToReLinkGoneProgressTo() throws {
        var (state, _, gone, link, candidates) = try state()
        let deckFacts = state.decks[0].root.children[0].children[0].facts.map(\.id)
        AppUpdate.update(&state, .keyPressed("c"))
        // On a re-link, r does nothing (it is not offered there).
        #expect(!state.canPerform(.pickFactToRelink))
        AppUpdate.update(&state, .keyPressed("r"))
        #expect(state.screen.changes?.picker == nil)
        AppUpdate.update(&state, .keyPressed("G"))
        #expect(state.canPerform(.pickFactToRelink))
        AppUpdate.update(&state, .keyPressed("r"))
        #expect(state.keyContext == .factPicker)
        var picker = try #require(state.screen.changes?.picker)
        #expect(picker.old == gone)
        #expect(picker.deck == 0)
        #expect(picker.matches == deckFacts) // every fact of the deck, in tree order
        // Printable keys are the filter here, d and digits included: "DATA S" keeps the two Data Streams facts.
        for key in ["D", "A", "T", "A", "Space", "s"] { AppUpdate.update(&state, .keyPressed(key)) }
        picker = try #require(state.screen.changes?.picker)
        #expect(picker.query == "DATA s")
        #expect(picker.matches == candidates.map(\.id).sorted { deckFacts.firstIndex(of: $0)! < deckFacts.firstIndex(of: $1)! })
        AppUpdate.update(&state, .keyPressed("Down"))
        #expect(state.screen.changes?.picker?.selected == 1)
        AppUpdate.update(&state, .keyPressed("Backspace"))
        #expect(state.screen.changes?.picker?.query == "DATA ")
        #expect(state.screen.changes?.picker?.selected == 0)
        AppUpdate.update(&state, .keyPressed("s"))
        AppUpdate.update(&state, .keyPressed("Down"))
        let chosen = try #require(state.screen.changes?.picker?.selectedFact)
        let chosenText = try #require(AppUpdate.factText(chosen, in: state))
        let expected = KnownFact(id: chosen, text: chosenText, topicPath: ["Recap", "Recap", "Kinesis"])
        #expect(AppUpdate.update(&state, .keyPressed("Enter"))
            == [.relinkByHand(old: gone.id, new: expected, reason: "by hand", at: now)])
        // The store refused (the fact had answers of its own): said, and the picker stays to choose another.
        AppUpdate.update(&state, .relinkRefused(old: gone.id, new: expected))
        #expect(state.message?.kind == .error)
        #expect(state.message?.text.hasPrefix("not re-linked: “\(chosenText)” has progress of its own") == true)
        #expect(state.screen.changes?.picker != nil)
        #expect(state.screen.changes?.items[2] == .gone(old: gone))
        // The store made it: the line says so, the picker closes, the card follows.
        let made = FactLink(id: 9, old: gone.id, new: chosen, origin: gone.id, oldText: gone.text, reason: "by hand",
                            linkedAt: now)
        AppUpdate.update(&state, .factsRelinked([made]))
        #expect(state.screen.changes?.picker == nil)
        #expect(state.screen.changes?.items[2] == .relinked(made, newText: chosenText))
        #expect(state.progress[gone.id] == nil)
        #expect(state.progress[chosen]?.reps == 2)
        #expect(state.notesChanges.links == [link, made])
        // And d undoes it like any re-link.
        #expect(AppUpdate.update(&state, .keyPressed("d")) == [.undoRelink(made)])
    }

    @Test func escClosesThePickerWithNothingDoneAndANoMatchFilterChoosesNothing() throws {
        var (state, old, _, _, _) = try state()
        AppUpdate.update(&state, .keyPressed("c"))
        AppUpdate.update(&state, .keyPressed("j")) // the change to confirm: r works there too
        AppUpdate.update(&state, .keyPressed("r"))
        #expect(state.screen.changes?.picker?.old == old)
        for key in ["z", "z", "z"] { AppUpdate.update(&state, .keyPressed(key)) }
        #expect(state.screen.changes?.picker?.matches == [])
        #expect(!state.canPerform(.relinkToPickedFact))
        #expect(AppUpdate.update(&state, .keyPressed("Enter")).isEmpty)
        let before = state.screen.changes?.items
        AppUpdate.update(&state, .keyPressed("Esc"))
        #expect(state.screen.changes?.picker == nil)
        #expect(state.screen.changes?.items == before)
        #expect(state.keyContext == .changes)
    }

    /// A deck renamed is the first line, said once; it has no keys (its
    /// cards moved already), and its facts' moves follow the undo entries.
    @Test func aDeckRenamedIsListedFirstAndFollowedByUndoEntries() throws {
        var (state, _, _, link, _) = try state()
        let old = FactID(rawValue: "old-glue"), new = try #require(state.decks[0].root.children[0].children[0].facts.first?.id)
        let moved = FactLink(id: 11, old: old, new: new, origin: old, oldText: "Glue crawls S3.", reason: DeckRename.reason,
                             linkedAt: now)
        let rename = DeckRename(id: 3, oldTitle: "AWS Recap", newTitle: "Recap", cards: 3, matched: 3, renamedAt: now,
                                links: [moved])
        state.undoStack = [.answer(reviewID: 5, factID: old)]
        let changes = NotesChanges(report: state.notesChanges.report, links: [link], facts: state.notesChanges.facts,
                                   renames: [rename])
        AppUpdate.update(&state, .postsReloaded(ReloadedPosts(decks: state.decks, progress: state.progress,
                                                              summary: changes.summary, changes: changes)))
        #expect(state.undoStack == [.answer(reviewID: 5, factID: new)])
        #expect(state.message?.text.hasPrefix("notes read again: deck renamed: AWS Recap → Recap (3 cards moved) · ") == true)
        AppUpdate.update(&state, .keyPressed("c"))
        let view = try #require(state.screen.changes)
        #expect(view.items.first == .deckRenamed(rename))
        #expect(view.items.count == 4)
        #expect(!state.canPerform(.discardChange) && !state.canPerform(.pickFactToRelink))
        #expect(AppUpdate.update(&state, .keyPressed("d")).isEmpty)
        AppUpdate.update(&state, .keyPressed("r"))
        #expect(state.screen.changes == view)
    }
}
