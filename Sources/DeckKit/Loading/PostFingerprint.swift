import CCmarkGFM

/// Names exactly one parse of a post: its bytes, the part of its file name
/// that can become the deck's title, and the code that parses it. Two equal
/// fingerprints give the same `Deck`, so a `DeckOutline` kept under one
/// stands for the post whenever the fingerprint matches again.
///
/// The bytes are hashed whole (128 bits, about 4 ms for 12 MB) rather than
/// trusted to the file's size and modification time: an edit that keeps the
/// size within the time stamp's granularity (a typo fixed twice in a second
/// on a file system with coarse times, a copy with `cp -p`, `touch -r`) must
/// not read as the same post. A change of one 8-byte word always changes
/// the hash (each step is a bijection of the state); two or more collide by
/// chance only. The code is named by the caller (`loader`: the executable's
/// build) together with cmark-gfm's version, so an upgrade that parses
/// differently never reads an outline of the last one.
///
///     let fingerprint = PostFingerprint(bytes: bytes, file: "notes/aws.md", loader: "exe 48213 1764300000123456789")
///     fingerprint.key   // "post1 12011789 9f…e1 cmark 0.29.0.gfm.13 exe 48213 … \u{1F}aws"
public struct PostFingerprint: Hashable, Sendable {
    public let key: String

    public init(bytes: [UInt8], file: String, loader: String) {
        let (high, low) = Self.hash(bytes)
        let version = String(cString: cmark_version_string())
        key = "post1 \(bytes.count) \(Self.hex(high))\(Self.hex(low)) cmark \(version) \(loader)\u{1F}"
            + DeckLoader.fileTitle(file)
    }

    /// Two 64-bit lanes over the bytes, 8 at a time, then the length and a
    /// final mix. Each lane's step (xor a multiplied word, rotate, multiply
    /// by an odd constant) is a bijection of its state for a fixed word.
    static func hash(_ bytes: [UInt8]) -> (UInt64, UInt64) {
        var first: UInt64 = 0x9E37_79B9_7F4A_7C15, second: UInt64 = 0xC2B2_AE3D_27D4_EB4F
        bytes.withUnsafeBytes { raw in
            let words = raw.count / 8
            for index in 0..<words {
                let word = UInt64(littleEndian: raw.loadUnaligned(fromByteOffset: index * 8, as: UInt64.self))
                first = rotate(first ^ (word &* 0x87C3_7B91_1142_53D5), 31) &* 0x4CF5_AD43_2745_937F
                second = rotate(second ^ (word &* 0x52DC_E729_DA3E_D5B5), 27) &* 0x9FB2_1C65_1E98_DF25
            }
            var tail: UInt64 = 0
            for (shift, byte) in raw[(words * 8)...].enumerated() { tail |= UInt64(byte) << (UInt64(shift) * 8) }
            first = rotate(first ^ (tail &* 0x87C3_7B91_1142_53D5), 31) &* 0x4CF5_AD43_2745_937F
            second = rotate(second ^ (tail &* 0x52DC_E729_DA3E_D5B5), 27) &* 0x9FB2_1C65_1E98_DF25
        }
        return (mix(first ^ UInt64(bytes.count)), mix(second ^ UInt64(bytes.count) ^ first))
    }

    private static func rotate(_ value: UInt64, _ count: UInt64) -> UInt64 {
        (value << count) | (value >> (64 - count))
    }

    /// SplitMix64's finaliser: every input bit reaches every output bit.
    private static func mix(_ value: UInt64) -> UInt64 {
        var mixed = value
        mixed = (mixed ^ (mixed >> 30)) &* 0xBF58_476D_1CE4_E5B9
        mixed = (mixed ^ (mixed >> 27)) &* 0x94D0_49BB_1331_11EB
        return mixed ^ (mixed >> 31)
    }

    private static func hex(_ value: UInt64) -> String {
        let digits = String(value, radix: 16)
        return String(repeating: "0", count: 16 - digits.count) + digits
    }
}
