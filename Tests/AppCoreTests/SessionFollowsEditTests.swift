import Testing
import AppCore
import DeckKit
import StudyCore

/// `e` during a session: the post is read again at once and the session
/// follows it (`AppUpdate.followNotes`). The edits here are real: the
/// Markdown is changed and loaded again, and the re-links are the
/// relinker's own, as `NotesChanges` makes them on reading the posts.
@Suite("A session follows an edit")
struct SessionFollowsEditTests {
    static let post = """
        # Recap

        ## Kinesis

        - Kinesis Data Streams keeps records for 24 hours by default, and up to 365 days.
        - Kinesis Data Firehose loads streaming data into Amazon S3, Redshift and OpenSearch.
        - Kinesis Video Streams ingests video from millions of devices for analytics.

        ## Glue

        - AWS Glue crawlers infer schemas and populate the Glue Data Catalog.
        - Glue ETL jobs run on a serverless Apache Spark environment.
        - The Glue Data Catalog is compatible with the Apache Hive metastore.
        """
    let now = Timestamp(milliseconds: 1_795_600_000_000)

    func deck(_ text: String) throws -> Deck { try DeckLoader.load(text: text, file: "recap.md") }

    /// A study session on the whole deck, the first question on screen.
    func studying() throws -> AppState {
        var state = AppState(decks: [try deck(Self.post)], width: 100, height: 30, now: now,
                             studyOptions: StudyOptions(seed: 4, objectiveOnly: true))
        state.editablePosts = true
        state.selectedRow = 0
        AppUpdate.update(&state, .keyPressed("s"))
        return state
    }

    /// Answers the question up wrong; the store's acknowledgement is sent
    /// back as it would be.
    func answerWrong(_ state: inout AppState, reviewID: Int64) {
        let question = state.quiz!.question!
        let keys = question.kind == .clozeTyped ? ["z", "Enter"]
            : [String((question.correctOption! + 1) % question.options.count + 1)]
        for key in keys {
            for case .saveReview(var review) in AppUpdate.update(&state, .keyPressed(key)) {
                review.id = reviewID
                AppUpdate.update(&state, .reviewSaved(review))
            }
        }
    }

    /// The post with `text` reworded (a word put in before its last) and the
    /// facts in `deleting` taken out: the reworded text, and the posts read
    /// again as the watcher hands them over, with the relinker's re-links
    /// applied to `state`'s progress.
    func edit(_ text: String, deleting: [String] = [], _ state: AppState) throws -> (String, ReloadedPosts) {
        var words = text.dropLast().split(separator: " ").map(String.init)
        words.insert("indeed", at: words.count - 1)
        let reworded = words.joined(separator: " ") + "."
        var markdown = Self.post.replacing(text, with: reworded)
        for gone in deleting { markdown = markdown.replacing("- \(gone)\n", with: "") }
        #expect(markdown != Self.post)
        let edited = try deck(markdown)
        let before = NotesChanges.knownFacts(in: state.decks), after = NotesChanges.knownFacts(in: [edited])
        let report = FactRelinker().relink(old: before.values.filter { after[$0.id] == nil }.sorted { $0.id < $1.id },
                                           new: after.values.filter { before[$0.id] == nil }.sorted { $0.id < $1.id })
        let links = report.relinked.enumerated().map { index, pair in
            FactLink(id: Int64(index + 1), old: pair.old, new: pair.new, origin: pair.old,
                     oldText: before[pair.old]!.text, reason: pair.reason.name, linkedAt: now)
        }
        let changes = NotesChanges(report: report, links: links, facts: before.merging(after) { old, _ in old })
        return (reworded, ReloadedPosts(decks: [edited], progress: changes.applied(to: state.progress),
                                        summary: changes.summary, changes: changes))
    }

    func text(_ id: FactID, _ state: AppState) -> String? { AppUpdate.factText(id, in: state) }

    @Test func eOnTheFeedbackFollowsTheEditAtOnceAndKeepsTheAnswer() throws {
        var state = try studying()
        let asked = try #require(state.quiz?.question)
        let askedText = try #require(text(asked.factID, state))
        answerWrong(&state, reviewID: 41)
        guard case .feedback? = state.quiz?.phase else { Issue.record("no feedback"); return }
        let line = try #require(state.decks[0].root.children[0].children.flatMap(\.facts).first { $0.id == asked.factID }?.line)
        #expect(AppUpdate.update(&state, .keyPressed("e")) == [.editPost(deck: 0, line: line)])
        // Answered wrong in study: the fact comes back in this session.
        #expect(state.quiz?.session.pending.map(\.factID) == [asked.factID])
        let queued = try #require(state.quiz?.session.queue)
        let deleted = try #require(queued.first { $0 != asked.factID })
        let deletedText = try #require(text(deleted, state))
        let title = state.selectedNode?.title

        // The editor rewords the fact answered and deletes one still queued.
        let (reworded, reloaded) = try edit(askedText, deleting: [deletedText], state)
        let new = try #require(reloaded.changes.links.first { $0.old == asked.factID }?.new)
        AppUpdate.update(&state, .postsReloaded(reloaded))

        let quiz = try #require(state.quiz)
        guard case .feedback(let feedback) = quiz.phase else { Issue.record("not on the feedback: \(quiz.phase)"); return }
        #expect(quiz.question?.factID == new)
        #expect(quiz.question?.fact.text.plainText == reworded)
        #expect(quiz.question?.prompt == asked.prompt) // the verdict is about the question as asked
        #expect(feedback.review.factID == new)
        #expect(feedback.review.id == 41)
        #expect(quiz.session.answers.map(\.factID) == [new])
        #expect(quiz.session.pending.map(\.factID) == [new])
        #expect(quiz.session.queue == queued.filter { $0 != deleted && $0 != asked.factID })
        #expect(!quiz.scope.contains(deleted) && quiz.scope.contains(new) && !quiz.scope.contains(asked.factID))
        #expect(state.undoStack == [.answer(reviewID: 41, factID: new)])
        #expect(state.progress[new] != nil && state.progress[asked.factID] == nil)
        #expect(state.decks == reloaded.decks)
        #expect(state.selectedNode?.title == title)
        #expect(state.message?.text.hasPrefix("notes read again: 2 facts changed since last time: 1 re-linked, 1 gone") == true)

        // The session goes on over the new notes: the deleted fact is never
        // asked, and the edited one comes back asked from its new text.
        var reasked: Question?
        var steps = 0
        AppUpdate.update(&state, .keyPressed("Enter"))
        while case .asking? = state.quiz?.phase, let question = state.quiz?.question, steps < 20 {
            steps += 1
            #expect(question.factID != deleted && question.factID != asked.factID)
            if question.factID == new { reasked = question; break }
            answerWrong(&state, reviewID: 100 + Int64(steps))
            AppUpdate.update(&state, .clockTicked(state.now.adding(milliseconds: 120_000)))
            AppUpdate.update(&state, .keyPressed("Enter"))
        }
        let again = try #require(reasked)
        #expect(again.fact.text.plainText == reworded)
        #expect(state.quiz?.session.answers.first?.factID == new) // the first answer is still there
    }

    @Test func aQuestionUpWhoseFactChangedIsAskedAnewAndAGoneOneGivesWay() throws {
        var state = try studying()
        let asked = try #require(state.quiz?.question)
        let askedText = try #require(text(asked.factID, state))
        let (reworded, reloaded) = try edit(askedText, state)
        let new = try #require(reloaded.changes.links.first?.new)
        var rebuilt = state
        AppUpdate.update(&rebuilt, .postsReloaded(reloaded))
        #expect(rebuilt.quiz?.phase == .asking)
        #expect(rebuilt.quiz?.question?.factID == new)
        #expect(rebuilt.quiz?.question?.kind == asked.kind)
        #expect(rebuilt.quiz?.question?.fact.text.plainText == reworded)
        #expect(rebuilt.quiz?.question == rebuilt.quiz?.session.current)
        #expect(rebuilt.questionGenerator?.fact(new) != nil)

        // The same fact deleted instead: the next question comes up, nothing answered.
        let next = try #require(state.quiz?.session.queue.first)
        let (_, withoutIt) = try edit("never in the post.", deleting: [askedText], state)
        AppUpdate.update(&state, .postsReloaded(withoutIt))
        #expect(state.quiz?.phase == .asking)
        #expect(state.quiz?.question?.factID == next)
        #expect(state.quiz?.session.answers.isEmpty == true)
    }

    @Test func theSummarysMissesFollowSoEOpensTheEditedLine() throws {
        var state = try studying()
        let asked = try #require(state.quiz?.question)
        let askedText = try #require(text(asked.factID, state))
        answerWrong(&state, reviewID: 7)
        AppUpdate.update(&state, .keyPressed("q"))
        guard case .summary(let summary)? = state.quiz?.phase else { Issue.record("no summary"); return }
        #expect(summary.missedQuestions.map(\.factID) == [asked.factID])
        // A line put in above the fact, and the fact reworded: it moves down a line.
        let (_, reloaded) = try edit(askedText, state)
        var decks = reloaded.decks
        let shifted = try deck(Self.post.replacing("## Kinesis\n", with: "## Kinesis\n\nStreams, in brief.\n")
            .replacing(askedText, with: reloaded.changes.facts[reloaded.changes.links[0].new]!.text))
        decks = [shifted]
        AppUpdate.update(&state, .postsReloaded(ReloadedPosts(decks: decks, progress: reloaded.progress,
                                                              summary: reloaded.summary, changes: reloaded.changes)))
        let new = reloaded.changes.links[0].new
        guard case .summary(let followed)? = state.quiz?.phase else { Issue.record("the summary went"); return }
        #expect(followed.missedQuestions.map(\.factID) == [new])
        #expect(followed.misses == [new])
        let line = try #require(shifted.root.children[0].children.flatMap(\.facts).first { (fact: Fact) in fact.id == new }?.line)
        #expect(AppUpdate.update(&state, .keyPressed("e")) == [.editPost(deck: 0, line: line)])
    }
}
