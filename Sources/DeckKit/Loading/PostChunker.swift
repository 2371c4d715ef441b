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
/// - inside a fenced code block at the top level a heading line is code, and
///   an HTML block (a line starting with `<`) can run past a heading line.
///   Whether a `<` line starts an HTML block is not always clear without
///   parsing (is it a tag? can it interrupt the paragraph above?), and inside
///   an HTML block a fence line is not a fence: so every reading is followed
///   at once (a small set of states), and a cut is made only where all of
///   them agree nothing is open;
/// - a link reference definition applies to the whole post, and can sit in a
///   list item or spread its label over lines: a post with `]:` anywhere is
///   not cut at all;
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
        // What may be open before the current line, under each way of
        // reading the lines so far that cmark might take.
        var readings: [OpenBlock] = [.top]
        var next: [OpenBlock] = [] // reused line after line
        while lineStart < bytes.count {
            var lineEnd = lineStart
            while lineEnd < bytes.count && bytes[lineEnd] != 0x0A {
                if bytes[lineEnd] == 0x0D && lineEnd + 1 < bytes.count && bytes[lineEnd + 1] != 0x0A { return whole }
                lineEnd += 1
            }
            let text = UnsafeBufferPointer(rebasing: bytes[lineStart..<lineEnd])
            let indent = leadingSpaces(text)
            if contains(text, "]:") { return whole } // perhaps a link reference definition
            // A cut is made only where every reading of the lines so far
            // agrees that nothing is open.
            if readings == [.top] && lineStart - pieceStart >= targetSize && startsHeading(text) {
                pieces.append(Piece(range: pieceStart..<lineStart, firstLine: pieceLine))
                pieceStart = lineStart
                pieceLine = line
            }
            next.removeAll(keepingCapacity: true)
            for reading in readings { advance(reading, over: text, indent: indent, into: &next) }
            swap(&readings, &next)
            line += 1
            lineStart = lineEnd + 1
        }
        pieces.append(Piece(range: pieceStart..<bytes.count, firstLine: pieceLine))
        return pieces
    }

    /// What a line can find open at the top level.
    enum OpenBlock: Equatable {
        case top
        /// A fence (or HTML block) at the top level: only its own end closes it.
        case fence(marker: UInt8, length: Int)
        case html(HTMLBlockEnd)
        /// The same inside a list item (the opening line was indented by
        /// `indent`): it also closes when a line ends the item, that is a
        /// non-blank line indented less than the item's content. That lies
        /// between `indent` − 3 and `indent`, unknown here, so a line in
        /// between is read both ways.
        case nestedFence(marker: UInt8, length: Int, indent: Int)
        case nestedHTML(HTMLBlockEnd, indent: Int)
    }

    /// The readings after `line`, from one reading before it.
    private static func advance(_ reading: OpenBlock, over line: UnsafeBufferPointer<UInt8>, indent: Int,
                                into next: inout [OpenBlock]) {
        func add(_ reading: OpenBlock) { if !next.contains(reading) { next.append(reading) } }
        // Whether the line ends a list item whose content an opening line
        // indented by `opening` was in: surely, perhaps, or not.
        func endsItem(openedAt opening: Int) -> (surely: Bool, perhaps: Bool) {
            guard !isBlank(line) else { return (false, false) }
            if indent == 0 || indent + 3 < opening { return (true, true) }
            return (false, indent < opening)
        }
        switch reading {
        case .top:
            if let fence = opensFence(line) {
                add(.fence(marker: fence.marker, length: fence.length))
                if indent > 0 { add(.nestedFence(marker: fence.marker, length: fence.length, indent: indent)) }
            } else if indent <= 3 && indent < line.count && line[indent] == UInt8(ascii: "<") {
                // Maybe an HTML block, maybe text (a `<` that is no tag, or a
                // tag that cannot interrupt a paragraph): every reading.
                add(.top)
                let end = HTMLBlockEnd(startingLine: UnsafeBufferPointer(rebasing: line[indent...]))
                if end == .blankLine || !end.isMet(by: line) {
                    add(.html(end))
                    if indent > 0 { add(.nestedHTML(end, indent: indent)) }
                }
            } else {
                add(.top)
            }
        case .fence(let marker, let length):
            add(closesFence(line, marker: marker, length: length) ? .top : reading)
        case .html(let end):
            add(end.isMet(by: line) ? .top : reading)
        case .nestedFence(let marker, let length, let opening):
            // A line that ends the item is outside it before it can close
            // anything in it: it is read at the top level.
            let ends = endsItem(openedAt: opening)
            if ends.perhaps { advance(.top, over: line, indent: indent, into: &next) }
            if !ends.surely { add(closesFence(line, marker: marker, length: length) ? .top : reading) }
        case .nestedHTML(let end, let opening):
            let ends = endsItem(openedAt: opening)
            if ends.perhaps { advance(.top, over: line, indent: indent, into: &next) }
            if !ends.surely { add(end.isMet(by: line) ? .top : reading) }
        }
    }

    private static func isBlank(_ line: UnsafeBufferPointer<UInt8>) -> Bool {
        line.allSatisfy { $0 == 0x20 || $0 == 0x09 || $0 == 0x0D }
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
                return PostChunker.isBlank(line)
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
