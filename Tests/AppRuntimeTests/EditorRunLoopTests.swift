import Foundation
import Testing
import AppCore
import AppRuntime
import DeckKit
import StudyCore
import TerminalUI

/// `e` through the run loop: the screen is handed over (`outside`), the
/// editor runs with the post and line, and the watcher is asked at once, its
/// answer going through `update`.
@Suite("Run loop: the editor")
struct EditorRunLoopTests {
    @Test func eHandsTheTerminalToTheEditorThenTakesWhatTheWatcherReads() throws {
        var harness = try Harness()
        harness.state.editablePosts = true
        let line = harness.state.selectedNode!.line
        var edits: [[Int]] = []
        var watched = 0
        let reloaded = ReloadedPosts(decks: harness.state.decks, progress: [:], summary: "1 fact changed since last time: 1 re-linked")
        harness.backend.events = [.key(.character("e"))]
        var loop = AppRunLoop(backend: harness.backend, store: harness.store, theme: .monochrome) { [clock = harness.clock] in clock.now }
        loop.edit = { deck, line in
            edits.append([deck, line])
            return nil
        }
        loop.watch = { _ in
            watched += 1
            return edits.count == 1 && watched == 1 ? .postsReloaded(reloaded) : nil
        }
        _ = loop.run(&harness.state)
        #expect(edits == [[0, max(1, line)]])
        #expect(harness.backend.timesOutside == 1)
        #expect(harness.state.message?.text == "notes read again: 1 fact changed since last time: 1 re-linked (c: what changed)")
    }

    @Test func anEditorThatFailsIsSaidInTheStatusBar() throws {
        var harness = try Harness()
        harness.state.editablePosts = true
        harness.backend.events = [.key(.character("e"))]
        var loop = AppRunLoop(backend: harness.backend, store: harness.store, theme: .monochrome) { [clock = harness.clock] in clock.now }
        loop.edit = { _, _ in .editorFailed("the editor was not found: nosuchedit (set $EDITOR)") }
        _ = loop.run(&harness.state)
        #expect(harness.state.message?.text == "the editor was not found: nosuchedit (set $EDITOR)")
        #expect(harness.state.message?.kind == .error)
    }

    /// `e` on a question's feedback, through the run loop and a real store:
    /// the editor rewords the fact; the post is read at once (as the
    /// watcher does after `e`) with the fact's card and answer moved to its
    /// new id; the session follows, so a grade changed on that feedback
    /// replaces the moved review, and `u` takes it back and asks again.
    @Test func eOnTheFeedbackFollowsTheEditThroughTheStore() throws {
        var harness = try Harness()
        let post = """
            # Recap

            ## Kinesis

            - Kinesis Data Streams keeps records for 24 hours by default, and up to 365 days.
            - Kinesis Data Firehose loads streaming data into Amazon S3, Redshift and OpenSearch.

            ## Glue

            - AWS Glue crawlers infer schemas and populate the Glue Data Catalog.
            - Glue ETL jobs run on a serverless Apache Spark environment.
            """
        let deck = try DeckLoader.load(text: post, file: "recap.md")
        harness.state = AppState(decks: [deck], width: 100, height: 30, now: harness.clock.now,
                                 studyOptions: StudyOptions(seed: 4, objectiveOnly: true))
        harness.state.editablePosts = true
        // Opened as the full screen opens: the store learns what the notes hold.
        _ = try NotesChanges.follow(decks: [deck], cards: [:], store: harness.store, now: harness.clock.now, apply: true)
        harness.press("s")
        let asked = try #require(harness.state.quiz?.question)
        let askedText = try #require(AppUpdate.factText(asked.factID, in: harness.state))
        let wrong = asked.kind == .clozeTyped ? ["z", "Enter"]
            : [String((asked.correctOption! + 1) % asked.options.count + 1)]
        harness.press(wrong[0], wrong.count > 1 ? wrong[1] : "Ctrl-L")
        guard case .feedback? = harness.state.quiz?.phase else { Issue.record("no feedback"); return }
        let reviewID = try #require(try harness.store.reviewIDs().first)

        var edited: Deck?
        var delivered = false
        harness.backend.events = [.key(.character("e"))]
        var loop = AppRunLoop(backend: harness.backend, store: harness.store, theme: .monochrome) { [clock = harness.clock] in
            clock.now
        }
        loop.edit = { _, _ in
            edited = try? DeckLoader.load(text: post.replacing(askedText, with: "Indeed, " + askedText), file: "recap.md")
            return nil
        }
        let store = harness.store, now = harness.clock.now
        loop.watch = { state in
            guard let edited, !delivered, state.quiz != nil, let cards = try? store.loadCards(),
                  let changes = try? NotesChanges.follow(decks: [edited], cards: cards, store: store, now: now, apply: true)
            else { return nil }
            delivered = true
            return .postsReloaded(ReloadedPosts(decks: [edited], progress: changes.applied(to: cards),
                                                summary: changes.summary, changes: changes))
        }
        _ = loop.run(&harness.state)
        let link = try #require(try harness.store.links().first)
        #expect(link.old == asked.factID)
        let quiz = try #require(harness.state.quiz)
        guard case .feedback(let feedback) = quiz.phase else { Issue.record("not on the feedback"); return }
        #expect(quiz.question?.factID == link.new)
        #expect(quiz.question?.fact.text.plainText == "Indeed, " + askedText)
        #expect(feedback.review.factID == link.new)
        #expect(harness.screen.contains("Indeed, "))
        #expect(try harness.reviews().map(\.factID) == [link.new])

        // Another grade on that feedback replaces the review the store moved.
        harness.press("3")
        #expect(try harness.reviews().map(\.rating) == [.good])
        #expect(try harness.store.reviewIDs() == [reviewID])
        #expect(try harness.store.loadCards()[link.new]?.reps == 1)
        // And u takes it back: the question is up again, under the new id
        // (a typed question up takes u as text: Esc ends the session first).
        if harness.state.keyContext == .quizTyping { harness.press("Esc") }
        harness.press("u")
        #expect(try harness.reviews().isEmpty)
        #expect(harness.state.quiz?.phase == .asking)
        #expect(harness.state.quiz?.question?.factID == link.new)
        #expect(harness.state.progress[link.new] == nil)
    }
}
