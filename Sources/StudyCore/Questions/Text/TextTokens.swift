import CWordBreak

/// A text cut into words at ICU's word boundaries, kept as UTF-16 so the
/// boundaries index it directly.
///
/// Every question blanks, masks or swaps whole tokens only, so a blank can
/// never fall inside a word ("destiHigh Availabilityion") or erase digits of
/// another number. ICU's dictionaries segment Chinese and Japanese, so
/// "亚马逊SageMaker是一种完全托管的机器学习服务" gives 亚马逊 · SageMaker · 是 · 一种 ·
/// 完全 · 托管 · 的 · 机器 · 学习 · 服务 rather than one clause.
///
///     let tokens = TextTokens("Reduces costs by up to 75%.")
///     tokens.words.map { tokens.string($0.range) }   // ["Reduces", "costs", "by", "up", "to", "75"]
public struct TextTokens: Sendable {
    /// What a segment holds, from ICU's rule status.
    public enum Kind: UInt8, Sendable {
        case other = 0, number, letter, kana, ideographic

        /// Letters, digits or CJK: a word, as opposed to spaces and punctuation.
        public var isWord: Bool { self != .other }
        public var isCJK: Bool { self == .kana || self == .ideographic }
    }

    public struct Token: Sendable, Hashable {
        /// UTF-16 offsets into `units`.
        public var range: Range<Int>
        public var kind: Kind
    }

    public let units: [UInt16]
    /// Every segment in order, spaces and punctuation included.
    public let segments: [Token]
    /// The word segments only.
    public let words: [Token]

    public init(_ text: String) {
        units = Array(text.utf16)
        segments = Self.segment(units)
        words = segments.filter { $0.kind.isWord }
    }

    public func string(_ range: Range<Int>) -> String {
        units.withUnsafeBufferPointer { Self.decode(UnsafeBufferPointer(rebasing: $0[range])) }
    }

    public var text: String { units.withUnsafeBufferPointer { Self.decode($0) } }

    /// UTF-16 to a String; ASCII (most words, and asked many times per
    /// question) is copied byte for byte rather than through the general
    /// decoder, which was a tenth of a question's time.
    private static func decode(_ units: UnsafeBufferPointer<UInt16>) -> String {
        guard units.allSatisfy({ $0 < 0x80 }) else { return String(decoding: units, as: UTF16.self) }
        return String(unsafeUninitializedCapacity: units.count) { bytes in
            for index in units.indices { bytes[index] = UInt8(truncatingIfNeeded: units[index]) }
            return units.count
        }
    }

    /// The text between two UTF-16 offsets, as the units say (no words).
    public func gap(from start: Int, to end: Int) -> String {
        start < end ? string(start..<end) : ""
    }

    private static func segment(_ units: [UInt16]) -> [Token] {
        guard !units.isEmpty, units.count < Int(Int32.max) else { return [] }
        var capacity = units.count / 3 + 16
        while true {
            var ends = [Int32](repeating: 0, count: capacity)
            var kinds = [UInt8](repeating: 0, count: capacity)
            let count = units.withUnsafeBufferPointer { text in
                ends.withUnsafeMutableBufferPointer { endsBuffer in
                    kinds.withUnsafeMutableBufferPointer { kindsBuffer in
                        awsml_word_segments(text.baseAddress, Int32(text.count), endsBuffer.baseAddress,
                                            kindsBuffer.baseAddress, Int32(capacity))
                    }
                }
            }
            if count < 0 { return [Token(range: 0..<units.count, kind: .other)] }
            if Int(count) > capacity { capacity = Int(count); continue }
            var tokens: [Token] = []
            tokens.reserveCapacity(Int(count))
            var start = 0
            for index in 0..<Int(count) {
                let end = Int(ends[index])
                var kind = Kind(rawValue: kinds[index]) ?? .other
                // ICU calls a katakana word a letter word; it is Japanese all the same.
                if kind == .letter, (0x30A0...0x30FF).contains(UInt32(units[start])) || (0x3040...0x309F).contains(UInt32(units[start])) {
                    kind = .kana
                }
                tokens.append(Token(range: start..<end, kind: kind))
                start = end
            }
            return tokens
        }
    }
}
