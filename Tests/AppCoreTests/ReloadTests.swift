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
        #expect(state.message?.text == "notes read again: 1 fact changed since last time: 1 re-linked")
        #expect(state.postsWatchInterval == 1000)
        #expect(state.wakeUpAfter.map { $0 <= 1000 } == true)
    }

    @Test func nothingChangesUnderASession() throws {
        var state = AppState(decks: [try deck(post)], width: 100, height: 30, studyOptions: StudyOptions(seed: 2))
        select("Elastic Inference", &state)
        AppUpdate.update(&state, .keyPressed("s"))
        let before = state
        #expect(before.quiz != nil)
        AppUpdate.update(&state, .postsReloaded(ReloadedPosts(decks: [try deck("# Other\n\n## T\n\n- Something else entirely.\n")],
                                                              progress: [:], summary: nil)))
        #expect(state == before)
    }

    @Test func postsThatNoLongerLoadLeaveTheLastGoodVersion() throws {
        var state = AppState(decks: [try deck(post)], width: 100, height: 30)
        let decks = state.decks
        AppUpdate.update(&state, .postsReloadFailed("recap.md: is empty"))
        #expect(state.decks == decks)
        #expect(state.message?.text == "the notes changed but do not load (recap.md: is empty); the last good version stays")
    }
}
