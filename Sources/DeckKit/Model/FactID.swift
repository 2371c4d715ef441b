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
public struct FactID: Hashable, Sendable, Comparable, CustomStringConvertible {
    public let rawValue: String

    public init(rawValue: String) {
        self.rawValue = rawValue
    }

    public var description: String { rawValue }

    public static func < (lhs: FactID, rhs: FactID) -> Bool { lhs.rawValue < rhs.rawValue }

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
        return FactID(rawValue: hex(digest.prefix(8)))
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

    private static func hex<S: Sequence>(_ bytes: S) -> String where S.Element == UInt8 {
        let digits = Array("0123456789abcdef".utf8)
        var out: [UInt8] = []
        for byte in bytes {
            out.append(digits[Int(byte >> 4)])
            out.append(digits[Int(byte & 0xF)])
        }
        return String(decoding: out, as: UTF8.self)
    }
}
