import DeckKit
import StudyCore

/// A learner studying a deck for a number of days, simulated with a fixed
/// clock and seed: each day the due cards are reviewed and a few new ones
/// started, with ratings drawn mostly Good. Gives the cards and the review log
/// that statistics tests and snapshots need.
public struct ReviewSimulation {
    public var cards: [FactID: CardProgress] = [:]
    public var log: [ReviewLogEntry] = []
    /// The moment after the last simulated day.
    public var now: Timestamp
    public let scheduler: FSRSScheduler

    /// - Parameters:
    ///   - start: the first day's first review (reviews are 10 minutes apart).
    ///   - skipping: day numbers with no study (to break streaks).
    public init(deck: Deck, days: Int, newPerDay: Int = 3, start: Timestamp, skipping: Set<Int> = [], seed: UInt64 = 1) {
        let scheduler = FSRSScheduler.withoutFuzzing
        self.scheduler = scheduler
        now = start.adding(milliseconds: Int64(days) * Timestamp.millisecondsPerDay - 3_600_000)
        var cards: [FactID: CardProgress] = [:]
        var log: [ReviewLogEntry] = []
        var ids: [FactID] = []
        deck.root.forEachNode { ids += $0.facts.map(\.id) }
        var random = seed &* 0x9E3779B97F4A7C15 | 1
        func draw() -> Double {
            random ^= random << 13; random ^= random >> 7; random ^= random << 17
            return Double(random % 10_000) / 10_000
        }
        var nextNew = 0
        var time = start
        for day in 0..<days {
            time = start.adding(milliseconds: Int64(day) * Timestamp.millisecondsPerDay)
            guard !skipping.contains(day) else { continue }
            var todays = ids.filter { id in cards[id].map { $0.due.map { $0 <= time.adding(milliseconds: 8 * 3_600_000) } ?? false } ?? false }
            for _ in 0..<newPerDay where nextNew < ids.count {
                todays.append(ids[nextNew])
                nextNew += 1
            }
            for id in todays {
                let roll = draw()
                let rating: Rating = roll < 0.1 ? .again : roll < 0.25 ? .hard : roll < 0.95 ? .good : .easy
                let card = cards[id] ?? .new(factID: id)
                cards[id] = scheduler.review(card, rating: rating, at: time)
                log.append(ReviewLogEntry(factID: id, reviewedAt: time, rating: rating, mode: .study))
                time = time.adding(milliseconds: 600_000)
            }
        }
        self.cards = cards
        self.log = log
    }
}
