import Foundation
import Testing
import DeckKit
import StudyCore
import TestSupport
@testable import Reports

/// Golden tests: the stats text and JSON of a fixed-clock simulation (about
/// 60 days of study) compared with files under Golden/. Re-record on purpose
/// only: `RECORD_GOLDEN=1 swift test --filter ReportsTests`.
@Suite("Stats report")
struct StatsReportTests {
    let deck = DeckLoader.bundled()
    let start = Timestamp(milliseconds: 1_790_326_800_000) // 2026-09-25T09:00:00Z
    var simulation: ReviewSimulation { ReviewSimulation(deck: deck, days: 60, start: start, skipping: [20, 21, 45]) }
    /// UTC, the day turning over at 4 am: the simulated reviews are all in
    /// the daytime, so their days are their UTC dates.
    let days = DayBoundary(utcOffsetSeconds: 0, rolloverHour: 4)

    func golden(_ text: String, _ name: String, sourceLocation: SourceLocation = #_sourceLocation) throws {
        let path = String(#filePath.dropLast("StatsReportTests.swift".count)) + "Golden/" + name
        if ProcessInfo.processInfo.environment["RECORD_GOLDEN"] != nil {
            try text.write(toFile: path, atomically: true, encoding: .utf8)
            return
        }
        let expected = try String(contentsOfFile: path, encoding: .utf8)
        #expect(text == expected, sourceLocation: sourceLocation)
    }

    @Test func theSimulationIsAFewHundredReviewsOverSixtyDays() {
        let simulation = self.simulation
        #expect(simulation.log.count > 200)
        #expect(simulation.log.first!.reviewedAt == start)
        #expect(simulation.log.last!.reviewedAt < simulation.now)
    }

    @Test func statisticsAddUp() {
        let simulation = self.simulation
        let stats = StatsReport.statistics(decks: [deck], cards: simulation.cards, log: simulation.log,
                                           now: simulation.now, days: days, scheduler: simulation.scheduler)[0]
        #expect(stats.facts == 42)
        #expect(stats.new + stats.learning + stats.young + stats.mature == 42)
        #expect(stats.calendar.reduce(0, +) == simulation.log.count)
        // Streaks, worked out another way: the set of study days, walked.
        let days = Set(simulation.log.map { $0.reviewedAt.isoDate })
        func isStudyDay(_ back: Int) -> Bool {
            days.contains(simulation.now.adding(milliseconds: -Int64(back) * Timestamp.millisecondsPerDay).isoDate)
        }
        var streak = 0
        var back = isStudyDay(0) ? 0 : 1
        while isStudyDay(back) { streak += 1; back += 1 }
        #expect(stats.currentStreak == streak)
        var longest = 0, run = 0
        for day in 0..<60 {
            run = days.contains(start.adding(milliseconds: Int64(day) * Timestamp.millisecondsPerDay).isoDate) ? run + 1 : 0
            longest = max(longest, run)
        }
        #expect(stats.longestStreak == longest)
        #expect(!days.contains(start.adding(milliseconds: 20 * Timestamp.millisecondsPerDay).isoDate))
        #expect(stats.topics.count == 19)
        #expect(stats.topics.map(\.masteredShare) == stats.topics.map(\.masteredShare).sorted())
    }

    @Test func text() throws {
        let simulation = self.simulation
        let stats = StatsReport.statistics(decks: [deck], cards: simulation.cards, log: simulation.log,
                                           now: simulation.now, days: days, scheduler: simulation.scheduler)
        try golden(StatsReport.text(decks: [deck], statistics: stats, reviews: simulation.log.count,
                                    storePath: "/tmp/progress.sqlite"), "stats.txt")
    }

    @Test func json() throws {
        let simulation = self.simulation
        let stats = StatsReport.statistics(decks: [deck], cards: simulation.cards, log: simulation.log,
                                           now: simulation.now, days: days, scheduler: simulation.scheduler)
        let text = StatsReport.json(decks: [deck], statistics: stats, reviews: simulation.log.count,
                                    storePath: "/tmp/progress.sqlite")
        _ = try JSONSerialization.jsonObject(with: Data(text.utf8)) // it is JSON
        try golden(text + "\n", "stats.json")
    }
}

@Suite("CSV export")
struct CSVExportTests {
    /// A small RFC 4180 reader, to read the export back.
    static func parse(_ text: String) -> [[String]] {
        var rows: [[String]] = [], row: [String] = [], field = ""
        var quoted = false, index = text.startIndex
        while index < text.endIndex {
            let character = text[index]
            if quoted {
                if character == "\"" {
                    let next = text.index(after: index)
                    if next < text.endIndex && text[next] == "\"" { field.append("\""); index = next } else { quoted = false }
                } else { field.append(character) }
            } else if character == "\"" { quoted = true }
            else if character == "," { row.append(field); field = "" }
            else if character == "\r\n" || character == "\n" { row.append(field); rows.append(row); row = []; field = "" }
            else { field.append(character) }
            index = text.index(after: index)
        }
        return rows
    }

    @Test func roundTripsThroughACSVParser() throws {
        let deck = try DeckLoader.load(text: """
            # Tricky, "quoted" topic
            - a fact, with a comma and "quotes"

              ```
              line one, "two"
              line three
              ```
            - plain
              - nested
            """, file: "tricky.md")
        let id = deck.root.children[0].facts[0].id
        let card = CardProgress(factID: id, state: .review, stability: 12.5, difficulty: 4.25,
                                due: Timestamp(milliseconds: 1_795_597_200_000), lastReview: nil, reps: 3, lapses: 1)
        let rows = Self.parse(CSVExport.text(decks: [deck], cards: [id: card]))
        #expect(rows.count == 4)
        #expect(rows[0] == CSVExport.header)
        // The details cell starts with its "- " bullet, so it is neutralised like a formula (CSVInjectionTests).
        // No front matter: the deck is titled by its level-1 heading.
        #expect(rows[1] == ["Tricky, \"quoted\" topic", "Tricky, \"quoted\" topic", "a fact, with a comma and \"quotes\"", "'- line one, \"two\"\nline three",
                            id.rawValue, "review", "2026-11-25T09:00:00.000Z", "12.5", "4.25", "3", "1", "", ""])
        #expect(rows[2][2] == "plain")
        #expect(rows[2][5] == "new")
        #expect(rows[3][2] == "nested")
    }
}
