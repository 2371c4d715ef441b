import Testing
import AppCore
import DeckKit
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
        #expect(AppUpdate.update(&state, .keyPressed("t")) == [.loadReviewLog])
        AppUpdate.update(&state, .reviewLogLoaded(simulation.log))
        for key in keys { AppUpdate.update(&state, .keyPressed(key)) }
        return state
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
        let topic = state.statsView!.statistics!.topics[1].path.last!
        AppUpdate.update(&state, .keyPressed("Enter"))
        #expect(state.statsView == nil)
        #expect(state.selectedNode?.title.plainText == topic)
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
