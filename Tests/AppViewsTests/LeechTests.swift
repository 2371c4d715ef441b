import Testing
import AppCore
import DeckKit
import Reports
import StudyCore
import TerminalUI
import TestSupport
@testable import AppViews

/// Leeches (issue 16): a fact forgotten `--leech-lapses` times (8 by default)
/// is marked in the tree, listed by the stats screen and `stats`, and its
/// feedback says so when it is forgotten again, offering to suspend it.
@Suite("Leeches")
struct LeechTests {
    let deck = DeckLoader.bundled()
    let t0 = Timestamp(iso8601: "2026-11-25T09:00:00Z")!
    let scheduler = FSRSScheduler.withoutFuzzing

    /// A review card due now, forgotten `lapses` times before.
    func card(_ id: FactID, lapses: Int) -> CardProgress {
        CardProgress(factID: id, state: .review, stability: 3, difficulty: 8, due: t0,
                     lastReview: t0.adding(milliseconds: -3 * Timestamp.millisecondsPerDay), reps: 20, lapses: lapses)
    }

    func row(_ title: String, in state: AppState) -> TreeRow { state.rows.first { $0.title == title }! }

    @Test func theTreeMarksATopicHoldingALeechAtTheThreshold() {
        var state = AppState(decks: [deck], now: t0, scheduler: scheduler,
                             studyOptions: StudyOptions(leechLapses: 8))
        let retraining = row("Model Retraining", in: state), dropout = row("Dropout Regularization", in: state)
        let leech = state.decks.node(at: retraining.path)!.facts[0].id
        let almost = state.decks.node(at: dropout.path)!.facts[0].id
        state.progress = [leech: card(leech, lapses: 8), almost: card(almost, lapses: 7)]
        state.refreshNodeProgress()
        #expect(TreePane.progressLabel(state.nodeProgress[retraining.path], factCount: 1) == "1d 1L")
        #expect(!TreePane.progressLabel(state.nodeProgress[dropout.path], factCount: 2).contains("L"))
        // The deck counts it too; a lower threshold makes both leeches.
        #expect(state.nodeProgress[NodePath([0])]?.leeches == 1)
        state.studyOptions.leechLapses = 7
        state.refreshNodeProgress()
        #expect(state.nodeProgress[NodePath([0])]?.leeches == 2)
    }

    @Test func theStatsListLeechesMostLapsesFirst() {
        let facts = FactListing.facts(in: deck)
        let (a, b, c) = (facts[0].fact.id, facts[1].fact.id, facts[2].fact.id)
        let cards = [a: card(a, lapses: 8), b: card(b, lapses: 12), c: card(c, lapses: 3)]
        let stats = ProgressStatistics.compute(scope: StatsReport.scope(of: deck), cards: cards, log: [], now: t0,
                                               days: DayBoundary(), scheduler: scheduler)
        #expect(stats.leeches.map(\.id) == [b, a])
        #expect(stats.leeches.map(\.lapses) == [12, 8])
        let text = StatsReport.text(decks: [deck], statistics: [stats], reviews: 0, storePath: "p.sqlite")
        #expect(text.contains("  leeches (forgotten 8 times or more; reword the note or suspend it): 2\n"))
        #expect(text.contains("    12 lapses  \(facts[1].fact.text.plainText)"))
        let json = StatsReport.json(decks: [deck], statistics: [stats], reviews: 0, storePath: "p.sqlite")
        #expect(json.contains("\"leeches\":[{\"id\":\"\(b.rawValue)\""))
    }

    @Test func forgettingALeechAgainSaysSoOnTheFeedback() {
        var state = AppState(decks: [deck], width: 100, height: 40, now: t0, scheduler: scheduler,
                             studyOptions: StudyOptions(seed: 3, objectiveOnly: true))
        let retraining = row("Model Retraining", in: state)
        let fact = state.decks.node(at: retraining.path)!.facts[0].id
        state.progress = [fact: card(fact, lapses: 7)]
        state.refreshNodeProgress()
        state.selectedRow = state.rows.firstIndex { $0.path == retraining.path }!
        AppUpdate.update(&state, .keyPressed("s"))
        guard let question = state.quiz?.question else {
            Issue.record("no question")
            return
        }
        // A wrong option: forgotten an eighth time.
        let wrong = question.options.indices.first { !question.isRight(choosing: [$0]) } ?? 0
        if question.kind == .trueFalse {
            AppUpdate.update(&state, .keyPressed(question.isRight(choosing: [0]) ? "2" : "1"))
        } else {
            AppUpdate.update(&state, .keyPressed(String(wrong + 1)))
        }
        var buffer = ScreenBuffer(size: Size(width: 100, height: 40))
        ScreenRenderer(theme: .monochrome).render(state, into: &buffer)
        let screen = buffer.textLines().joined(separator: "\n")
        #expect(screen.contains("Leech: forgotten 8 times. e rewords the note"), "\(screen)")
    }
}
