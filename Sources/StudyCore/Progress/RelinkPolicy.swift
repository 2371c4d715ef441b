/// The thresholds `FactRelinker` decides by. `.standard` holds the values
/// chosen with `RelinkBenchmark` (benchmarks/RESULTS.md, "Re-linking edited
/// facts"); the fields are open so the benchmark can sweep them.
public struct RelinkPolicy: Hashable, Sendable {
    /// How texts are compared.
    public var measure: SimilarityMeasure
    /// An edited fact is re-linked on its own only at this similarity or above…
    public var confident: Double
    /// …and only when the next best match, either way (another new fact for
    /// the old one, another old fact for the new one), is at least this much lower.
    public var margin: Double
    /// Below this a fact is not even offered as a candidate to confirm.
    public var candidate: Double
    /// A fact found with the same text under another topic is re-linked on
    /// its own only if it has at least this many words (`readWordCount`):
    /// "Fully managed." may well have been in both topics all along.
    public var minimumWordsToMove: Int
    /// A title counts as renamed (and the facts under it are compared with
    /// those under the new title) when at least this many facts of the same
    /// text show it, and no other new title does.
    public var renameEvidence: Int
    /// A split's parts (a merge's sources) must each have at least this share
    /// of their words in the whole…
    public var partContainment: Double
    /// …and together hold at least this share of the whole's words.
    public var partCoverage: Double

    public init(measure: SimilarityMeasure, confident: Double, margin: Double, candidate: Double,
                minimumWordsToMove: Int, renameEvidence: Int, partContainment: Double, partCoverage: Double) {
        self.measure = measure
        self.confident = confident
        self.margin = margin
        self.candidate = candidate
        self.minimumWordsToMove = minimumWordsToMove
        self.renameEvidence = renameEvidence
        self.partContainment = partContainment
        self.partCoverage = partCoverage
    }

    public static let standard = RelinkPolicy(measure: .mean, confident: 0.80, margin: 0.15, candidate: 0.45,
                                              minimumWordsToMove: 4, renameEvidence: 2, partContainment: 0.8, partCoverage: 0.85)
}
