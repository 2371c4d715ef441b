/// Cuts a large post into pieces that cmark parses one at a time, so the
/// loader can walk one piece while the next is parsed, and never holds the
/// tree of the whole post (a 10 MB post's tree is over 100 MB).
///
/// A cut is made only before a line that starts, at column 0, an ATX heading
/// (`#` to `######`, then a space, a tab or the end of the line). Such a line
/// ends every open block, whatever came before: lists, quotes, tables,
/// paragraphs and fences inside them. So each piece parses exactly as it does
/// inside the whole post. The exceptions are made safe:
///
/// - inside a fenced code block at the top level a heading line is code: no
///   cut is made until the fence closes;
/// - an HTML block (a line starting with `<`) can run past a heading line:
///   no cut is made until it surely ends (its end marker, such as `-->`, or
///   a blank line);
/// - a link reference definition (a line starting with `[` with `]:`)
///   applies to the whole post: a post with one is not cut at all;
/// - a lone carriage return ends a line for cmark but not here, so line
///   numbers would drift: such a post is not cut either.
///
///     PostChunker.pieces(of: bytes, firstLine: 1, targetSize: 256 * 1024)
///     // [(range: 0..<262301, firstLine: 1), (range: 262301..<524890, firstLine: 5012), …]
enum PostChunker {
    /// One piece: its bytes in the post and the line it starts on.
    struct Piece: Equatable {
        var range: Range<Int>
        var firstLine: Int
    }

    /// Pieces of `bytes` of at least `targetSize` bytes each (the last may be
    /// smaller); one piece when the post cannot be cut safely.
    static func pieces(of bytes: UnsafeBufferPointer<UInt8>, firstLine: Int, targetSize: Int) -> [Piece] {
        let whole = [Piece(range: 0..<bytes.count, firstLine: firstLine)]
        var pieces: [Piece] = []
        var pieceStart = 0
        var pieceLine = firstLine
        var line = firstLine
        var lineStart = 0
        var openFence: (marker: UInt8, length: Int)?
        var openHTML: HTMLBlockEnd?
        while lineStart < bytes.count {
            var lineEnd = lineStart
            while lineEnd < bytes.count && bytes[lineEnd] != 0x0A {
                if bytes[lineEnd] == 0x0D && lineEnd + 1 < bytes.count && bytes[lineEnd + 1] != 0x0A { return whole }
                lineEnd += 1
            }
            let text = UnsafeBufferPointer(rebasing: bytes[lineStart..<lineEnd])
            let indent = leadingSpaces(text)
            // A line inside something that may still be open is never cut at.
            // Fences and HTML blocks are followed independently, each read
            // generously: a line cmark reads as code or HTML can then be
            // mistaken only for the start of more of either, never for a
            // place to cut. (Found by `LoaderFuzz --compare-cut`: a `<` line
            // that cmark keeps as text, then a fence, then a heading in it.)
            let inside = openFence != nil || openHTML != nil
            if let fence = openFence {
                if closesFence(text, marker: fence.marker, length: fence.length) { openFence = nil }
            } else if let fence = opensFence(text) {
                openFence = fence
            }
            if let html = openHTML {
                if html.isMet(by: text) { openHTML = nil }
            } else if indent <= 3 && indent < text.count && text[indent] == UInt8(ascii: "<") {
                let end = HTMLBlockEnd(startingLine: UnsafeBufferPointer(rebasing: text[indent...]))
                if !end.isMet(by: text) || end == .blankLine { openHTML = end }
            }
            if indent <= 3 && indent < text.count && text[indent] == UInt8(ascii: "[") && contains(text, "]:") {
                return whole
            }
            if !inside && lineStart - pieceStart >= targetSize && startsHeading(text) {
                pieces.append(Piece(range: pieceStart..<lineStart, firstLine: pieceLine))
                pieceStart = lineStart
                pieceLine = line
            }
            line += 1
            lineStart = lineEnd + 1
        }
        pieces.append(Piece(range: pieceStart..<bytes.count, firstLine: pieceLine))
        return pieces
    }

    /// How an HTML block that starts on a line ends (CommonMark's seven kinds,
    /// read generously: waiting longer than cmark only means fewer cuts).
    enum HTMLBlockEnd: Equatable {
        /// Kinds 1 to 5: a line containing this text (`-->`, `?>`, `>`,
        /// `]]>`, or a closing `</pre>`-like tag, in any case).
        case marker([UInt8])
        /// Kinds 6 and 7: a blank line.
        case blankLine

        init(startingLine line: UnsafeBufferPointer<UInt8>) {
            let lower = line.prefix(12).map { $0 >= 0x41 && $0 <= 0x5A ? $0 | 0x20 : $0 }
            func starts(_ text: String) -> Bool { lower.starts(with: Array(text.utf8)) }
            if starts("<!--") { self = .marker(Array("-->".utf8)); return }
            if starts("<![cdata[") { self = .marker(Array("]]>".utf8)); return }
            if starts("<?") { self = .marker(Array("?>".utf8)); return }
            for tag in ["pre", "script", "style", "textarea"] where starts("<" + tag) {
                let after = lower.count > tag.count + 1 ? lower[tag.count + 1] : 0x20
                if after == 0x20 || after == 0x09 || after == UInt8(ascii: ">") || after == 0x0D {
                    self = .marker(Array("</\(tag)>".utf8))
                    return
                }
            }
            if starts("<!") { self = .marker(Array(">".utf8)); return }
            self = .blankLine
        }

        func isMet(by line: UnsafeBufferPointer<UInt8>) -> Bool {
            switch self {
            case .blankLine:
                return line.allSatisfy { $0 == 0x20 || $0 == 0x09 || $0 == 0x0D }
            case .marker(let marker):
                let lower = line.map { $0 >= 0x41 && $0 <= 0x5A ? $0 | 0x20 : $0 }
                guard lower.count >= marker.count else { return false }
                return (0...(lower.count - marker.count)).contains { start in
                    lower[start..<(start + marker.count)].elementsEqual(marker)
                }
            }
        }
    }

    /// `#` to `######` at column 0, then a space, a tab, a line end or nothing.
    static func startsHeading(_ line: UnsafeBufferPointer<UInt8>) -> Bool {
        var hashes = 0
        while hashes < line.count && line[hashes] == UInt8(ascii: "#") { hashes += 1 }
        guard (1...6).contains(hashes) else { return false }
        guard hashes < line.count else { return true }
        let next = line[hashes]
        return next == 0x20 || next == 0x09 || next == 0x0D
    }

    /// An opening code fence: up to three spaces, then three or more backticks
    /// (with no backtick after them) or tildes.
    private static func opensFence(_ line: UnsafeBufferPointer<UInt8>) -> (marker: UInt8, length: Int)? {
        let indent = leadingSpaces(line)
        guard indent <= 3, indent < line.count else { return nil }
        let marker = line[indent]
        guard marker == UInt8(ascii: "`") || marker == UInt8(ascii: "~") else { return nil }
        var end = indent
        while end < line.count && line[end] == marker { end += 1 }
        guard end - indent >= 3 else { return nil }
        if marker == UInt8(ascii: "`") && line[end...].contains(marker) { return nil }
        return (marker, end - indent)
    }

    /// A closing fence: up to three spaces, at least as many of the same
    /// marker, then only spaces.
    private static func closesFence(_ line: UnsafeBufferPointer<UInt8>, marker: UInt8, length: Int) -> Bool {
        let indent = leadingSpaces(line)
        guard indent <= 3 else { return false }
        var end = indent
        while end < line.count && line[end] == marker { end += 1 }
        guard end - indent >= length else { return false }
        return line[end...].allSatisfy { $0 == 0x20 || $0 == 0x09 || $0 == 0x0D }
    }

    private static func leadingSpaces(_ line: UnsafeBufferPointer<UInt8>) -> Int {
        var count = 0
        while count < line.count && line[count] == 0x20 { count += 1 }
        return count
    }

    private static func contains(_ line: UnsafeBufferPointer<UInt8>, _ needle: StaticString) -> Bool {
        let pattern = UnsafeBufferPointer(start: needle.utf8Start, count: needle.utf8CodeUnitCount)
        guard line.count >= pattern.count else { return false }
        for start in 0...(line.count - pattern.count) where line[start] == pattern[0] {
            if (0..<pattern.count).allSatisfy({ line[start + $0] == pattern[$0] }) { return true }
        }
        return false
    }
}
