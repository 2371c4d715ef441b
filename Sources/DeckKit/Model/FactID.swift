/// The identity of a fact, the key of its progress in the store.
///
/// It is the first 64 bits (16 hex digits) of the SHA-256 of the deck's
/// identity, the fact's topic path and its normalised text, joined with
/// U+001F. Editing one fact changes only that fact's id; moving a topic
/// within the post changes nothing, because the path is made of titles, not
/// positions. Two identical facts in one topic get `#2`, `#3` … appended to the
/// text before hashing.
///
///     FactID.make(deck: "AWS …", path: ["Amazon EMR"], text: "Instantly provisions capacity …")
///
/// Sixteen lowercase hex digits (every id the loader makes) are kept as the
/// 64-bit number they spell, not as a string: 16 bytes is one more than a
/// Swift string holds inline, so each id was a heap object, and hashing and
/// comparing 100,000 of them (the statistics, the tree's labels, following
/// the notes) was a string compare at every probe. Any other raw value (an
/// id from a test, or a store edited by hand) is kept as it is; the two
/// forms never spell the same raw value, so equality is the raw value's.
public struct FactID: Hashable, Sendable, Comparable, CustomStringConvertible {
    /// The number the 16 hex digits spell; 0 when `other` holds the id.
    let bits: UInt64
    /// An id that is not 16 lowercase hex digits, as given.
    let other: String?

    public init(rawValue: String) {
        if let bits = Self.bits(ofHex: rawValue.utf8) {
            self.bits = bits
            other = nil
        } else {
            bits = 0
            other = rawValue
        }
    }

    /// The id whose 16 hex digits spell `bits`.
    init(bits: UInt64) {
        self.bits = bits
        other = nil
    }

    /// The id spelled by these UTF-8 bytes (a store's column, an outline),
    /// read without making a string first for the common, hex, form; nil
    /// when they are not valid UTF-8.
    public init?(utf8 bytes: UnsafeBufferPointer<UInt8>) {
        if let bits = Self.bits(ofHex: bytes) {
            self.bits = bits
            other = nil
        } else {
            guard let text = String(validating: bytes, as: UTF8.self) else { return nil }
            bits = 0
            other = text
        }
    }

    /// The 64-bit number the id's 16 hex digits spell, nil for an id of
    /// another form: what an index keyed by numbers reads, without spelling
    /// the digits out as a string and reading them back.
    public var hexNumber: UInt64? { other == nil ? bits : nil }

    /// The id as written in the store and in exports.
    public var rawValue: String {
        if let other { return other }
        return String(unsafeUninitializedCapacity: 16) { buffer in
            for index in 0..<16 {
                let digit = UInt8((bits >> (60 - 4 * UInt64(index))) & 0xF)
                buffer[index] = digit < 10 ? 0x30 + digit : 0x57 + digit
            }
            return 16
        }
    }

    public var description: String { rawValue }

    /// The raw values' order: for two hex ids, the numbers' (same width,
    /// and "0"…"9" sort before "a"…"f").
    public static func < (lhs: FactID, rhs: FactID) -> Bool {
        if lhs.other == nil && rhs.other == nil { return lhs.bits < rhs.bits }
        return lhs.rawValue < rhs.rawValue
    }

    /// Exactly 16 digits 0-9, a-f: what `make` writes.
    /// Without a branch per digit: whether a digit is 0-9 or a-f is a coin
    /// toss the processor cannot predict, and the statistics read 180,000
    /// ids from the store.
    private static func bits<Bytes: Collection>(ofHex bytes: Bytes) -> UInt64? where Bytes.Element == UInt8 {
        guard bytes.count == 16 else { return nil }
        var value: UInt64 = 0
        var valid: UInt8 = 1
        for byte in bytes {
            let decimal = byte &- 0x30, letter = byte &- 0x61
            let isDecimal: UInt8 = decimal < 10 ? 1 : 0, isLetter: UInt8 = letter < 6 ? 1 : 0
            valid &= isDecimal | isLetter
            value = value << 4 | UInt64(isDecimal == 1 ? decimal : letter &+ 10)
        }
        return valid == 1 ? value : nil
    }

    /// Builds the id from the parts that define a fact.
    public static func make(deck: String, path: [String], text: String, occurrence: Int = 1) -> FactID {
        make(topicKey: topicKey(deck: deck, path: path), normalisedText: normalise(text), occurrence: occurrence)
    }

    /// The part of the hashed key shared by every fact of one topic: worked
    /// out once per topic, not once per fact.
    static func topicKey(deck: String, path: [String]) -> String {
        var key = normalise(deck)
        for title in path {
            key += "\u{1F}" + normalise(title)
        }
        return key
    }

    /// The id from a topic key and text already normalised.
    static func make(topicKey: String, normalisedText: String, occurrence: Int) -> FactID {
        var key = topicKey + "\u{1F}" + normalisedText
        if occurrence > 1 { key += "#\(occurrence)" }
        let digest = SHA256.hash(Array(key.utf8))
        return FactID(bits: digest.prefix(8).reduce(0) { $0 << 8 | UInt64($1) })
    }

    /// Lowercased, white space folded to single spaces, trimmed: so re-wrapping
    /// or re-casing a line in the post keeps its progress. Works on UTF-8
    /// bytes with an ASCII fast path: it runs once per fact on every load.
    static func normalise(_ text: String) -> String {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(text.utf8.count)
        var pendingSpace = false
        func append(nonSpace byte: UInt8) {
            if pendingSpace { bytes.append(0x20) }
            pendingSpace = false
            bytes.append(byte)
        }
        if text.utf8.allSatisfy({ $0 < 0x80 }) {
            for byte in text.utf8 {
                switch byte {
                case 0x20, 0x09...0x0D: pendingSpace = !bytes.isEmpty
                case 0x41...0x5A: append(nonSpace: byte + 0x20)
                default: append(nonSpace: byte)
                }
            }
        } else {
            for scalar in text.unicodeScalars {
                let isSpace = scalar.isASCII
                    ? (scalar == " " || (0x09...0x0D).contains(scalar.value))
                    : scalar.properties.isWhitespace
                if isSpace {
                    pendingSpace = !bytes.isEmpty
                } else if scalar.isASCII {
                    append(nonSpace: (0x41...0x5A).contains(scalar.value) ? UInt8(scalar.value + 0x20) : UInt8(scalar.value))
                } else {
                    for (index, byte) in scalar.properties.lowercaseMapping.utf8.enumerated() {
                        if index == 0 { append(nonSpace: byte) } else { bytes.append(byte) }
                    }
                }
            }
        }
        return String(decoding: bytes, as: UTF8.self)
    }
}
