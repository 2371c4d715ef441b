/// The test behind every fast path for text: is it all printable ASCII
/// (0x20…0x7E)? Such text is one byte, one grapheme and one column per
/// character, so it needs no grapheme breaking and no width lookups.
///
///     PrintableASCII.test("Pipe mode")   // true
///     PrintableASCII.test("機械")         // false
///
/// It reads the contiguous UTF-8 bytes when the string has them (a native
/// Swift string always does), which is several times faster than walking
/// `utf8` through a generic `allSatisfy`.
enum PrintableASCII {
    static func test<S: StringProtocol>(_ text: S) -> Bool {
        if let answer = text.utf8.withContiguousStorageIfAvailable({ test($0) }) { return answer }
        return text.utf8.allSatisfy { $0 >= 0x20 && $0 < 0x7F }
    }

    static func test(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        for byte in bytes where byte < 0x20 || byte >= 0x7F { return false }
        return true
    }
}
