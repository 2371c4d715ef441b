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
        var key = normalise(deck)
        for title in path {
            key += "\u{1F}" + normalise(title)
        }
        key += "\u{1F}" + normalise(text)
        if occurrence > 1 { key += "#\(occurrence)" }
        let digest = SHA256.hash(Array(key.utf8))
        return FactID(rawValue: hex(digest.prefix(8)))
    }

    /// Lowercased, white space folded to single spaces, trimmed: so re-wrapping
    /// or re-casing a line in the post keeps its progress.
    static func normalise(_ text: String) -> String {
        var result = ""
        result.reserveCapacity(text.utf8.count)
        var pendingSpace = false
        for character in text.lowercased() {
            if character.isWhitespace {
                pendingSpace = !result.isEmpty
            } else {
                if pendingSpace { result.append(" ") }
                pendingSpace = false
                result.append(character)
            }
        }
        return result
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
