import Foundation
import Testing
import AppCore
import AppRuntime
import AppViews
import DeckKit
import ProgressSQLite
import StudyCore
import TerminalUI

/// A clock a test moves by hand.
final class TestClock: @unchecked Sendable {
    var now = Timestamp(milliseconds: 1_795_597_200_000) // 2026-11-25T09:00:00Z
    func advance(seconds: Int64) { now = now.adding(milliseconds: seconds * 1000) }
}

/// A store that refuses every answer, as a full disk does (the rest goes to
/// the real SQLite store).
final class RefusingStore: ProgressStore {
    let inner: SQLiteProgressStore
    init(_ inner: SQLiteProgressStore) { self.inner = inner }
    struct DiskFull: Error, CustomStringConvertible { var description: String { "database or disk is full" } }
    func loadCards() throws -> [FactID: CardProgress] { try inner.loadCards() }
    func record(_ review: ReviewRecord, scheduler: FSRSScheduler) throws -> ReviewRecord { throw DiskFull() }
    func undoLastReview() throws -> ReviewRecord? { try inner.undoLastReview() }
    func undoReview(id: Int64?) throws -> ReviewRecord? { try inner.undoReview(id: id) }
    func replaceReview(id: Int64, with review: ReviewRecord, scheduler: FSRSScheduler) throws -> ReviewRecord {
        throw DiskFull()
    }
    func saveCards(_ cards: [(factID: FactID, deck: String, card: CardProgress?)]) throws { try inner.saveCards(cards) }
    func recentReviews(of factID: FactID, limit: Int) throws -> [ReviewLogEntry] { try inner.recentReviews(of: factID, limit: limit) }
    func reviewCount() throws -> Int { try inner.reviewCount() }
    func reviewActivity(of scope: Set<FactID>, now: Timestamp) throws -> ReviewActivity {
        try inner.reviewActivity(of: scope, now: now)
    }
    func newFactsStarted(since start: Timestamp) throws -> Int { try inner.newFactsStarted(since: start) }
    func cardIDs(inDecks decks: [String]) throws -> [FactID] { try inner.cardIDs(inDecks: decks) }
    func cardCount(inDecks decks: [String]) throws -> Int { try inner.cardCount(inDecks: decks) }
    func factsWithoutText(inDecks decks: [String]) throws -> [FactID] { try inner.factsWithoutText(inDecks: decks) }
    func rememberFacts(_ facts: [KnownFact]) throws { try inner.rememberFacts(facts) }
    func knownFacts(_ ids: [FactID]) throws -> [KnownFact] { try inner.knownFacts(ids) }
    func relink(_ moves: [FactLink.Move], now: Timestamp) throws -> [FactLink] { try inner.relink(moves, now: now) }
    func undoRelink(id: Int64) throws -> Bool { try inner.undoRelink(id: id) }
    func links() throws -> [FactLink] { try inner.links() }
    func seenFactCount(inDecks decks: [String]) throws -> Int { try inner.seenFactCount(inDecks: decks) }
    func seenFacts(inDecks decks: [String]) throws -> Set<FactID> { try inner.seenFacts(inDecks: decks) }
    func updateSeenFacts(_ decks: [(title: String, ids: Set<FactID>)], previous: Set<FactID>) throws {
        try inner.updateSeenFacts(decks, previous: previous)
    }
    func deckCardCounts() throws -> [String: Int] { try inner.deckCardCounts() }
    func renameDeck(from old: String, to new: String, moves: [FactLink.Move], now: Timestamp) throws -> DeckRename? {
        try inner.renameDeck(from: old, to: new, moves: moves, now: now)
    }
    func deckRenames() throws -> [DeckRename] { try inner.deckRenames() }
}

/// The whole run loop on a `TestBackend` and a real SQLite store in a fresh
/// folder: keys in, frames and rows out. No tmux, no sleeping: the clock is
/// moved by the test.
struct Harness {
    let path: String
    let store: SQLiteProgressStore
    let backend = TestBackend(size: Size(width: 100, height: 30), events: [])
    let clock = TestClock()
    var state: AppState

    init(options: StudyOptions = StudyOptions(seed: 7, objectiveOnly: true)) throws {
        let folder = NSTemporaryDirectory() + "awsml-runloop-" + UUID().uuidString
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        path = folder + "/progress.sqlite"
        store = try SQLiteProgressStore.open(path: path, now: clock.now, dailyBackup: false)
        state = AppState(decks: [DeckLoader.bundled()], width: 100, height: 30, now: clock.now,
                         progress: try store.loadCards(), studyOptions: options)
        state.selectedRow = 0 // the deck: 42 facts, not the first topic's one
    }

    static func key(_ name: String) -> Key {
        switch name {
        case "Esc": .escape
        case "Enter": .enter
        case "Tab": .tab
        case "Space": .character(" ")
        case "Up": .up
        case "Down": .down
        case "End": .end
        case "Home": .home
        case "Left": .left
        case "Right": .right
        default:
            name.hasPrefix("Ctrl-") ? .control(Character(name.dropFirst(5).lowercased())) : .character(Character(name))
        }
    }

    /// Runs the loop over these events until they run out.
    mutating func send(_ events: [TerminalEvent], store: (any ProgressStore)? = nil) {
        backend.events = events
        let loop = AppRunLoop(backend: backend, store: store ?? self.store, theme: .monochrome) { [clock] in clock.now }
        _ = loop.run(&state)
    }

    mutating func press(_ names: String..., store: (any ProgressStore)? = nil) {
        send(names.map { .key(Self.key($0)) }, store: store)
    }

    /// Answers the question up (option 1, or a typed "x"), whatever its kind.
    mutating func answerCurrent(store: (any ProgressStore)? = nil) {
        switch state.keyContext {
        case .quizTyping: press("x", "Enter", store: store)
        case .quizFlip: press("Space", "1", store: store)
        default: press("1", store: store)
        }
    }

    var screen: String { backend.screenText }
    func reviews() throws -> [ReviewLogEntry] { try store.reviewLog() }
}

@Suite("Run loop: keys → update → store → frame", .serialized)
struct RunLoopTests {
    @Test("an answer is stored when given: Esc on its feedback keeps it, and the summary counts it")
    func escapeOnFeedbackKeepsTheAnswer() throws {
        var harness = try Harness()
        harness.press("s")
        #expect(harness.state.quiz?.phase == .asking)
        harness.answerCurrent()
        guard case .feedback = harness.state.quiz?.phase else {
            Issue.record("expected feedback, got \(String(describing: harness.state.quiz?.phase))"); return
        }
        #expect(try harness.reviews().count == 1) // before any grade key
        #expect(harness.screen.contains("Saved as"))
        harness.press("Esc")
        #expect(try harness.reviews().count == 1)
        guard case .summary(let summary) = harness.state.quiz?.phase else { Issue.record("no summary"); return }
        #expect(summary.answered == 1)
        #expect(harness.screen.contains("1 answered"))
        // q on the summary quits; q during a question had ended the session.
        harness.press("q")
        #expect(!harness.state.isRunning)
    }

    @Test("q during a question ends the session on its summary, and keeps what was answered")
    func quitKeyEndsTheSessionFirst() throws {
        var harness = try Harness()
        harness.press("s")
        harness.answerCurrent()
        harness.press("q")
        guard case .summary = harness.state.quiz?.phase else { Issue.record("q did not end the session"); return }
        #expect(harness.state.isRunning)
        #expect(try harness.reviews().count == 1)
    }

    @Test("u on a feedback screen undoes the answer shown, not the one before it")
    func undoOnFeedbackUndoesTheShownAnswer() throws {
        var harness = try Harness()
        harness.press("s")
        harness.answerCurrent()
        let first = try #require(harness.state.quiz?.session.answers.last?.factID)
        harness.press("Enter")
        let second = try #require(harness.state.quiz?.question)
        harness.answerCurrent()
        #expect(try harness.reviews().count == 2)
        harness.press("u")
        let left = try harness.reviews()
        #expect(left.map(\.factID) == [first])
        #expect(harness.state.quiz?.phase == .asking)
        #expect(harness.state.quiz?.question == second) // asked again, exactly as before
        #expect(harness.state.progress[second.factID] == nil)
        #expect(harness.screen.contains("undid"))
    }

    @Test("another grade on the feedback replaces the stored review in one write")
    func gradeOverrideReplacesTheReview() throws {
        var harness = try Harness()
        harness.press("s")
        harness.answerCurrent()
        let fact = try #require(harness.state.quiz?.session.answers.last?.factID)
        harness.press("4")
        let log = try harness.reviews()
        #expect(log.count == 1)
        #expect(log.first?.rating == .easy)
        let card = try #require(try harness.store.loadCards()[fact])
        #expect(card.reps == 1)
        #expect(card == harness.state.progress[fact])
    }

    @Test("an answer to a fact another window moved on builds on the store's card; the screen takes that card, after a new grade and an undo too")
    func anAnswerBuildsOnTheCardInTheStore() throws {
        var harness = try Harness()
        harness.press("s")
        let fact = try #require(harness.state.quiz?.question?.factID)
        // Another window answers the same fact first; this one still holds it as new.
        let other = try SQLiteProgressStore.open(path: harness.path, now: harness.clock.now, dailyBackup: false)
        let elsewhere = try other.record(
            ReviewRecord(factID: fact, deck: harness.state.decks[0].title, reviewedAt: harness.clock.now, rating: .good,
                         mode: .study, kind: "flip", elapsedMilliseconds: 900, before: .new(factID: fact),
                         after: .new(factID: fact)),
            scheduler: .standard)
        harness.clock.advance(seconds: 60)
        let answeredAt = harness.clock.now
        harness.answerCurrent()
        let stored = try #require(try harness.store.loadCards()[fact])
        #expect(stored.reps == 2)
        #expect(harness.state.progress[fact] == stored)
        harness.press("4")
        let regraded = try #require(try harness.store.loadCards()[fact])
        #expect(regraded == FSRSScheduler.standard.review(elsewhere.after, rating: .easy, at: answeredAt))
        #expect(harness.state.progress[fact] == regraded)
        harness.press("u")
        #expect(try harness.store.loadCards()[fact] == elsewhere.after)
        #expect(harness.state.progress[fact] == elsewhere.after)
        try other.close()
    }

    @Test("a failed write is said on screen and the summary counts only stored answers")
    func refusedWriteIsReported() throws {
        var harness = try Harness()
        let refusing = RefusingStore(harness.store)
        harness.press("s", store: refusing)
        harness.answerCurrent(store: refusing)
        #expect(harness.screen.contains("NOT saved"))
        #expect(harness.state.lastStoreFailure != nil)
        harness.press("Esc", store: refusing)
        guard case .summary(let summary) = harness.state.quiz?.phase else { Issue.record("no summary"); return }
        #expect(summary.answered == 0)
        #expect(summary.notSaved == 1)
        #expect(harness.screen.contains("0 answered"))
        #expect(harness.state.progress.isEmpty) // memory agrees with the store
    }

    @Test("a timed exam counts down on screen and ends by itself at zero, unanswered counted as missed")
    func examEndsByItself() throws {
        var harness = try Harness(options: StudyOptions(examQuestions: 5, examMinutes: 1, seed: 3))
        harness.press("x")
        #expect(harness.screen.contains("1:00 left"))
        #expect(harness.backend.requestedTimeouts.last == 500)
        harness.answerCurrent()
        harness.clock.advance(seconds: 30)
        harness.send([.tick])
        #expect(harness.screen.contains("0:30 left"))
        harness.clock.advance(seconds: 31)
        harness.send([.tick]) // no key: the clock alone ends it
        guard case .summary(let summary) = harness.state.quiz?.phase else { Issue.record("exam did not end"); return }
        #expect(summary.ending == .timeUp)
        #expect(summary.answered == 1)
        #expect(summary.unanswered == 4)
        #expect(harness.screen.contains("Time's up"))
        #expect(harness.screen.contains("4 unanswered"))
        #expect(harness.screen.contains("Missed"))
    }

    @Test("messages expire with the clock, without a key")
    func messagesExpire() throws {
        var harness = try Harness()
        harness.press("u")
        #expect(harness.screen.contains("nothing to undo"))
        harness.clock.advance(seconds: 5)
        harness.send([.tick])
        #expect(!harness.screen.contains("nothing to undo"))
    }

    @Test("Ctrl-L asks the backend to send the whole screen again")
    func controlLRepaints() throws {
        var harness = try Harness()
        harness.press("Ctrl-L")
        #expect(harness.backend.invalidations == 1)
    }

    @Test("suspend and bury are written to the store, survive a restart and undo")
    func suspendAndBuryRoundTrip() throws {
        var harness = try Harness()
        harness.press("j", "j", "Tab") // "Model Retraining", its one fact in the detail
        let fact = try #require(harness.state.selectedFactID)
        harness.press("@")
        #expect(try harness.store.loadCards()[fact]?.suspended == true)
        let reopened = try SQLiteProgressStore.open(path: harness.path, now: harness.clock.now, dailyBackup: false)
        #expect(try reopened.loadCards()[fact]?.suspended == true)
        #expect(harness.screen.contains("suspended"))
        harness.press("u")
        #expect(try harness.store.loadCards()[fact] == nil) // as before: no card at all
        harness.press("-")
        let buried = try #require(try reopened.loadCards()[fact])
        #expect(buried.isBuried(at: harness.clock.now))
        #expect(!buried.isBuried(at: harness.clock.now.adding(milliseconds: 86_400_000)))
        // A study session does not ask it today.
        harness.press("Left", "s")
        #expect(harness.state.quiz?.session.queue.contains(fact) == false)
        #expect(harness.state.quiz?.question?.factID != fact)
    }

    @Test("the detail shows the selected fact's schedule and last answers, read from the store")
    func detailShowsSchedule() throws {
        var harness = try Harness()
        harness.press("s")
        harness.answerCurrent()
        let fact = try #require(harness.state.quiz?.session.answers.last?.factID)
        harness.press("Esc", "Esc")
        #expect(harness.state.screen == .browse)
        // Select that fact in the detail, by its path.
        let path = try #require(harness.state.factPaths[fact])
        let row = try #require(harness.state.rows.firstIndex { $0.path == path })
        let index = try #require(harness.state.decks.node(at: path)?.detailFacts.firstIndex { $0.id == fact })
        let runner = EffectRunner(store: harness.store)
        runner.run(AppUpdate.update(&harness.state, .clickedTreeRow(row)), on: &harness.state)
        runner.run(AppUpdate.update(&harness.state, .clickedFact(index)), on: &harness.state)
        harness.send([.tick]) // draw
        #expect(harness.state.selectedFactID == fact)
        #expect(harness.screen.contains("reps 1"), "\(harness.screen)")
        #expect(harness.screen.contains("last answers:"))
    }
}

@Suite("Run loop: work done off the loop", .serialized)
struct IncomingRunLoopTests {
    @Test("what arrives off the loop goes through update before the key that came with it")
    func preparedGeneratorBeforeTheKey() throws {
        var harness = try Harness()
        let prepared = QuestionGenerator(decks: harness.state.decks)
        prepared.prepare(near: AppState.firstSelectedFacts(in: harness.state.decks))
        // Polled after each event; delivers once, as `QuestionPreparation.arrived` does.
        final class Inbox: @unchecked Sendable { var pending: [AppAction] = [] }
        let inbox = Inbox()
        inbox.pending = [.questionsPrepared(prepared)]
        harness.backend.events = [.key(Harness.key("s"))]
        var loop = AppRunLoop(backend: harness.backend, store: harness.store, theme: .monochrome) { [clock = harness.clock] in clock.now }
        loop.incoming = { inbox.pending.isEmpty ? nil : inbox.pending.removeFirst() }
        _ = loop.run(&harness.state)
        // `s` found the prepared generator: the session did not make its own.
        #expect(harness.state.questionGenerator == prepared)
        #expect(harness.state.quiz?.phase == .asking)
        #expect(inbox.pending.isEmpty)
    }

    @Test("a key that starts a session with no generator yet waits for the one being prepared; other keys do not")
    func aSessionKeyAwaitsTheGeneratorBeingPrepared() throws {
        var harness = try Harness()
        let prepared = QuestionGenerator(decks: harness.state.decks)
        final class Asked: @unchecked Sendable { var times = 0 }
        let asked = Asked()
        var loop = AppRunLoop(backend: harness.backend, store: harness.store, theme: .monochrome) { [clock = harness.clock] in clock.now }
        // Nothing polled has it yet (`incoming` says nothing): only waiting gives it.
        loop.awaitQuestions = {
            asked.times += 1
            return .questionsPrepared(prepared)
        }
        harness.backend.events = [.key(Harness.key("j")), .key(Harness.key("k")), .tick]
        _ = loop.run(&harness.state)
        #expect(asked.times == 0)
        #expect(harness.state.questionGenerator == nil)
        harness.backend.events = [.key(Harness.key("s"))]
        _ = loop.run(&harness.state)
        #expect(asked.times == 1)
        #expect(harness.state.questionGenerator == prepared)
        #expect(harness.state.quiz?.phase == .asking)
        // With a generator in the state, a session key asks for none.
        harness.backend.events = [.key(Harness.key("q")), .key(Harness.key("p"))]
        _ = loop.run(&harness.state)
        #expect(asked.times == 1)
    }
}
