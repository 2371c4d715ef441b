import Foundation
import Testing
import DeckKit
@testable import StudyCore
import TestSupport

/// The reference vectors: review histories scheduled by py-fsrs 6.3.2 with
/// fuzz off (copied from ../shared/fsrs/vectors-small.jsonl).
struct VectorHistory: Decodable {
    struct Config: Decodable {
        var parameters: [Double]
        var desired_retention: Double
        var learning_steps_s: [Int64]
        var relearning_steps_s: [Int64]
        var maximum_interval: Int
    }
    struct CardSnapshot: Decodable {
        var state: Int
        var step: Int?
        var stability: Double?
        var difficulty: Double?
        var due_ts: Int64
        var interval_s: Int64?
    }
    struct Review: Decodable {
        var n: Int
        var rating: Int
        var review_ts: Int64
        var elapsed_days: Int64?
        var retrievability: Double
        var before: CardSnapshot
        var after: CardSnapshot
    }
    var id: Int
    var config: Config
    var reviews: [Review]

    var configuration: SchedulerConfiguration {
        SchedulerConfiguration(parameters: config.parameters, desiredRetention: config.desired_retention,
                               learningSteps: config.learning_steps_s.map { $0 * 1000 },
                               relearningSteps: config.relearning_steps_s.map { $0 * 1000 },
                               maximumInterval: config.maximum_interval, enableFuzzing: false)
    }

    static func loadAll() throws -> [VectorHistory] {
        let path = String(#filePath.dropLast("FSRSVectorTests.swift".count)) + "Fixtures/fsrs/vectors.jsonl"
        let text = try String(contentsOfFile: path, encoding: .utf8)
        return try text.split(separator: "\n").map { try JSONDecoder().decode(VectorHistory.self, from: Data($0.utf8)) }
    }
}

private func relativeDifference(_ a: Double, _ b: Double) -> Double {
    a == b ? 0 : abs(a - b) / max(abs(a), abs(b))
}

@Suite("FSRS against py-fsrs")
struct FSRSVectorTests {
    @Test func everyReviewOfEveryHistoryMatches() throws {
        let histories = try VectorHistory.loadAll()
        #expect(histories.count == 20)
        var checked = 0
        for history in histories {
            let scheduler = try FSRSScheduler(history.configuration)
            var card = CardProgress.new(factID: FactID(rawValue: "vector-\(history.id)"))
            for review in history.reviews {
                let at = Timestamp(seconds: review.review_ts)
                let label = "history \(history.id) review \(review.n)"
                let retrievability = scheduler.retrievability(of: card, at: at)
                #expect(relativeDifference(retrievability, review.retrievability) <= 1e-9, "\(label): R")
                card = scheduler.review(card, rating: Rating(rawValue: review.rating)!, at: at)
                let expected = review.after
                #expect(card.state.rawValue == expected.state, "\(label): state")
                #expect(card.step == expected.step, "\(label): step")
                #expect(card.due == Timestamp(seconds: expected.due_ts), "\(label): due")
                #expect((card.due!.milliseconds - at.milliseconds) / 1000 == expected.interval_s, "\(label): interval")
                #expect(relativeDifference(card.stability!, expected.stability!) <= 1e-9, "\(label): S")
                #expect(relativeDifference(card.difficulty!, expected.difficulty!) <= 1e-9, "\(label): D")
                checked += 1
            }
        }
        #expect(checked == 214)
    }
}

@Suite("FSRS scheduler")
struct FSRSSchedulerTests {
    let card = CardProgress.new(factID: FactID(rawValue: "0123456789abcdef"))
    let start = Timestamp(seconds: 1_764_000_000)

    @Test func invalidConfigurationsAreRefusedClearly() {
        var configuration = SchedulerConfiguration.standard
        configuration.parameters.removeLast()
        #expect(throws: SchedulerConfigurationError.wrongParameterCount(expected: 21, got: 20)) {
            try FSRSScheduler(configuration)
        }
        configuration = .standard
        configuration.parameters[4] = 11
        #expect(throws: SchedulerConfigurationError.parameterOutOfRange(index: 4, value: 11, lower: 1, upper: 10)) {
            try FSRSScheduler(configuration)
        }
        #expect(SchedulerConfigurationError.parameterOutOfRange(index: 4, value: 11, lower: 1, upper: 10).description
                == "FSRS parameter w4 = 11.0 is outside 1.0…10.0")
        configuration = .standard
        configuration.desiredRetention = 1.2
        #expect(throws: SchedulerConfigurationError.retentionOutOfRange(1.2)) { try FSRSScheduler(configuration) }
        configuration = .standard
        configuration.learningSteps = [0]
        #expect(throws: SchedulerConfigurationError.nonPositiveStep(0)) { try FSRSScheduler(configuration) }
    }

    @Test func aNewCardGoesThroughTheLearningSteps() throws {
        var configuration = SchedulerConfiguration.standard
        configuration.enableFuzzing = false
        let scheduler = try FSRSScheduler(configuration)
        let first = scheduler.review(card, rating: .good, at: start)
        #expect(first.state == .learning)
        #expect(first.step == 1)
        #expect(first.due == start.adding(milliseconds: 600_000))
        #expect(first.reps == 1)
        let hard = scheduler.review(card, rating: .hard, at: start)
        #expect(hard.due == start.adding(milliseconds: 330_000)) // mean of 1 and 10 minutes
        let graduated = scheduler.review(first, rating: .good, at: start.adding(milliseconds: 600_000))
        #expect(graduated.state == .review)
        #expect(graduated.step == nil)
    }

    @Test func forgettingAReviewCardCountsALapseAndRelearns() throws {
        var configuration = SchedulerConfiguration.standard
        configuration.enableFuzzing = false
        let scheduler = try FSRSScheduler(configuration)
        let review = scheduler.review(card, rating: .easy, at: start)
        #expect(review.state == .review)
        let forgotten = scheduler.review(review, rating: .again, at: review.due!)
        #expect(forgotten.state == .relearning)
        #expect(forgotten.lapses == 1)
        #expect(forgotten.due == review.due!.adding(milliseconds: 600_000))
    }

    @Test func fuzzIsReproducibleAndStaysInPyFSRSRange() throws {
        let fuzzy = try FSRSScheduler(.standard)
        var plainConfiguration = SchedulerConfiguration.standard
        plainConfiguration.enableFuzzing = false
        let plain = try FSRSScheduler(plainConfiguration)
        var spread = Set<Int64>()
        for index in 0..<200 {
            var base = CardProgress(factID: FactID(rawValue: "card-\(index)"), state: .review, stability: 30,
                                    difficulty: 5, due: start, lastReview: start.adding(milliseconds: -30 * 86_400_000),
                                    reps: index % 7)
            base.lapses = 0
            let withFuzz = fuzzy.review(base, rating: .good, at: start)
            let again = fuzzy.review(base, rating: .good, at: start)
            #expect(withFuzz == again) // seeded from the card and its review count
            let plainDays = plain.review(base, rating: .good, at: start).due!.milliseconds - start.milliseconds
            let fuzzDays = (withFuzz.due!.milliseconds - start.milliseconds) / 86_400_000
            let range = fuzzy.fuzzRange(intervalDays: Double(plainDays / 86_400_000))
            #expect(range.contains(Int(fuzzDays)), "\(fuzzDays) outside \(range)")
            spread.insert(fuzzDays)
        }
        #expect(spread.count > 3) // it does spread
    }

    @Test func fuzzRangeMatchesPyFSRS() throws {
        let scheduler = try FSRSScheduler(.standard)
        // py-fsrs _get_fuzz_range: 10 days -> delta 1 + 0.15*4.5 + 0.1*3 = 1.975
        #expect(scheduler.fuzzRange(intervalDays: 10) == 8...12)
        #expect(scheduler.fuzzRange(intervalDays: 3) == 2...4)
        #expect(scheduler.fuzzRange(intervalDays: 100) == 93...107)
    }

    @Test func retrievabilityFallsWithTime() throws {
        let scheduler = try FSRSScheduler(.standard)
        #expect(scheduler.retrievability(of: card, at: start) == 0)
        let reviewed = CardProgress(factID: card.factID, state: .review, stability: 10, difficulty: 5,
                                    due: start, lastReview: start)
        #expect(scheduler.retrievability(of: reviewed, at: start) == 1)
        let tenDays = scheduler.retrievability(of: reviewed, at: start.adding(milliseconds: 10 * 86_400_000))
        #expect(abs(tenDays - 0.9) < 1e-12) // stability is the 90% point
        #expect(scheduler.retrievability(of: reviewed, at: start.adding(milliseconds: 100 * 86_400_000)) < tenDays)
    }
}

@Suite("Timestamps")
struct TimestampTests {
    @Test func formatsAndParsesISO8601() {
        let moment = Timestamp(milliseconds: 1_764_062_053_000)
        #expect(moment.iso8601 == "2025-11-25T09:14:13.000Z")
        #expect(Timestamp(iso8601: "2025-11-25T09:14:13.000Z") == moment)
        #expect(Timestamp(iso8601: "2025-11-25T09:14:13Z") == moment)
        #expect(Timestamp(iso8601: "2025-11-25T09:14:13.5Z") == moment.adding(milliseconds: 500))
        #expect(Timestamp(milliseconds: 0).iso8601 == "1970-01-01T00:00:00.000Z")
        #expect(Timestamp(milliseconds: -1).iso8601 == "1969-12-31T23:59:59.999Z")
        #expect(Timestamp(iso8601: "2024-02-29T23:59:59.999Z")?.iso8601 == "2024-02-29T23:59:59.999Z")
        #expect(Timestamp(iso8601: "yesterday") == nil)
        #expect(Timestamp(iso8601: "2025-13-01T00:00:00Z") == nil)
    }

    /// Every time from 1970 to 2400 reads back as written, and a text with
    /// any one byte of a field not a digit, or a field out of range, reads
    /// as nil (the store's columns are parsed field by field in place).
    @Test func everyWrittenTimeReadsBackAndNothingElseDoes() {
        var generator = SplitMix(seed: 20261128)
        print("everyWrittenTimeReadsBackAndNothingElseDoes: seed 20261128")
        for _ in 0..<2000 {
            let moment = Timestamp(milliseconds: Int64.random(in: 0..<13_569_465_600_000, using: &generator))
            #expect(Timestamp(iso8601: moment.iso8601) == moment)
        }
        let valid = Array("2026-11-28T13:45:07.123Z".utf8)
        for place in [0, 1, 2, 3, 5, 6, 8, 9, 11, 12, 14, 15, 17, 18, 20, 21, 22] {
            var broken = valid
            broken[place] = UInt8(ascii: "x")
            #expect(Timestamp(iso8601: String(decoding: broken, as: UTF8.self)) == nil, "byte \(place)")
            broken[place] = UInt8(ascii: "/") // just below "0"
            #expect(Timestamp(iso8601: String(decoding: broken, as: UTF8.self)) == nil, "byte \(place)")
        }
        for text in ["2026-11-28T24:00:00Z", "2026-11-28T23:60:00Z", "2026-11-28T23:59:61Z", "2026-00-28T23:59:59Z",
                     "2026-11-32T23:59:59Z", "2026-11-00T23:59:59Z", "2026-11-28T13:45:07.Z", "2026-11-28T13:45:07.1234567890Z",
                     "2026-11-28 13:45:07Z", "2026-11-28T13:45:07", "2026-11-28T13:45:07+00:00"] {
            #expect(Timestamp(iso8601: text) == nil, "\(text)")
        }
        #expect(Timestamp(iso8601: "2026-11-28T13:45:60Z") != nil) // a leap second, as before
        #expect(Timestamp(iso8601: "2026-11-28T13:45:07.123456Z") == Timestamp(iso8601: "2026-11-28T13:45:07.123Z"))
    }

    @Test func wholeDaysRoundDown() {
        let start = Timestamp(seconds: 1000)
        #expect(start.adding(milliseconds: 86_399_999).wholeDays(since: start) == 0)
        #expect(start.adding(milliseconds: 86_400_000).wholeDays(since: start) == 1)
        #expect(start.adding(milliseconds: -1).wholeDays(since: start) == -1)
    }
}
