/// How `InlineText` keeps its spans: one byte array, one heap object per
/// text, with the plain text first so `plainText` is one contiguous copy.
///
///     varint   the byte count of the plain text
///     bytes    the spans' texts (UTF-8), one after another: the plain text
///     then, for each span in order:
///       byte     its style (`InlineStyle.rawValue`)
///       varint   the byte count of its text
///       varint   0 without a link; else 1 + the byte count of the link,
///                whose UTF-8 bytes follow
///
/// Varints are LEB128 (7 bits a byte, low bits first) in their shortest
/// form, so equal spans always give equal bytes; no spans is the empty
/// array, which allocates nothing. This is a layout in memory, never
/// written to a file (`DeckOutline` has its own stored form), so it can
/// change with the code.
///
///     [InlineSpan("Recall", style: .bold), InlineSpan(" is TP")]
///     // 12, "Recall is TP", 0x01 6 0, 0x00 6 0
enum InlineTextEncoding {
    static func encode(_ spans: [InlineSpan]) -> [UInt8] {
        guard !spans.isEmpty else { return [] }
        var plainCount = 0
        var size = 0
        for span in spans {
            let length = span.text.utf8.count
            let linkLength = span.link?.utf8.count
            plainCount += length
            size += 1 + varintSize(length) + varintSize(linkLength.map { $0 + 1 } ?? 0) + (linkLength ?? 0)
        }
        size += varintSize(plainCount) + plainCount
        return [UInt8](unsafeUninitializedCapacity: size) { buffer, count in
            var cursor = 0
            write(varint: plainCount, into: buffer, at: &cursor)
            for span in spans { write(span.text, into: buffer, at: &cursor) }
            for span in spans {
                buffer[cursor] = span.style.rawValue
                cursor += 1
                write(varint: span.text.utf8.count, into: buffer, at: &cursor)
                if let link = span.link {
                    write(varint: link.utf8.count + 1, into: buffer, at: &cursor)
                    write(link, into: buffer, at: &cursor)
                } else {
                    write(varint: 0, into: buffer, at: &cursor)
                }
            }
            precondition(cursor == size, "InlineTextEncoding sized \(size) bytes, wrote \(cursor)")
            count = size
        }
    }

    static func decode(_ encoded: [UInt8]) -> [InlineSpan] {
        guard !encoded.isEmpty else { return [] }
        return encoded.withUnsafeBufferPointer { bytes in
            var cursor = 0
            let plainCount = readVarint(bytes, at: &cursor)
            var textStart = cursor
            cursor += plainCount
            var spans: [InlineSpan] = []
            while cursor < bytes.count {
                let style = InlineStyle(rawValue: bytes[cursor])
                cursor += 1
                let length = readVarint(bytes, at: &cursor)
                let linkCode = readVarint(bytes, at: &cursor)
                var link: String?
                if linkCode > 0 {
                    link = string(bytes, cursor..<(cursor + linkCode - 1))
                    cursor += linkCode - 1
                }
                spans.append(InlineSpan(string(bytes, textStart..<(textStart + length)), style: style, link: link))
                textStart += length
            }
            return spans
        }
    }

    /// Whether any span has any of `styles`, read in place (no array).
    static func containsSpan(of encoded: [UInt8], styledAny styles: InlineStyle) -> Bool {
        var found = false
        forEachSpan(of: encoded, styledAny: styles) { _ in found = true }
        return found
    }

    /// Calls `body` with the text bytes of each span that has any of
    /// `styles`, in order, in place: no span or string is made.
    static func forEachSpan(of encoded: [UInt8], styledAny styles: InlineStyle,
                            _ body: (UnsafeBufferPointer<UInt8>) -> Void) {
        guard !encoded.isEmpty else { return }
        encoded.withUnsafeBufferPointer { bytes in
            var cursor = 0
            let plainCount = readVarint(bytes, at: &cursor)
            var textStart = cursor
            cursor += plainCount
            while cursor < bytes.count {
                let style = InlineStyle(rawValue: bytes[cursor])
                cursor += 1
                let length = readVarint(bytes, at: &cursor)
                let linkCode = readVarint(bytes, at: &cursor)
                if linkCode > 0 { cursor += linkCode - 1 }
                if !style.isDisjoint(with: styles) {
                    body(UnsafeBufferPointer(rebasing: bytes[textStart..<(textStart + length)]))
                }
                textStart += length
            }
        }
    }

    /// Calls `body` with the plain text's bytes, in place.
    static func withPlainBytes<Result>(of encoded: [UInt8], _ body: (UnsafeBufferPointer<UInt8>) -> Result) -> Result {
        encoded.withUnsafeBufferPointer { bytes in
            guard !bytes.isEmpty else { return body(UnsafeBufferPointer(start: nil, count: 0)) }
            var cursor = 0
            let plainCount = readVarint(bytes, at: &cursor)
            return body(UnsafeBufferPointer(rebasing: bytes[cursor..<(cursor + plainCount)]))
        }
    }

    private static func string(_ bytes: UnsafeBufferPointer<UInt8>, _ range: Range<Int>) -> String {
        String(decoding: UnsafeBufferPointer(rebasing: bytes[range]), as: UTF8.self)
    }

    private static func varintSize(_ value: Int) -> Int {
        var size = 1
        var rest = value >> 7
        while rest > 0 {
            size += 1
            rest >>= 7
        }
        return size
    }

    private static func write(varint value: Int, into buffer: UnsafeMutableBufferPointer<UInt8>, at cursor: inout Int) {
        var rest = value
        while rest >= 0x80 {
            buffer[cursor] = UInt8(rest & 0x7F) | 0x80
            cursor += 1
            rest >>= 7
        }
        buffer[cursor] = UInt8(rest)
        cursor += 1
    }

    private static func write(_ text: String, into buffer: UnsafeMutableBufferPointer<UInt8>, at cursor: inout Int) {
        var text = text
        text.withUTF8 { utf8 in
            guard let source = utf8.baseAddress, !utf8.isEmpty else { return }
            (buffer.baseAddress! + cursor).initialize(from: source, count: utf8.count)
            cursor += utf8.count
        }
    }

    private static func readVarint(_ bytes: UnsafeBufferPointer<UInt8>, at cursor: inout Int) -> Int {
        var value = 0
        var shift = 0
        while true {
            let byte = bytes[cursor]
            cursor += 1
            value |= Int(byte & 0x7F) << shift
            if byte < 0x80 { return value }
            shift += 7
        }
    }
}
