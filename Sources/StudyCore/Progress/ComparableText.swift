/// A fact's text reduced to what the relinker compares: lowercased words,
/// with punctuation, Markdown marks and link targets gone.
///
/// `"**Amazon S3** is [durable](https://aws…)."` and `"amazon s3 is durable"`
/// have the same `key`, so re-casing, re-punctuating or re-marking a fact is
/// not even an edit. Each Chinese, Japanese or Korean character is a word of
/// its own: those scripts put no spaces between words, and one character is
/// the unit a typo changes.
public struct ComparableText: Hashable, Sendable {
    /// The words joined by single spaces: equal keys are the same text.
    public let key: String
    /// The distinct words, sorted (for the word measures).
    let words: [String]
    /// Every pair of adjacent characters of the words run together, as two
    /// scalars in one number, sorted (for the character measure).
    let bigrams: [UInt64]

    public init(_ text: String) {
        key = Self.key(of: text)
        words = Array(Set(key.split(separator: " ").map(String.init))).sorted()
        var scalars: [UInt32] = []
        scalars.reserveCapacity(key.unicodeScalars.count)
        for scalar in key.unicodeScalars where scalar != " " { scalars.append(scalar.value) }
        var pairs: [UInt64] = []
        if scalars.count > 1 {
            pairs.reserveCapacity(scalars.count - 1)
            for index in 1..<scalars.count { pairs.append(UInt64(scalars[index - 1]) << 32 | UInt64(scalars[index])) }
        } else if let only = scalars.first {
            pairs.append(UInt64(only))
        }
        bigrams = pairs.sorted()
    }

    /// How many distinct words.
    public var wordCount: Int { words.count }

    /// About how many words a reader sees: each Chinese or Japanese
    /// character is a "word" here, but a word of those scripts is two to
    /// three characters, so three count as one ("エントリを返します", "returns
    /// the entry", is 3, not 9).
    public var readWordCount: Int {
        var latin = 0, cjk = 0
        for token in key.split(separator: " ") {
            if token.unicodeScalars.count == 1, let scalar = token.unicodeScalars.first, Self.isCJK(scalar.value) {
                cjk += 1
            } else {
                latin += 1
            }
        }
        return latin + cjk / 3
    }

    /// How alike two texts are, from 0 (nothing shared) to 1 (the same key),
    /// by `measure`.
    public func similarity(to other: ComparableText, by measure: SimilarityMeasure) -> Double {
        switch measure {
        case .words: wordDice(other)
        case .characters: characterDice(other)
        case .mean: (wordDice(other) + characterDice(other)) / 2
        case .lower: min(wordDice(other), characterDice(other))
        }
    }

    /// Dice coefficient of the two sets of words: 2|A∩B| / (|A| + |B|).
    /// Blind to word order and to how often a word repeats.
    public func wordDice(_ other: ComparableText) -> Double {
        let total = words.count + other.words.count
        guard total > 0 else { return 1 }
        return Double(2 * Self.sharedCount(words, other.words)) / Double(total)
    }

    /// Dice coefficient of the two multisets of character pairs: a typo
    /// changes two or three pairs of a sentence, where it changes a whole
    /// word of it.
    public func characterDice(_ other: ComparableText) -> Double {
        let total = bigrams.count + other.bigrams.count
        guard total > 0 else { return 1 }
        return Double(2 * Self.sharedCount(bigrams, other.bigrams)) / Double(total)
    }

    /// The share of this text's words that `other` holds: near 1 for each
    /// part of a fact that was cut in two, measured against the whole.
    public func containment(in other: ComparableText) -> Double {
        guard !words.isEmpty else { return 0 }
        return Double(Self.sharedCount(words, other.words)) / Double(words.count)
    }

    /// How many distinct words the two texts share.
    func sharedWords(with other: ComparableText) -> Int {
        Self.sharedCount(words, other.words)
    }

    /// The share of this text's words found in `first` or `second`.
    func coverage(by first: ComparableText, _ second: ComparableText) -> Double {
        guard !words.isEmpty else { return 0 }
        let union = Array(Set(first.words).union(second.words)).sorted()
        return Double(Self.sharedCount(words, union)) / Double(words.count)
    }

    /// Elements two sorted arrays share, repeats counted as often as both hold them.
    private static func sharedCount<T: Comparable>(_ left: [T], _ right: [T]) -> Int {
        var leftIndex = 0, rightIndex = 0, shared = 0
        while leftIndex < left.count && rightIndex < right.count {
            if left[leftIndex] == right[rightIndex] {
                shared += 1
                leftIndex += 1
                rightIndex += 1
            } else if left[leftIndex] < right[rightIndex] {
                leftIndex += 1
            } else {
                rightIndex += 1
            }
        }
        return shared
    }

    /// The key alone, without the sets: what every fact of a large deck
    /// needs (for the same-text index), made in one pass over the bytes.
    ///
    ///     ComparableText.key(of: "Use `aws s3 ls` (see [docs](https://x)).")   // "use aws s3 ls see docs"
    public static func key(of text: String) -> String {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(text.utf8.count)
        var pendingSpace = false
        func appendWordPart(_ part: some Sequence<UInt8>) {
            if pendingSpace && !bytes.isEmpty { bytes.append(0x20) }
            pendingSpace = false
            bytes.append(contentsOf: part)
        }
        if text.utf8.allSatisfy({ $0 < 0x80 }) {
            // Most notes are ASCII: bytes, with no scalar array and no property lookups.
            let ascii = Array(text.utf8)
            var index = 0
            while index < ascii.count {
                let byte = ascii[index]
                if byte == 0x5D, index + 1 < ascii.count, ascii[index + 1] == 0x28,
                   let close = ascii[(index + 2)...].firstIndex(of: 0x29) {
                    pendingSpace = true
                    index = close + 1
                    continue
                }
                index += 1
                switch byte {
                case 0x30...0x39, 0x61...0x7A: appendWordPart(CollectionOfOne(byte))
                case 0x41...0x5A: appendWordPart(CollectionOfOne(byte + 0x20))
                default: pendingSpace = true
                }
            }
            return String(decoding: bytes, as: UTF8.self)
        }
        let scalars = Array(text.unicodeScalars)
        var index = 0
        while index < scalars.count {
            let scalar = scalars[index]
            // A link's target is not part of what the fact says: `](…)` is skipped whole.
            if scalar == "]", index + 1 < scalars.count, scalars[index + 1] == "(",
               let close = scalars[(index + 2)...].firstIndex(of: ")") {
                pendingSpace = true
                index = close + 1
                continue
            }
            index += 1
            let value = scalar.value
            if value < 0x80 {
                switch value {
                case 0x30...0x39, 0x61...0x7A: appendWordPart(CollectionOfOne(UInt8(value)))
                case 0x41...0x5A: appendWordPart(CollectionOfOne(UInt8(value + 0x20)))
                default: pendingSpace = true
                }
            } else if isCJK(value) {
                pendingSpace = true
                appendWordPart(String(scalar).utf8)
                pendingSpace = true
            } else if scalar.properties.isAlphabetic || scalar.properties.numericType != nil
                        || scalar.properties.generalCategory == .nonspacingMark {
                appendWordPart(scalar.properties.lowercaseMapping.utf8)
            } else {
                pendingSpace = true
            }
        }
        return String(decoding: bytes, as: UTF8.self)
    }

    /// Han, kana and Hangul: scripts written without spaces between words.
    private static func isCJK(_ value: UInt32) -> Bool {
        switch value {
        case 0x3040...0x30FF, 0x3400...0x4DBF, 0x4E00...0x9FFF, 0xF900...0xFAFF, 0xAC00...0xD7AF,
             0x20000...0x2FA1F:
            true
        default:
            false
        }
    }
}

/// How two texts are compared. `FactRelinker` uses the one `RelinkPolicy`
/// names; the others stay so that `RelinkBenchmark` can measure the choice.
public enum SimilarityMeasure: String, Hashable, Sendable, CaseIterable {
    /// Dice of the word sets: forgives reordering, not typos in short facts.
    case words
    /// Dice of the character pairs: forgives typos, but two different facts
    /// of one topic share many pairs.
    case characters
    /// The mean of the two.
    case mean
    /// The lower of the two: alike only if alike both ways.
    case lower
}
