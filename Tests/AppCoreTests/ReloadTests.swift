import Testing
import AppCore
import DeckKit
import StudyCore

/// Posts read again after they changed on disk (`PostWatcher` in the
/// executable sends `.postsReloaded`): the new decks and progress are taken,
/// the place in the tree is kept by its titles, and nothing changes under a
/// session that is on.
@Suite("Posts read again")
struct ReloadTests {
    let post = """
        # Recap

        ## Kinesis

        - Kinesis Data Streams keeps records for 24 hours by default.

        ## Elastic Inference

        - Reduces deep learning inference costs by up to 75%.
        - Attaches GPU acceleration to EC2 instances.
        """

    func deck(_ text: String) throws -> Deck { try DeckLoader.load(text: text, file: "recap.md") }

    func select(_ title: String, _ state: inout AppState) {
        state.selectedRow = state.rows.firstIndex { $0.title == title }!
    }

    @Test func theNewDecksAreTakenAndTheSelectionFollowsItsTitles() throws {
        var state = AppState(decks: [try deck(post)], width: 100, height: 30, studyOptions: StudyOptions(seed: 2))
        state.postsWatchInterval = 1000
        select("Elastic Inference", &state)
        // A topic is added above the selected one, and a fact reworded.
        let edited = try deck("""
            # Recap

            ## Kinesis

            - Kinesis Data Streams keeps records for 24 hours by default.

            ## Glue

            - Glue crawls S3.

            ## Elastic Inference

            - Reduces deep learning inference costs by up to 75 percent.
            - Attaches GPU acceleration to EC2 instances.
            """)
        let newFact = edited.root.children[0].children[2].facts[0]
        let card = CardProgress(factID: newFact.id, state: .learning, step: 1, due: Timestamp(milliseconds: 60_000))
        AppUpdate.update(&state, .postsReloaded(ReloadedPosts(decks: [edited], progress: [newFact.id: card],
                                                              summary: "1 fact changed since last time: 1 re-linked")))
        #expect(state.decks == [edited])
        #expect(state.progress == [newFact.id: card])
        #expect(state.selectedNode?.title.plainText == "Elastic Inference")
        #expect(state.message?.text == "notes read again: 1 fact changed since last time: 1 re-linked (c: what changed)")
        #expect(state.postsWatchInterval == 1000)
        #expect(state.wakeUpAfter.map { $0 <= 1000 } == true)
    }

    /// While the posts are read again (off the run loop), the status bar
    /// says how far: the line stays over keys (which are answered), the
    /// screen wakes every 100 ms to show it move, and it goes when the
    /// posts are taken or wait for the tree.
    @Test func theProgressOfAReadingStaysOverKeysUntilThePostsAreTaken() throws {
        var state = AppState(decks: [try deck(post)], width: 100, height: 30, studyOptions: StudyOptions(seed: 2))
        state.postsWatchInterval = 1000
        #expect(state.wakeUpAfter == 1000)
        AppUpdate.update(&state, .postsReading("reading recap.md again: 4 of 11 MB…"))
        var expected = state
        #expect(state.message == StatusMessage("reading recap.md again: 4 of 11 MB…", kind: .progress, at: state.now))
        #expect(state.wakeUpAfter == 100)
        // A key is answered (the selection moves) and the line stays.
        let row = state.selectedRow
        AppUpdate.update(&state, .keyPressed("j"))
        #expect(state.selectedRow == row + 1)
        #expect(state.message?.text == "reading recap.md again: 4 of 11 MB…")
        expected.selectedRow = row + 1
        expected.focus = state.focus
        expected.treeScroll = state.treeScroll
        #expect(state == expected)
        // Read, waiting for the tree: the line goes; an info message does not.
        AppUpdate.update(&state, .postsReading(nil))
        #expect(state.message == nil)
        #expect(state.wakeUpAfter == 1000)
        state.message = StatusMessage("undid Good", at: state.now)
        AppUpdate.update(&state, .postsReading(nil))
        #expect(state.message?.text == "undid Good")
        // Taken: the line is replaced by what was read.
        AppUpdate.update(&state, .postsReading("reading recap.md again: numbering its facts…"))
        AppUpdate.update(&state, .postsReloaded(ReloadedPosts(decks: [try deck(post)], progress: [:], summary: nil)))
        #expect(state.message?.text == "notes read again")
        #expect(state.message?.kind == .info)
        // An info message still goes at the next key.
        AppUpdate.update(&state, .keyPressed("k"))
        #expect(state.message == nil)
    }

    @Test func undoEntriesFollowTheirFactsNewIds() throws {
        var state = AppState(decks: [try deck(post)], width: 100, height: 30)
        let old = FactID(rawValue: "old-id"), new = FactID(rawValue: "new-id")
        state.undoStack = [.answer(reviewID: 3, factID: old),
                           .cardChange(before: [CardSnapshot(factID: old, deck: "Recap", card: CardProgress(factID: old))],
                                       description: "suspended")]
        let link = FactLink(id: 1, old: old, new: new, origin: old, oldText: "", reason: "edited",
                            linkedAt: Timestamp(milliseconds: 0))
        AppUpdate.update(&state, .postsReloaded(ReloadedPosts(decks: state.decks, progress: [:], summary: nil,
                                                              changes: NotesChanges(links: [link]))))
        #expect(state.undoStack == [.answer(reviewID: 3, factID: new),
                                    .cardChange(before: [CardSnapshot(factID: new, deck: "Recap", card: CardProgress(factID: new))],
                                                description: "suspended")])
    }

    /// The watcher reads the posts during a session only after `e`; what it
    /// reads, the session follows (`SessionFollowsEditTests` for edits):
    /// here every fact of the session is gone, so the question up gives way
    /// and the session ends on its summary, nothing answered lost or made up.
    @Test func aSessionFollowsTheNotesReadDuringIt() throws {
        var state = AppState(decks: [try deck(post)], width: 100, height: 30, studyOptions: StudyOptions(seed: 2))
        select("Elastic Inference", &state)
        AppUpdate.update(&state, .keyPressed("s"))
        #expect(state.quiz?.phase == .asking)
        let other = try deck("# Other\n\n## T\n\n- Something else entirely.\n")
        AppUpdate.update(&state, .postsReloaded(ReloadedPosts(decks: [other], progress: [:], summary: nil)))
        #expect(state.decks == [other])
        guard case .summary(let summary)? = state.quiz?.phase else {
            Issue.record("the session did not end: \(String(describing: state.quiz?.phase))")
            return
        }
        #expect(summary.answered == 0)
        #expect(state.quiz?.scope == [])
        #expect(state.quiz?.session.queue == [])
    }

    @Test func postsThatNoLongerLoadLeaveTheLastGoodVersion() throws {
        var state = AppState(decks: [try deck(post)], width: 100, height: 30)
        let decks = state.decks
        AppUpdate.update(&state, .postsReloadFailed("recap.md: is empty"))
        #expect(state.decks == decks)
        #expect(state.message?.text == "the notes changed but do not load (recap.md: is empty); the last good version stays")
    }
}

/// `e` opens the selected fact's post in the learner's editor; `x` is the exam.
@Suite("Edit from the app")
struct EditKeyTests {
    let post = """
        # Recap

        ## Kinesis

        - Kinesis Data Streams keeps records for 24 hours by default.
        - Kinesis Data Firehose loads streaming data into S3.
        """

    func state(editable: Bool) throws -> AppState {
        var state = AppState(decks: [try DeckLoader.load(text: post, file: "recap.md")], width: 100, height: 30,
                             studyOptions: StudyOptions(seed: 2, objectiveOnly: true))
        state.editablePosts = editable
        state.selectedRow = state.rows.firstIndex { $0.title == "Kinesis" }!
        return state
    }

    @Test func eOnAFactInTheDetailOpensItsLineOnTheTopicItsHeading() throws {
        var state = try state(editable: true)
        #expect(AppUpdate.update(&state, .keyPressed("e")) == [.editPost(deck: 0, line: 3)])
        AppUpdate.update(&state, .keyPressed("Tab"))
        AppUpdate.update(&state, .keyPressed("j"))
        var effects = AppUpdate.update(&state, .keyPressed("e"))
        effects.removeAll { if case .loadFactHistory = $0 { true } else { false } }
        #expect(effects == [.editPost(deck: 0, line: 6)])
    }

    @Test func eOnTheFeedbackOpensTheFactJustAnswered() throws {
        var state = try state(editable: true)
        AppUpdate.update(&state, .keyPressed("s"))
        let id = try #require(state.quiz?.question?.factID)
        let line = state.decks[0].root.children[0].children[0].facts.first { $0.id == id }!.line
        AppUpdate.update(&state, .keyPressed("1"))
        guard case .feedback? = state.quiz?.phase else {
            Issue.record("no feedback: \(String(describing: state.quiz?.phase))")
            return
        }
        #expect(AppUpdate.update(&state, .keyPressed("e")) == [.editPost(deck: 0, line: line)])
    }

    @Test func theBundledPostSaysHowToGetAFile() throws {
        var state = try state(editable: false)
        #expect(AppUpdate.update(&state, .keyPressed("e")).isEmpty)
        #expect(state.message?.text.hasPrefix("the bundled post is read-only: awsml-tui init FILE writes it out") == true)
    }

    @Test func xStartsAnExam() throws {
        var state = try state(editable: true)
        AppUpdate.update(&state, .keyPressed("x"))
        #expect(state.quiz?.session.mode == .exam)
    }
}
