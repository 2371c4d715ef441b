/// Everything FSRS needs to know, in one value: the 21 FSRS-6 parameters,
/// desired retention, learning and relearning steps, the longest interval, and
/// whether intervals are fuzzed. `standard` is py-fsrs 6.3.2's default.
///
///     var configuration = SchedulerConfiguration.standard
///     configuration.desiredRetention = 0.85
///     let scheduler = try FSRSScheduler(configuration)
public struct SchedulerConfiguration: Hashable, Sendable {
    public var parameters: [Double]
    /// The recall probability reviews are scheduled for (0.9 = 90%).
    public var desiredRetention: Double
    /// Steps of a new card, in milliseconds (1 min and 10 min by default).
    public var learningSteps: [Int64]
    /// Steps of a forgotten card, in milliseconds (10 min by default).
    public var relearningSteps: [Int64]
    /// The longest interval in days.
    public var maximumInterval: Int
    /// Spread review intervals a little so cards learnt together do not stay
    /// together. On in use, off in tests.
    public var enableFuzzing: Bool

    public init(parameters: [Double] = Self.defaultParameters, desiredRetention: Double = 0.9,
                learningSteps: [Int64] = [60_000, 600_000], relearningSteps: [Int64] = [600_000],
                maximumInterval: Int = 36500, enableFuzzing: Bool = true) {
        self.parameters = parameters
        self.desiredRetention = desiredRetention
        self.learningSteps = learningSteps
        self.relearningSteps = relearningSteps
        self.maximumInterval = maximumInterval
        self.enableFuzzing = enableFuzzing
    }

    /// py-fsrs 6.3.2's defaults, fuzz on.
    public static let standard = SchedulerConfiguration()

    /// FSRS-6's default parameters (w0 … w20).
    public static let defaultParameters: [Double] = [
        0.212, 1.2931, 2.3065, 8.2956, 6.4133, 0.8334, 3.0194, 0.001, 1.8722, 0.1666, 0.796,
        1.4835, 0.0614, 0.2629, 1.6483, 0.6014, 1.8729, 0.5425, 0.0912, 0.0658, 0.1542,
    ]

    static let lowerBounds: [Double] = [
        0.001, 0.001, 0.001, 0.001, 1.0, 0.001, 0.001, 0.001, 0.0, 0.0, 0.001,
        0.001, 0.001, 0.001, 0.0, 0.0, 1.0, 0.0, 0.0, 0.0, 0.1,
    ]
    static let upperBounds: [Double] = [
        100, 100, 100, 100, 10, 4, 4, 0.75, 4.5, 0.8, 3.5, 5, 0.25, 0.9, 4, 1, 6, 2, 2, 0.8, 0.8,
    ]

    /// Checks the configuration; the error says what is wrong and where.
    public func validate() throws(SchedulerConfigurationError) {
        guard parameters.count == Self.lowerBounds.count else {
            throw .wrongParameterCount(expected: Self.lowerBounds.count, got: parameters.count)
        }
        for (index, value) in parameters.enumerated()
        where !(Self.lowerBounds[index]...Self.upperBounds[index]).contains(value) {
            throw .parameterOutOfRange(index: index, value: value, lower: Self.lowerBounds[index],
                                       upper: Self.upperBounds[index])
        }
        guard desiredRetention > 0, desiredRetention < 1 else { throw .retentionOutOfRange(desiredRetention) }
        for step in learningSteps + relearningSteps where step <= 0 { throw .nonPositiveStep(step) }
        guard maximumInterval >= 1 else { throw .maximumIntervalTooSmall(maximumInterval) }
    }
}

/// Why a scheduler configuration was refused.
public enum SchedulerConfigurationError: Error, Hashable, Sendable, CustomStringConvertible {
    case wrongParameterCount(expected: Int, got: Int)
    case parameterOutOfRange(index: Int, value: Double, lower: Double, upper: Double)
    case retentionOutOfRange(Double)
    case nonPositiveStep(Int64)
    case maximumIntervalTooSmall(Int)

    public var description: String {
        switch self {
        case .wrongParameterCount(let expected, let got):
            "FSRS needs \(expected) parameters, got \(got)"
        case .parameterOutOfRange(let index, let value, let lower, let upper):
            "FSRS parameter w\(index) = \(value) is outside \(lower)…\(upper)"
        case .retentionOutOfRange(let value):
            "desired retention \(value) must be between 0 and 1"
        case .nonPositiveStep(let step):
            "a learning step of \(step) ms must be positive"
        case .maximumIntervalTooSmall(let days):
            "the maximum interval of \(days) days must be at least 1"
        }
    }
}
