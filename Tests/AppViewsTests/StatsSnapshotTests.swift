import Testing
import AppCore
import DeckKit
import Reports
import StudyCore
import TerminalUI
import TestSupport
@testable import AppViews

/// The stats screen on a store filled by a fixed-clock simulation (about 290
/// reviews over 60 days).
@Suite("Stats screen snapshots")
struct StatsSnapshotTests {
    let deck = DeckLoader.bundled()
    let start = Timestamp(milliseconds: 1_790_326_800_000) // 2026-09-25T09:00:00Z

    func statsState(width: Int, height: Int, keys: [String] = []) -> AppState {
        let simulation = ReviewSimulation(deck: deck, days: 60, start: start, skipping: [20, 21, 45])
        var state = AppState(decks: [deck], width: width, height: height, now: simulation.now,
                             progress: simulation.cards, scheduler: simulation.scheduler)
        state.selectedRow = 0
        let effects = AppUpdate.update(&state, .keyPressed("t"))
        #expect(effects == [.loadReviewActivity(scope: factIDs(under: deck.root), now: simulation.now)])
        AppUpdate.update(&state, .reviewActivityLoaded(activity(of: simulation.log, asked: effects)))
        for key in keys { AppUpdate.update(&state, .keyPressed(key)) }
        return state
    }

    func factIDs(under node: TopicNode) -> Set<FactID> {
        var ids = Set<FactID>()
        node.forEachNode { ids.formUnion($0.facts.map(\.id)) }
        return ids
    }

    /// What the store would answer to the `.loadReviewActivity` asked for,
    /// made from a whole log.
    func activity(of log: [ReviewLogEntry], asked effects: [Effect]) -> ReviewActivity {
        guard case .loadReviewActivity(let scope, let now)? = effects.first else {
            Issue.record("no review activity asked for: \(effects)")
            return ReviewActivity(buckets: [:], edges: [], now: Timestamp(milliseconds: 0))
        }
        return ReviewActivity(log: log, scope: scope, now: now)
    }

    func render(_ state: AppState) -> ScreenBuffer {
        var buffer = ScreenBuffer(size: Size(width: state.layout.screenWidth, height: state.layout.screenHeight))
        ScreenRenderer(theme: .monochrome).render(state, into: &buffer)
        return buffer
    }

    @Test func at120x40() {
        assertSnapshot(render(statsState(width: 120, height: 40)), named: "stats-120x40")
    }

    @Test func at80x24WithATopicSelected() {
        assertSnapshot(render(statsState(width: 80, height: 24, keys: ["j", "j"])), named: "stats-80x24")
    }

    @Test func enterJumpsToTheTopicInTheTree() {
        var state = statsState(width: 100, height: 30, keys: ["j"])
        let topic = state.statsView!.statistics!.weakestTopics[1].path.last!
        AppUpdate.update(&state, .keyPressed("Enter"))
        #expect(state.statsView == nil)
        #expect(state.selectedNode?.title.plainText == topic)
    }

    /// The calendar's rows, "Mon …" to "Sun …", with a review every day of
    /// the last 26 weeks, on a stats screen opened at `now`.
    func calendarRows(now: Timestamp) -> [String] {
        var ids: [FactID] = []
        deck.root.forEachNode { ids += $0.facts.map(\.id) }
        let log = (0..<200).map { day in
            ReviewLogEntry(factID: ids[0], reviewedAt: now.adding(milliseconds: -Int64(day) * Timestamp.millisecondsPerDay),
                           rating: .good, mode: .study)
        }
        var state = AppState(decks: [deck], width: 120, height: 40, now: now,
                             studyOptions: StudyOptions(dayBoundary: DayBoundary(utcOffsetSeconds: 0, rolloverHour: 4)))
        state.selectedRow = 0
        let effects = AppUpdate.update(&state, .keyPressed("t"))
        AppUpdate.update(&state, .reviewActivityLoaded(activity(of: log, asked: effects)))
        let lines = StatsPane(state: state, view: state.statsView!, theme: .monochrome).lines(width: 78).0
        let text = lines.map { $0.map(\.text).joined() }
        let weekdays = ["Mon ", "Tue ", "Wed ", "Thu ", "Fri ", "Sat ", "Sun "]
        return text.filter { line in weekdays.contains { line.hasPrefix($0) } }
    }

    /// Every row starts in the first week's column; the last week runs up to
    /// today's row and no further.
    func expectAligned(_ rows: [String], today weekday: Int, sourceLocation: SourceLocation = #_sourceLocation) {
        #expect(rows.count == 7, sourceLocation: sourceLocation)
        for (index, row) in rows.enumerated() {
            let cells = Array(row.dropFirst(4))
            #expect(cells.first == "░", "\(row)", sourceLocation: sourceLocation)
            let weeks = cells.count { $0 == "░" }
            #expect(weeks == (index <= weekday ? 26 : 25), "\(row)", sourceLocation: sourceLocation)
        }
    }

    @Test func theCalendarLinesUpWhenTheLast182DaysStartOnASaturday() {
        // Friday 2026-11-27: 182 days back is Saturday 2026-05-30.
        expectAligned(calendarRows(now: Timestamp(iso8601: "2026-11-27T12:00:00Z")!), today: 4)
    }

    @Test func theCalendarLinesUpOnOtherWeekdaysToo() {
        // Tuesday 2026-11-24 and Sunday 2026-11-29.
        expectAligned(calendarRows(now: Timestamp(iso8601: "2026-11-24T12:00:00Z")!), today: 1)
        expectAligned(calendarRows(now: Timestamp(iso8601: "2026-11-29T12:00:00Z")!), today: 6)
    }

    @Test func theScreenAndTheReportListTheSameWeakestTopics() {
        // Ten days of study: some topics studied, the rest not yet.
        let simulation = ReviewSimulation(deck: deck, days: 10, start: start)
        var state = AppState(decks: [deck], width: 120, height: 60, now: simulation.now, progress: simulation.cards,
                             scheduler: simulation.scheduler)
        state.selectedRow = 0
        let effects = AppUpdate.update(&state, .keyPressed("t"))
        AppUpdate.update(&state, .reviewActivityLoaded(activity(of: simulation.log, asked: effects)))
        let statistics = state.statsView!.statistics!
        let notStudied = statistics.topics.filter { $0.meanRetrievability == nil }.map { $0.path.last! }
        #expect(!notStudied.isEmpty)

        // The screen's table: after its header, the marker, the title, then 32 columns of figures.
        let screen = StatsPane(state: state, view: state.statsView!, theme: .monochrome).lines(width: 100).0
            .map { $0.map(\.text).joined() }
        let header = screen.firstIndex { $0.contains("Topics, weakest first") }!
        let screenTitles = screen[(header + 1)...].prefix { $0.count == 100 }
            .map { line in String(line.dropFirst(2).dropLast(32).reversed().drop(while: \.isWhitespace).reversed()) }
        // The report's lines end with the topic path.
        let stats = StatsReport.statistics(decks: [deck], cards: simulation.cards, log: simulation.log,
                                           now: simulation.now, days: state.studyOptions.dayBoundary,
                                           scheduler: simulation.scheduler)
        let report = StatsReport.text(decks: [deck], statistics: stats, reviews: simulation.log.count, storePath: "p")
        let reportTitles = report.split(separator: "\n").drop { !$0.hasPrefix("  weakest topics:") }.dropFirst()
            .map { String($0.split(separator: " › ").last!) }

        #expect(reportTitles.count == StatsReport.weakestTopicsShown)
        #expect(Array(screenTitles.prefix(reportTitles.count)) == reportTitles)
        #expect(screenTitles.count == statistics.topics.count - notStudied.count)
        #expect(Set(screenTitles).isDisjoint(with: notStudied))
        #expect(screen.contains("\(notStudied.count) topics not studied yet"))
    }

    @Test func escClosesAndOnlyStatsKeysWork() {
        var state = statsState(width: 100, height: 30)
        let before = state
        AppUpdate.update(&state, .keyPressed("s"))
        AppUpdate.update(&state, .keyPressed("/"))
        #expect(state == before)
        AppUpdate.update(&state, .keyPressed("Esc"))
        #expect(state.statsView == nil)
    }
}
