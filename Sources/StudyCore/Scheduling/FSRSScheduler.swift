#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import DeckKit

/// FSRS-6, as py-fsrs 6.3.2 computes it, checked review by review against its
/// reference vectors (`Tests/Fixtures/fsrs/vectors.jsonl`).
///
///     let scheduler = try FSRSScheduler(.standard)
///     let after = scheduler.review(card, rating: .good, at: now)
///
/// Semantics that matter (see `../shared/fsrs/README.md`): elapsed days are
/// whole 24-hour periods; under one day the short-term stability formula
/// applies in every state; intervals round half to even and are at least one
/// day; due = review time + interval (not aligned to midnight; Anki's 4 am
/// rollover is not used). `e^x` is `exp(x)`: py-fsrs writes `math.e ** x`,
/// which can differ in the last bit; the vectors match to 1e-9 either way, and
/// `exp` is about twice as fast as `pow`.
public struct FSRSScheduler: Sendable, Equatable {
    public let configuration: SchedulerConfiguration
    private let decay: Double
    private let factor: Double
    /// The parameters w0…w20, kept apart from `configuration` so the hot path
    /// reads a stored array.
    private let w: [Double]
    /// The parameters the formulas of every review read, as plain stored
    /// values (no array loads or bounds checks on the hot path).
    private let difficultyStep: Double   // w6
    private let meanReversion: Double    // w7
    private let recallStabilityExponent: Double // w9
    private let recallRetrievabilityWeight: Double // w10
    private let forgetScale: Double      // w11
    private let forgetDifficultyExponent: Double // w12
    private let forgetStabilityExponent: Double // w13
    private let forgetRetrievabilityWeight: Double // w14
    private let hardPenalty: Double      // w15
    private let easyBonus: Double        // w16
    private let shortTermExponent: Double // w19
    /// Terms that depend on the parameters alone, worked out once.
    private let easyInitialDifficulty: Double
    private let recallScale: Double      // e^w8
    private let shortTermDivisor: Double // e^(w17·w18)
    /// DR^(1/DECAY) − 1, the retention term of every interval.
    private let retentionTerm: Double
    /// e^(w17·(G − 3 + w18)) and w4 − e^(w5·(G − 1)) + 1 for each grade G.
    private let shortTermGrowth: [Double]
    private let initialDifficulties: [Double]

    public static let minimumStability = 0.001

    /// py-fsrs's defaults with fuzz on: what the app uses.
    public static let standard = try! FSRSScheduler(.standard)

    public static func == (lhs: FSRSScheduler, rhs: FSRSScheduler) -> Bool {
        lhs.configuration == rhs.configuration
    }

    public init(_ configuration: SchedulerConfiguration) throws(SchedulerConfigurationError) {
        try configuration.validate()
        self.configuration = configuration
        w = configuration.parameters
        decay = -configuration.parameters[20]
        factor = pow(0.9, 1 / decay) - 1
        let w = configuration.parameters
        easyInitialDifficulty = w[4] - pow(M_E, w[5] * 3) + 1
        recallScale = pow(M_E, w[8])
        shortTermDivisor = pow(M_E, w[17] * w[18])
        retentionTerm = pow(configuration.desiredRetention, 1 / decay) - 1
        shortTermGrowth = (1...4).map { grade in pow(M_E, w[17] * (Double(grade) - 3 + w[18])) }
        initialDifficulties = (1...4).map { grade in w[4] - pow(M_E, w[5] * Double(grade - 1)) + 1 }
        (difficultyStep, meanReversion) = (w[6], w[7])
        (recallStabilityExponent, recallRetrievabilityWeight) = (w[9], w[10])
        (forgetScale, forgetDifficultyExponent, forgetStabilityExponent, forgetRetrievabilityWeight) = (w[11], w[12], w[13], w[14])
        (hardPenalty, easyBonus, shortTermExponent) = (w[15], w[16], w[19])
    }

    // MARK: - Public

    /// The probability of recalling the card at `time` (0 for a new card).
    public func retrievability(of card: CardProgress, at time: Timestamp) -> Double {
        retrievability(stability: card.stability, lastReview: card.lastReview, at: time)
    }

    /// How many days ahead `mastery(of:at:)` looks.
    public static let masteryHorizonDays: Int64 = 7

    /// How well a card is known, for the tree's mastery glyph: its
    /// retrievability a week after `time`, the chance of still recalling it
    /// after a week without study (0 for a new card).
    ///
    /// Retrievability now says little right after a review: elapsed time
    /// counts in whole days, so any card reviewed today is at 100%, even one
    /// just answered Again. A week ahead, the stability speaks instead: a new
    /// card missed (stability 0.2 days) falls to about 58%, a review card
    /// forgotten and relearning (stability a few days) to about 85%, while a
    /// card known for a month (stability 30 days) keeps about 97%. Only a
    /// stability of about 17 days or more stays at 95% or above.
    public func mastery(of card: CardProgress, at time: Timestamp) -> Double {
        retrievability(of: card, at: time.adding(milliseconds: Self.masteryHorizonDays * Timestamp.millisecondsPerDay))
    }

    private func retrievability(stability: Double?, lastReview: Timestamp?, at time: Timestamp) -> Double {
        guard let lastReview, let stability else { return 0 }
        let elapsedDays = max(0, time.wholeDays(since: lastReview))
        return pow(1 + factor * Double(elapsedDays) / stability, decay)
    }

    /// The card after a review with `rating` at `time`.
    public func review(_ card: CardProgress, rating: Rating, at time: Timestamp) -> CardProgress {
        var next = card
        apply(rating, at: time, to: &next)
        return next
    }

    /// The same review, made in place: what a replay of many reviews uses
    /// (no copy of the card per review).
    public func apply(_ rating: Rating, at time: Timestamp, to next: inout CardProgress) {
        let memory = Memory(stability: next.stability, difficulty: next.difficulty, lastReview: next.lastReview)
        let (state, step, reps) = (next.state, next.step, next.reps)
        let elapsedDays = memory.lastReview.map { time.wholeDays(since: $0) }
        let sameDay = elapsedDays.map { $0 < 1 } ?? false
        var interval: Int64 // milliseconds

        switch state {
        case .new, .learning:
            let step = state == .new ? 0 : (step ?? 0)
            if memory.stability != nil && memory.difficulty != nil {
                (next.stability, next.difficulty) = updated(memory, rating: rating, at: time, sameDay: sameDay)
            } else {
                next.stability = initialStability(rating)
                next.difficulty = clampDifficulty(initialDifficulty(rating))
            }
            interval = steppedInterval(&next, step: step, steps: configuration.learningSteps,
                                       stepState: .learning, rating: rating)
        case .review:
            (next.stability, next.difficulty) = updated(memory, rating: rating, at: time, sameDay: sameDay)
            if rating == .again {
                next.lapses += 1
                if configuration.relearningSteps.isEmpty {
                    interval = days(nextInterval(next.stability!))
                } else {
                    next.state = .relearning
                    next.step = 0
                    interval = configuration.relearningSteps[0]
                }
            } else {
                interval = days(nextInterval(next.stability!))
            }
        case .relearning:
            (next.stability, next.difficulty) = updated(memory, rating: rating, at: time, sameDay: sameDay)
            interval = steppedInterval(&next, step: step ?? 0, steps: configuration.relearningSteps,
                                       stepState: .relearning, rating: rating)
        }

        if configuration.enableFuzzing && next.state == .review {
            interval = fuzzed(interval, factID: next.factID, reps: reps)
        }
        next.due = time.adding(milliseconds: interval)
        next.lastReview = time
        next.reps += 1
    }

    /// What a review reads of a card's memory before changing it.
    private struct Memory {
        var stability: Double?
        var difficulty: Double?
        var lastReview: Timestamp?
    }

    /// Stability and difficulty after a review of a card that has them: the
    /// short-term formula within a day, else the long-term one with the
    /// retrievability at review time; difficulty is updated afterwards.
    private func updated(_ memory: Memory, rating: Rating, at time: Timestamp, sameDay: Bool) -> (Double, Double) {
        let stability = memory.stability ?? initialStability(rating)
        let difficulty = memory.difficulty ?? clampDifficulty(initialDifficulty(rating))
        let next: Double
        if sameDay {
            next = shortTermStability(stability, rating)
        } else {
            let retrievability = retrievability(stability: memory.stability, lastReview: memory.lastReview, at: time)
            next = nextStability(difficulty, stability, retrievability, rating)
        }
        return (next, nextDifficulty(difficulty, rating))
    }

    /// The interval in whole days FSRS gives a review card of `stability`.
    public func nextInterval(_ stability: Double) -> Int {
        let exact = stability / factor * retentionTerm
        let rounded = Int(exact.rounded(.toNearestOrEven))
        return min(max(rounded, 1), configuration.maximumInterval)
    }

    // MARK: - Steps

    /// The learning/relearning step logic shared by both states: sets the
    /// card's state and step and returns the interval in milliseconds.
    private func steppedInterval(_ card: inout CardProgress, step: Int, steps: [Int64], stepState: CardState,
                                 rating: Rating) -> Int64 {
        if steps.isEmpty || (step >= steps.count && rating != .again) { return graduate(&card) }
        card.state = stepState
        switch rating {
        case .again:
            card.step = 0
            return steps[0]
        case .hard:
            card.step = step
            if step == 0 && steps.count == 1 { return steps[0] * 3 / 2 }
            if step == 0 && steps.count >= 2 { return (steps[0] + steps[1]) / 2 }
            return steps[min(step, steps.count - 1)]
        case .good:
            if step + 1 == steps.count { return graduate(&card) }
            card.step = step + 1
            return steps[step + 1]
        case .easy:
            return graduate(&card)
        }
    }

    /// Moves a card out of its steps into review; returns its interval.
    private func graduate(_ card: inout CardProgress) -> Int64 {
        card.state = .review
        card.step = nil
        return days(nextInterval(card.stability ?? Self.minimumStability))
    }

    private func days(_ count: Int) -> Int64 {
        Int64(count) * Timestamp.millisecondsPerDay
    }

    // MARK: - FSRS-6 formulas

    private func clampStability(_ stability: Double) -> Double { max(stability, Self.minimumStability) }

    private func clampDifficulty(_ difficulty: Double) -> Double { min(max(difficulty, 1), 10) }

    private func initialStability(_ rating: Rating) -> Double {
        clampStability(w[rating.rawValue - 1])
    }

    /// Unclamped: mean reversion pulls toward the unclamped value for Easy.
    private func initialDifficulty(_ rating: Rating) -> Double {
        initialDifficulties[rating.rawValue - 1]
    }

    private func shortTermStability(_ stability: Double, _ rating: Rating) -> Double {
        var increase = shortTermGrowth[rating.rawValue - 1] * pow(stability, -shortTermExponent)
        if rating != .again { increase = max(increase, 1) }
        return clampStability(stability * increase)
    }

    private func nextDifficulty(_ difficulty: Double, _ rating: Rating) -> Double {
        let delta = -(difficultyStep * (Double(rating.rawValue) - 3))
        let damped = difficulty + (10 - difficulty) * delta / 9
        return clampDifficulty(meanReversion * easyInitialDifficulty + (1 - meanReversion) * damped)
    }

    private func nextStability(_ difficulty: Double, _ stability: Double, _ retrievability: Double,
                               _ rating: Rating) -> Double {
        let next: Double
        if rating == .again {
            let longTerm = forgetScale * pow(difficulty, -forgetDifficultyExponent)
                * (pow(stability + 1, forgetStabilityExponent) - 1)
                * exp((1 - retrievability) * forgetRetrievabilityWeight)
            let shortTerm = stability / shortTermDivisor
            next = min(longTerm, shortTerm)
        } else {
            let penalty = rating == .hard ? hardPenalty : 1
            let bonus = rating == .easy ? easyBonus : 1
            next = stability * (1 + recallScale * (11 - difficulty) * pow(stability, -recallStabilityExponent)
                * (exp((1 - retrievability) * recallRetrievabilityWeight) - 1) * penalty * bonus)
        }
        return clampStability(next)
    }

    // MARK: - Fuzz

    /// py-fsrs's fuzz: intervals of 2.5 days or more move to a day in a range
    /// that widens with the interval. The random draw is seeded from the card
    /// and its review count, so replaying the same reviews gives the same days.
    private func fuzzed(_ interval: Int64, factID: FactID, reps: Int) -> Int64 {
        let intervalDays = Double(interval / Timestamp.millisecondsPerDay)
        guard intervalDays >= 2.5 else { return interval }
        let range = fuzzRange(intervalDays: intervalDays)
        var generator = SeededRandom(seed: factID.rawValue, counter: UInt64(reps))
        // py-fsrs rounds `random() * (max - min + 1) + min`, which can land on
        // max + 1; a whole uniform day in min...max keeps to its stated range.
        let span = range.upperBound - range.lowerBound + 1
        let fuzzedDays = min(range.lowerBound + min(Int(generator.nextUnit() * Double(span)), span - 1),
                             configuration.maximumInterval)
        return days(fuzzedDays)
    }

    /// The days a fuzzed interval may take, as py-fsrs computes them.
    public func fuzzRange(intervalDays: Double) -> ClosedRange<Int> {
        var delta = 1.0
        for (start, end, factor) in [(2.5, 7.0, 0.15), (7.0, 20.0, 0.1), (20.0, Double.infinity, 0.05)] {
            delta += factor * max(min(intervalDays, end) - start, 0)
        }
        var lower = Int((intervalDays - delta).rounded(.toNearestOrEven))
        let upper = min(Int((intervalDays + delta).rounded(.toNearestOrEven)), configuration.maximumInterval)
        lower = min(max(2, lower), upper)
        return lower...upper
    }
}
